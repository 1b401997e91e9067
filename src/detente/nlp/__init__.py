"""The nlp stage: text to a parsed spaCy Doc."""

from detente.nlp.pipeline import MODEL_NAME, load_nlp, parse

__all__ = ["MODEL_NAME", "load_nlp", "parse"]
