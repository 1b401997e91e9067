"""The embedded store: one DuckDB file, one writer, idempotent on article_id and event_id.

Articles are written with their events and quotes in one transaction per batch (`add_many`;
`add` is a batch of one), so an interrupted ingest leaves whole articles or nothing of them,
and running it again completes the work without duplicates.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

import duckdb

from detente.errors import E004, UserError
from detente.records import Actor, Article, Event, Quote

SCHEMA_VERSION = 2
# MIGRATIONS[n]: the statements that take a store from version n-1 to n (see docs/store.md).
MIGRATIONS: dict[int, list[str]] = {
    # 2: wire-copy candidates found in the store, not in memory. The bands of the originals
    # already stored are filled in by the next ingest (ingest/dedup.py: they are computed in
    # Python).
    2: ["CREATE TABLE IF NOT EXISTS minhash_bands (key BIGINT NOT NULL, "
        "article_id VARCHAR NOT NULL)"],
}
# The buffer pool. The writer keeps a small one: a long ingest should not grow with the file
# it writes (DuckDB fills its pool with the store's blocks up to the limit: with 256 MB the
# writer grew from 152 to 219 MB over 20,000 articles, with 64 MB and renewal it peaks at
# 135-158 MB). Readers (queries, exports) get a larger one.
MEMORY_LIMIT = "256MB"
WRITER_MEMORY_LIMIT = "64MB"
# The writer's connection is closed (which checkpoints) and opened again every RENEW_EVERY
# articles: DuckDB's memory still grew with the store under the limit (cached blocks, rows
# not yet checkpointed, its allocator), ~10 KB an article; renewed, it stays flat (measured:
# 103 MB after 4,000 articles against 142 MB without, flat from 2,000 on).
RENEW_EVERY = 1000
DEFAULT_DB = "detente.duckdb"

EVENT_COLUMNS = (
    "event_id", "article_id", "sentence", "date", "source_code", "source_country",
    "source_org", "source_json", "target_code", "target_country", "target_org", "target_json",
    "cameo", "root", "quad_class", "goldstein", "plover_type", "plover_mode", "negated",
    "modality", "evidence_json", "quote_id", "rule", "confidence", "coder_version",
)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events a query wants. Actor codes match by prefix ("RUS" matches "RUSGOV")."""

    actor: str | None = None  # either side
    source: str | None = None
    target: str | None = None
    code: str | None = None  # CAMEO code prefix ("19" = all fighting)
    since: str | None = None
    until: str | None = None
    article_id: str | None = None
    stories_once: bool = False  # leave out wire copies: each story counts once
    limit: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        sql: list[str] = []
        args: list[Any] = []

        def side(col: str, value: str) -> str:
            args.extend([value + "%", value])
            return f"({col}_code LIKE ? OR {col}_org = ?)"

        if self.actor:
            sql.append(f"({side('source', self.actor)} OR {side('target', self.actor)})")
        if self.source:
            sql.append(side("source", self.source))
        if self.target:
            sql.append(side("target", self.target))
        if self.code:
            sql.append("cameo LIKE ?")
            args.append(self.code + "%")
        if self.since:
            sql.append("date >= ?")
            args.append(self.since)
        if self.until:
            sql.append("date <= ?")
            args.append(self.until)
        if self.article_id:
            sql.append("article_id = ?")
            args.append(self.article_id)
        if self.stories_once:
            sql.append("article_id IN (SELECT article_id FROM articles "
                       "WHERE duplicate_of IS NULL)")
        return (" WHERE " + " AND ".join(sql)) if sql else "", args


def default_target() -> str:
    return os.environ.get("DETENTE_DB") or DEFAULT_DB


def _actor_json(a: Actor | None) -> str | None:
    return json.dumps(a.to_dict(), ensure_ascii=False) if a else None


