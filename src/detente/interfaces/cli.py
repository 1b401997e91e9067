"""The `detente` command: a thin layer over the pipeline, store and analysis functions."""

from __future__ import annotations

import json
import sys
import time
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from detente.errors import E002, DetenteError, UserError
from detente.interfaces.eval_cli import eval_app
from detente.records import Article, InputProblem

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Code news about international affairs into political events.")
actors_app = typer.Typer(no_args_is_help=True, help="The actor knowledge base.")
app.add_typer(actors_app, name="actors")

out = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 150)
err = Console(stderr=True, soft_wrap=True)
# ingest writes articles in transactions of this many, or of what came in this many seconds
WRITE_BATCH = 64
WRITE_SECONDS = 2.0

Paths = Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")]
DateOpt = Annotated[str | None, typer.Option("--date", help="Publication date YYYY-MM-DD "
                                             "when the input has none.")]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="table, jsonl or csv.")]
DbOpt = Annotated[str | None, typer.Option("--db", help="Store: a DuckDB file "
                                           "(default $DETENTE_DB or ./detente.duckdb).")]
ActorsOpt = Annotated[Path | None, typer.Option("--actors-dir", help="Folder of actor data "
                                                "files in detente's format (default: packaged).")]
VerbsOpt = Annotated[Path | None, typer.Option("--verbs-dir", help="Folder of verb pattern "
                                               "files in detente's format (default: packaged).")]
PetActors = Annotated[list[Path] | None, typer.Option(
    "--actors", help="A PETRARCH/TABARI actor dictionary to add (repeatable).")]
PetAgents = Annotated[list[Path] | None, typer.Option(
    "--agents", help="A PETRARCH/TABARI agent dictionary to add (repeatable).")]
PetVerbs = Annotated[list[Path] | None, typer.Option(
    "--verbs", help="A PETRARCH verb dictionary (CAMEO.verbpatterns format) to code with "
    "instead of the packaged patterns (repeatable).")]
DyadOpt = Annotated[bool, typer.Option(
    "--require-dyad", help="Keep only events with both a source and a target (PETRARCH's "
    "require_dyad).")]


@dataclass(frozen=True)
class Knowledge:
    """Where the coder's knowledge comes from, as the options of a command say."""

    actors_dir: Path | None = None
    verbs_dir: Path | None = None
    actors: tuple[Path, ...] = ()
    agents: tuple[Path, ...] = ()
    verbs: tuple[Path, ...] = ()
    require_dyad: bool = False


class _Problems:
    """Counts bad inputs while a batch goes on; each is reported in one line on stderr."""

    def __init__(self) -> None:
        self.items: list[InputProblem] = []

    def report(self, p: InputProblem) -> None:
        self.items.append(p)
        err.print(f"detente: {p}", markup=False, highlight=False)


def _date(value: str | None) -> str | None:
    if value is None:
        return None
    from detente.ingest import validate_date

    try:
        return validate_date(value)
    except ValueError:
        raise UserError(E002.format(value=value)) from None


def _articles(paths: Sequence[str], date: str | None, problems: _Problems) -> Iterator[Article]:
    from detente.ingest import read_inputs

    for item in read_inputs(list(paths), published=_date(date)):
        if isinstance(item, InputProblem):
            problems.report(item)
        else:
            yield item


def _pipeline(k: Knowledge | None = None) -> Any:
    from detente.errors import DataError
    from detente.pipeline import Pipeline

    k = k or Knowledge()
    for path in (*k.actors, *k.agents, *k.verbs):
        if not path.is_file():
            raise UserError(f"{path}: no such dictionary file")
    problems: list[DataError] = []
    with err.status("loading the model and knowledge base", spinner="dots"):
        pipe = Pipeline.load(actors_dir=k.actors_dir, verbs_dir=k.verbs_dir,
                             petrarch_actors=k.actors, petrarch_agents=k.agents,
                             petrarch_verbs=k.verbs, require_dyad=k.require_dyad,
                             problems=problems)
    for p in problems[:20]:
        err.print(f"detente: skipped {p}", markup=False, highlight=False)
    if len(problems) > 20:
        err.print(f"detente: ... and {len(problems) - 20} more dictionary entries skipped",
                  highlight=False)
    return pipe


