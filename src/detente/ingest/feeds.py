"""RSS and Atom feeds (feedparser): each item becomes an Article."""

from __future__ import annotations

from collections.abc import Iterator

from detente.records import Article, InputProblem


def read_feed_text(text: str, *, path: str,
                   default_published: str | None) -> Iterator[Article | InputProblem]:
    """Articles from the items of a feed document."""
    yield InputProblem(path, "RSS/Atom feeds are not supported yet")
