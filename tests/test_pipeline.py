"""The Pipeline's own options, over the real model."""

from __future__ import annotations

import pytest

from detente.pipeline import Pipeline, has_dyad
from detente.records import Article

pytestmark = pytest.mark.model

TEXT = ("Russia deployed troops near the border on Monday. "
        "Russia attacked Ukraine on Tuesday.")


def test_require_dyad_keeps_only_events_with_source_and_target(pipeline: Pipeline) -> None:
    art = Article("dyad1", TEXT, published="2020-01-01")
    everything = pipeline.process(art).events
    assert any(e.target is None for e in everything)  # the deployment has no target
    strict = Pipeline(pipeline.nlp, pipeline.kb, pipeline.ontology, pipeline.patterns,
                      pipeline.lexicon, require_dyad=True)
    kept = strict.process(art).events
    assert kept == tuple(e for e in everything if has_dyad(e))
    assert [(e.source and e.source.code, e.target and e.target.code, e.cameo)
            for e in kept] == [("RUS", "UKR", "190")]
