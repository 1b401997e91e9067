"""Each export format is read back (DuckDB reads CSV, TSV and Parquet) and compared."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from detente.exports import export
from detente.exports.rows import global_event_id
from detente.exports.writers import gdelt_columns
from detente.records import Actor, Article, Event
from detente.store import open_store


def _event(eid: str, cameo: str, neg: bool = False) -> Event:
    s = Actor("Moscow", "RUSGOV", "RUS", None, "GOV", None, "capital")
    t = Actor("NATO", "IGOWSTNAT", None, "NATO", None, "North Atlantic Treaty Organization", "")
    quad = 1 if int(cameo[:2]) <= 5 else 4
    return Event(eid, "a1", 1, "2018-09-25", s, t, cameo, cameo[:2], quad, -7.2 if quad == 4
                 else 4.0, {"type": "AGREE", "mode": None}, neg, "asserted",
                 {"text": "Moscow ...", "start": 5, "end": 15,
                  "trigger": {"text": "meet", "start": 8, "end": 12}}, None, "r1", 0.8)


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = open_store(str(tmp_path / "x.duckdb"))
    s.add(Article("a1", "text", url="http://x/1", source="AP", published="2018-09-25"),
          [_event("e1", "036"), _event("e2", "190", neg=True)], [])
    yield s
    s.close()


def test_gdelt_has_61_columns_and_skips_negated(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "g.tsv"
    assert export(store, "gdelt", out) == 1
    cols = gdelt_columns()
    assert len(cols) == 61
    rows = duckdb.sql(f"SELECT * FROM read_csv('{out}', delim='\t', header=false, "
                      "all_varchar=true)").fetchall()
    assert len(rows) == 1 and len(rows[0]) == 61
    row = dict(zip(cols, rows[0], strict=True))
    assert row["GLOBALEVENTID"] == str(global_event_id("e1"))
    assert row["SQLDATE"] == "20180925" and row["EventCode"] == "036"
    assert row["EventRootCode"] == "03" and row["Actor1Code"] == "RUSGOV"
    assert row["Actor2KnownGroupCode"] == "NAT" and row["Actor2Code"] == "IGOWSTNAT"
    assert row["SOURCEURL"] == "http://x/1" and row["QuadClass"] == "1"


def test_csv_and_parquet_keep_everything(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert export(store, "csv", tmp_path / "e.csv") == 2
    rows = duckdb.sql(f"SELECT event_id, cameo, negated FROM read_csv('{tmp_path / 'e.csv'}', "
                      "all_varchar=true) ORDER BY event_id").fetchall()
    assert rows == [("e1", "036", "False"), ("e2", "190", "True")]
    assert export(store, "parquet", tmp_path / "e.parquet") == 2
    got = duckdb.sql(f"SELECT event_id, cameo, goldstein FROM '{tmp_path / 'e.parquet'}' "
                     "ORDER BY event_id").fetchall()
    assert got == [("e1", "036", 4.0), ("e2", "190", -7.2)]


def test_plover_and_icews(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert export(store, "plover", tmp_path / "p.jsonl") == 1
    (rec,) = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert rec["event"] == ["AGREE"] and rec["actor"][0]["code"] == "RUS"
    assert rec["recipient"][0]["identifier_id"] == "IGOWSTNAT" and rec["date"] == "2018-09-25"
    assert export(store, "icews", tmp_path / "i.tsv") == 1
    rows = duckdb.sql(f"SELECT * FROM read_csv('{tmp_path / 'i.tsv'}', delim='\t', "
                      "header=true, all_varchar=true)").fetchall()
    assert len(rows) == 1 and len(rows[0]) == 20 and rows[0][6] == "036"
