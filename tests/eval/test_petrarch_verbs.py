"""PETRARCH verb dictionaries into detente patterns: translation, codes, what is skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.coding.patterns import Pattern, PatternSet
from detente.coding.petrarch import cameo_code, import_verbs, with_codes
from detente.coding.verbpatterns import dictionary_codes, read_code, verb_forms
from detente.errors import DataError
from detente.ontology import Ontology, load_ontology

VERBS = """\
<!-- a tiny verb dictionary -->
&CURRENCY
+DOLLARS
+SWISS FRANCS
&TIETYPES
+MILITARY
+ECONOMIC

--- MEET  [031] ---
MEET
- * WITH + [036]
- * +  [033]
- * &CURRENCY [071]
- * TRADE PROTOCOL [085]
- * (ON {PEACE PLAN}) [037]
- NOT * [112]          # words before the verb: negation is the coder's business
- * IN $ TO + [042]    # source and target after the verb
- * CARD [---]         # null code blocks coding: not expressible
- % * [030:030]        # compound actor
- * (TO LIST) (OF BANNED) [172]

--- BREAK  [1717]  ---
BREAK {BROKE BROKEN}
+BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN}
WIRE_+TAP
- * TREATY [161]

--- ARRIVE  [032:033]  ---
ARRIVE
- * ABC [def]

