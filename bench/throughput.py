"""Throughput of the detente pipeline against plain spaCy over the same texts, same process.

    python bench/throughput.py --n 500 [--intl]

Reads N articles from ../shared/corpus/articles.jsonl, runs (1) plain spaCy `nlp.pipe` with
the full pipeline of the same model, (2) detente's pipeline (parse → actors → quotes →
coding, no storing) in this process and (3) the same in worker processes (the local engine),
checks that (2) and (3) give identical events, and prints articles/s and ratios to (1).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.progress import track

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def load_texts(n: int, intl: bool) -> list[dict[str, str]]:
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
    ap.add_argument("--workers", type=int, default=2, help="processes for the engine run")
    args = ap.parse_args()
    con = Console()

    from detente.engines.local import run_local
    from detente.ingest import clean_text
    from detente.pipeline import Pipeline
    from detente.records import Article

    recs = load_texts(args.n, args.intl)
    pipe = Pipeline.load()
    articles = [Article(r["id"], clean_text(r["text"]).text, published=(r.get("published") or
                        None)) for r in recs]
    texts = [a.text for a in articles]
    chars = sum(len(t) for t in texts)

    def timed(label: str, run) -> tuple[float, list]:  # type: ignore[no-untyped-def, type-arg]
        t0 = time.perf_counter()
        out = list(track(run(), total=len(texts), description=label, console=con,
                         transient=True))
        return time.perf_counter() - t0, out

    base, _ = timed("plain spaCy", lambda: pipe.nlp.pipe(texts, batch_size=16))
    t_one, res_one = timed("detente, 1 process", lambda: pipe.process_many(articles))
    t_eng, res_eng = timed(f"detente, {args.workers} workers",
                           lambda: run_local(articles, args.workers))
    same = [r.events for r in res_one] == [r.events for r in res_eng]
    n_events = sum(len(r.events) for r in res_one)

    con.print(f"{len(texts)} articles, {chars / 1e6:.2f} M characters, {n_events} events; "
              f"identical events in both detente runs: {same}")
    con.print(f"plain spaCy (full pipeline, 1 process): {len(texts) / base:8.1f} articles/s")
    for label, t in (("detente code, 1 process", t_one),
                     (f"detente code, {args.workers} workers", t_eng)):
        con.print(f"{label:38} {len(texts) / t:8.1f} articles/s   ratio to spaCy "
                  f"{base / t:5.2f}")


if __name__ == "__main__":
    main()
