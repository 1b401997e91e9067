"""``read_inputs``: the paths a user gives (files, folders, globs, ``-``) to Articles."""

from __future__ import annotations

import gzip
import os
import re
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from detente.ingest.build import InputError
from detente.ingest.dates import validate_date
from detente.ingest.decode import DecodeError, decode_bytes, describe_binary
from detente.ingest.files import (
    MAX_ARTICLE_BYTES,
    expand_path,
    is_gzip,
    kind_of,
    read_article_bytes,
)
from detente.ingest.jsonl import looks_like_jsonl, read_jsonl_lines, split_lines
from detente.ingest.plain import article_from_text
from detente.records import Article, InputProblem

STDIN = "-"
STDIN_NAME = "<stdin>"
URL = re.compile(r"https?://", re.IGNORECASE)

Result = Iterator[Article | InputProblem]

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_FEED_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*>\s*)*"
                         r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE | re.DOTALL)


def read_inputs(paths: Sequence[str], *, published: str | None = None,
                stdin: BinaryIO | None = None) -> Result:
    """Articles (and one-line problems) from files, folders, globs and ``-`` (standard input).

    ``published`` (``YYYY-MM-DD``) is the date for inputs that carry none; a bad one raises
    ValueError here, before anything is read. ``stdin`` replaces ``sys.stdin`` for ``-``.
    Problems with one input never stop the others.
    """
    default = validate_date(published) if published is not None else None
    given = [paths] if isinstance(paths, str) else list(paths)
    return _read_all(given, default, stdin)


def _read_all(paths: list[str], published: str | None, stdin: BinaryIO | None) -> Result:
    for given in paths:
        if URL.match(given):
            from detente.ingest.fetch import read_url

            yield from read_url(given, published=published)
            continue
        if given == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_stdin(stream, published)
            continue
        for item in expand_path(given):
            if isinstance(item, InputError):
                yield InputProblem(given, item.problem, item.line)
            else:
                yield from read_file(item, published)


def read_file(path: Path, published: str | None = None) -> Result:
    """Articles from one file, by its suffix, or by its content when the suffix says nothing."""
    shown = str(path)
    url = os.path.abspath(path)
    kind = kind_of(path)
    if kind == "jsonl":
        yield from _read_jsonl_file(path, published)
        return
    if kind == "warc":
        from detente.ingest.warc import read_warc

        yield from read_warc(path, default_published=published)
        return
    try:
        data = read_article_bytes(path)
    except InputError as exc:
        yield InputProblem(shown, exc.problem)
        return
    if kind is None and data.startswith(b"WARC/"):
        from detente.ingest.warc import read_warc

        yield from read_warc(path, default_published=published)
        return
    yield from read_bytes(data, path=shown, url=url, published=published, kind=kind)


def read_bytes(data: bytes, *, path: str, url: str | None, published: str | None,
               kind: str | None = None) -> Result:
    """Articles from the bytes of one document (a file's or a fetched URL's).

    HTML goes to trafilatura undecoded (it reads the page's charset); the rest is decoded
    here and handed to ``read_text``.
    """
    try:
        if describe_binary(data) is not None:
            decode_bytes(data)  # raises the DecodeError that says what the bytes are
        if kind == "html" or (kind is None and _HTML_START.match(data[:4096].decode(
                "latin-1"))):
            from detente.ingest.html import read_html_bytes

            yield from read_html_bytes(data, path=path, url=url, default_published=published)
            return
        text = decode_bytes(data)
    except DecodeError as exc:
        yield InputProblem(path, str(exc))
        return
    yield from read_text(text, path=path, url=url, published=published, kind=kind, raw=data)


def read_text(text: str, *, path: str, url: str | None, published: str | None,
              kind: str | None = None, raw: bytes | None = None) -> Result:
    """Articles from a decoded document: a feed, JSON Lines, HTML or plain text.

    ``kind`` (from the file name) decides; without one the content does. ``raw`` are the
    undecoded bytes, given to the feed parser so it can honour the XML encoding declaration.
    """
    if not text.strip():
        yield InputProblem(path, "empty file (only whitespace)")
        return
    head = text[:4096]
    if kind == "feed" or (kind is None and _FEED_START.match(head)):
        from detente.ingest.feeds import read_feed_bytes

        data = raw if raw is not None else text.encode("utf-8")
        yield from read_feed_bytes(data, path=path, default_published=published)
        return
    if kind is None and _HTML_START.match(head):
        from detente.ingest.html import read_html_text

        yield from read_html_text(text, path=path, url=url, default_published=published)
        return
    if kind is None and looks_like_jsonl(text):
        yield from read_jsonl_lines(split_lines(text), path=path, url=url,
                                    default_published=published)
        return
    try:
        yield article_from_text(text, url=url, default_published=published)
    except InputError as exc:
        yield InputProblem(path, exc.problem, exc.line)


def _read_stdin(stream: BinaryIO, published: str | None) -> Result:
    data = stream.read()
    if not data.strip():
        yield InputProblem(STDIN_NAME, "empty input (nothing on standard input)")
        return
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            yield InputProblem(STDIN_NAME, f"not a valid gzip stream ({exc})")
            return
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        yield InputProblem(STDIN_NAME, str(exc))
        return
    if len(data) > MAX_ARTICLE_BYTES and not looks_like_jsonl(text):
        yield InputProblem(STDIN_NAME, f"input is {len(data) / 2**20:.1f} MB, more than the "
                           f"{MAX_ARTICLE_BYTES / 2**20:.0f} MB allowed for one article")
        return
    yield from read_text(text, path=STDIN_NAME, url=None, published=published, raw=data)


def _read_jsonl_file(path: Path, published: str | None) -> Result:
    shown = str(path)
    url = os.path.abspath(path)
    try:
        opener = gzip.open if is_gzip(path) else open
        with opener(path, "rb") as handle:
            binary = describe_binary(handle.read(8192))
        if binary is not None:
            suffix = "" if binary.startswith("UTF-16") else ", not JSON Lines"
            yield InputProblem(shown, binary + suffix)
            return
        with opener(path, "rb") as handle:
            yield from read_jsonl_lines(handle, path=shown, url=url,
                                        default_published=published)
    except PermissionError:
        yield InputProblem(shown, "cannot read it: permission denied")
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield InputProblem(shown, f"not a valid gzip file ({exc})")
    except OSError as exc:
        yield InputProblem(shown, f"cannot read it ({exc.strerror or exc})")
