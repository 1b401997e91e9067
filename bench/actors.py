"""Actor resolution speed: mentions per second, against parsing the same texts with spaCy.

    python bench/actors.py --n 300

Parses N articles once (timed: the spaCy baseline), then times resolving every actor mention
of those Docs (dictionary matching + composition + context), and prints mentions/s and the
share of pipeline time resolution takes.
"""

from __future__ import annotations

import argparse
import time

from rich.console import Console

from bench.throughput import load_texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300)
    args = ap.parse_args()
    con = Console()

    from detente.actors.resolve import resolve_doc
    from detente.pipeline import Pipeline

    recs = load_texts(args.n, intl=True)
    pipe = Pipeline.load()
    t0 = time.perf_counter()
    docs = list(pipe.nlp.pipe([r["text"] for r in recs], batch_size=16))
    parse = time.perf_counter() - t0

    t0 = time.perf_counter()
    mentions = 0
    for doc, rec in zip(docs, recs, strict=True):
        mentions += len(resolve_doc(doc, pipe.kb, rec.get("published")).mentions)
    resolve = time.perf_counter() - t0
    con.print(f"{len(docs)} articles, {mentions} actor mentions resolved")
    con.print(f"resolution: {mentions / resolve:10.0f} mentions/s "
              f"({len(docs) / resolve:.0f} articles/s)")
    con.print(f"spaCy parse: {len(docs) / parse:9.1f} articles/s; resolution adds "
              f"{100 * resolve / parse:.1f}% to parsing time")


if __name__ == "__main__":
    main()
