"""Language identification with py3langid, loaded on first use (about 0.7 s, once).

The answer is an ISO 639-1 code, or None when the text is too short or the guess is weak.
None rather than a guess, because later stages skip articles in other languages: on the
23,891 English articles of shared/corpus, unrestricted py3langid called 1,473 of them
(Reuters earnings tables, mostly) Nigerian Pidgin, "no linguistic content" or Volapük.
Restricting it to the two-letter (ISO 639-1) languages and requiring 0.5 confidence
leaves 7 confident non-English answers there.
"""

from __future__ import annotations

from functools import cache
from typing import Any

# Below this many letters the guess is noise.
MIN_LETTERS = 20
# Below this probability (py3langid's normalised score) the answer is None.
MIN_CONFIDENCE = 0.5
# Only the start is needed, and it keeps the cost flat for very long articles.
SAMPLE_CHARS = 4000


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in identifier.nb_classes if len(code) == 2])
    return identifier


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language ("en", "fr"), or None when unsure."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    language, confidence = _identifier().classify(sample)
    return str(language) if confidence >= MIN_CONFIDENCE else None
