"""The nlp stage: text to a parsed spaCy Doc with detente's sentences."""

from detente.nlp.pipeline import MODEL_NAME, Parser, load_nlp, sentences

__all__ = ["MODEL_NAME", "Parser", "load_nlp", "sentences"]
