"""PETRARCH actor and agent dictionaries into the KnowledgeBase: formats, dates, bad entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.actors.kb import EXACT, KnowledgeBase
from detente.actors.petrarch import (
    CodeSpan,
    actor_head_words,
    flatten,
    fresh_kb,
    import_actors,
    import_agents,
    parse_code,
    parse_date,
    role_spans,
    spellings,
)
from detente.errors import DataError


def tokenize(text: str) -> list[str]:
    return text.replace(".", " .").split() if text.endswith(".") and " " in text else text.split()


def _names(kb: KnowledgeBase, phrase: str) -> list[object]:
    _end, entries = kb.names.longest([(t,) for t in tokenize(phrase)], 0)
    return list(entries)


ACTORS = """\
<!-- A test dictionary
# with a comment block -->
ARNOR_  [ARN]   # a country-like actor
+ARNORIAN
GONDOR [GON]
+MINAS_TIRITH
WHITE_HOUSE  [USAGOV] #jw 9/14/91
AMNESTY_INTERNATIONAL [NGM]
UNITED_NATIONS [IGOUNO]

GOLLUM  # a person with dated codes
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
SAM_GAMGEE [HOB]
\t[ORCHOB 20100109-20100112] # listed first: wins over the next range
\t[HOBMIL 20080120-20121109]
LEONID_BREZHNEV_
SECRETARY_BREZHNEV
\t[RUSGOV 641014-821110]
BOROMIR [---]
BAD_ONE [+++]
TWIN_CITIES [AAA/BBB]
HALF_BAD [AAA/B1]
TWIN_GUARD
	[AAAMIL/BBBMIL 950101-990101]
BROKEN_DATE [XYZ 9913-]
IRAQ
	[IRQ <20030320]
	[IRQOCC 1920030320-20060520]
	[IRQ >20060520]