def _finish(problems: _Problems) -> None:
    if problems.items:
        raise typer.Exit(1)


@app.command()
def code(paths: Paths, date: DateOpt = None, format: FormatOpt = "table",
         actors_dir: ActorsOpt = None, verbs_dir: VerbsOpt = None, actors: PetActors = None,
         agents: PetAgents = None, verbs: PetVerbs = None, require_dyad: DyadOpt = False
         ) -> None:
    """Code articles into events without storing them."""
    from detente.interfaces.output import EVENT_CSV, check_format, print_events, write_records

    check_format(format)
    problems = _Problems()
    articles = list(_articles(paths, date, problems))
    if articles:
        pipe = _pipeline(Knowledge(actors_dir, verbs_dir, tuple(actors or ()),
                                   tuple(agents or ()), tuple(verbs or ()), require_dyad))
        names = {c: v.name for c, v in pipe.ontology.codes.items()}
        for res in pipe.process_many(articles):
            if format == "table":
                print_events(res.events, names, out, title=f"{res.article.url or ''} "
                             f"({res.article.article_id}): {len(res.events)} events")
            else:
                write_records((e.to_dict() for e in res.events), format, sys.stdout, EVENT_CSV)
    _finish(problems)


@app.command()
def quotes(paths: Paths, date: DateOpt = None, format: FormatOpt = "table") -> None:
    """Quotes and their speakers."""
    from detente.interfaces.output import check_format, print_quotes, write_records

    check_format(format)
    problems = _Problems()
    articles = list(_articles(paths, date, problems))
    if articles:
        pipe = _pipeline()
        for res in pipe.process_many(articles):
            if format == "table":
                print_quotes(res.quotes, out)
            else:
                write_records((q.to_dict() for q in res.quotes), format, sys.stdout)
    _finish(problems)


@app.command()
def articles(paths: Annotated[list[str] | None, typer.Argument(
                 help="Files to read; none: list the store's articles.")] = None,
             date: DateOpt = None, format: FormatOpt = "table", db: DbOpt = None,
             limit: Annotated[int | None, typer.Option(help="At most this many.")] = None
             ) -> None:
    """The cleaned article records, from files (without coding) or from the store."""
    from detente.interfaces.output import check_format, print_articles, write_records

    check_format(format)
    problems = _Problems()
    if paths:
        found = list(_articles(paths, date, problems))
    else:
        from detente.store import open_store

        with open_store(db, read_only=True) as store:
            found = list(store.articles(limit))
    if format == "table":
        print_articles(found, out)
    else:
        write_records((a.to_dict() for a in found), format, sys.stdout)
    _finish(problems)


