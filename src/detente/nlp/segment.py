"""Sentence segmentation before parsing, so that only some sentences need the parser.

Rules (deterministic, on the tokenizer's output): a sentence ends after . ! ? or … (with
any closing quotes or brackets that follow), when the next word does not start in lower case;
a paragraph break (a whitespace token holding a newline) always ends one.
"""

from __future__ import annotations

from spacy.tokens import Doc

FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSERS = frozenset({"”", "’", '"', "'", ")", "]", "»"})


def segment(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges (start, end) of the sentences of a tokenized doc; they tile the doc."""
    bounds: list[tuple[int, int]] = []
    start = 0
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        end: int | None = None
        if tok.is_space and "\n" in tok.text:
            end = i + 1
        elif tok.text in FINAL:
            j = i + 1
            while j < n and doc[j].text in CLOSERS and not doc[j - 1].whitespace_:
                j += 1  # closing marks hug the full stop; an opening one follows a space
            while j < n and doc[j].is_space and "\n" not in doc[j].text:
                j += 1
            if j >= n or not doc[j].text[:1].islower():
                if j < n and doc[j].is_space:  # the paragraph break goes with this sentence
                    j += 1
                end = j
        if end is not None and end > start:
            bounds.append((start, end))
            start = end
            i = end
            continue
        i += 1
    if start < n:
        bounds.append((start, n))
    return bounds