--- EXTRADITE  [174] ---
EXTRADITE
- + WAS_ * [174]
"""


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return load_ontology()


@pytest.fixture()
def imported(tmp_path: Path, ontology: Ontology
             ) -> tuple[PatternSet, list[DataError], dict[str, int]]:
    path = tmp_path / "test.verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    problems: list[DataError] = []
    counts: dict[str, int] = {}
    return import_verbs(path, ontology, problems, counts=counts), problems, counts


def _by_line(ps: PatternSet, lemma: str, line: int) -> list[Pattern]:
    return [p for p in ps.candidates(False, lemma) if p.where.endswith(f":{line}")]


def _line(text: str) -> int:
    return next(n for n, line in enumerate(VERBS.splitlines(), start=1)
                if line.startswith(text))


def test_codes() -> None:
    ont = load_ontology()
    assert read_code("032:033") == ("032", "033")
    assert read_code("---") == (None, None)
    assert read_code("025?") == ("025", None)
    with pytest.raises(ValueError):
        read_code("abc")
    assert cameo_code("1717", ont) == "171"
    assert cameo_code("174K", ont) == "174"
    assert cameo_code("0352", ont) == "0352"
    assert cameo_code("903", ont) is None
    extended = with_codes(ont, {"903", "1717"})
    assert cameo_code("903", extended) == "903"
    assert extended["1717"].root == "17"
    assert verb_forms("cordon") == ["cordons", "cordoned", "cordoning"]
    assert verb_forms("agree") == ["agrees", "agreed", "agreeing"]


def test_translation(imported: tuple[PatternSet, list[DataError], dict[str, int]]) -> None:
    ps, _, _ = imported
    with_ = _by_line(ps, "meet", _line("- * WITH +"))
    assert [(p.prep, p.target, p.cameo) for p in with_] == [(frozenset({"with"}), "pobj",
                                                             "036")]
    dobj = _by_line(ps, "meet", _line("- * +"))
    assert [(p.obj, p.prep, p.target) for p in dobj] == [(None, None, "dobj")]
    money = _by_line(ps, "meet", _line("- * &CURRENCY"))
    # the synset's members as word sequences ("swiss francs": both words, in order), with a
    # preposition variant (more specific: tried first) and a direct-object one
    assert [p.target for p in money] == ["pobj", "dobj"]
    seqs = {tuple(tuple(tuple(sorted(step)) for step in grp) for grp in seq)
            for seq in money[1].obj.sequences}
    assert seqs == {((("dollar", "dollars"),),), ((("swiss",), ("franc", "francs")),)}
    proto = _by_line(ps, "meet", _line("- * TRADE PROTOCOL"))
    assert len(proto) == 2 and not proto[0].obj.words  # no head-only approximation
    assert proto[0].obj.matches("protocol", "trade protocol", "protocol", phrase=[
        ("an", "an"), ("annual", "annual"), ("trade", "trade"), ("protocol", "protocol")])
    assert not proto[0].obj.matches("protocol", "protocol", "protocol", phrase=[
        ("a", "a"), ("protocol", "protocol")])
    peace = _by_line(ps, "meet", _line("- * (ON {PEACE PLAN})"))
    assert peace[0].prep == frozenset({"on"}) and peace[0].pobj.matches(
        "plan", "peace plan", "plan", phrase=[("the", "the"), ("peace", "peace"),
                                              ("plan", "plan")])
    assert peace[0].target == "dobj"
    passive = _by_line(ps, "extradite", _line("- + WAS_ *"))
    assert [p.target for p in passive] == ["dobj"]


def test_verbs_and_defaults(imported: tuple[PatternSet, list[DataError], dict[str, int]]
                            ) -> None:
    ps, _, counts = imported
    default = _by_line(ps, "meet", _line("MEET"))
    assert {p.cameo for p in default} == {"031"}
    # the defaults come after the block's patterns of the same specificity
    assert max(p.order for p in ps.candidates(False, "meet") if p not in default) < min(
        p.order for p in default)
    phrasal = [p for p in ps.candidates(False, "break") if p.prt == "down"]
    assert phrasal and {p.cameo for p in phrasal} >= {"171", "161"}  # 1717 mapped
    assert counts["codes mapped to a CAMEO parent"] >= 1
    assert counts["reciprocal codes"] >= 1
    # WIRE_+TAP: "wire" right before the verb, tied to it
    tap = ps.candidates(False, "tap")
    assert tap and all(p.before is not None and p.before_size == 1 for p in tap)
    assert {p.cameo for p in tap} == {"171", "161"}
    arrive = ps.candidates(False, "arrive")
    assert {p.cameo for p in arrive} == {"032"}
    assert {p.reciprocal for p in arrive} == {"033"}  # [032:033]: the host receives


def test_what_cannot_be_expressed_is_reported(
        imported: tuple[PatternSet, list[DataError], dict[str, int]]) -> None:
    _, problems, _ = imported
    found = {p.line: p.problem for p in problems}
    assert _line("- NOT *") not in found  # a negated verb: see test_negated_pattern
    assert "source" in found[_line("- * IN $ TO +")]
    assert "null code" in found[_line("- * CARD")]
    assert _line("- % *") not in found  # a compound subject: see test_compound_subject
    assert "more than one prepositional phrase" in found[_line("- * (TO LIST)")]
    assert _line("WIRE_+TAP") not in found  # words before a phrasal verb: see below
    assert "bad event code" in found[_line("- * ABC")]
    assert all(p.path.endswith("test.verbs.txt") for p in problems)


def test_target_words_narrow_the_preposition_variant(tmp_path: Path, ontology: Ontology
                                                     ) -> None:
    path = tmp_path / "v.txt"
    path.write_text("--- URGE [102] ---\nURGE\n", encoding="utf-8")
    ps = import_verbs(path, ontology, target_words=frozenset({"gondor"}))
    first = ps.candidates(False, "urge")[0]
    assert first.target == "pobj" and first.pobj is not None
    assert first.pobj.words == frozenset({"gondor"})


def test_dictionary_codes(tmp_path: Path) -> None:
    path = tmp_path / "v.txt"
    path.write_text(VERBS, encoding="utf-8")
    assert {"031", "036", "1717", "032", "033"} <= dictionary_codes(path)


def test_compound_subject(imported: tuple[PatternSet, list[DataError], dict[str, int]]
                          ) -> None:
    ps, _, _ = imported
    (pat,) = {p.id: p for p in _by_line(ps, "meet", _line("- % *"))}.values()
    assert pat.compound and pat.cameo == "030" and pat.reciprocal == "030"
    assert pat.target == "none"


def test_a_lemma_two_blocks_claim_keeps_each_blocks_forms(tmp_path: Path, ontology: Ontology
                                                          ) -> None:
    path = tmp_path / "v.txt"
    path.write_text("--- MEET [031:031] ---\nMEET\n--- MET [031:032] ---\nMET\n"
                    "--- URGE [102] ---\nURGE\n", encoding="utf-8")
    lemmas = {"met": "meet"}
    ps = import_verbs(path, ontology, lemmatize=lambda w: lemmas.get(w, w))
    by_back = {p.reciprocal: p for p in ps.candidates(False, "meet")}
    assert by_back["031"].forms is not None and "meet" in by_back["031"].forms
    assert by_back["032"].forms is not None and "met" in by_back["032"].forms
    assert "met" not in by_back["031"].forms
    # every verb keeps its forms, as PETRARCH matches words: "urges", not "urgees"
    assert all(p.forms is not None and {"urge", "urges", "urged", "urging"} <= p.forms
               for p in ps.candidates(False, "urge"))


def test_negated_pattern(imported: tuple[PatternSet, list[DataError], dict[str, int]]
                         ) -> None:
    ps, _, _ = imported
    pats = _by_line(ps, "meet", _line("- NOT *"))
    assert pats and all(p.negated and p.cameo == "112" for p in pats)
    default = _by_line(ps, "meet", _line("MEET"))
    cands = list(ps.candidates(False, "meet"))
    assert all(cands.index(p) < cands.index(d) for p in pats for d in default
               if d.target == p.target)  # tried before the plain verb


def test_several_codes_in_a_gold_triple_are_one_triple_per_party() -> None:
    from detente.eval.petrarch import split_parties

    assert split_parties(("AAA/BBB", "CCC", "041")) == [("AAA", "CCC", "041"),
                                                       ("BBB", "CCC", "041")]
    assert len(split_parties(("AAA/BBB", "CCC/DDD", "041"))) == 4
    assert split_parties(("AAA", "---", "010")) == [("AAA", "---", "010")]