@app.command()
def ingest(paths: Paths, date: DateOpt = None, db: DbOpt = None,
           actors_dir: ActorsOpt = None, verbs_dir: VerbsOpt = None,
           actors: PetActors = None, agents: PetAgents = None, verbs: PetVerbs = None,
           require_dyad: DyadOpt = False,
           workers: Annotated[int, typer.Option(help="Worker processes (0: one per core for "
                                                "large batches).")] = 0,
           verbose: Annotated[bool, typer.Option("--verbose", "-v", help="A line per article "
                                                 "stored, on stderr.")] = False) -> None:
    """Read, code and store articles, idempotently: ingesting twice adds nothing.

    Articles stream through in order (memory stays flat on any corpus) and are stored with
    their events and quotes in transactions of up to WRITE_BATCH articles or WRITE_SECONDS:
    a killed ingest loses at most the batch in flight, which the next run codes again.
    """
    from itertools import chain, islice

    from detente.engines.local import default_workers, run_local
    from detente.ingest.dedup import Deduplicator, signature
    from detente.pipeline import Result
    from detente.store import open_store
    from detente.store.duckdb import Stored

    problems = _Problems()
    n = {"read": 0, "stored": 0, "already": 0, "events": 0, "copies": 0}
    started = time.perf_counter()
    with open_store(db) as store:
        dedup = Deduplicator(store)  # its state is in the store but for articles in flight

        def fresh() -> Iterator[Article]:
            for art in _articles(paths, date, problems):
                n["read"] += 1
                if art.article_id in dedup.pending or store.has_article(art.article_id):
                    n["already"] += 1
                    continue
                dup = dedup.check(art.article_id, signature(art.text))
                if dup is not None:
                    n["copies"] += 1
                    art = replace(art, duplicate_of=dup)
                yield art

        stream = fresh()
        head = list(islice(stream, 40))
        n_workers = workers or default_workers(len(head))
        progress = Progress(TextColumn("[bold]ingest"), BarColumn(),
                            TextColumn("{task.completed} articles,"),
                            TextColumn("{task.fields[rate]} articles/s, {task.fields[ev]} events"),
                            TimeElapsedColumn(), console=err, transient=True)
        with progress:
            task = progress.add_task("ingest", total=None, rate="-", ev=0)
            if head:
                know = Knowledge(actors_dir, verbs_dir, tuple(actors or ()),
                                 tuple(agents or ()), tuple(verbs or ()), require_dyad)
                if know.actors or know.agents or know.verbs:
                    n_workers = 1  # imported dictionaries are loaded here, once
                pipe = _pipeline(know) if n_workers == 1 else None
                batch: list[Result] = []
                last = time.perf_counter()

                def write() -> None:
                    """Store the batch in one transaction (its articles stay pending for the
                    deduplicator until then)."""
                    items = []
                    for res in batch:
                        sig = dedup.take(res.article.article_id)
                        items.append(Stored(res.article, res.events, res.quotes,
                                            coded=res.article.language in (None, "en"),
                                            signature=sig.minhash if sig else None,
                                            bands=sig.bands if sig else ()))
                    for res, fresh in zip(batch, store.add_many(items), strict=True):
                        if not fresh:
                            n["already"] += 1
                            continue
                        n["stored"] += 1
                        n["events"] += len(res.events)
                        if verbose:
                            err.print(f"stored {res.article.article_id} ({len(res.events)} "
                                      "events)", highlight=False)
                    batch.clear()

                for res in run_local(chain(head, stream), n_workers, pipeline=pipe,
                                     actors_dir=actors_dir, verbs_dir=verbs_dir,
                                     require_dyad=require_dyad):
                    batch.append(res)
                    now = time.perf_counter()
                    if len(batch) >= WRITE_BATCH or now - last >= WRITE_SECONDS:
                        write()
                        last = now
                    done = n["stored"] + n["already"] + len(batch)
                    rate = done / max(now - started, 1e-9)
                    progress.update(task, completed=done, rate=f"{rate:.1f}", ev=n["events"])
                write()
        counts = store.counts()
    err.print(f"read {n['read']} articles: stored {n['stored']} with {n['events']} events "
              f"({n['copies']} copies of stories already seen), {n['already']} already stored, "
              f"{len(problems.items)} skipped as bad input; the store now holds "
              f"{counts['articles']} articles and {counts['events']} events ({store.path})",
              highlight=False)
    _finish(problems)


