"""Quality gate: direct quotes and speakers on the PolNeAR dev split (../shared).

Measured on all 84 dev articles (see detente.eval.quotes for the definitions): recall 0.990,
speaker accuracy 0.947 (textacy: 0.465 and 0.913). The floors sit a little below, so a
regression fails while parser noise does not.
"""

from __future__ import annotations

import pytest

from detente.eval.quotes import evaluate_docs, read_polnear
from detente.pipeline import Pipeline

from ..conftest import need_shared

pytestmark = [pytest.mark.model, pytest.mark.shared]

RECALL_FLOOR = 0.97
SPEAKER_FLOOR = 0.92


def test_polnear_dev_quotes_and_speakers(pipeline: Pipeline) -> None:
    folder = need_shared("gold", "polnear", "data", "dev")
    golds = read_polnear(folder)
    report = evaluate_docs(golds, pipeline, folder, baseline=False)
    s = report.ours
    print(f"\nPolNeAR dev, {s.docs} articles: direct-quote recall {s.recall:.3f} "
          f"({s.recovered}/{s.gold}), speaker accuracy {s.speaker_accuracy:.3f} "
          f"({s.speaker_right}/{s.with_source})")
    assert s.docs == 84 and s.gold > 400, "the dev split changed: re-measure the floors"
    assert s.recall >= RECALL_FLOOR, s.missed[:10]
    assert s.speaker_accuracy >= SPEAKER_FLOOR, s.wrong_speaker[:10]
