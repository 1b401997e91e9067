"""WARC archives (warcio): each HTML response record becomes an Article, keyed by its URL.

Only ``response`` records with HTTP status 200 and an HTML content type are read; requests,
metadata, redirects, images and scripts are skipped silently. The page's own date wins;
then ``--date``; then the record's crawl date (WARC-Date), which for news crawls is close
to publication and beats having none.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from detente.ingest.build import InputError
from detente.ingest.dates import validate_date
from detente.ingest.files import MAX_ARTICLE_BYTES
from detente.ingest.html import article_from_html
from detente.records import Article, InputProblem

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, *, default_published: str | None) -> Iterator[Article | InputProblem]:
    """Articles (and per-record problems) from the HTML responses of one WARC file."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    shown = str(path)
    found = 0
    try:
        with path.open("rb") as stream:
            head = stream.read(16)
            stream.seek(0)
            if not head.startswith((b"WARC/", b"\x1f\x8b", b"filedesc://")):
                what = "empty file" if not head else "it does not start with a WARC header"
                yield InputProblem(shown, f"not a readable WARC file ({what})")
                return
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                status = record.http_headers.get_statuscode()
                if status != "200" or not content_type.startswith(_HTML_TYPES):
                    continue
                found += 1
                uri = record.rec_headers.get_header("WARC-Target-URI") or None
                crawled = _valid_or_none(record.rec_headers.get_header("WARC-Date") or "")
                where = f"record {number}" + (f" ({uri})" if uri else "")
                body = record.content_stream().read(MAX_ARTICLE_BYTES + 1)
                if len(body) > MAX_ARTICLE_BYTES:
                    yield InputProblem(shown, f"{where}: page larger than 50 MB, skipped")
                    continue
                try:
                    yield article_from_html(body, url=uri, page_url=uri,
                                            default_published=default_published or crawled)
                except InputError as exc:
                    yield InputProblem(shown, f"{where}: {exc.problem}")
    except ArchiveLoadFailed as exc:
        yield InputProblem(shown, f"not a readable WARC file ({exc})")
        return
    except OSError as exc:
        yield InputProblem(shown, f"cannot read it ({exc.strerror or exc})")
        return
    if not found:
        yield InputProblem(shown, "no HTML responses in this WARC file")


def _valid_or_none(value: str) -> str | None:
    try:
        return validate_date(value)
    except ValueError:
        return None
