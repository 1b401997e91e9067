"""The coder's grammar words (speech cues, modality, negating governors), from package data."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from detente.datafiles import package_data, read_tsv

# striving: verbs of wanting or trying whose complement is the act ("seeks to deepen ties").
KINDS = ("speech", "future", "hypothetical", "negating", "striving")


@dataclass(frozen=True)
class Lexicon:
    """Word lists by kind; multi-word cues ("according to") are kept whole."""

    words: dict[str, frozenset[str]]

    def has(self, kind: str, word: str) -> bool:
        return word.lower() in self.words.get(kind, frozenset())


def load_lexicon(path: Path | None = None) -> Lexicon:
    path = path or package_data("coding", "lexicon.tsv")
    acc: dict[str, set[str]] = defaultdict(set)
    for row in read_tsv(path, ("word", "kind")):
        if row["kind"] not in KINDS:
            raise row.error(f"unknown kind {row['kind']!r}: expected one of {', '.join(KINDS)}")
        acc[row["kind"]].add(row["word"].lower())
    return Lexicon({k: frozenset(v) for k, v in acc.items()})
