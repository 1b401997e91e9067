"""Wire copies: the same story run by many outlets is one story with many articles.

MinHash over word 5-shingles of the normalized text, with an LSH index (datasketch) to find
candidates fast; a candidate is a copy when the estimated Jaccard similarity of the shingle
sets is at least `threshold` (0.7 by default: wire copies differ in bylines, datelines and
trimmed paragraphs, not in the story). The earliest article of a story is its original:
`duplicate_of` names it on every later copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures depend on it
_WORD = re.compile(r"\w+")


def signature(text: str) -> MinHash:
    """The MinHash of a text's word 5-shingles (case and punctuation folded)."""
    words = _WORD.findall(text.lower())
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    if len(words) < SHINGLE:
        m.update(" ".join(words).encode("utf-8"))
        return m
    m.update_batch([" ".join(words[i:i + SHINGLE]).encode("utf-8")
                    for i in range(len(words) - SHINGLE + 1)])
    return m


def to_bytes(m: MinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(b: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME,
                   hashvalues=np.frombuffer(b, dtype=np.uint64))


class Deduplicator:
    """Finds the original of each new article among those seen so far (stored or new)."""

    def __init__(self, threshold: float = 0.7) -> None:
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.sigs: dict[str, LeanMinHash] = {}  # lean: no permutation tables, ~1 KB each
        self.original: dict[str, str] = {}

    def load(self, known: Iterable[tuple[str, bytes, str | None]]) -> None:
        """Articles already stored: (article_id, signature bytes, duplicate_of)."""
        for article_id, sig, dup in known:
            m = LeanMinHash(from_bytes(sig))
            self.sigs[article_id] = m
            self.original[article_id] = dup or article_id
            if not dup:
                self.lsh.insert(article_id, m)

    def check(self, article_id: str, m: MinHash) -> str | None:
        """The original this article copies (and remember it), or None for a new story."""
        if article_id in self.original:
            orig = self.original[article_id]
            return None if orig == article_id else orig
        best, best_sim = None, self.threshold
        for cand in self.lsh.query(m):
            sim = m.jaccard(self.sigs[cand])
            if sim >= best_sim:
                best, best_sim = cand, sim
        self.sigs[article_id] = LeanMinHash(m)
        if best is None:
            self.lsh.insert(article_id, m)
            self.original[article_id] = article_id
            return None
        self.original[article_id] = best
        return best
