"""Clean article text: drop boilerplate lines (sign-up forms, "Source:", bylines) and the dateline.

Only whole lines are removed, and only when a pattern from ``data/ingest/boilerplate.tsv``
matches the entire line, so a news sentence that merely mentions "sign" or "source" stays.
Paragraph breaks ("\\n\\n") are kept; offsets of later stages point into the cleaned text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from detente.ingest.boilerplate import BoilerplatePattern, BoilerplatePatterns, load_boilerplate

# A line this long is a paragraph of news, never a sign-up form or a byline.
MAX_BOILERPLATE_LINE = 400
# Bylines and wire trailers ("edge" patterns) count only this many lines from either end.
EDGE_LINES = 3

_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad"), None)


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of text that cleaning removed, and the pattern that removed it."""

    text: str
    kind: str  # "line", "edge" or "dateline"
    rule: str  # "path/boilerplate.tsv:12"
    note: str


@dataclass(frozen=True, slots=True)
class CleanResult:
    """Cleaned text, what was removed, and the dateline's parts when the text had one."""

    text: str
    removed: tuple[Removal, ...] = ()
    place: str | None = None  # "UNITED NATIONS"
    outlet: str | None = None  # "AP"
    dateline_date: str | None = None  # as written: "Sept 25", "1996-08-22"


@cache
def _default_patterns() -> BoilerplatePatterns:
    return load_boilerplate()


def normalize_whitespace(text: str) -> str:
    """NFC, Unix newlines, no invisible characters or trailing spaces, at most one blank line."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _first_match(line: str, patterns: tuple[BoilerplatePattern, ...]) -> BoilerplatePattern | None:
    if len(line) > MAX_BOILERPLATE_LINE:
        return None
    for pattern in patterns:
        if pattern.regex.fullmatch(line):
            return pattern
    return None


def _removal(text: str, pattern: BoilerplatePattern) -> Removal:
    return Removal(text=text, kind=pattern.kind, rule=pattern.where, note=pattern.note)


def clean_text(text: str, patterns: BoilerplatePatterns | None = None) -> CleanResult:
    """Remove boilerplate lines and a leading dateline from ``text``.

    ``patterns`` defaults to the packaged ``boilerplate.tsv`` (loaded on first use).
    """
    patterns = patterns if patterns is not None else _default_patterns()
    lines = normalize_whitespace(text).split("\n")
    removed: list[Removal] = []
    keep = [True] * len(lines)

    for i, line in enumerate(lines):
        stripped = line.strip()
        hit = _first_match(stripped, patterns.lines) if stripped else None
        if hit is not None:
            keep[i] = False
            removed.append(_removal(stripped, hit))

    nonblank = [i for i, line in enumerate(lines) if keep[i] and line.strip()]
    edge_zone = nonblank[:EDGE_LINES] + nonblank[-EDGE_LINES:]
    for i in sorted(set(edge_zone)):
        stripped = lines[i].strip()
        hit = _first_match(stripped, patterns.edges)
        # Never empty the text: a one-line article "By Tuesday ..." would be all that is left.
        if hit is not None and len(nonblank) > 1:
            keep[i] = False
            removed.append(_removal(stripped, hit))

    body = "\n".join(line for i, line in enumerate(lines) if keep[i])
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    place = outlet = when = None
    for pattern in patterns.datelines:
        m = pattern.regex.match(body)
        if m is None or not body[m.end():].strip():
            continue
        groups = m.groupdict()
        place = _tidy(groups.get("place"))
        outlet = _tidy(groups.get("outlet"))
        when = _tidy(groups.get("date"))
        removed.append(Removal(text=m.group(0).strip(), kind="dateline", rule=pattern.where,
                               note=pattern.note))
        body = body[m.end():].lstrip()
        break
    return CleanResult(text=body, removed=tuple(removed), place=place, outlet=outlet,
                       dateline_date=when)


def _tidy(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split()).strip(" ,")
    return value or None