@app.command()
def events(actor: Annotated[str | None, typer.Option(help="Either side (code prefix).")] = None,
           source: Annotated[str | None, typer.Option(help="Source code prefix.")] = None,
           target: Annotated[str | None, typer.Option(help="Target code prefix.")] = None,
           dyad: Annotated[tuple[str, str] | None, typer.Option(
               help="Two actors, either direction.")] = None,
           cameo: Annotated[str | None, typer.Option("--code", help="CAMEO code prefix.")] = None,
           since: Annotated[str | None, typer.Option(help="From date.")] = None,
           until: Annotated[str | None, typer.Option(help="To date.")] = None,
           limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
           stories_once: Annotated[bool, typer.Option(
               "--stories-once", help="Count each story once: leave out wire copies.")] = False,
           format: FormatOpt = "table", db: DbOpt = None) -> None:
    """Query the stored events."""
    from detente.interfaces.output import EVENT_CSV, check_format, print_events, write_records
    from detente.ontology import load_ontology
    from detente.store import EventFilter, open_store

    check_format(format)
    flt = EventFilter(actor=actor, source=source, target=target, code=cameo,
                      since=_date(since), until=_date(until), limit=limit,
                      stories_once=stories_once)
    with open_store(db, read_only=True) as store:
        found = list(store.events(flt))
    if dyad:
        a, b = dyad
        found = [e for e in found if e.source and e.target and (
            (_is(e.source, a) and _is(e.target, b)) or (_is(e.source, b) and _is(e.target, a)))]
    if format == "table":
        names = {c: v.name for c, v in load_ontology().codes.items()}
        print_events(found, names, out, title=f"{len(found)} events")
    else:
        write_records((e.to_dict() for e in found), format, sys.stdout, EVENT_CSV)


def _is(actor: Any, code: str) -> bool:
    return bool(actor.code.startswith(code) or actor.org == code)


@app.command()
def dyad(a: Annotated[str, typer.Argument(help="First actor code (prefix), e.g. IGOWSTNAT.")],
         b: Annotated[str, typer.Argument(help="Second actor code (prefix), e.g. RUS.")],
         by: Annotated[str, typer.Option(help="day, week, month or year.")] = "month",
         directed: Annotated[bool, typer.Option(help="Only A -> B.")] = False,
         plot: Annotated[bool, typer.Option(help="Draw the series as bars.")] = False,
         stories_once: Annotated[bool, typer.Option(
             "--stories-once", help="Count each story once: leave out wire copies.")] = False,
         format: FormatOpt = "table", db: DbOpt = None) -> None:
    """Cooperation/conflict series between two actors."""
    from rich.table import Table

    from detente.analysis import dyad_series
    from detente.interfaces.output import check_format, write_records
    from detente.store import open_store

    check_format(format)
    with open_store(db, read_only=True) as store:
        try:
            series = dyad_series(store, a, b, by=by, directed=directed,
                                 stories_once=stories_once)
        except ValueError as exc:
            raise UserError(str(exc)) from None
    if format != "table":
        write_records((p.to_dict() for p in series), format, sys.stdout)
        return
    t = Table(title=f"{a} {'->' if directed else '<->'} {b} by {by}")
    for col in ("period", "events", "verb.coop", "mat.coop", "verb.confl", "mat.confl",
                "goldstein mean", *(["balance"] if plot else [])):
        t.add_column(col)
    scale = max((abs(p.goldstein_sum) for p in series), default=1.0) or 1.0
    for p in series:
        bar = []
        if plot:
            n = round(20 * abs(p.goldstein_sum) / scale)
            bar = [f"[green]{'█' * n}[/green]" if p.goldstein_sum >= 0 else f"[red]{'█' * n}[/red]"]
        t.add_row(p.period, str(p.events), str(p.verbal_coop), str(p.material_coop),
                  str(p.verbal_conflict), str(p.material_conflict), f"{p.goldstein_mean:+.2f}",
                  *bar)
    out.print(t)


