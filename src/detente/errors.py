"""Detente's error catalogue: user mistakes (exit 1) versus our own faults (exit 2).

Messages say what was wrong, where (file, line, field) and, where useful, what to do next.
"""

from __future__ import annotations


class DetenteError(Exception):
    """Base class of detente's own errors."""


class UserError(DetenteError):
    """A mistake in what the user gave us: bad input, bad option. Exit code 1, one line."""


class DataError(DetenteError):
    """A bad entry in a data file (actors, verb patterns, ontology): FILE:LINE: problem."""

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")


E002 = "not a valid date {value!r}: expected YYYY-MM-DD"
E003 = "unknown output format {value!r}: choose one of {choices}"
E004 = "cannot open the store {target!r}: {reason}"
