"""Throughput of the detente pipeline against plain spaCy over the same texts, same process.

    python bench/throughput.py --n 500 [--intl]

Reads N articles from ../shared/corpus/articles.jsonl, runs (1) plain spaCy `nlp.pipe` with
the full pipeline of the same model and (2) detente's pipeline (clean → parse → actors →
quotes → coding, no storing), and prints articles/s for both and the ratio.
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
    args = ap.parse_args()
    con = Console()

    from detente.ingest import clean_text
    from detente.pipeline import Pipeline
    from detente.records import Article

    recs = load_texts(args.n, args.intl)
    pipe = Pipeline.load()
    articles = [Article(r["id"], clean_text(r["text"]).text, published=(r.get("published") or
                        None)) for r in recs]
    texts = [a.text for a in articles]
    chars = sum(len(t) for t in texts)

    t0 = time.perf_counter()
    for _ in track(pipe.nlp.pipe(texts, batch_size=16), total=len(texts),
                   description="plain spaCy", console=con, transient=True):
        pass
    base = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_events = 0
    for res in track(pipe.process_many(articles), total=len(articles),
                     description="detente", console=con, transient=True):
        n_events += len(res.events)
    ours = time.perf_counter() - t0

    con.print(f"{len(texts)} articles, {chars / 1e6:.2f} M characters, {n_events} events")
    con.print(f"plain spaCy (full pipeline): {len(texts) / base:8.1f} articles/s")
    con.print(f"detente code:                {len(texts) / ours:8.1f} articles/s")
    con.print(f"ratio detente / spaCy:       {base / ours:8.2f}")


if __name__ == "__main__":
    main()
