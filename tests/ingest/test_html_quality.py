"""Quality gate: mean token F1 of our HTML text against the aeb benchmark's expected text."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from .conftest import Shared

# Measured 0.967 (precision 0.970, recall 0.973) on all 181 pages with trafilatura 2.3.1 and
# favor_precision; the floor leaves room for small library changes, not for a regression.
F1_FLOOR = 0.95


def _bench() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "bench" / "html_quality.py"
    spec = importlib.util.spec_from_file_location("html_quality", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("html_quality", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_token_f1_scoring() -> None:
    bench = _bench()
    assert bench.token_prf("a b c", "a b c") == (1.0, 1.0, 1.0)
    precision, recall, f1 = bench.token_prf("a b x y", "a b")
    assert (precision, recall) == (0.5, 1.0) and abs(f1 - 2 / 3) < 1e-9
    assert bench.token_prf("", "a") == (0.0, 0.0, 0.0)


def test_aeb_f1_stays_above_the_floor(shared: Shared) -> None:
    folder = shared.get("corpus/html/aeb")
    scores = _bench().evaluate(folder)
    assert scores.pages == 181
    assert scores.f1 >= F1_FLOOR, scores
