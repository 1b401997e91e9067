"""Shared fixtures: the loaded pipeline (once per session) and the ../shared folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DETENTE_SHARED", ROOT.parent / "shared"))
SAMPLE = SHARED / "samples" / "000_f07a9d63f954f103.txt"


def need_shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared test material is not beside the project")
    return path


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from detente.pipeline import Pipeline

    return Pipeline.load()


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return need_shared("samples", "000_f07a9d63f954f103.txt")
