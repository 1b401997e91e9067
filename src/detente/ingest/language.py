"""Language identification with py3langid, loaded on first use (about 0.7 s, once)."""

from __future__ import annotations

from functools import cache
from typing import Any

# Below this many letters langid's guess is noise; the article keeps no language.
MIN_LETTERS = 20
# Only the start is needed, and it keeps the cost flat for very long articles.
SAMPLE_CHARS = 4000


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language ("en", "fr"), or None when too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    language, _confidence = _identifier().classify(sample)
    return str(language)
