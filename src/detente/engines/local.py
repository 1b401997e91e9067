"""The local engine: the pipeline in worker processes, one loaded Pipeline per worker.

Results come back in input order and are the same records the in-process pipeline makes
(the same code runs; ids are content hashes), so `--workers` never changes what is coded.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from detente.pipeline import Pipeline, Result
from detente.records import Article

_worker: Pipeline | None = None
RECYCLE = 400  # batches (of 8 articles) a worker codes before a fresh one takes over


def _init(actors_dir: Path | None, verbs_dir: Path | None, require_dyad: bool) -> None:
    global _worker  # one pipeline per worker process, loaded once
    _worker = Pipeline.load(actors_dir=actors_dir, verbs_dir=verbs_dir,
                            require_dyad=require_dyad)


def _work(batch: list[Article]) -> list[Result]:
    assert _worker is not None, "worker used before its pipeline was loaded"
    return list(_worker.process_many(batch))


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def default_workers(n_articles: int) -> int:
    """Both cores for real batches; in-process for a handful (loading costs ~2 s a worker)."""
    return 1 if n_articles < 40 else max(1, min(os.cpu_count() or 1, 4))


def run_local(articles: Iterable[Article], workers: int, *, pipeline: Pipeline | None = None,
              actors_dir: Path | None = None, verbs_dir: Path | None = None,
              require_dyad: bool = False, batch_size: int = 8) -> Iterator[Result]:
    """Results for `articles` in order, from `workers` processes (1: this process)."""
    if workers <= 1:
        pipe = pipeline or Pipeline.load(actors_dir=actors_dir, verbs_dir=verbs_dir,
                                         require_dyad=require_dyad)
        yield from pipe.process_many(articles)
        return
    ctx = mp.get_context("spawn")  # a clean interpreter per worker: no forked model state
    window = workers * 4  # batches in flight: memory stays flat however long the input
    # A worker is replaced after `RECYCLE` batches: spaCy's vocabulary only grows with the
    # words it sees, so long runs would otherwise grow without bound.
    with ctx.Pool(workers, initializer=_init, initargs=(actors_dir, verbs_dir, require_dyad),
                  maxtasksperchild=RECYCLE) as pool:
        batches = _batches(articles, batch_size)
        while chunk := list(islice(batches, window)):
            for results in pool.imap(_work, chunk):
                yield from results
