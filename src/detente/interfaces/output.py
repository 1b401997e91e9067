"""Rendering records for people (rich tables) and programs (JSON Lines, CSV)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

from detente.errors import E003, UserError
from detente.records import Article, Event, Quote

FORMATS = ("table", "jsonl", "csv")


def check_format(fmt: str, choices: Sequence[str] = FORMATS) -> str:
    if fmt not in choices:
        raise UserError(E003.format(value=fmt, choices=", ".join(choices)))
    return fmt


def _flat(d: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in d.items():
        if isinstance(v, dict):
            out.update(_flat(v, f"{prefix}{k}_"))
        else:
            out[prefix + k] = v
    return out


EVENT_CSV = ("event_id", "article_id", "sentence", "date", "source_code", "source_text",
             "target_code", "target_text", "cameo", "root", "quad_class", "goldstein",
             "plover_type", "plover_mode", "negated", "modality", "quote_id", "rule",
             "confidence", "evidence_start", "evidence_end", "evidence_text")


def write_records(records: Iterable[dict[str, Any]], fmt: str, out: TextIO,
                  csv_columns: Sequence[str] | None = None) -> None:
    if fmt == "jsonl":
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    rows = [_flat(r) for r in records]
    cols = list(csv_columns) if csv_columns else (list(rows[0]) if rows else [])
    w = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({c: r.get(c) for c in cols})


def event_table(events: Sequence[Event], title: str = "events") -> Table:
    t = Table(title=title, show_lines=False, expand=False)
    for col in ("sent", "date", "source", "target", "cameo", "name", "gs", "neg", "mod",
                "quote", "rule"):
        t.add_column(col, overflow="fold")
    return t


def print_events(events: Sequence[Event], names: dict[str, str], console: Console,
                 title: str = "events") -> None:
    t = event_table(events, title)
    for e in events:
        src = f"{e.source.code} [dim]{e.source.text}[/dim]" if e.source else "-"
        tgt = f"{e.target.code} [dim]{e.target.text}[/dim]" if e.target else "-"
        t.add_row(str(e.sentence), e.date or "-", src, tgt, e.cameo, names.get(e.cameo, ""),
                  f"{e.goldstein:+.1f}", "NOT" if e.negated else "",
                  "" if e.modality == "asserted" else e.modality,
                  "q" if e.quote_id else "", e.rule)
    console.print(t)


def print_quotes(quotes: Sequence[Quote], console: Console) -> None:
    t = Table(title="quotes")
    for col in ("kind", "speaker", "cue", "text"):
        t.add_column(col, overflow="fold")
    for q in quotes:
        who = f"{q.speaker.name or q.speaker.text} ({q.speaker.code})" if q.speaker else "?"
        t.add_row("direct" if q.direct else "reported", who, q.cue or "", q.text)
    console.print(t)


def print_articles(articles: Sequence[Article], console: Console) -> None:
    t = Table(title="articles")
    for col in ("article_id", "published", "source", "title", "chars", "duplicate_of"):
        t.add_column(col, overflow="fold")
    for a in articles:
        t.add_row(a.article_id, a.published or "-", a.source or "-", a.title or "-",
                  str(len(a.text)), a.duplicate_of or "")
    console.print(t)

