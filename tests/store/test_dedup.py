"""Wire copies: the same story from several outlets is one story with several articles."""

from __future__ import annotations

from pathlib import Path

from detente.ingest.dedup import BANDS, Deduplicator, from_bytes, signature, to_bytes
from detente.records import Article
from detente.store import DuckStore, open_store

STORY = ("Russian Foreign Minister Sergey Lavrov met his Chinese counterpart Wang Yi in Moscow on "
         "Monday, and the two sides signed an agreement on energy cooperation. Lavrov told "
         "reporters that both countries would continue to work together on regional security, "
         "and Wang said China would send a trade delegation to Russia next month. ")
COPY = "MOSCOW (Reuters) - " + STORY * 2 + " Reporting by Jane Doe; editing by John Roe."
OTHER = "Brazil and Argentina agreed to cut tariffs on steel and cars, officials said. " * 3


def _store(store: DuckStore, dedup: Deduplicator, article_id: str, dup: str | None) -> None:
    sig = dedup.take(article_id)
    assert sig is not None
    assert store.add(Article(article_id, "text", duplicate_of=dup), [], [],
                     signature=sig.minhash, bands=sig.bands)


def test_copies_point_to_the_original_stored_or_still_in_flight(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    with open_store(db) as store:
        d = Deduplicator(store)
        assert d.check("ap", signature(STORY * 2)) is None
        assert d.check("reuters", signature(COPY)) == "ap"  # ap read, not stored yet
        assert d.check("other", signature(OTHER)) is None
        for article_id, dup in (("ap", None), ("reuters", "ap"), ("other", None)):
            _store(store, d, article_id, dup)
        assert d.pending == {}
        # only originals are candidates: their bands are stored, a copy's are not
        assert store.query("SELECT article_id, count(*) FROM minhash_bands GROUP BY 1 "
                           "ORDER BY 1") == [("ap", BANDS), ("other", BANDS)]
    with open_store(db) as store:  # a later ingest finds the original in the store
        d = Deduplicator(store)
        assert d.check("bbc", signature(STORY * 2 + "More to follow.")) == "ap"
        reuters = store.query("SELECT minhash FROM signatures WHERE article_id = 'reuters'")
        assert d.check("reuters", from_bytes(bytes(reuters[0][0]))) == "ap"
        assert d.check("ap", signature(STORY * 2)) is None


def test_a_version_1_store_gets_its_bands_on_the_next_ingest(tmp_path: Path) -> None:
    db = str(tmp_path / "v1.duckdb")
    with open_store(db) as store:  # what version 1 wrote: signatures, no bands
        store.con.execute("DROP TABLE minhash_bands")
        store.con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        for article_id, text in (("ap", STORY * 2), ("other", OTHER)):
            store.add(Article(article_id, text), [], [], signature=to_bytes(signature(text)))
    with open_store(db) as store:
        assert store.schema_version() == 2
        assert store.query("SELECT count(*) FROM minhash_bands") == [(0,)]
        d = Deduplicator(store)
        assert store.query("SELECT count(*) FROM minhash_bands") == [(2 * BANDS,)]
        assert d.check("reuters", signature(COPY)) == "ap"
        assert d.check("new", signature("A story of its own about something else. " * 5)) is None