class DuckStore:
    """Articles, events and quotes in a DuckDB file."""

    def __init__(self, path: str, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.con = self._connect()
        self._written = 0
        if not read_only:
            self._migrate()

    def _connect(self) -> duckdb.DuckDBPyConnection:
        try:
            limit = MEMORY_LIMIT if self.read_only else WRITER_MEMORY_LIMIT
            return duckdb.connect(self.path, read_only=self.read_only,
                                  config={"memory_limit": limit, "threads": 2})
        except (duckdb.Error, OSError) as exc:
            raise UserError(E004.format(target=self.path,
                                        reason=str(exc).splitlines()[0])) from None

    def _renew(self) -> None:
        """Close the connection and open it again, giving back what DuckDB has cached."""
        self.con.close()
        self.con = self._connect()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> DuckStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        """Create the schema, or bring an older store up to SCHEMA_VERSION step by step."""
        schema = resources.files("detente.store").joinpath("schema.sql").read_text("utf-8")
        self.con.execute(schema)
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
            return
        version = int(row[0])
        if version > SCHEMA_VERSION:
            raise UserError(f"{self.path}: store schema {version} is newer than this detente "
                            f"({SCHEMA_VERSION}): upgrade detente")
        while version < SCHEMA_VERSION:
            self.con.execute("BEGIN TRANSACTION")
            for statement in MIGRATIONS[version + 1]:
                self.con.execute(statement)
            version += 1
            self.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                             [str(version)])
            self.con.execute("COMMIT")

    def schema_version(self) -> int:
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    # -- writing ---------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        q = "SELECT 1 FROM articles WHERE article_id = ?"
        return self.con.execute(q, [article_id]).fetchone() is not None

    def original_of(self, article_id: str) -> str | None:
        """The original of a stored article (itself when it is one); None when not stored."""
        row = self.con.execute("SELECT coalesce(duplicate_of, article_id) FROM articles "
                               "WHERE article_id = ?", [article_id]).fetchone()
        return str(row[0]) if row else None

    def band_candidates(self, keys: Sequence[int]) -> list[tuple[str, bytes]]:
        """(article_id, MinHash bytes) of the stored originals sharing a band key, oldest
        first."""
        marks = ", ".join("?" * len(keys))
        # ids first (a scan of 64-bit keys), then each signature through the primary key: a
        # join would scan every stored signature for each new article.
        ids = self.con.execute(f"""
            SELECT article_id FROM minhash_bands WHERE key IN ({marks})
            GROUP BY article_id ORDER BY min(rowid)""", list(keys)).fetchall()
        out = []
        for (article_id,) in ids:
            row = self.con.execute("SELECT minhash FROM signatures WHERE article_id = ?",
                                   [article_id]).fetchone()
            if row is not None:
                out.append((article_id, bytes(row[0])))
        return out

    def originals_without_bands(self, chunk: int = 1000) -> Iterator[tuple[str, bytes]]:
        """(article_id, MinHash bytes) of stored originals with no band keys yet (written by
        a store before version 2), `chunk` at a time; band each before taking the next."""
        while rows := self.con.execute("""
                SELECT s.article_id, s.minhash FROM signatures s
                JOIN articles a USING (article_id)
                WHERE a.duplicate_of IS NULL AND s.article_id NOT IN (
                    SELECT article_id FROM minhash_bands)
                ORDER BY s.rowid LIMIT ?""", [chunk]).fetchall():
            for r in rows:
                yield r[0], bytes(r[1])

    def add_bands(self, article_id: str, keys: Sequence[int]) -> None:
        # one statement: executemany runs one per row, ten times slower
        self.con.execute("INSERT INTO minhash_bands SELECT unnest(?::BIGINT[]), ?",
                         [list(keys), article_id])

    def add(self, article: Article, events: tuple[Event, ...] | list[Event],
            quotes: tuple[Quote, ...] | list[Quote], coded: bool = True,
            signature: bytes | None = None, bands: Sequence[int] = ()) -> bool:
        """Store one article with its events and quotes; False when it was already stored.

        `signature` (MinHash bytes) and `bands` (its band keys, for an original) are what
        later ingests need to find copies of it (ingest/dedup.py).
        """
        return self.add_many([Stored(article, tuple(events), tuple(quotes), coded, signature,
                                     tuple(bands))])[0]

    def add_many(self, items: Sequence[Stored]) -> list[bool]:
        """Store articles with their events and quotes in one transaction: all or none.

        For each item, False when its article was already stored (or came earlier in
        `items`). Each table gets one statement for the whole batch: DuckDB spends ~10 ms on
        an INSERT however few its rows, so writing a batch at once is what makes ingest fast.
        """
        con = self.con
        ids = [it.article.article_id for it in items]
        con.execute("BEGIN TRANSACTION")
        try:
            marks = ", ".join("?" * len(ids))
            known = {r[0] for r in con.execute(
                f"SELECT article_id FROM articles WHERE article_id IN ({marks})", ids
            ).fetchall()} if ids else set()
            new: list[Stored] = []
            done: list[bool] = []
            for it in items:
                fresh = it.article.article_id not in known
                known.add(it.article.article_id)
                done.append(fresh)
                if fresh:
                    new.append(it)
            _insert_rows(con, "articles", [
                [a.article_id, a.url, a.source, a.title, a.published, a.language, a.text,
                 a.duplicate_of, it.coded] for it in new for a in (it.article,)])
            _insert_rows(con, "signatures", [[it.article.article_id, it.signature]
                                             for it in new if it.signature is not None])
            bands = [(it.article.article_id, k) for it in new for k in it.bands]
            if bands:
                con.execute("INSERT INTO minhash_bands SELECT unnest(?::BIGINT[]), "
                            "unnest(?::VARCHAR[])", [[k for _, k in bands], [i for i, _ in bands]])
            _insert_rows(con, "events", [_event_row(e) for it in new for e in it.events])
            _insert_rows(con, "quotes", [
                [q.quote_id, q.article_id, q.text, q.direct, q.start, q.end, q.cue,
                 q.speaker.code if q.speaker else None, _actor_json(q.speaker)]
                for it in new for q in it.quotes])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        before = self._written
        self._written += len(new)
        if self._written // RENEW_EVERY > before // RENEW_EVERY and self.path != ":memory:":
            self._renew()
        return done

    # -- reading ---------------------------------------------------------------------------
    def events(self, flt: EventFilter | None = None) -> Iterator[Event]:
        flt = flt or EventFilter()
        where, args = flt.where()
        sql = (f"SELECT {', '.join(EVENT_COLUMNS)} FROM events{where} "
               "ORDER BY date NULLS LAST, article_id, sentence, event_id")
        if flt.limit:
            sql += f" LIMIT {int(flt.limit)}"
        copies = self.story_counts()
        for row in self.con.execute(sql, args).fetchall():
            e = _event_from_row(dict(zip(EVENT_COLUMNS, row, strict=True)))
            n_articles, n_sources = copies.get(e.article_id, (1, 1))
            if (n_articles, n_sources) != (1, 1):
                e = replace(e, num_articles=n_articles, num_sources=n_sources)
            yield e

    def story_counts(self) -> dict[str, tuple[int, int]]:
        """Per article: how many copies of its story are stored, from how many outlets."""
        rows = self.con.execute("""
            WITH s AS (SELECT article_id, coalesce(duplicate_of, article_id) AS story, source
                       FROM articles),
                 c AS (SELECT story, count(*) AS n, count(DISTINCT source) AS m
                       FROM s GROUP BY story HAVING count(*) > 1)
            SELECT s.article_id, c.n, greatest(c.m, 1) FROM s JOIN c USING (story)""").fetchall()
        return {r[0]: (int(r[1]), int(r[2])) for r in rows}

    def articles(self, limit: int | None = None) -> Iterator[Article]:
        sql = ("SELECT article_id, url, source, title, published, language, text, duplicate_of "
               "FROM articles ORDER BY published NULLS LAST, article_id")
        if limit:
            sql += f" LIMIT {int(limit)}"
        cols = ("article_id", "url", "source", "title", "published", "language", "text",
                "duplicate_of")
        for row in self.con.execute(sql).fetchall():
            yield Article(**dict(zip(cols, row, strict=True)))

    def quotes(self, article_id: str | None = None) -> Iterator[Quote]:
        sql = ("SELECT quote_id, article_id, text, direct, start_char, end_char, cue, "
               "speaker_json FROM quotes")
        args: list[Any] = []
        if article_id:
            sql += " WHERE article_id = ?"
            args.append(article_id)
        for r in self.con.execute(sql + " ORDER BY article_id, start_char", args).fetchall():
            speaker = Actor.from_dict(json.loads(r[7])) if r[7] else None
            yield Quote(r[0], r[1], r[2], bool(r[3]), r[4], r[5], r[6], speaker)

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("articles", "events", "quotes"):
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out

    def query(self, sql: str, args: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, args or []).fetchall()


