"""Plain text: one article per file, with a headline split off only when it is obvious."""

from __future__ import annotations

from detente.ingest.build import build_article
from detente.ingest.clean import clean_text, normalize_whitespace
from detente.records import Article

_MAX_TITLE = 150
_SENTENCE_END = (".", "!", "?", ":", ";", ",", '"', "”", "’", "'", ")", "—", "–", "-")


def split_title(text: str) -> tuple[str | None, str]:
    """(headline, body) when the first paragraph is clearly a headline, else (None, text).

    Clearly means: a single short line of several words, standing alone before a blank line,
    more text after it, not ending like a sentence, and not itself boilerplate or a dateline.
    """
    normalized = normalize_whitespace(text)
    first, sep, rest = normalized.partition("\n\n")
    if (not sep or not rest.strip() or "\n" in first or len(first) > _MAX_TITLE
            or len(first.split()) < 3 or first.endswith(_SENTENCE_END)
            or clean_text(first).text != first):
        return None, text
    return first, rest


def article_from_text(text: str, *, url: str | None,
                      default_published: str | None = None) -> Article:
    """An Article from the text of a .txt file (or stdin); raise InputError when empty."""
    title, body = split_title(text)
    return build_article(body, url=url, title=title, default_published=default_published)
