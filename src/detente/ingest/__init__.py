"""Ingest: files, folders, globs, stdin (text, JSON Lines, HTML, RSS/Atom, WARC) to Articles.

The public surface is ``read_inputs`` (inputs to ``Article`` or ``InputProblem``),
``clean_text`` (boilerplate and dateline removal) and the date helpers. Nothing is loaded at
import: patterns, trafilatura and the language model are loaded on first use.
"""

from detente.ingest.clean import CleanResult, Removal, clean_text
from detente.ingest.dates import resolve_date, validate_date
from detente.ingest.read import read_inputs

__all__ = ["CleanResult", "Removal", "clean_text", "read_inputs", "resolve_date",
           "validate_date"]
