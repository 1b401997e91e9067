"""Writing the store's events to a file (or stdout) in one of the export formats.

Ecosystem formats (gdelt, icews, plover) leave out events the text denies (`negated`): those
tables have no way to say an act did not happen. CSV and Parquet keep every event, with the
`negated` and `modality` columns.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from datetime import date as Date
from pathlib import Path
from typing import TextIO

from detente.errors import UserError
from detente.exports.rows import gdelt_row, icews_row, plover_record
from detente.interfaces.output import EVENT_CSV, write_records
from detente.ontology import load_ontology
from detente.records import Event
from detente.store.duckdb import DuckStore, EventFilter

EXPORT_FORMATS = ("csv", "parquet", "gdelt", "icews", "plover")


def _articles(store: DuckStore) -> dict[str, tuple[str | None, str | None]]:
    return {r[0]: (r[1], r[2]) for r in store.query(
        "SELECT article_id, url, source FROM articles")}


def _events(store: DuckStore, flt: EventFilter, keep_negated: bool) -> Iterator[Event]:
    for e in store.events(flt):
        if keep_negated or not e.negated:
            yield e


def export(store: DuckStore, fmt: str, out: Path | None, flt: EventFilter | None = None) -> int:
    """Write events in `fmt` to `out` (stdout when None; Parquet needs a file). Returns count."""
    if fmt not in EXPORT_FORMATS:
        raise UserError(f"unknown export format {fmt!r}: choose one of "
                        f"{', '.join(EXPORT_FORMATS)}")
    flt = flt or EventFilter()
    if fmt == "parquet":
        if out is None:
            raise UserError("--format parquet needs --out FILE.parquet (Parquet is binary)")
        return _parquet(store, flt, out)
    handle: TextIO = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        return _write_text(store, fmt, flt, handle)
    finally:
        if out:
            handle.close()


def _write_text(store: DuckStore, fmt: str, flt: EventFilter, handle: TextIO) -> int:
    n = 0
    if fmt == "csv":
        events = list(_events(store, flt, keep_negated=True))
        write_records((e.to_dict() for e in events), "csv", handle, EVENT_CSV)
        return len(events)
    arts = _articles(store)
    if fmt == "plover":
        today = Date.today().isoformat()
        for e in _events(store, flt, keep_negated=False):
            rec = plover_record(e, arts.get(e.article_id, (None, None))[0], today)
            handle.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
        return n
    w = csv.writer(handle, delimiter="\t", lineterminator="\n")
    if fmt == "gdelt":
        for e in _events(store, flt, keep_negated=False):
            w.writerow(gdelt_row(e, arts.get(e.article_id, (None, None))[0], e.num_articles,
                                 e.num_sources))
            n += 1
        return n
    onto = load_ontology()
    names = _country_names()
    w.writerow(_icews_header())
    for e in _events(store, flt, keep_negated=False):
        url, publisher = arts.get(e.article_id, (None, None))
        w.writerow(icews_row(e, onto[e.cameo].name, names, url, publisher))
        n += 1
    return n


def _icews_header() -> list[str]:
    from detente.datafiles import package_data, read_tsv

    return [r["column"] for r in read_tsv(package_data("formats", "icews_events.tsv"),
                                          ("position", "column"))]


def gdelt_columns() -> list[str]:
    from detente.datafiles import package_data, read_tsv

    return [r["column"] for r in read_tsv(package_data("formats", "gdelt2_events.tsv"),
                                          ("position", "column", "type"))]


def _country_names() -> dict[str, str]:
    from detente.datafiles import package_data, read_tsv

    path = package_data("actors", "countries.tsv")
    return {r["code"]: r["name"] for r in read_tsv(path, ("code", "name"))}


def _parquet(store: DuckStore, flt: EventFilter, out: Path) -> int:
    where, args = flt.where()
    sql = f"SELECT * FROM events{where} ORDER BY date NULLS LAST, article_id, sentence, event_id"
    target = str(out).replace("'", "''")
    store.con.execute(f"COPY ({sql}) TO '{target}' (FORMAT parquet)", args)
    row = store.con.execute(f"SELECT count(*) FROM events{where}", args).fetchone()
    return int(row[0]) if row else 0
