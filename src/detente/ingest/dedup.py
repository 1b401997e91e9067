"""Wire copies: the same story run by many outlets is one story with many articles.

MinHash over word 5-shingles of the normalized text; a candidate is a copy when the estimated
Jaccard similarity of the shingle sets is at least `threshold` (0.7 by default: wire copies
differ in bylines, datelines and trimmed paragraphs, not in the story). The earliest article
of a story is its original: `duplicate_of` names it on every later copy.

Candidates are found by LSH banding, as datasketch's MinHashLSH does (14 bands of 9 rows for
0.7 and 128 permutations): an earlier original is a candidate when all 9 values of any band
equal the new article's. The bands live in the store (table `minhash_bands`, one 64-bit key
per band of each original), not in memory, so a long ingest does not grow with the corpus;
only articles read but not yet stored (the engine's window) are held here.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from datasketch import MinHash

if TYPE_CHECKING:
    from detente.store.duckdb import DuckStore

NUM_PERM = 128
SHINGLE = 5
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures depend on it
# MinHashLSH(threshold=0.7, num_perm=128) picks these; stored band keys depend on them.
BANDS, ROWS = 14, 9
_WORD = re.compile(r"\w+")
BATCH = 1000


def signature(text: str) -> MinHash:
    """The MinHash of a text's word 5-shingles (case and punctuation folded)."""
    words = _WORD.findall(text.lower())
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    if len(words) < SHINGLE:
        m.update(" ".join(words).encode("utf-8"))
        return m
    # A thousand shingles at a time: datasketch hashes a batch against all 128 permutations
    # at once (a 100,000-character page: ~17,000 x 128 numbers, several copies), and the
    # minimum over batches is the minimum over all.
    n = len(words) - SHINGLE + 1
    for start in range(0, n, BATCH):
        m.update_batch([" ".join(words[i:i + SHINGLE]).encode("utf-8")
                        for i in range(start, min(n, start + BATCH))])
    return m


def to_bytes(m: MinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(b: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME,
                   hashvalues=np.frombuffer(b, dtype=np.uint64))


def band_keys(m: MinHash) -> list[int]:
    """One signed 64-bit key per band: equal keys mean equal bands (the band number is hashed
    in, so a key never matches another band's)."""
    values = np.asarray(m.hashvalues, dtype=np.uint64)
    return [int.from_bytes(hashlib.blake2b(bytes([b]) + values[b * ROWS:(b + 1) * ROWS]
                                           .tobytes(), digest_size=8).digest(), "little",
                           signed=True)
            for b in range(BANDS)]


def _similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / NUM_PERM


@dataclass(frozen=True, slots=True)
class Signature:
    """What the store keeps of an article for finding later copies of it."""

    minhash: bytes
    bands: tuple[int, ...]  # empty for a copy: only originals are candidates


class Deduplicator:
    """Finds the original of each new article among those stored and those read before it.

    `check` each article in reading order, then `take` its Signature when storing it (the
    store writes it in the article's transaction, so a killed ingest loses nothing of it).
    """

    def __init__(self, store: DuckStore, threshold: float = 0.7) -> None:
        self.store = store
        self.threshold = threshold
        # read, not yet stored: article_id -> (hash values, band keys, original)
        self.pending: dict[str, tuple[np.ndarray, list[int], str]] = {}
        self._catch_up()

    def _catch_up(self) -> None:
        """Band the stored originals that have no bands (a store written before version 2)."""
        for article_id, sig in self.store.originals_without_bands():
            self.store.add_bands(article_id, band_keys(from_bytes(sig)))

    def check(self, article_id: str, m: MinHash) -> str | None:
        """The original this article copies (and remember it), or None for a new story."""
        if article_id in self.pending:
            orig = self.pending[article_id][2]
            return None if orig == article_id else orig
        stored = self.store.original_of(article_id)
        if stored is not None:
            return None if stored == article_id else stored
        values = np.asarray(m.hashvalues, dtype=np.uint64)
        keys = band_keys(m)
        # Earlier articles first (stored ones are older than any pending one): on a tie in
        # similarity the earliest original wins.
        candidates = [(cand, np.frombuffer(sig, dtype=np.uint64))
                      for cand, sig in self.store.band_candidates(keys)]
        wanted = set(keys)
        candidates += [(cand, vals) for cand, (vals, cand_keys, orig) in self.pending.items()
                       if orig == cand and wanted.intersection(cand_keys)]
        best, best_sim = None, self.threshold
        for cand, vals in candidates:
            sim = _similarity(values, vals)
            if sim > best_sim or (best is None and sim >= best_sim):
                best, best_sim = cand, sim
        self.pending[article_id] = (values, keys, best or article_id)
        return best

    def take(self, article_id: str) -> Signature | None:
        """The Signature to store with an article `check`ed before; it is no longer pending."""
        entry = self.pending.pop(article_id, None)
        if entry is None:
            return None
        values, keys, orig = entry
        return Signature(values.tobytes(), tuple(keys) if orig == article_id else ())
