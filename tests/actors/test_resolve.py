"""Resolution in context: titles, appositions, unknown people, surnames, pronouns,
descriptions and dates."""

from __future__ import annotations

import pytest

from detente.actors.lookup import lookup
from detente.actors.resolve import resolve_doc
from detente.pipeline import Pipeline
from detente.records import Actor

pytestmark = pytest.mark.model


def mentions(pipe: Pipeline, text: str, date: str = "2018-09-25") -> dict[str, Actor]:
    doc = pipe.parser(text)
    res = resolve_doc(doc, pipe.kb, date)
    return {m.text: m.actor for m in res.mentions if m.actor is not None}


@pytest.mark.parametrize("text, date, code", [
    ("Sergey Lavrov", "2018-09-25", "RUSGOV"),
    ("Sergei Lavrov", "2018-09-25", "RUSGOV"),
    ("Jens Stoltenberg", "2018-09-25", "IGOWSTNAT"),
    ("Jens Stoltenberg", "2012-05-01", "NORGOV"),
    ("Russian naval forces", None, "RUSMIL"),
    ("Ukrainian President", None, "UKRGOV"),
    ("the Kremlin", None, "RUSGOV"),
    ("NATO", None, "IGOWSTNAT"),
    ("Kyiv", None, "UKRGOV"),
    ("Kiev", None, "UKRGOV"),
])
def test_lookup(pipeline: Pipeline, text: str, date: str | None, code: str) -> None:
    a = lookup(pipeline.nlp, pipeline.kb, text, date)
    assert a is not None and a.code == code, a
    assert a.reason


def test_titles_and_unknown_people(pipeline: Pipeline) -> None:
    m = mentions(pipeline, "Russian diplomat Ivan Petrovsky arrived in Paris.")
    (a,) = [v for k, v in m.items() if "Petrovsky" in k]
    assert a.code == "RUSGOV" and a.name == "Ivan Petrovsky"


def test_apposition(pipeline: Pipeline) -> None:
    m = mentions(pipeline, "Ivan Petrovsky, a Russian diplomat, met the press.")
    assert any(a.country == "RUS" for k, a in m.items() if "Petrovsky" in k), m


def test_surname_and_pronoun(pipeline: Pipeline) -> None:
    text = ("Russian Foreign Minister Sergey Lavrov arrived in Ankara. Lavrov met reporters. "
            "He said the talks went well.")
    m = mentions(pipeline, text)
    assert m["Lavrov"].code == "RUSGOV" and m["Lavrov"].name == "Sergey Lavrov"
    assert m["He"].name == "Sergey Lavrov"


def test_pronouns_only_as_subjects_when_the_kb_says_so(pipeline: Pipeline) -> None:
    from dataclasses import replace

    text = "Turkey protested on Monday. It said crowds had burned its embassy."
    m = mentions(pipeline, text)
    assert m["It"].code == "TUR" and m["its"].code == "TUR"
    kb = replace(pipeline.kb, pronouns="subjects")
    res = resolve_doc(pipeline.parser(text), kb, "2018-09-25")
    m = {x.text: x.actor for x in res.mentions if x.actor is not None}
    assert m["It"].code == "TUR" and "its" not in m


def test_descriptions_need_an_earlier_mention(pipeline: Pipeline) -> None:
    assert "alliance" not in mentions(pipeline, "The alliance met in Brussels.")
    m = mentions(pipeline, "NATO ministers gathered. The alliance agreed on a plan.")
    assert m["alliance"].code == "IGOWSTNAT"


def test_the_government_is_the_salient_country(pipeline: Pipeline) -> None:
    m = mentions(pipeline, "Floods hit Pakistan on Monday. The government sent troops.")
    assert m["government"].code == "PAKGOV"


def test_a_surname_alone_when_one_person_in_office_has_it(pipeline: Pipeline) -> None:
    m = mentions(pipeline, "Putin met Erdogan in Sochi.", "2018-09-25")
    assert m["Putin"].code == "RUSGOV" and m["Putin"].name == "Vladimir Putin"
    assert m["Erdogan"].code == "TURGOV"
    assert "Putin" not in mentions(pipeline, "Putin met Erdogan in Sochi.", "1990-01-01")


def test_a_name_with_several_codes_names_each_party(pipeline: Pipeline, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from detente.actors.petrarch import fresh_kb

    (tmp_path / "actors.txt").write_text("TWIN_KINGDOMS [AAA/BBB]\nJAPAN [JPN]\n")
    (tmp_path / "agents.txt").write_text("SOLDIER [~MIL]\n")
    tokenizer = pipeline.nlp.tokenizer
    kb = fresh_kb(lambda s: [t.text for t in tokenizer(s)], [tmp_path / "actors.txt"],
                  [tmp_path / "agents.txt"])
    doc = pipeline.parser("Soldiers of the Twin Kingdoms met Japan.")
    res = resolve_doc(doc, kb, "2018-09-25")
    soldiers = doc[0]
    assert res.actor(soldiers) is not None and res.actor(soldiers).code == "AAAMIL"
    assert [a.code for a in res.others(soldiers)] == ["BBBMIL"]  # a role of each party
    kingdoms = next(t for t in doc if t.text == "Kingdoms")
    assert [a.code for a in res.others(kingdoms)] == ["BBB"]
    assert res.others(next(t for t in doc if t.text == "Japan")) == []


def test_a_prefix_agent_goes_before_the_country(pipeline: Pipeline, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from detente.actors.petrarch import fresh_kb

    (tmp_path / "actors.txt").write_text("JAPAN [JPN]\n")
    (tmp_path / "agents.txt").write_text("RED_CRESCENT [NGO~]\nENVOY [~GOV]\n")
    tokenizer = pipeline.nlp.tokenizer
    kb = fresh_kb(lambda s: [t.text for t in tokenizer(s)], [tmp_path / "actors.txt"],
                  [tmp_path / "agents.txt"])

    def code(text: str, word: str) -> str | None:
        doc = pipeline.parser(text)
        a = resolve_doc(doc, kb, "2018-09-25").actor(next(t for t in doc if t.text == word))
        return a.code if a is not None else None

    assert code("The Red Crescent Japan sent doctors.", "Japan") == "NGOJPN"
    assert code("A Red Crescent Japan envoy sent doctors.", "envoy") == "NGOJPNGOV"
    assert code("A Japan envoy sent doctors.", "envoy") == "JPNGOV"


def test_former_role_when_the_kb_says_so(pipeline: Pipeline, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from detente.actors.petrarch import fresh_kb

    (tmp_path / "actors.txt").write_text("JAPAN [JPN]\n")
    (tmp_path / "agents.txt").write_text("ENVOY [~GOV]\n")
    tokenizer = pipeline.nlp.tokenizer
    kb = fresh_kb(lambda s: [t.text for t in tokenizer(s)], [tmp_path / "actors.txt"],
                  [tmp_path / "agents.txt"])
    doc = pipeline.parser("The former Japan envoys met reporters.")
    envoys = next(t for t in doc if t.text == "envoys")

    def code() -> str | None:
        a = resolve_doc(doc, kb, "2018-09-25").actor(envoys)
        return a.code if a is not None else None

    assert code() == "JPNGOV"
    kb.former = "ELI"
    assert code() == "JPNELI"
