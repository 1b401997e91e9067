"""Actor resolution alone on PETRARCH's unit-test records, with their own dictionaries."""

from __future__ import annotations

import pytest

from detente.eval.actors import actor_share
from detente.pipeline import Pipeline

from ..conftest import need_shared

pytestmark = [pytest.mark.model, pytest.mark.shared]

FLOOR = 94.0  # percent of expected actor codes; measured 96.3% (553 of 574) on 2026-11-28


def test_share_of_expected_actor_codes_resolved(pipeline: Pipeline) -> None:
    folder = need_shared("gold", "petrarch2-unittest")
    r = actor_share(folder, pipeline.nlp)
    print(f"\n{r.name}: {r.resolved} of {r.expected} expected actor codes resolved "
          f"({r.share:.1f}%)")
    assert r.expected > 200
    assert r.share >= FLOOR
