"""The DuckDB store: round trips, idempotence, filters, one transaction per batch."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import UserError
from detente.records import Actor, Article, Event, Quote
from detente.store import EventFilter, open_store
from detente.store.duckdb import Stored


def _event(eid: str, src: str, tgt: str | None, cameo: str, date: str, neg: bool = False
           ) -> Event:
    s = Actor(src, src, src[:3], None, src[3:] or None, None, "test")
    t = Actor(tgt, tgt, tgt[:3], None, None, None, "test") if tgt else None
    quad = 1 if int(cameo[:2]) <= 5 else 4
    return Event(eid, "a1", 0, date, s, t, cameo, cameo[:2], quad, 1.0,
                 {"type": None, "mode": None}, neg, "asserted",
                 {"text": "t", "start": 0, "end": 1}, None, "r", 0.5)


def test_round_trip_and_idempotence(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    art = Article("a1", "text", published="2018-09-25")
    evs = [_event("e1", "RUSGOV", "UKR", "036", "2018-09-25"),
           _event("e2", "UKRMIL", "RUS", "190", "2018-10-02", neg=True)]
    q = Quote("q1", "a1", "words here", True, 0, 10, "say",
              Actor("he", "RUSGOV", "RUS", None, "GOV", "X", "r"))
    with open_store(db) as store:
        assert store.add(art, evs, [q]) is True
        assert store.add(art, evs, [q]) is False
        assert store.counts() == {"articles": 1, "events": 2, "quotes": 1}
    with open_store(db, read_only=True) as store:
        assert list(store.events()) == evs
        assert next(iter(store.quotes())).speaker == q.speaker
        assert [e.event_id for e in store.events(EventFilter(source="UKR"))] == ["e2"]
        assert [e.event_id for e in store.events(EventFilter(actor="RUS"))] == ["e1", "e2"]
        assert [e.event_id for e in store.events(EventFilter(code="19"))] == ["e2"]
        assert [e.event_id for e in store.events(EventFilter(since="2018-10-01"))] == ["e2"]


def test_failed_write_leaves_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    art = Article("a1", "text")
    bad = _event("e1", "RUSGOV", "UKR", "036", "2018-09-25")
    with open_store(db) as store:
        with pytest.raises((AttributeError, TypeError)):
            store.add(art, [bad, object()], [])  # type: ignore[list-item]
        assert store.counts()["articles"] == 0 and store.counts()["events"] == 0
        assert store.add(art, [bad], []) is True


def test_a_batch_is_one_transaction(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    ev = _event("e1", "RUSGOV", "UKR", "036", "2018-09-25")
    with open_store(db) as store:
        assert store.add(Article("a0", "old"), [], []) is True
        batch = [Stored(Article("a1", "one"), (ev,), signature=b"s" * 8, bands=(7, 8)),
                 Stored(Article("a0", "old")),  # stored before
                 Stored(Article("a2", "two"), coded=False),
                 Stored(Article("a1", "one"), (ev,))]  # twice in the batch
        broken = [*batch[:3], Stored(Article("a3", "x"), (object(),))]  # type: ignore[arg-type]
        with pytest.raises((AttributeError, TypeError)):
            store.add_many(broken)
        assert store.counts() == {"articles": 1, "events": 0, "quotes": 0}  # none of it
        assert store.add_many(batch) == [True, False, True, False]
        assert store.counts() == {"articles": 3, "events": 1, "quotes": 0}
        assert store.band_candidates([8]) == [("a1", b"s" * 8)]
        assert store.query("SELECT coded FROM articles WHERE article_id = 'a2'") == [(False,)]


def test_missing_store_and_postgres_url_are_user_errors(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such store"):
        open_store(str(tmp_path / "none.duckdb"), read_only=True)
    with pytest.raises(UserError, match="PostgreSQL"):
        open_store("postgresql://u:p@localhost/db")


def test_schema_version_is_recorded_and_newer_stores_refused(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    with open_store(db) as store:
        assert store.schema_version() == 2
        store.con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(UserError, match="newer"):
        open_store(db)


def test_a_long_write_renews_its_connection_and_keeps_everything(tmp_path: Path) -> None:
    from detente.store import duckdb as store_module

    db = str(tmp_path / "s.duckdb")
    n = store_module.RENEW_EVERY + 5
    with open_store(db) as store:
        first = store.con
        for i in range(n):
            assert store.add(Article(f"a{i}", f"text {i}"), [], [], signature=b"x" * 8,
                             bands=[i])
        assert store.con is not first
        assert store.add(Article("a0", "text 0"), [], []) is False
        assert store.counts()["articles"] == n
    with open_store(db, read_only=True) as store:
        assert store.query("SELECT count(*), count(DISTINCT key) FROM minhash_bands") == [(n, n)]
