"""Fetch an http(s) URL and read it like a file: HTML page, feed, text or JSON Lines.

The response's Content-Type decides the reader (the URL's suffix when the type says
nothing); the Article's ``url`` is the final URL after redirects. One request per URL,
with a timeout and the same 50 MB cap as a file; failures are one-line problems.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from detente import __version__
from detente.ingest.files import KINDS, MAX_ARTICLE_BYTES
from detente.records import Article, InputProblem

TIMEOUT_SECONDS = 30.0
USER_AGENT = f"detente/{__version__} (news event coder)"

_TYPE_KINDS = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/xml": "feed", "text/xml": "feed",
    "text/plain": "text",
    "application/jsonl": "jsonl", "application/x-ndjson": "jsonl",
    "application/x-jsonlines": "jsonl", "application/jsonlines": "jsonl",
}


def kind_for(content_type: str, url: str) -> str | None:
    """The reader for a response: by its media type, else by the URL path's suffix."""
    media = content_type.split(";")[0].strip().lower()
    if media in _TYPE_KINDS:
        return _TYPE_KINDS[media]
    return KINDS.get(PurePosixPath(urlsplit(url).path).suffix.lower())


def fetch(url: str, timeout: float = TIMEOUT_SECONDS) -> tuple[bytes, str, str]:
    """(body, content type, final URL) of a GET; raise OSError with a one-line reason."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(MAX_ARTICLE_BYTES + 1)
            content_type = response.headers.get("Content-Type", "")
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        raise OSError(f"HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, socket.timeout | TimeoutError):
            raise OSError(f"no answer within {timeout:.0f} s") from exc
        raise OSError(f"cannot reach it ({getattr(reason, 'strerror', None) or reason})") from exc
    except TimeoutError as exc:
        raise OSError(f"no answer within {timeout:.0f} s") from exc
    if len(body) > MAX_ARTICLE_BYTES:
        raise OSError(f"response larger than {MAX_ARTICLE_BYTES / 2**20:.0f} MB")
    return body, content_type, final


def read_url(url: str, *, published: str | None,
             timeout: float = TIMEOUT_SECONDS) -> Iterator[Article | InputProblem]:
    """Articles from the document at ``url``; one problem if it cannot be fetched."""
    from detente.ingest.read import read_bytes

    try:
        body, content_type, final = fetch(url, timeout)
    except OSError as exc:
        yield InputProblem(url, str(exc))
        return
    if not body.strip():
        yield InputProblem(url, "empty response")
        return
    yield from read_bytes(body, path=url, url=final, published=published,
                          kind=kind_for(content_type, final))
