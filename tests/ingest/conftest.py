"""Fixtures for the ingest tests: where ../shared is, skipping with a message when absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

_REPO = Path(__file__).resolve().parents[2]


def shared_dir() -> Path | None:
    """The shared data folder: $DETENTE_SHARED, else ../shared beside the repo, else None."""
    candidates = [os.environ.get("DETENTE_SHARED"), _REPO.parent / "shared"]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


class Shared:
    """The shared data folder; ``get`` skips the test, naming the file, when it is missing."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def get(self, relative: str) -> Path:
        path = self.root / relative
        if not path.exists():
            pytest.skip(f"{path} is not present in this copy of shared/")
        return path


@pytest.fixture
def shared() -> Shared:
    """The shared data folder; the test is skipped, saying why, when it is not there."""
    found = shared_dir()
    if found is None:
        pytest.skip("../shared is not present (set DETENTE_SHARED to its path to run this test)")
    return Shared(found)
