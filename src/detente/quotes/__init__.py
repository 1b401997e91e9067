"""The quotes stage: direct and reported speech with their speakers."""

from detente.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
