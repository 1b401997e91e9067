"""WARC archives (warcio): each HTML response record becomes an Article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from detente.records import Article, InputProblem


def read_warc(path: Path, *, default_published: str | None) -> Iterator[Article | InputProblem]:
    """Articles from the HTML responses in a WARC file."""
    yield InputProblem(str(path), "WARC files are not supported yet")
