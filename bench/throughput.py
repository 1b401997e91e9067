"""Throughput of detente against plain spaCy over the same texts, in the same run.

    python bench/throughput.py --n 5000 [--workers 2] [--intl] [--no-single]

Takes the first N articles of ../shared/corpus/articles.jsonl and measures, one after the
other on the same machine:

1. plain spaCy: `nlp.pipe` with the model's full pipeline over the N texts, one process
   (the baseline every ratio is taken against);
2. `detente code` in this process: clean → parse → actors → quotes → coding, no store;
3. `detente ingest` end to end, as a user runs it: read the JSONL → clean → language →
   wire-copy signatures → code in `--workers` processes → store in a fresh DuckDB file.

It checks that (2) and (3) give identical events, and prints articles/s and ratios to (1).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.progress import track

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def load_records(n: int, intl: bool) -> list[dict[str, str]]:
    path = CORPUS / "articles.jsonl"
    if not path.exists():
        sys.exit(f"{path} is absent: the benchmark needs ../shared beside the project")
    keep = None
    if intl:
        keep = set((CORPUS / "intl_politics_ids.txt").read_text().split())
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if keep is None or rec["id"] in keep:
                out.append(rec)
            if len(out) >= n:
                break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--intl", action="store_true", help="only international-politics articles")
    ap.add_argument("--workers", type=int, default=2, help="processes for the ingest run")
    ap.add_argument("--no-single", action="store_true",
                    help="skip the in-process run (and the identical-events check)")
    args = ap.parse_args()
    con = Console()

    import duckdb

    from detente.ingest import clean_text
    from detente.pipeline import Pipeline
    from detente.records import Article

    recs = load_records(args.n, args.intl)
    pipe = Pipeline.load()
    texts = [r["text"] for r in recs]
    chars = sum(len(t) for t in texts)
    rates: list[tuple[str, float]] = []

    t0 = time.perf_counter()
    for _ in track(pipe.nlp.pipe(texts, batch_size=16), total=len(texts),
                   description="plain spaCy", console=con, transient=True):
        pass
    base = time.perf_counter() - t0
    rates.append(("plain spaCy, full pipeline, 1 process", base))

    single: set[str] | None = None
    if not args.no_single:
        t0 = time.perf_counter()
        articles = (Article(r["id"], clean_text(r["text"]).text, published=r.get("published"))
                    for r in recs)
        events = [e for res in track(pipe.process_many(articles), total=len(recs),
                                     description="detente code", console=con,
                                     transient=True) for e in res.events]
        rates.append(("detente code, 1 process (no store)", time.perf_counter() - t0))
        single = {e.event_id for e in events}

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        with src.open("w", encoding="utf-8") as out:
            out.writelines(json.dumps(r) + "\n" for r in recs)
        db = Path(tmp) / "bench.duckdb"
        env = dict(os.environ, DETENTE_DB=str(db))
        con.print(f"detente ingest, {args.workers} workers ...", highlight=False)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "detente", "ingest", str(src),
                        "--workers", str(args.workers)], env=env, check=True)
        rates.append((f"detente ingest end to end, {args.workers} workers",
                      time.perf_counter() - t0))
        with duckdb.connect(str(db), read_only=True) as store:
            stored = {r[0] for r in store.execute("SELECT event_id FROM events").fetchall()}

    con.print(f"{len(texts)} articles, {chars / 1e6:.2f} M characters, {len(stored)} events "
              "stored", highlight=False)
    if single is not None:
        con.print(f"identical events in process and from the ingest: {single == stored}",
                  highlight=False)
    for label, t in rates:
        con.print(f"{label:44} {len(texts) / t:8.1f} articles/s   ratio to spaCy "
                  f"{base / t:5.2f}", highlight=False)


if __name__ == "__main__":
    main()