@app.command()
def summary(db: DbOpt = None, limit: int = 15) -> None:
    """The store at a glance: counts and the busiest dyads."""
    from rich.table import Table

    from detente.analysis import dyad_summary
    from detente.store import open_store

    with open_store(db, read_only=True) as store:
        counts = store.counts()
        rows = dyad_summary(store, limit)
    out.print(f"{counts['articles']} articles, {counts['events']} events, "
              f"{counts['quotes']} quotes")
    t = Table(title="dyads (negated events left out)")
    for col in ("source", "target", "events", "mean goldstein", "coop", "conflict"):
        t.add_column(col)
    for r in rows:
        t.add_row(r.source, r.target, str(r.events), f"{r.goldstein_mean:+.2f}",
                  str(r.cooperation), str(r.conflict))
    out.print(t)


@app.command()
def export(format: Annotated[str, typer.Option("--format", "-f", help="csv, parquet, gdelt "
                                               "(GDELT 2.0 Events, 61 columns, tab-separated), "
                                               "icews or plover (JSON lines).")] = "csv",
           out_path: Annotated[Path | None, typer.Option("--out", "-o", help="File to write "
                                                         "(default: stdout).")] = None,
           actor: Annotated[str | None, typer.Option(help="Either side (code prefix).")] = None,
           since: Annotated[str | None, typer.Option(help="From date.")] = None,
           until: Annotated[str | None, typer.Option(help="To date.")] = None,
           db: DbOpt = None) -> None:
    """The store's events in the ecosystem's formats."""
    from detente.exports import export as run_export
    from detente.store import EventFilter, open_store

    flt = EventFilter(actor=actor, since=_date(since), until=_date(until))
    with open_store(db, read_only=True) as store:
        n = run_export(store, format, out_path, flt)
    if out_path is not None:
        err.print(f"wrote {n} events to {out_path} ({format})", highlight=False)


@actors_app.command("lookup")
def actors_lookup(text: Annotated[str, typer.Argument(help="A name or phrase.")],
                  date: DateOpt = None, actors_dir: ActorsOpt = None,
                  actors: PetActors = None, agents: PetAgents = None) -> None:
    """The Actor TEXT resolves to on DATE (JSON); exit 1 when none."""
    from detente.actors.lookup import lookup

    pipe = _pipeline(Knowledge(actors_dir, None, tuple(actors or ()), tuple(agents or ())))
    actor = lookup(pipe.nlp, pipe.kb, text, _date(date))
    if actor is None:
        err.print(f"detente: {text!r} resolves to no actor"
                  + (f" on {date}" if date else ""), markup=False, highlight=False)
        raise typer.Exit(1)
    sys.stdout.write(json.dumps(actor.to_dict(), ensure_ascii=False) + "\n")


@actors_app.command("stats")
def actors_stats(actors_dir: ActorsOpt = None, actors: PetActors = None,
                 agents: PetAgents = None) -> None:
    """Counts of the knowledge base by kind."""
    from detente.actors.kb import stats

    pipe = _pipeline(Knowledge(actors_dir, None, tuple(actors or ()), tuple(agents or ())))
    for k, v in stats(pipe.kb).items():
        out.print(f"{k:>14}  {v}")


app.add_typer(eval_app, name="eval")


def main(argv: list[str] | None = None) -> int:
    """Entry point: user mistakes exit 1 with one line, our own faults exit 2."""
    try:
        rv = app(args=argv, prog_name="detente", standalone_mode=False)
        return int(rv or 0) if isinstance(rv, int) else 0
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.exceptions.UsageError as exc:
        err.print(f"detente: {exc.format_message()}", markup=False, highlight=False)
        return 1
    except click.exceptions.Abort:
        err.print("detente: aborted", markup=False)
        return 1
    except UserError as exc:
        err.print(f"detente: {exc}", markup=False, highlight=False)
        return 1
    except BrokenPipeError:
        return 0
    except DetenteError as exc:
        err.print(f"detente: {exc}", markup=False, highlight=False)
        return 2
    except Exception:
        err.print("detente: internal error (please report it with this trace):", markup=False)
        traceback.print_exc()
        return 2


def run() -> None:
    sys.exit(main())
