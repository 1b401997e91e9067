"""Date expressions a sentence holds, for the date of its events ("on Tuesday", "last
week", "Sept. 25"); `detente.ingest.dates` resolves them against the article's date."""

from __future__ import annotations

from spacy.tokens import Span

WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday"})
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                    "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})
DEICTIC = frozenset({"yesterday", "today", "tomorrow", "tonight"})


def date_expressions(sent: Span) -> list[str]:
    """Candidate date expressions of a sentence, in order: weekdays, "last week", months
    with their day (and year), "yesterday"."""
    out = []
    toks = list(sent)
    for k, t in enumerate(toks):
        low = t.lower_.rstrip(".")
        nxt = toks[k + 1].lower_ if k + 1 < len(toks) else ""
        if low in WEEKDAYS or low in DEICTIC:
            prev = toks[k - 1].lower_ if k else ""
            out.append(f"{prev} {low}" if prev in ("last", "next") else low)
        elif low in ("last", "next") and nxt in ("week", "month", "year"):
            out.append(f"{low} {nxt}")
        elif low in MONTHS and t.text[:1].isupper():
            out.append(" ".join(x.text for x in toks[k:k + 4]))
    return out
