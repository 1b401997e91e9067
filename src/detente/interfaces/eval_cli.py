"""`detente eval ...`: scoring the coder on gold sets (a thin layer over detente.eval)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from detente.errors import UserError

eval_app = typer.Typer(no_args_is_help=True, help="Score the coder on gold sets.")


@eval_app.callback()
def _group() -> None:
    """Score the coder on gold sets (keeps `petrarch` a subcommand while it is the only one)."""


@eval_app.command("petrarch")
def petrarch(
    folder: Annotated[Path, typer.Argument(
        help="A PETRARCH gold-set folder: a *.flat.jsonl record file and dictionaries/.")],
    show_misses: Annotated[int, typer.Option(
        "--show-misses", help="List this many records not coded as expected, with our "
        "events and the rules that made them.")] = 0,
    map_codes: Annotated[bool, typer.Option(
        "--map-codes", help="Map codes outside CAMEO to their nearest CAMEO parent on both "
        "sides instead of scoring them verbatim.")] = False,
    require_dyad: Annotated[bool | None, typer.Option(
        "--require-dyad/--any-dyad", help="Report only events with both a source and a "
        "target, or all events (default: as the set's config/*.ini says, else PETRARCH-2's "
        "default, require_dyad = True).", show_default=False)] = None,
) -> None:
    """Run a PETRARCH record set with its own dictionaries and options; print the figures."""
    from detente.eval.petrarch import format_report, run_petrarch
    from detente.nlp.pipeline import load_nlp

    try:
        result = run_petrarch(folder, load_nlp(), map_codes=map_codes,
                              require_dyad=require_dyad)
    except UserError as exc:
        print(f"detente: {exc}", file=sys.stderr)
        raise typer.Exit(1) from None
    print(format_report(result, show_misses))


@eval_app.command("quotes")
def quotes(
    folder: Annotated[Path, typer.Argument(
        help="A PolNeAR split folder of brat .ann/.txt pairs (gold/polnear/data/dev).")],
    limit: Annotated[int | None, typer.Option(help="Score only the first N articles.")] = None,
    show_misses: Annotated[int, typer.Option(
        "--show-misses", help="List this many gold quotes we missed or misattributed.")] = 0,
) -> None:
    """Direct-quote recall and speaker accuracy on PolNeAR, beside textacy's baseline."""
    from detente.interfaces.eval_quotes_cli import quotes_command

    if not folder.is_dir():
        print(f"detente: {folder}: no such folder", file=sys.stderr)
        raise typer.Exit(1)
    quotes_command(folder, limit, show_misses)
