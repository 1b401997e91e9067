"""RSS and Atom feeds (feedparser): each item becomes an Article with its link, date and title.

The item's full content is used when the feed carries it, else its summary. A document
that feedparser cannot read as a feed is one problem; an item without text is one problem
naming the item; the other items go on.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

from detente.ingest.build import InputError, build_article
from detente.ingest.fragments import fragment_to_text
from detente.records import Article, InputProblem


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    # several content blocks: prefer HTML over plain, the longest of them
    best = max((c.get("value") or "" for c in contents), key=len, default="")
    if not best.strip():
        best = entry.get("summary") or entry.get("description") or ""
    return fragment_to_text(best)


def read_feed_bytes(data: bytes, *, path: str,
                    default_published: str | None) -> Iterator[Article | InputProblem]:
    """Articles from the items of an RSS or Atom document."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data))  # a stream: feedparser never fetches it
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo") and not parsed.get("feed"):
            reason = parsed.get("bozo_exception")
            yield InputProblem(path, f"not a readable RSS/Atom feed ({reason})")
        else:
            yield InputProblem(path, "feed has no items")
        return
    feed = parsed.get("feed") or {}
    source = feed.get("title") or None
    base = feed.get("link") or ""
    for number, entry in enumerate(entries, start=1):
        link = urljoin(base, entry.get("link") or "") or None  # Atom links may be relative
        where = f"item {number}" + (f" ({link})" if link else "")
        text = _entry_text(entry)
        if not text:
            yield InputProblem(path, f"{where}: no text (the item has no content or summary)")
            continue
        try:
            yield build_article(
                text,
                url=link,
                source=source,
                title=fragment_to_text(entry.get("title") or "") or None,
                published=_entry_date(entry),
                default_published=default_published,
            )
        except InputError as exc:
            yield InputProblem(path, f"{where}: {exc.problem}")
