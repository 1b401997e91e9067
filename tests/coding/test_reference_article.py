"""The reference article (AP, NATO and Russia, 2018-09-25) codes as an analyst would expect."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.ingest import read_inputs
from detente.pipeline import Result
from detente.records import Article

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def result(pipeline, sample_path: Path) -> Result:  # type: ignore[no-untyped-def]
    items = list(read_inputs([str(sample_path)], published="2018-09-25"))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return pipeline.process(items[0])


def _nato(a) -> bool:  # type: ignore[no-untyped-def]
    return a is not None and (a.org == "NATO" or a.code.startswith("IGOWSTNAT"))


def _rus(a) -> bool:  # type: ignore[no-untyped-def]
    return a is not None and a.country == "RUS"


def test_boilerplate_is_gone(result: Result) -> None:
    text = result.article.text
    assert "Sign up" not in text and "submitting this form" not in text
    assert "Source:" not in text
    assert text.rstrip().endswith("naval forces.")
    for e in result.events:
        assert "Sign up" not in e.evidence["text"]


def test_nato_intends_to_cooperate_with_russia(result: Result) -> None:
    hits = [e for e in result.events if e.root == "03" and _nato(e.source) and _rus(e.target)]
    assert hits, [(e.cameo, e.source, e.target) for e in result.events]
    assert hits[0].sentence == 0 and not hits[0].negated


def test_nato_disapproves_of_russian_interference(result: Result) -> None:
    hits = [e for e in result.events
            if e.root in ("11", "12") and _nato(e.source) and _rus(e.target)]
    assert hits, [(e.cameo, e.rule, e.source, e.target) for e in result.events]


def test_nato_force_posture(result: Result) -> None:
    posture = [e for e in result.events if e.root == "15" and _nato(e.source)]
    triggers = {e.evidence["trigger"]["text"].lower() for e in posture}
    assert len(posture) >= 2, [(e.cameo, e.rule, e.source) for e in result.events]
    assert any(e.modality == "future" for e in posture), triggers  # "will soon hold"


def test_permission_is_negated(result: Result) -> None:
    hits = [e for e in result.events if "permission" in e.evidence["text"] and _nato(e.source)]
    assert hits and all(e.negated for e in hits), hits
    assert any(_rus(e.target) for e in hits)


def test_quotes_are_stoltenbergs(result: Result) -> None:
    direct = [q for q in result.quotes if q.direct]
    assert len(direct) >= 4
    for q in direct:
        assert q.speaker is not None and q.speaker.name == "Jens Stoltenberg", q
        assert result.article.text[q.start:q.end] == q.text
    assert any(q.cue == "tell" for q in direct)


def test_events_inside_quotes_carry_the_quote(result: Result) -> None:
    ids = {q.quote_id for q in result.quotes}
    inside = [e for e in result.events if e.quote_id]
    assert inside and all(e.quote_id in ids for e in inside)


def test_events_are_contract_records(result: Result) -> None:
    text = result.article.text
    assert result.events
    for e in result.events:
        d = e.to_dict()
        assert isinstance(d["cameo"], str) and d["cameo"].isdigit() and d["cameo"][:2] == d["root"]
        assert d["quad_class"] in (1, 2, 3, 4) and -10 <= d["goldstein"] <= 10
        assert d["modality"] in ("asserted", "future", "hypothetical")
        assert d["date"] == "2018-09-25"
        ev = d["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
        assert d["rule"] and 0 <= d["confidence"] <= 1
        assert d["source"]["code"]
