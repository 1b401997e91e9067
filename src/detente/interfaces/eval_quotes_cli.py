"""`detente eval quotes DIR`: direct quotes and speakers on PolNeAR, against textacy.

A thin layer over `detente.eval.quotes`; wire it into the eval group with
`eval_app.command("quotes")(quotes)`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from detente.errors import UserError

DEFINITIONS = (
    "gold direct quote: content opens with a quote mark and closes with one (or runs unclosed "
    "to its paragraph end); recovered: our direct quotes cover >= 50% of its words; speaker "
    "right: our speaker's words overlap the gold source, or name the same family name (gold "
    "pronouns read as the nearest earlier named gold source). Full definitions: "
    "detente.eval.quotes."
)


def quotes_command(directory: Path, limit: int | None, show_misses: int = 0) -> None:
    """Score detente's and textacy's direct quotes on a PolNeAR split and print the report."""
    from detente.eval.quotes import QuoteReport, QuoteScore, evaluate

    out = Console()
    err = Console(stderr=True)
    try:
        with Progress(TextColumn("scoring quotes"), BarColumn(), MofNCompleteColumn(),
                      console=err, transient=True) as bar:
            task = bar.add_task("docs", total=None)
            report: QuoteReport = evaluate(
                directory, limit, progress=lambda n, total: bar.update(task, completed=n,
                                                                       total=total))
    except UserError as exc:
        err.print(f"detente: {exc}", markup=False, highlight=False)
        raise typer.Exit(1) from None
    table = Table(title=f"Direct quotes and speakers, PolNeAR {directory.name} "
                        f"({report.ours.docs} articles)")
    for col in ("system", "gold quotes", "found", "recall", "with source", "speaker ok",
                "speaker acc.", "docs refused"):
        table.add_column(col, justify="left" if col == "system" else "right")

    def row(s: QuoteScore) -> None:
        table.add_row(s.system, str(s.gold), str(s.recovered), f"{s.recall:.3f}",
                      str(s.with_source), str(s.speaker_right), f"{s.speaker_accuracy:.3f}",
                      str(s.failed_docs))

    row(report.ours)
    if report.baseline is not None:
        row(report.baseline)
    out.print(table)
    out.print(DEFINITIONS, markup=False, highlight=False)
    if report.baseline is None:
        out.print("textacy is not installed, so no baseline (pip install 'detente[dev]').",
                  markup=False)
    elif report.baseline.failed_docs:
        out.print(f"textacy refused {report.baseline.failed_docs} documents (an odd number of "
                  "quote marks); they count as yielding no quotes.", markup=False)
    if show_misses:
        out.print("\nMissed quotes (ours):", markup=False)
        for m in report.ours.missed[:show_misses]:
            out.print(f"  {m.doc}: {m.content[:100]!r} (covered {m.coverage:.0%})",
                      markup=False, highlight=False)
        out.print("\nWrong speakers (ours):", markup=False)
        for m in report.ours.wrong_speaker[:show_misses]:
            out.print(f"  {m.doc}: {m.content[:70]!r} gold {m.gold_source!r}, "
                      f"ours {m.system_speaker!r}", markup=False, highlight=False)


def quotes(
    directory: Annotated[Path, typer.Argument(
        help="A PolNeAR split folder with text/ and attributions/ (e.g. PolNeAR/data/dev).")],
    limit: Annotated[int | None, typer.Option(
        "--limit", help="Score only the first N articles (by file name).")] = None,
    show_misses: Annotated[int, typer.Option(
        "--show-misses", help="List this many missed quotes and wrong speakers.")] = 0,
) -> None:
    """Score direct quotes and their speakers on PolNeAR, with textacy as a baseline."""
    quotes_command(directory, limit, show_misses)
