"""kill -9 in the middle of an ingest, then ingest again: nothing lost, nothing duplicated."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.model

SENTENCES = [
    "Russia deployed troops to the border with Ukraine on {d}.",
    "France and Germany signed an agreement on energy cooperation on {d}.",
    "Iran accused Israel of aggression after the attack on {d}.",
    "China urged the United States to ease sanctions on {d}.",
]


def _corpus(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = " ".join(s.format(d=f"day {i}") for s in SENTENCES) + f" Item {i}."
            f.write(json.dumps({"id": f"art-{i:04d}", "published": "2020-01-01",
                                "text": text}) + "\n")


def _ingest(cwd: Path, db: Path, src: Path, *opts: str) -> subprocess.Popen[str]:
    env = dict(os.environ, DETENTE_DB=str(db), COLUMNS="200")
    return subprocess.Popen([sys.executable, "-m", "detente", "ingest", str(src), *opts],
                            cwd=cwd,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _state(db: Path) -> tuple[list[str], list[str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        arts = [r[0] for r in con.execute("SELECT article_id FROM articles ORDER BY 1").fetchall()]
        evs = [r[0] for r in con.execute("SELECT event_id FROM events ORDER BY 1").fetchall()]
        return arts, evs
    finally:
        con.close()


def test_kill_and_resume(tmp_path: Path) -> None:
    src = tmp_path / "corpus.jsonl"
    _corpus(src, 400)
    killed_db, clean_db = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"

    proc = _ingest(tmp_path, killed_db, src, "--verbose", "--workers", "1")
    assert proc.stderr is not None
    seen = 0
    for line in proc.stderr:  # one line per article committed
        seen += line.startswith("stored ")
        if seen >= 25:
            break
    assert proc.poll() is None, "ingest finished before it could be killed: use more articles"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    partial_arts, partial_evs = _state(killed_db)
    assert 0 < len(partial_arts) < 400, len(partial_arts)
    assert len(partial_evs) == len(set(partial_evs))

    resumed = _ingest(tmp_path, killed_db, src)
    _, err = resumed.communicate(timeout=600)
    assert resumed.returncode == 0, err
    assert f"{len(partial_arts)} already stored" in " ".join(err.split())
    clean = _ingest(tmp_path, clean_db, src)
    _, err = clean.communicate(timeout=600)
    assert clean.returncode == 0, err

    assert _state(killed_db) == _state(clean_db)
    arts, evs = _state(killed_db)
    assert len(arts) == 400 and len(evs) == len(set(evs)) and evs
    # The articles stored before the kill were stored whole: all their events were there.
    con = duckdb.connect(str(clean_db), read_only=True)
    rows = con.execute("SELECT article_id, event_id FROM events").fetchall()
    con.close()
    expected = sorted(e for a, e in rows if a in set(partial_arts))
    assert sorted(partial_evs) == expected
