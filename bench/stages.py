"""Where the time goes: CPU milliseconds an article, stage by stage, spaCy's and detente's.

    python bench/stages.py --n 300

Over the first N articles of ../shared/corpus/articles.jsonl (after a warm-up on the next 100,
so detente's caches are filled as in a long run), in this process, CPU time (not wall time,
so other jobs on the machine distort it less):

* plain spaCy's full pipeline, component by component (`nlp.pipe` of each in turn);
* detente's stages: sentence segmentation and tokenization, the spaCy components it runs,
  the attribute-ruler and lemmatizer caches, actor resolution, quotes, coding.

The ratio of the totals is the speed-up one process can have over plain spaCy; the parse
(tok2vec + parser) sets its ceiling.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable
from itertools import islice
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"


def cpu(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.process_time()
    out = fn()
    return time.process_time() - t0, out


def run(component: Any, docs: Iterable[Any]) -> list[Any]:
    if hasattr(component, "pipe"):
        return list(component.pipe(docs, batch_size=16))
    return [component(d) for d in docs]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300)
    args = ap.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is absent: the benchmark needs ../shared beside the project")

    from detente.actors.resolve import resolve_doc
    from detente.ingest import clean_text
    from detente.pipeline import Pipeline
    from detente.quotes.extract import extract_quotes
    from detente.records import Article

    with CORPUS.open(encoding="utf-8") as f:
        recs = [json.loads(line) for line in islice(f, args.n + 100)]
    pipe = Pipeline.load()
    arts = [Article(r["id"], clean_text(r["text"]).text, published=r.get("published"))
            for r in recs]
    warm, arts = arts[args.n:], arts[:args.n]
    list(pipe.process_many(warm))
    nlp, parser = pipe.nlp, pipe.parser
    texts = [a.text for a in arts]
    n = len(arts)

    spacy_rows: list[tuple[str, float]] = []
    t, docs = cpu(lambda: [nlp.make_doc(t) for t in texts])
    spacy_rows.append(("tokenizer", t))
    for name in nlp.pipe_names:
        t, docs = cpu(lambda name=name, docs=docs: run(nlp.get_pipe(name), docs))
        spacy_rows.append((name, t))

    ours: list[tuple[str, float]] = []
    t, docs = cpu(lambda: [parser._prepare(t) for t in texts])
    ours.append(("tokenizer + detente's sentences", t))
    for name in nlp.pipe_names:
        if name in parser._disable:
            continue
        t, docs = cpu(lambda name=name, docs=docs: run(nlp.get_pipe(name), docs))
        ours.append((name, t))
    for step in parser._after:
        t, docs = cpu(lambda step=step, docs=docs: [step(d) for d in docs])
        ours.append((f"{type(step).__name__} (cached)", t))
    t, actors = cpu(lambda: [resolve_doc(d, pipe.kb, a.published)
                             for d, a in zip(docs, arts, strict=True)])
    ours.append(("actors", t))
    t, quotes = cpu(lambda: [extract_quotes(d, a.article_id, ac, pipe.lexicon)
                             for d, a, ac in zip(docs, arts, actors, strict=True)])
    ours.append(("quotes", t))
    t, _ = cpu(lambda: [pipe.coder.code(d, a, ac, q)
                        for d, a, ac, q in zip(docs, arts, actors, quotes, strict=True)])
    ours.append(("coding", t))

    con = Console()
    for title, rows in ((f"plain spaCy, full pipeline ({n} articles)", spacy_rows),
                        (f"detente code ({n} articles)", ours)):
        table = Table(title=title)
        table.add_column("stage")
        table.add_column("CPU ms an article", justify="right")
        table.add_column("share", justify="right")
        total = sum(t for _, t in rows)
        for name, t in rows:
            table.add_row(name, f"{t / n * 1000:.1f}", f"{t / total:.0%}")
        table.add_row("[bold]total", f"[bold]{total / n * 1000:.1f}", "")
        con.print(table)
    base, mine = sum(t for _, t in spacy_rows), sum(t for _, t in ours)
    con.print(f"one process: detente {base / mine:.2f} times as fast as plain spaCy "
              f"(CPU time); with W processes at most W times that", highlight=False)


if __name__ == "__main__":
    main()
