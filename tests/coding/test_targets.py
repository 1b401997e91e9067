"""Where sources and targets are found beyond the predicate's own slots (coding/targets.py,
and the subjects frames.py passes on), on hand-written sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.coding.patterns import load_patterns
from detente.coding.targets import continuation, prefix_of
from detente.pipeline import Pipeline
from detente.records import Article

pytestmark = pytest.mark.model

PATTERNS = """# version: 1
# test patterns
id\tcameo\thead\tprt\tobj\tprep\tpobj\ttarget\texample
t.attack\t190\tattack\t\t\t\t\tdobj\t
t.criticize\t121\tcriticize\t\t\t\t\tdobj\t
t.meet-with\t040\tmeet\t\t\twith\t\tpobj\t
t.warn\t160\twarn\t\t\t\t\tdobj\t
t.say\t010\tsay\t\t\t\t\tnone\t
t.note\t010\tnote\t\t\t\t\tdobj\t
t.threaten-war\t138\tthreaten\t\twar\t\t\tdobj\t
"""

Triples = set[tuple[str, str | None, str]]


def _pipe(pipeline: Pipeline, folder: Path) -> Pipeline:
    (folder / "patterns").mkdir()
    (folder / "classes.tsv").write_text("# version: 1\n# none\nclass\tmembers\n")
    (folder / "patterns" / "t.tsv").write_text(PATTERNS)
    patterns = load_patterns(pipeline.ontology, folder)
    return Pipeline(pipeline.nlp, pipeline.kb, pipeline.ontology, patterns, pipeline.lexicon)


@pytest.fixture(scope="module")
def pipe(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return _pipe(pipeline, tmp_path_factory.mktemp("verbs"))


@pytest.fixture(scope="module")
def words(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    """The same patterns read as PETRARCH-2 reads the words after the verb."""
    p = _pipe(pipeline, tmp_path_factory.mktemp("verbs"))
    p.coder.complements = "words"
    return p


def triples(pipe: Pipeline, text: str) -> Triples:
    res = pipe.process(Article("t", text, published="2018-09-25"))
    return {(e.source.code if e.source else "", e.target.code if e.target else None, e.cameo)
            for e in res.events}


def test_a_place_after_the_objects_of_phrase_is_its_concern(pipe: Pipeline) -> None:
    # However the parser hangs "in China" (on "closure" or on "schools").
    assert ("JPN", "CHN", "121") in triples(pipe, "Japan criticized the closure of factories "
                                                  "in China.")
    assert ("JPN", "CHN", "121") in triples(pipe, "Japan criticized the recent closure of "
                                                  "guest houses in China.")


def test_a_cut_off_prefix_leads_its_phrase(pipe: Pipeline) -> None:
    doc = pipe.parser("Japan criticized an anti- China parade on Saturday.")
    anti = next(t for t in doc if t.text == "anti-")
    parade = next(t for t in doc if t.text == "parade")
    assert continuation(anti) == parade and prefix_of(parade) == anti
    assert ("JPN", "CHN", "121") in triples(pipe, "Japan criticized an anti- China parade "
                                                  "on Saturday.")
    assert continuation(doc[0]) is None  # no prefix


def test_a_raising_passive_passes_its_subject_to_the_complement(pipe: Pipeline) -> None:
    for verb in ("seen", "said", "known"):
        got = triples(pipe, f"Russia was {verb} to attack Ukraine.")
        assert ("RUS", "UKR", "190") in got, (verb, got)


def test_a_passive_passes_its_subject_not_its_agent_to_its_conjunct(pipe: Pipeline) -> None:
    got = triples(pipe, "Ukraine was attacked by Russia and criticized Japan.")
    assert ("RUS", "UKR", "190") in got and ("UKR", "JPN", "121") in got, got
    assert ("RUS", "JPN", "121") not in got, got


def test_a_phrase_after_the_last_conjunct_names_its_owner(pipe: Pipeline) -> None:
    got = triples(pipe, "Japan's sheep and goats of China attacked Russia.")
    assert {("JPN", "RUS", "190"), ("CHN", "RUS", "190")} <= got, got


def test_a_name_before_a_role_is_the_roles_country(pipe: Pipeline) -> None:
    got = triples(pipe, "Japan criticized the attack on the Russia police.")
    assert ("JPN", "RUSCOP", "121") in got, got


def test_a_complement_that_codes_nothing_is_read_for_the_target(pipe: Pipeline,
                                                                 words: Pipeline) -> None:
    text = "Japan noted it has deep concerns over its ties with China."
    assert ("JPN", "CHN", "010") in triples(words, text)
    # detente's own reading: only what the complement's subject is
    assert triples(pipe, text) == {("JPN", None, "010")}
    # a complement that codes its own event keeps its parties
    got = triples(words, "Japan noted China attacked Russia.")
    assert ("CHN", "RUS", "190") in got and ("JPN", "RUS", "010") not in got, got


def test_the_complements_object_meets_the_patterns_words(pipe: Pipeline,
                                                         words: Pipeline) -> None:
    text = "Russia threatened to wage war on Ukraine."
    assert ("RUS", "UKR", "138") in triples(words, text)
    assert not any(c == "138" for _, _, c in triples(pipe, text))


def test_the_us_is_no_speaker_pronoun(pipe: Pipeline) -> None:
    assert ("USA", "RUS", "190") in triples(pipe, "The US attacked Russia.")


def test_a_subject_naming_no_party_gives_the_first_party_in_it(pipe: Pipeline,
                                                               words: Pipeline) -> None:
    text = "The resumption of ties between Japan and China criticized Russia."
    got = triples(words, text)
    assert {("JPN", "RUS", "121"), ("CHN", "RUS", "121")} <= got, got
    assert not any(s in ("JPN", "CHN") for s, _, _ in triples(pipe, text))


def test_a_purpose_clause_that_codes_nothing_is_read_for_the_target(
        pipe: Pipeline, words: Pipeline) -> None:
    text = "Japan noted the accord on Thursday to supply China with wheat."
    assert ("JPN", "CHN", "010") in triples(words, text)
    # a clause with a subject of its own is its own business
    got = triples(words, "Japan noted the accord after Russia supplied China with wheat.")
    assert ("JPN", "CHN", "010") not in got, got


def test_coordinated_nationalities_parsed_as_a_name_modifier(pipe: Pipeline) -> None:
    # the parser makes "US" a modifier (nmod) of "activists", "British" its conjunct
    got = triples(pipe, "US and British activists criticized Russia.")
    assert {(s[:3], t, c) for s, t, c in got} >= {("USA", "RUS", "121"),
                                                   ("GBR", "RUS", "121")}, got


def test_conjuncts_hung_on_another_word_of_the_name(pipe: Pipeline) -> None:
    from spacy.tokens import Doc

    from detente.actors.resolve import resolve_doc

    # The small model's parse: "Barack" a preposition heading the subject, "Obama" its
    # object and "Vladimir Putin" the conjunct of "Obama".
    words = ["Barack", "Obama", "and", "Vladimir", "Putin", "met", "Japan", "."]
    doc = Doc(pipe.nlp.vocab, words=words, heads=[5, 0, 1, 4, 1, 5, 5, 5],
              deps=["nsubj", "pobj", "cc", "compound", "conj", "ROOT", "dobj", "punct"],
              pos=["ADP", "PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"],
              sent_starts=[True] + [False] * 7)
    actors = resolve_doc(doc, pipe.kb, "2015-06-01")
    codes = {a.code[:3] for a in pipe.coder._slot_actors(doc[0], actors, [])}
    assert codes == {"USA", "RUS"}, codes


def test_a_source_listed_among_other_targets_is_one_of_them(pipe: Pipeline) -> None:
    got = triples(pipe, "France and Germany criticized Russia and Germany.")
    assert {("FRA", "RUS", "121"), ("FRA", "DEU", "121"), ("DEU", "RUS", "121")} <= got, got
    assert ("DEU", "DEU", "121") not in got and ("DEU", None, "121") not in got, got


def test_a_roles_country_made_a_modifier_of_the_next_word(pipe: Pipeline) -> None:
    from spacy.tokens import Doc

    from detente.actors.resolve import resolve_doc

    # "Soldiers from Russia wire tapped links": the parser makes "Russia" a compound of
    # "wire", the object of "from".
    words = ["Soldiers", "from", "Russia", "wire", "tapped", "links", "."]
    doc = Doc(pipe.nlp.vocab, words=words, heads=[4, 0, 3, 1, 4, 4, 4],
              deps=["nsubj", "prep", "compound", "pobj", "ROOT", "dobj", "punct"],
              pos=["NOUN", "ADP", "PROPN", "NOUN", "VERB", "NOUN", "PUNCT"],
              tags=["NNS", "IN", "NNP", "NN", "VBD", "NNS", "."],
              lemmas=["soldier", "from", "Russia", "wire", "tap", "link", "."],
              sent_starts=[True] + [False] * 6)
    actors = resolve_doc(doc, pipe.kb, "2018-09-25")
    a = pipe.coder._actor(doc[0], actors, [])
    assert a is not None and a.code == "RUSMIL", a


def test_a_passive_conjunct_shares_its_governors_subject(pipe: Pipeline) -> None:
    got = triples(pipe, "Russia attacked Ukraine and was criticized by Japan.")
    assert ("RUS", "UKR", "190") in got and ("JPN", "RUS", "121") in got, got
