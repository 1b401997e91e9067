"""The command line, run as a user runs it: a subprocess, real files, a real DuckDB file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

GOOD = "Russia and China signed an agreement on energy cooperation on Monday.\n"


def detente(*args: str, cwd: Path, stdin: str | None = None, db: Path | None = None
            ) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["DETENTE_DB"] = str(db or cwd / "test.duckdb")
    return subprocess.run([sys.executable, "-m", "detente", *args], cwd=cwd, env=env,
                          input=stdin, capture_output=True, text=True, timeout=300)


def test_code_reference_article_jsonl(sample_path: Path, tmp_path: Path) -> None:
    r = detente("code", str(sample_path), "--date", "2018-09-25", "--format", "jsonl",
                cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    events = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(events) >= 4
    for e in events:
        assert isinstance(e["cameo"], str) and e["cameo"].isdigit()
        assert e["source"]["code"] and e["rule"]
    assert not (tmp_path / "test.duckdb").exists()  # `code` does not store


def test_quotes_and_articles_jsonl(sample_path: Path, tmp_path: Path) -> None:
    r = detente("quotes", str(sample_path), "--format", "jsonl", "--date", "2018-09-25",
                cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    quotes = [json.loads(line) for line in r.stdout.splitlines()]
    assert any(q["direct"] and q["speaker"] and q["speaker"]["name"] == "Jens Stoltenberg"
               for q in quotes)
    r = detente("articles", str(sample_path), "--format", "jsonl", cwd=tmp_path)
    (art,) = [json.loads(line) for line in r.stdout.splitlines()]
    assert art["url"] == str(sample_path) and "Sign up" not in art["text"]


def test_bad_inputs_one_line_each_and_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "bad.jsonl").write_text('{"id": "x1", "text": "' + GOOD.strip() + '"}\n{oops\n')
    (tmp_path / "nothing").mkdir()
    r = detente("code", "good.txt", "empty.txt", "binary.txt", "bad.jsonl", "missing.txt",
                "nothing", "--format", "jsonl", cwd=tmp_path)
    assert r.returncode == 1
    lines = [x for x in r.stderr.splitlines() if x.strip()]
    assert "Traceback" not in r.stderr
    for name in ("empty.txt", "binary.txt", "bad.jsonl:2", "missing.txt", "nothing"):
        assert sum(name in x for x in lines) == 1, (name, lines)
    coded = {json.loads(x)["article_id"] for x in r.stdout.splitlines()}
    assert "x1" in coded and len(coded) == 2  # good.txt and the good JSONL line


def test_bad_date_and_bad_format(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    r = detente("code", "good.txt", "--date", "2018-13-45", cwd=tmp_path)
    assert r.returncode == 1 and "2018-13-45" in r.stderr and "Traceback" not in r.stderr
    r = detente("code", "good.txt", "--format", "xml", cwd=tmp_path)
    assert r.returncode == 1 and "xml" in r.stderr


def test_ingest_is_idempotent_and_queryable(tmp_path: Path, sample_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD)
    (tmp_path / "in" / "nato.txt").write_text(sample_path.read_text(encoding="utf-8"))
    r1 = detente("ingest", "in", "--date", "2018-09-25", cwd=tmp_path)
    assert r1.returncode == 0, r1.stderr
    first = detente("events", "--format", "jsonl", cwd=tmp_path).stdout.splitlines()
    r2 = detente("ingest", "in", "-", "--date", "2018-09-25", cwd=tmp_path,
                 stdin=sample_path.read_text(encoding="utf-8"))
    assert r2.returncode == 0, r2.stderr
    assert "3 already stored" in " ".join(r2.stderr.split())  # 2 files + the stdin copy
    second = detente("events", "--format", "jsonl", cwd=tmp_path).stdout.splitlines()
    assert first == second and len(first) >= 4
    arts = detente("articles", "--format", "jsonl", cwd=tmp_path).stdout.splitlines()
    assert len(arts) == 2
    nato = detente("events", "--actor", "IGOWSTNAT", "--format", "jsonl", cwd=tmp_path)
    assert nato.stdout and all("IGOWSTNAT" in (json.loads(x)["source"]["code"] +
                               ((json.loads(x)["target"] or {}).get("code") or ""))
                               for x in nato.stdout.splitlines())
    d = detente("dyad", "IGOWSTNAT", "RUS", "--by", "month", "--format", "jsonl", cwd=tmp_path)
    (point,) = [json.loads(x) for x in d.stdout.splitlines()]
    assert point["period"] == "2018-09-01" and point["events"] >= 2


def test_queries_without_a_store_say_so(tmp_path: Path) -> None:
    r = detente("events", cwd=tmp_path, db=tmp_path / "none.duckdb")
    assert r.returncode == 1 and "none.duckdb" in r.stderr and "Traceback" not in r.stderr


def test_actor_lookup(tmp_path: Path) -> None:
    r = detente("actors", "lookup", "Sergey Lavrov", "--date", "2018-09-25", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["code"] == "RUSGOV"
    r = detente("actors", "lookup", "Jens Stoltenberg", "--date", "2010-01-01", cwd=tmp_path)
    assert json.loads(r.stdout)["code"] == "NORGOV"
    r = detente("actors", "lookup", "xyzzy plugh", cwd=tmp_path)
    assert r.returncode == 1 and r.stdout == ""


def test_petrarch_dictionaries_join_the_knowledge_base(tmp_path: Path) -> None:
    from ..conftest import need_shared

    folder = need_shared("gold", "petrarch2-unittest", "dictionaries")
    r = detente("actors", "lookup", "Arnor", "--date", "1995-01-01", "--actors",
                str(folder / "PETR.Validate.actors.txt"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["code"] == "ARN"
    r = detente("actors", "lookup", "Arnor", "--actors", "nope.txt", cwd=tmp_path)
    assert r.returncode == 1 and "nope.txt" in r.stderr and "Traceback" not in r.stderr


def test_code_require_dyad_drops_events_without_target(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Russia deployed troops near the border on Monday. "
                                    "Russia attacked Ukraine on Tuesday.\n")
    runs = {}
    for extra in ((), ("--require-dyad",)):
        r = detente("code", "a.txt", "--date", "2020-01-01", "--format", "jsonl", *extra,
                    cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        runs[extra] = [json.loads(line) for line in r.stdout.splitlines()]
    assert any(e["target"] is None for e in runs[()])
    assert runs[("--require-dyad",)] == [e for e in runs[()] if e["target"] is not None]
    assert runs[("--require-dyad",)]


def test_eval_petrarch_follows_the_sets_config(tmp_path: Path) -> None:
    from tests.conftest import need_shared

    folder = need_shared("gold", "petrarch2-unittest")
    extras = {}
    for flag, said in (((), "require_dyad: on (config/PETR_config.ini)"),
                       (("--any-dyad",), "require_dyad: off (given)")):
        r = detente("eval", "petrarch", str(folder), *flag, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        assert said in r.stdout
        line = next(x for x in r.stdout.splitlines() if "extra triples:" in x)
        extras[flag] = int(line.split("extra triples:")[1].split()[0])
    assert extras[()] < extras[("--any-dyad",)]
