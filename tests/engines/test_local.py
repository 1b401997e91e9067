"""Worker processes give exactly the events the in-process pipeline gives."""

from __future__ import annotations

import pytest

from detente.engines.local import run_local
from detente.pipeline import Pipeline
from detente.records import Article

pytestmark = pytest.mark.model

TEXTS = [
    "Russia attacked Ukraine on Monday. France condemned the attack.",
    "China and Japan held talks in Tokyo. Japan urged China to ease tensions.",
    "Iran accused Israel of aggression. Israel denied it.",
    "Germany will send troops to Lithuania, the government said.",
    "Egypt hosted talks between Israel and Hamas.",
]


def test_two_workers_match_in_process(pipeline: Pipeline) -> None:
    arts = [Article(f"a{i}", t, published="2020-01-01") for i, t in enumerate(TEXTS * 2)]
    here = [r.events for r in run_local(arts, 1, pipeline=pipeline)]
    there = [r.events for r in run_local(arts, 2, batch_size=3)]
    assert [r for r in here] == there
    assert sum(len(e) for e in here) > 0


def test_workers_honour_require_dyad(pipeline: Pipeline) -> None:
    arts = [Article(f"d{i}", t, published="2020-01-01") for i, t in enumerate(TEXTS)]
    strict = Pipeline(pipeline.nlp, pipeline.kb, pipeline.ontology, pipeline.patterns,
                      pipeline.lexicon, require_dyad=True)
    here = [r.events for r in run_local(arts, 1, pipeline=strict)]
    there = [r.events for r in run_local(arts, 2, batch_size=2, require_dyad=True)]
    assert here == there
    everything = [r.events for r in run_local(arts, 1, pipeline=pipeline)]
    assert sum(map(len, here)) < sum(map(len, everything))  # some events had no target
    assert all(e.source and e.target for evs in there for e in evs)
