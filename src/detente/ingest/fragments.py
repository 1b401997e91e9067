"""HTML fragments (feed item content, summaries) to plain text with paragraph breaks."""

from __future__ import annotations

import html
import re

_DROP = re.compile(r"<(script|style|noscript|iframe)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BLOCK = re.compile(
    r"</?(?:p|div|li|ul|ol|h[1-6]|blockquote|tr|table|section|article|figure|figcaption|pre|"
    r"header|footer|aside|dl|dt|dd|hr)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment: block elements become paragraphs, tags and entities go.

    Plain text passes through unchanged (apart from entity decoding), so a summary that is
    already text is safe to give here.
    """
    text = _COMMENT.sub(" ", _DROP.sub(" ", fragment))
    text = _BLOCK.sub("\n\n", _BREAK.sub("\n", text))
    text = html.unescape(_TAG.sub("", text))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