@dataclass(frozen=True, slots=True)
class Stored:
    """One article as the store writes it: its events and quotes, whether it was coded, and
    what later ingests need to find copies of it (MinHash bytes; band keys of an original)."""

    article: Article
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    coded: bool = True
    signature: bytes | None = None
    bands: tuple[int, ...] = ()


def _insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[list[Any]]) -> None:
    """Insert rows with one multi-row statement per 500 (DuckDB's executemany runs a
    statement per row: fifteen times slower on events)."""
    if not rows:
        return
    for k in range(0, len(rows), 500):
        chunk = rows[k:k + 500]
        one = f"({', '.join('?' * len(chunk[0]))})"
        con.execute(f"INSERT INTO {table} VALUES {', '.join([one] * len(chunk))} "
                    "ON CONFLICT DO NOTHING", [v for row in chunk for v in row])


def _event_row(e: Event) -> list[Any]:
    s, t = e.source, e.target
    return [
        e.event_id, e.article_id, e.sentence, e.date,
        s.code if s else None, s.country if s else None, s.org if s else None, _actor_json(s),
        t.code if t else None, t.country if t else None, t.org if t else None, _actor_json(t),
        e.cameo, e.root, e.quad_class, e.goldstein, e.plover.get("type"), e.plover.get("mode"),
        e.negated, e.modality, json.dumps(e.evidence, ensure_ascii=False), e.quote_id, e.rule,
        e.confidence, e.coder_version,
    ]


