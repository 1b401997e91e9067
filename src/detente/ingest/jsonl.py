"""JSON Lines: one article per line (``id``, ``text``, optional ``published``, ``title``,
``source``, ``url``). A bad line is reported with its number and the rest of the file goes on."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from detente.ingest.build import InputError, build_article
from detente.records import Article, InputProblem

_OPTIONAL_TEXT_FIELDS = ("published", "title", "source", "url")


def split_lines(text: str) -> list[str]:
    """Lines split on "\n" only: JSON strings may hold U+2028 or form feeds, which
    ``str.splitlines`` would also split on."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def looks_like_jsonl(text: str) -> bool:
    """True when every non-empty line is a JSON object (how stdin is told apart from text)."""
    seen = False
    for line in split_lines(text):
        if not line.strip():
            continue
        if not line.lstrip().startswith("{"):
            return False
        try:
            value = json.loads(line)
        except ValueError:
            return False
        if not isinstance(value, dict):
            return False
        seen = True
    return seen


def article_from_record(record: Any, *, default_url: str | None,
                        default_published: str | None) -> Article:
    """An Article from one decoded JSONL value; raise InputError naming the bad field."""
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if text is None:
        raise InputError('missing "text" (each line needs "id" and "text")')
    if not isinstance(text, str):
        raise InputError(f'"text" must be a string, got {type(text).__name__}')
    given_id = record.get("id")
    if given_id is not None and not isinstance(given_id, str | int):
        raise InputError(f'"id" must be a string, got {type(given_id).__name__}')
    fields: dict[str, str | None] = {}
    for name in _OPTIONAL_TEXT_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(f'"{name}" must be a string or null, got {type(value).__name__}')
        fields[name] = value or None
    try:
        return build_article(
            text,
            url=fields["url"] or default_url,
            source=fields["source"],
            title=fields["title"],
            published=fields["published"],
            default_published=default_published,
            article_id=str(given_id) if given_id is not None and str(given_id) else None,
        )
    except InputError as exc:
        if exc.problem.startswith("bad date"):
            raise InputError(f'"published": {exc.problem}') from exc
        raise


def read_jsonl_lines(lines: Iterable[bytes | str], *, path: str, url: str | None,
                     default_published: str | None) -> Iterator[Article | InputProblem]:
    """Articles and per-line problems from the lines of one JSONL input."""
    any_content = False
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield InputProblem(path, f"not valid UTF-8 (byte {exc.start}); JSON Lines must "
                                   "be UTF-8", line=number)
                any_content = True
                continue
        else:
            line = raw.lstrip("\ufeff") if number == 1 else raw
        if not line.strip():
            continue
        any_content = True
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(path, f"not valid JSON ({exc.msg} at column {exc.colno})",
                               line=number)
            continue
        try:
            yield article_from_record(record, default_url=url,
                                      default_published=default_published)
        except InputError as exc:
            yield InputProblem(path, exc.problem, line=number)
    if not any_content:
        yield InputProblem(path, "empty file (no JSON lines)")
