"""Every verb pattern's example sentence must code to that pattern's CAMEO code.

Run one file's patterns with `-k <file stem>`, e.g.
`pytest tests/coding/test_pattern_examples.py -k 01-10`.
The examples are coded as an article published on 2018-09-25.
"""

from __future__ import annotations

import pytest

from detente.coding.patterns import Pattern, load_patterns
from detente.ontology import load_ontology
from detente.records import Article

PATTERNS: list[Pattern] = sorted(load_patterns(load_ontology()), key=lambda p: p.order)


def _id(p: Pattern) -> str:
    return f"{p.where.split(':')[0].removesuffix('.tsv')}:{p.id}"


def test_there_are_patterns() -> None:
    assert len(PATTERNS) > 0


@pytest.mark.parametrize("pattern", PATTERNS, ids=_id)
def test_example_codes_to_its_code(pattern: Pattern, pipeline) -> None:  # type: ignore[no-untyped-def]
    assert pattern.example, f"{pattern.where}: pattern {pattern.id} has no example"
    art = Article("example", pattern.example, published="2018-09-25")
    events = pipeline.process(art).events
    got = sorted({(e.cameo, e.rule, e.source.code if e.source else None,
                   e.target.code if e.target else None) for e in events})
    assert any(e.cameo == pattern.cameo for e in events), (
        f"{pattern.where}: {pattern.id} ({pattern.cameo}) did not fire on its example "
        f"{pattern.example!r}; got {got}")