def _event_from_row(r: dict[str, Any]) -> Event:
    return Event(
        event_id=r["event_id"], article_id=r["article_id"], sentence=r["sentence"],
        date=r["date"],
        source=Actor.from_dict(json.loads(r["source_json"])) if r["source_json"] else None,
        target=Actor.from_dict(json.loads(r["target_json"])) if r["target_json"] else None,
        cameo=r["cameo"], root=r["root"], quad_class=r["quad_class"], goldstein=r["goldstein"],
        plover={"type": r["plover_type"], "mode": r["plover_mode"]}, negated=bool(r["negated"]),
        modality=r["modality"], evidence=json.loads(r["evidence_json"]), quote_id=r["quote_id"],
        rule=r["rule"], confidence=r["confidence"], coder_version=r["coder_version"] or "",
    )


def open_store(target: str | None = None, read_only: bool = False) -> DuckStore:
    """Open the store named by `target`, $DETENTE_DB, or ./detente.duckdb."""
    target = target or default_target()
    if target.startswith(("postgresql://", "postgres://")):
        raise UserError(f"{target.split('@')[-1]}: the PostgreSQL store is not available in "
                        "this version yet; use a DuckDB file path")
    if read_only and not os.path.exists(target):
        raise UserError(f"{target}: no such store; run `detente ingest PATH` first")
    return DuckStore(target, read_only=read_only)