NO_CODE_HERE
"""

AGENTS = """\
# agents
!MINIST! = MINISTER, MINISTRY
FOREIGN_MINISTER [~GOVFRM]
CULTURE_!MINIST! [~GOV]
ARMED_FORCES {} [~MIL]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
POLICE {} [ ~COP]
MSF {} [NGO~]
NO_TILDE [GOV]
BROKEN_ENTRY
"""


@pytest.fixture()
def kb_and_problems(tmp_path: Path) -> tuple[KnowledgeBase, list[DataError]]:
    actors = tmp_path / "test.actors.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    agents = tmp_path / "test.agents.txt"
    agents.write_text(AGENTS, encoding="utf-8")
    problems: list[DataError] = []
    return fresh_kb(tokenize, [actors], [agents], problems), problems


def test_dates_and_codes() -> None:
    assert parse_date("950601") == "1995-06-01"
    assert parse_date("130119") == "2013-01-19"
    assert parse_date("19781223") == "1978-12-23"
    with pytest.raises(ValueError):
        parse_date("9008223")
    assert parse_code("HOB < 950601") == CodeSpan("HOB", None, "1995-06-01")
    assert parse_code("HOBREB >990816") == CodeSpan("HOBREB", "1999-08-17", None)
    # both ends of a range are included: the end is stored as the next day
    assert parse_code("UKRGOV 140607-190520") == CodeSpan("UKRGOV", "2014-06-07", "2019-05-21")
    assert parse_code(" pse ") == CodeSpan("PSE")


def test_first_listed_restriction_wins_and_default_fills_gaps() -> None:
    spans = flatten([CodeSpan("HOB"), CodeSpan("ORCHOB", "2010-01-09", "2010-01-13"),
                     CodeSpan("HOBMIL", "2008-01-20", "2012-11-10")])
    assert [(s.code, s.start, s.end) for s in spans] == [
        ("HOB", None, "2008-01-20"), ("HOBMIL", "2008-01-20", "2010-01-09"),
        ("ORCHOB", "2010-01-09", "2010-01-13"), ("HOBMIL", "2010-01-13", "2012-11-10"),
        ("HOB", "2012-11-10", None)]


def test_a_countrys_history_keeps_its_last_code_as_default() -> None:
    codes = [parse_code("USRGEO <910409"), parse_code("GEOUNR 910409-911221"),
             parse_code("GEO >911221")]
    spans, default = role_spans(codes)
    assert default == "GEO" and [s.code for s in spans] == ["USRGEO", "GEOUNR"]
    # a person's roles with a gap stay role spans
    spans, default = role_spans([parse_code("HOB <950601"), parse_code("HOBREB >990816")])
    assert default is None and [s.code for s in spans] == ["HOB", "HOBREB"]


def test_spellings_match_news_case() -> None:
    assert spellings("PRINCE OF DOL AMROTH") == [
        "Prince of Dol Amroth", "Prince Of Dol Amroth", "PRINCE OF DOL AMROTH"]
    assert "McGonagall" in spellings("MCGONAGALL")
    assert "IMF" in spellings("IMF")
    assert {"Barad-Dur", "Barad-dur"} <= set(spellings("BARAD-DUR"))  # both in use
    assert spellings("GONDOR") == ["Gondor", "GONDOR"]  # no hyphen, no further form


def test_actor_kinds(kb_and_problems: tuple[KnowledgeBase, list[DataError]]) -> None:
    kb, _ = kb_and_problems
    arn = _names(kb, "Arnor")[0]
    assert arn.kind == "country" and arn.code == "ARN" and arn.country == "ARN"
    assert _names(kb, "Arnorian")[0] == arn  # synonym
    assert _names(kb, "Minas Tirith")[0].code == "GON"  # underscores are spaces
    wh = _names(kb, "White House")[0]
    assert (wh.kind, wh.country, wh.sector) == ("metonym", "USA", "GOV")
    un = _names(kb, "United Nations")[0]
    assert un.kind == "igo" and un.code == "IGOUNO" and "IGOUNO" in kb.igos
    assert _names(kb, "Boromir") == []  # [---]: PETRARCH's "no code"


def test_several_codes_for_one_name(kb_and_problems: tuple[KnowledgeBase, list[DataError]]
                                    ) -> None:
    kb, _ = kb_and_problems
    twin = _names(kb, "Twin Cities")[0]
    assert (twin.kind, twin.code) == ("country", "AAA")
    assert [(e.kind, e.code, e.country) for e in twin.also] == [("country", "BBB", "BBB")]


def test_people_with_dated_codes(kb_and_problems: tuple[KnowledgeBase, list[DataError]]
                                 ) -> None:
    kb, _ = kb_and_problems
    assert _names(kb, "Smeagol")[0].name == "Gollum"
    assert kb.person_role("Gollum", "1995-01-01").code == "HOB"
    assert kb.person_role("Gollum", "1995-06-01").code == "HOBGOV"
    assert kb.person_role("Gollum", "1999-08-15").code == "HOBGOV"
    assert kb.person_role("Gollum", "2001-01-01").code == "HOBREB"
    gov = kb.person_role("Gollum", "1999-01-01")
    assert (gov.country, gov.sector) == ("HOB", "GOV")
    assert kb.person_role("Sam Gamgee", "2010-01-12").code == "ORCHOB"
    assert kb.person_role("Sam Gamgee", "2010-01-13").code == "HOBMIL"
    # outside its dated codes the name is an ordinary entry with the default code
    assert kb.person_role("Sam Gamgee", "2015-01-01") is None
    assert {e.kind for e in _names(kb, "Sam Gamgee")} == {"person", "country"}
    # consecutive name lines before the codes are one entry (as PETRARCH reads them)
    assert _names(kb, "Secretary Brezhnev")[0].name == "Leonid Brezhnev"
    assert kb.person_role("Leonid Brezhnev", "1970-01-01").code == "RUSGOV"
    assert kb.person_role("Leonid Brezhnev", "1990-01-01") is None


def test_bad_actor_entries_are_reported_with_file_and_line(
        kb_and_problems: tuple[KnowledgeBase, list[DataError]]) -> None:
    _, problems = kb_and_problems
    found = {(Path(p.path).name, p.line): p.problem for p in problems}
    lines = ACTORS.splitlines()

    def line_of(text: str) -> int:
        return next(n for n, line in enumerate(lines, start=1) if line.startswith(text))

    assert "+++" in found[("test.actors.txt", line_of("BAD_ONE"))]
    assert "no code" in found[("test.actors.txt", line_of("NO_CODE_HERE"))]
    assert "bad actor code 'B1'" in found[("test.actors.txt", line_of("HALF_BAD"))]
    assert "several actors in one dated code" in found[("test.actors.txt",
                                                        line_of("\t[AAAMIL/BBBMIL"))]
    assert ("test.actors.txt", line_of("BROKEN_DATE")) in found
    # a bad code is dropped, the entry keeps its good ones
    assert "(code dropped)" in found[("test.actors.txt", line_of("\t[IRQOCC"))]
    kb, _ = kb_and_problems
    assert kb.person_role("Iraq", "2001-01-01").code == "IRQ"
    assert str(problems[0]).startswith(str(problems[0].path) + ":")


def test_agents(kb_and_problems: tuple[KnowledgeBase, list[DataError]]) -> None:
    kb, problems = kb_and_problems

    def role(phrase: str) -> str | None:
        # as the resolver matches: the word, and its form for phrases listing plurals
        keys = [(t.lower(), t.lower() + EXACT) for t in phrase.split()]
        _end, entries = kb.roles.longest(keys, 0)
        return entries[0].sector if entries else None

    assert role("foreign minister") == "GOVFRM"
    assert role("culture ministry") == "GOV"  # substitution set
    assert role("culture minister") == "GOV"
    assert role("golden geese") == "GGS"  # listed irregular plural
    assert role("police") == "COP"
    assert role("msf") == "NGO"  # a prefix code (see test_resolve)
    assert kb.counts["petrarch prefix agents"] == 1
    agent_problems = [p for p in problems if p.path.endswith("agents.txt")]
    assert len(agent_problems) == 2
    assert all(p.line is not None for p in agent_problems)


def test_imports_count_and_compose(tmp_path: Path) -> None:
    actors = tmp_path / "a.txt"
    actors.write_text("ARNOR [ARN]\n", encoding="utf-8")
    agents = tmp_path / "g.txt"
    agents.write_text("MINISTER [~GOV]\n", encoding="utf-8")
    kb = KnowledgeBase()
    assert import_actors(kb, actors, tokenize) == 1
    assert import_agents(kb, agents, tokenize) == 1
    assert {"arnor", "minister", "it"} <= actor_head_words(kb)


@pytest.mark.model
def test_imported_actor_composes_with_imported_agent(tmp_path: Path) -> None:
    from detente.actors.lookup import lookup
    from detente.nlp.pipeline import load_nlp

    nlp = load_nlp()
    actors = tmp_path / "a.txt"
    actors.write_text("ARNOR [ARN]\nGOLLUM\n\t[HOB <950601]\n\t[HOBGOV >950601]\n"
                      "GEORGIA [GEO]\n+GEORGIAN\n\t[USRGEO <911226]\n", encoding="utf-8")
    agents = tmp_path / "g.txt"
    agents.write_text("MINISTER [~GOV]\nTROOPS {} [~MIL]\n", encoding="utf-8")
    kb = fresh_kb(lambda s: [t.text for t in nlp.tokenizer(s)], [actors], [agents])
    assert lookup(nlp, kb, "the Arnor minister", "2000-01-01").code == "ARNGOV"
    assert lookup(nlp, kb, "Arnor troops", "2000-01-01").code == "ARNMIL"
    assert lookup(nlp, kb, "Gollum", "1990-01-01").code == "HOB"
    assert lookup(nlp, kb, "Gollum", "1996-01-01").code == "HOBGOV"
    assert lookup(nlp, kb, "the Georgian troops", "1990-01-01").code == "USRGEO"
    assert lookup(nlp, kb, "the Georgian troops", "2008-01-01").code == "GEOMIL"


@pytest.mark.model
def test_petrarch_dictionaries_bring_petrarch_conventions(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    """With PETRARCH actor dictionaries, pronouns and "former" are read as PETRARCH-2 reads
    them (as `detente eval petrarch` does); detente's own knowledge keeps its defaults."""
    from detente.pipeline import Pipeline

    actors = tmp_path / "actors.txt"
    actors.write_text("ARNOR [ARN]\n", encoding="utf-8")
    petr = Pipeline.load(nlp=pipeline.nlp, petrarch_actors=[actors])
    assert (petr.kb.pronouns, petr.kb.former, petr.kb.stack_agents) == ("subjects", "ELI", True)
    assert (pipeline.kb.pronouns, pipeline.kb.former, pipeline.kb.stack_agents) == (
        "all", None, False)


