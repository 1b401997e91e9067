"""Mean token F1 of detente's cleaned HTML text against the expected article text.

Corpus: the article-extraction-benchmark pages in ../shared/corpus/html/aeb (181 gzipped
pages, ``ground-truth.json`` maps each file stem to its ``articleBody``). Each page goes
through ``read_inputs`` exactly as a user's file would. Tokens are lowercased word
characters; precision, recall and F1 count shared tokens as a multiset, per page, then
are averaged (a page we extract nothing from scores 0).

    .venv/bin/python bench/html_quality.py [--folder PATH] [--limit N] [--step N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from detente.ingest import read_inputs
from detente.records import Article

_TOKEN = re.compile(r"\w+")
DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "html" / "aeb"


@dataclass(frozen=True, slots=True)
class Scores:
    """Mean precision, recall and F1 over ``pages`` pages, and how many gave no text."""

    precision: float
    recall: float
    f1: float
    pages: int
    empty: int


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.lower()))


def token_prf(predicted: str, expected: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the tokens of ``predicted`` against ``expected``."""
    pred, gold = tokens(predicted), tokens(expected)
    shared = sum((pred & gold).values())
    if not shared:
        return 0.0, 0.0, 0.0
    precision, recall = shared / sum(pred.values()), shared / sum(gold.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def evaluate(folder: Path, limit: int | None = None, step: int = 1) -> Scores:
    """Score the pages of the benchmark folder, sorted by name: every ``step``-th one, at
    most ``limit`` of them (all 181 by default)."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted((folder / "html").glob("*.html.gz"))[::step][:limit]
    totals = [0.0, 0.0, 0.0]
    empty = 0
    for page in pages:
        expected = truth[page.name.removesuffix(".html.gz")]["articleBody"]
        results = list(read_inputs([str(page)]))
        text = "\n\n".join(r.text for r in results if isinstance(r, Article))
        if not text:
            empty += 1
        for i, value in enumerate(token_prf(text, expected)):
            totals[i] += value
    n = len(pages) or 1
    return Scores(totals[0] / n, totals[1] / n, totals[2] / n, len(pages), empty)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folder", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--limit", type=int, default=None, help="score at most N pages")
    parser.add_argument("--step", type=int, default=1, help="score every N-th page")
    args = parser.parse_args(argv)
    if not (args.folder / "ground-truth.json").exists():
        print(f"{args.folder}: no ground-truth.json here (is ../shared present?)",
              file=sys.stderr)
        return 1
    scores = evaluate(args.folder, args.limit, args.step)
    print(f"pages {scores.pages}  empty {scores.empty}  precision {scores.precision:.3f}  "
          f"recall {scores.recall:.3f}  F1 {scores.f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
