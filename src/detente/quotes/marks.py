"""Where the quote marks of a text open and close: the spans of direct speech.

News text mixes conventions: curly “…” and straight "…" double marks, «…» and „…“, the doubled
apostrophes ''…'' of some archives (the New York Times'), and single marks ‘…’ or '…' in
headlines. A quote whose closing mark is missing runs to the end of its paragraph: wire style
for a quote that goes on in the next paragraph, where it opens again. Marks inside a quote
(nested single quotes) belong to it and close nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[“\"'‘«„])")
DOUBLE = {"“": "”", "«": "»", "„": "“", '"': '"', "''": "''", "``": "''"}
SINGLE = {"‘": "’", "'": "'"}
# The characters a quote can open with: the scan jumps from one to the next.
_CANDIDATE = re.compile("[" + re.escape("".join({*DOUBLE, *SINGLE, "`"} - {"''", "``"})) + "]")


@dataclass(frozen=True, slots=True)
class Marked:
    """Quoted words: content offsets (marks excluded) and whether a mark closed them."""

    start: int
    end: int
    closed: bool


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blank lines, or a line break before an opening mark."""
    out, pos = [], 0
    for m in PARAGRAPH.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _opener(text: str, pos: int) -> str | None:
    two = text[pos: pos + 2]
    if two in ("''", "``"):
        return two
    ch = text[pos]
    if ch in DOUBLE:
        return ch
    if ch in SINGLE:
        # A single mark opens a quote only at a word's start ("‘Reclaim"), never as the
        # apostrophe inside or after a word ("don't", "the Clintons' house").
        before = text[pos - 1] if pos > 0 else " "
        after = text[pos + 1] if pos + 1 < len(text) else " "
        if (before.isspace() or before in "([—–-:") and (after.isalnum() or after in "“\""):
            return ch
    return None


def _closer(text: str, mark: str, start: int, end: int) -> tuple[int, int] | None:
    """(position, length) of the mark closing `mark` in text[start:end], if any."""
    if mark in SINGLE:
        close = SINGLE[mark]
        for m in re.finditer(re.escape(close), text[start:end]):
            at = start + m.start()
            after = text[at + 1] if at + 1 < len(text) else " "
            # "don’t" is an apostrophe; a closing mark ends a word before space or punctuation
            # (a plural possessive inside the quote, "the Clintons’ house", closes it early)
            if not after.isalnum():
                return at, 1
        return None
    if mark in ("“", '"'):
        return _close_curly_or_straight(text, mark, start, end)
    close = DOUBLE[mark]
    at = text.find(close, start, end)
    if mark == "„" and at < 0:
        at = text.find("”", start, end)
    return (at, len(close)) if at >= 0 else None


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-") and not after.isspace()


def _close_curly_or_straight(text: str, mark: str, start: int, end: int
                             ) -> tuple[int, int] | None:
    """The closing mark of “ or ", which edited copy often mixes up (“...," and "...”).

    Marks nested inside ('"... question: “As you know ...?” ..."', or '“... what he calls
    “hell” than ...”' where the writer reused the outer marks) open and close their own
    quote; a straight mark that cannot be opening closes ours.
    """
    nested = False
    for i in range(start, end):
        ch = text[i]
        if ch == "”" and not nested:
            return i, 1
        if ch == "”":
            nested = False
        elif ch == '"' and mark == '"':
            return i, 1
        elif ch == '"':
            if nested:
                nested = False
            elif _opens(text, i):
                nested = True
            else:
                return i, 1
        elif ch == "“" and (mark == '"' or _opens(text, i)):
            nested = True  # '“... what he calls “hell” than ...”'
        elif ch == "“" and not text[i - 1].isspace() and (
                i + 1 >= len(text) or text[i + 1].isspace() or text[i + 1] in ".,;:!?"):
            return i, 1  # a closing mark typed as an opening one: 'Mostly False.“'
    return None


def quoted_spans(text: str) -> list[Marked]:
    """All quoted spans of a text, in order, paragraph by paragraph."""
    out: list[Marked] = []
    for pstart, pend in paragraphs(text):
        pos = pstart
        while pos < pend:
            at = _CANDIDATE.search(text, pos, pend)
            if at is None:
                break
            pos = at.start()
            mark = _opener(text, pos)
            if mark is None:
                pos += 1
                continue
            body = pos + len(mark)
            found = _closer(text, mark, body, pend)
            stop, width = found if found else (pend, 0)
            if mark in SINGLE and found is None:
                pos += 1  # an unclosed single mark is an apostrophe or a typo, not a quote
                continue
            raw = text[body:stop]
            s = body + len(raw) - len(raw.lstrip())
            e = body + len(raw.rstrip())
            if e > s:
                out.append(Marked(s, e, found is not None))
            pos = stop + width
    return out