def test_braces_list_the_only_plurals_and_a_space_lets_words_apart(tmp_path: Path) -> None:
    """`POLICE {}` forms no plural (PETRARCH makes the regular one only without braces);
    a name written with a space may have other words between its words."""
    (tmp_path / "agents.txt").write_text(
        "POLICE {} [~COP]\nGOOSE {GEESE} [~GGS]\nCONGRESS [~LEG]\n", encoding="utf-8")
    (tmp_path / "actors.txt").write_text(
        "ROHAN [ROH]\nROHAN RADIO  [ROHRAD]\nEDORAS_PALACE [ROHGOV]\n", encoding="utf-8")
    kb = fresh_kb(tokenize, [tmp_path / "actors.txt"], [tmp_path / "agents.txt"])
    assert "police" + EXACT in kb.roles.root and "police" not in kb.roles.root
    assert "geese" + EXACT in kb.roles.root and "goose" + EXACT in kb.roles.root
    assert "congress" in kb.roles.root  # its plural comes by lemma
    loose = {" ".join(words): e.code for entries in kb.loose.values() for words, e in entries}
    assert loose["Rohan Radio"] == "ROHRAD"
    assert not any("Edoras" in name for name in loose)
    assert "police" in actor_head_words(kb)


@pytest.mark.parametrize("phrase, plural", [
    ("CONGRESS", "CONGRESSES"), ("AUTHORITY", "AUTHORITIES"), ("ENVOY", "ENVOYS"),
    ("FOREIGN_MINISTER", "FOREIGN_MINISTERS"), ("church", "churches"), ("box", "boxes")])
def test_regular_plural(phrase: str, plural: str) -> None:
    from detente.actors.petrarch import regular_plural

    assert regular_plural(phrase) == plural


def test_an_agent_without_braces_gets_its_regular_plural(tmp_path: Path) -> None:
    """A capitalised plural ("the Calenardhon Congresses") has no lemma to match by."""
    (tmp_path / "agents.txt").write_text("SENATE [~LEG]\nPOLICE {} [~COP]\n", encoding="utf-8")
    kb = fresh_kb(tokenize, [], [tmp_path / "agents.txt"])
    assert "senates" in kb.roles.root
    assert not any(k.startswith("polices") for k in kb.roles.root)
