"""Scoring detente on PETRARCH's gold record sets, each with its own dictionaries.

A set is a folder with a `*.flat.jsonl` record file (id, category, date YYYYMMDD, text,
expected [{sourcecode, targetcode, eventcode}] or [{noevents}] or [{error}]) and a
`dictionaries/` folder holding PETRARCH actor (`*actors*`), agent (`*agents*`) and verb
(`*verbs*` or `CAMEO*.txt`) dictionaries. The dictionaries are imported into a fresh
knowledge base and pattern set (none of detente's own data), and every record goes through
the real Pipeline (spaCy model, resolver, coder).

Figures:

* **reproduced**: expected (source, target, code) triples that we also produce, over all
  expected triples of the scored records;
* **extra**: our distinct triples that the record does not expect (in `noevents` records,
  all of ours), given as a share of our triples and per 100 expected triples.

PETRARCH's options: a set's own `config/*.ini` (PETRARCH's PETR_config.ini) is read for
`require_dyad`; a set without one is run with PETRARCH-2's shipped default, `require_dyad =
True`: only events with both a source and a target are reported (`Pipeline(require_dyad=)`,
the `--require-dyad` option of `detente code` and `ingest`).

A set that ships PETRARCH's internal coding ontology (PICO) has negated events scored as
PETRARCH writes them: "did not clash" (110, negated) is 050 (see `detente.eval.pico`).

Conventions: a target we leave empty is PETRARCH's `---`; an actor whose country we do not
know (code = its role) is `---GOV` as in PETRARCH; a pronoun stands for an earlier actor
only as a clause's subject (PETRARCH-2 resolves no pronoun: "burned its embassy" has no
target, while "X said it would ..." keeps X as the source), and a role word modified by
"former" is ELI, as PETRARCH-2 codes it. Records expecting a parser error and
records flagged `evaluate="false"` are skipped and counted. Event codes the set's verb
dictionary uses outside CAMEO (its test codes, e.g. 903) are added to the ontology as
placeholders, so they are scored verbatim; with `map_codes=True` they are mapped to their
nearest CAMEO parent on both sides instead, and codes with no parent cannot be reproduced.
"""

from __future__ import annotations

import configparser
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language

from detente.actors.kb import KnowledgeBase
from detente.actors.petrarch import (
    active_codes,
    actor_head_words,
    fresh_kb,
    petrarch_conventions,
    split_code,
)
from detente.coding.lexicon import load_lexicon
from detente.coding.patterns import merge_patterns
from detente.coding.petrarch import cameo_code, import_verbs, spacy_lemmatizer, with_codes
from detente.coding.verbpatterns import dictionary_codes
from detente.errors import DataError, UserError
from detente.eval.pico import load_pico
from detente.ontology import Ontology, load_ontology
from detente.pipeline import Pipeline
from detente.records import Actor, Article, Event

Triple = tuple[str, str, str]  # (source, target, event code)
NO_ACTOR = "---"


@dataclass(frozen=True, slots=True)
class GoldSet:
    """Where a PETRARCH record set and its dictionaries are."""

    name: str
    records: Path
    actors: tuple[Path, ...]
    agents: tuple[Path, ...]
    verbs: tuple[Path, ...]
    config: Path | None = None  # PETRARCH's PETR_config.ini, when the set has one
    pico: Path | None = None  # its internal coding ontology, when the set ships one


# PETRARCH-2's shipped PETR_config.ini sets require_dyad = True
DEFAULT_REQUIRE_DYAD = True


def require_dyad_of(config: Path | None) -> bool:
    """The `require_dyad` option of a PETRARCH config file ([Options]), or PETRARCH-2's
    default when there is no file or the file does not set it."""
    if config is None:
        return DEFAULT_REQUIRE_DYAD
    parser = configparser.ConfigParser(inline_comment_prefixes=("#", ";"), strict=False)
    try:
        parser.read(config, encoding="utf-8")
        return parser.getboolean("Options", "require_dyad", fallback=DEFAULT_REQUIRE_DYAD)
    except (configparser.Error, ValueError) as exc:
        raise UserError(f"{config}: cannot read require_dyad ({exc})") from None


@dataclass(frozen=True, slots=True)
class RecordResult:
    """One scored record: what was expected, what we coded, and why (rules)."""

    id: str
    category: str
    date: str | None
    text: str
    expected: tuple[Triple, ...]
    ours: tuple[Triple, ...]
    rules: tuple[str, ...]  # the rule of each of `ours`
    reproduced: int
    extras: tuple[Triple, ...]

    @property
    def missed(self) -> tuple[Triple, ...]:
        left = Counter(self.expected) - Counter(set(self.ours))
        return tuple(left.elements())


@dataclass(frozen=True, slots=True)
class CategoryFigures:
    """Figures of one record category (DEMO, SYNSET, ...)."""

    name: str
    records: int
    expected: int
    reproduced: int
    ours: int
    extras: int


@dataclass(frozen=True)
class PetrarchEval:
    """The result of running one PETRARCH gold set."""

    name: str
    records: int
    skipped_errors: int
    skipped_unevaluated: int
    expected: int
    reproduced: int
    ours: int
    extras: int
    noevent_records: int
    noevent_clean: int
    categories: tuple[CategoryFigures, ...]
    results: tuple[RecordResult, ...]
    problems: tuple[DataError, ...]
    patterns: int
    pattern_counts: dict[str, int] = field(default_factory=dict)
    kb_counts: dict[str, int] = field(default_factory=dict)
    map_codes: bool = False
    require_dyad: bool = False
    options_from: str = "given"  # where require_dyad came from: a config file, or a default
    pico: str | None = None  # the PICO file negated events were written through

    @property
    def scored(self) -> int:
        return len(self.results)

    @property
    def reproduced_share(self) -> float:
        """Share of expected triples reproduced, in percent."""
        return 100.0 * self.reproduced / self.expected if self.expected else 0.0

    @property
    def extra_share(self) -> float:
        """Share of our triples that were not expected, in percent."""
        return 100.0 * self.extras / self.ours if self.ours else 0.0

    @property
    def extras_per_100_expected(self) -> float:
        return 100.0 * self.extras / self.expected if self.expected else 0.0


# -- finding a set ---------------------------------------------------------------------
def find_set(folder: Path) -> GoldSet:
    """The record file and dictionaries of a PETRARCH gold-set folder."""
    if not folder.is_dir():
        raise UserError(f"{folder}: no such folder (give a PETRARCH gold-set folder)")
    records = sorted(folder.glob("*.flat.jsonl"))
    if not records:
        raise UserError(f"{folder}: no *.flat.jsonl record file in this folder")
    dicts = folder / "dictionaries"
    files = sorted(dicts.glob("*.txt")) if dicts.is_dir() else []

    def pick(*words: str) -> tuple[Path, ...]:
        return tuple(p for p in files if any(w in p.name.lower() for w in words))

    actors = pick("actors")
    # Phoenix order: country names first, as PETRARCH lists them in its config.
    actors = tuple(sorted(actors, key=lambda p: ("countr" not in p.name.lower(), p.name)))
    verbs = tuple(p for p in pick("verbs", "cameo")
                  if "plover" not in p.name.lower() and "ontology" not in p.name.lower())
    if not actors or not verbs:
        raise UserError(f"{dicts}: needs PETRARCH actor (*actors*.txt) and verb "
                        "(*verbs*.txt or CAMEO*.txt) dictionaries")
    configs = sorted((folder / "config").glob("*.ini"))
    picos = [p for p in pick("ontology") if "coding" in p.name.lower()]
    return GoldSet(folder.name, records[0], actors, pick("agents"), verbs,
                   configs[0] if configs else None, picos[0] if picos else None)


# -- loading ---------------------------------------------------------------------------
def petrarch_pipeline(nlp: Language, actors: Sequence[Path], agents: Sequence[Path] = (),
                      verbs: Sequence[Path] = (), *, problems: list[DataError] | None = None,
                      counts: dict[str, int] | None = None, map_codes: bool = False,
                      require_dyad: bool = False) -> Pipeline:
    """A Pipeline that knows only these PETRARCH dictionaries, read with PETRARCH-2's
    conventions, as `detente eval petrarch` runs a gold set."""
    tokenizer = nlp.tokenizer
    kb = fresh_kb(lambda s: [t.text for t in tokenizer(s)], actors, agents, problems)
    petrarch_conventions(kb)  # pronouns, "former X" and role words as PETRARCH-2 reads them
    ontology = load_ontology()
    if not map_codes:
        codes: set[str] = set()
        for p in verbs:
            codes |= dictionary_codes(p)
        ontology = with_codes(ontology, codes)
    lemma = spacy_lemmatizer(nlp)
    heads = actor_head_words(kb)
    patterns = merge_patterns([import_verbs(p, ontology, problems, lemmatize=lemma,
                                            target_words=heads, counts=counts)
                               for p in verbs])
    return Pipeline(nlp, kb, ontology, patterns, load_lexicon(), require_dyad=require_dyad)


def load_set(gold: GoldSet, nlp: Language, *, map_codes: bool = False,
             require_dyad: bool = False
             ) -> tuple[Pipeline, list[DataError], dict[str, int], Ontology]:
    """A Pipeline that knows only the set's own dictionaries."""
    problems: list[DataError] = []
    counts: dict[str, int] = {}
    pipeline = petrarch_pipeline(nlp, gold.actors, gold.agents, gold.verbs,
                                 problems=problems, counts=counts, map_codes=map_codes,
                                 require_dyad=require_dyad)
    return pipeline, problems, counts, pipeline.ontology


# -- scoring ---------------------------------------------------------------------------
def actor_code(actor: Actor | None) -> str:
    """An actor's code as PETRARCH writes it: `---` for none, `---GOV` without a country,
    and an organisation's role appended to its code (IGOUNO with sector MIL: IGOUNOMIL)."""
    if actor is None:
        return NO_ACTOR
    if actor.country is None and actor.org is None and actor.code == actor.sector:
        return NO_ACTOR + actor.code
    if actor.org is not None and actor.sector and not actor.code.endswith(actor.sector):
        return actor.code + actor.sector
    return actor.code


def split_parties(triple: Triple) -> list[Triple]:
    """One triple per party of an actor with several codes: UD-PETRARCH writes a name coded
    `[FRO/BIL/SAM]` as the source `FRO/BIL/SAM`, PETRARCH-2 (and detente) as three events."""
    src, tgt, code = triple
    return [(s, t, code) for s in src.split("/") for t in tgt.split("/")]


def _iso(date: str) -> str | None:
    d = date.strip()
    if len(d) == 8 and d.isdigit():
        return f"{d[:4]}-{d[4:6]}-{d[6:]}"
    return None


def run_petrarch(folder: Path, nlp: Language, *, map_codes: bool = False,
                 require_dyad: bool | None = None) -> PetrarchEval:
    """Run a PETRARCH gold-set folder through the Pipeline with the set's dictionaries and
    options (`require_dyad=None`: as the set's config, or PETRARCH-2's default, says)."""
    gold = find_set(folder)
    if require_dyad is None:
        require_dyad = require_dyad_of(gold.config)
        options_from = (f"{gold.config.parent.name}/{gold.config.name}" if gold.config
                        else "PETRARCH-2's default")
    else:
        options_from = "given"
    pipeline, problems, counts, ontology = load_set(gold, nlp, map_codes=map_codes,
                                                    require_dyad=require_dyad)

    def code_of(code: str) -> str:
        return (cameo_code(code, ontology) or code) if map_codes else code

    # a negated event as PETRARCH writes it, through the set's PICO table (see eval.pico)
    pico = load_pico(gold.pico, problems) if gold.pico else None

    def event_code(ev: Event) -> str:
        negated = pico.negated(ev.cameo) if pico is not None and ev.negated else None
        return code_of(negated or ev.cameo)

    rows = [json.loads(line) for line in gold.records.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    skipped_errors = skipped_uneval = 0
    todo: list[tuple[dict[str, object], list[Triple]]] = []
    for r in rows:
        exp_items = r.get("expected") or []
        if any("error" in e for e in exp_items):
            skipped_errors += 1
            continue
        if str(r.get("flags", {}).get("evaluate", "true")).lower() == "false":
            skipped_uneval += 1
            continue
        expected = [t for e in exp_items if "eventcode" in e
                    for t in split_parties((str(e["sourcecode"]).upper(),
                                            str(e["targetcode"]).upper(),
                                            code_of(str(e["eventcode"]).upper())))]
        todo.append((r, expected))
    articles = [Article(article_id=str(r["id"]), text=str(r.get("text") or ""),
                        published=_iso(str(r.get("date") or "")))
                for r, _ in todo]
    results: list[RecordResult] = []
    for (r, expected), res in zip(todo, pipeline.process_many(articles), strict=True):
        ours: list[Triple] = []
        rules: list[str] = []
        for ev in res.events:
            t = (actor_code(ev.source), actor_code(ev.target), event_code(ev))
            if t not in ours:
                ours.append(t)
                rules.append(ev.rule)
        exp_count = Counter(expected)
        reproduced = sum(min(n, 1 if t in ours else 0) for t, n in exp_count.items())
        extras = tuple(t for t in ours if t not in exp_count)
        results.append(RecordResult(str(r["id"]), str(r.get("category") or ""),
                                    _iso(str(r.get("date") or "")), str(r.get("text") or ""),
                                    tuple(expected), tuple(ours), tuple(rules), reproduced,
                                    extras))
    scored = summarise(gold.name, results, skipped_errors, skipped_uneval, problems,
                   sum(len(v) for v in pipeline.patterns.by_head.values()), counts,
                   dict(pipeline.kb.counts), map_codes)
    return replace(scored, require_dyad=require_dyad, options_from=options_from,
                   pico=gold.pico.name if gold.pico else None)


def summarise(name: str, results: list[RecordResult], skipped_errors: int,
              skipped_uneval: int, problems: list[DataError], patterns: int,
              pattern_counts: dict[str, int], kb_counts: dict[str, int],
              map_codes: bool) -> PetrarchEval:
    """Totals and per-category figures of scored records."""
    cats: dict[str, list[RecordResult]] = {}
    for res in results:
        cats.setdefault(res.category, []).append(res)
    categories = tuple(
        CategoryFigures(c, len(rs), sum(len(r.expected) for r in rs),
                        sum(r.reproduced for r in rs), sum(len(r.ours) for r in rs),
                        sum(len(r.extras) for r in rs))
        for c, rs in sorted(cats.items()))
    noevent = [r for r in results if not r.expected]
    return PetrarchEval(
        name, len(results) + skipped_errors + skipped_uneval, skipped_errors, skipped_uneval,
        sum(len(r.expected) for r in results), sum(r.reproduced for r in results),
        sum(len(r.ours) for r in results), sum(len(r.extras) for r in results),
        len(noevent), sum(1 for r in noevent if not r.ours), categories, tuple(results),
        tuple(problems), patterns, pattern_counts, kb_counts, map_codes)


# -- the report ------------------------------------------------------------------------
def _fmt(t: Triple) -> str:
    return f"{t[0]}->{t[1]}:{t[2]}"


def format_report(ev: PetrarchEval, show_misses: int = 0) -> str:
    """A plain-text report; `show_misses` lists that many records we got wrong."""
    lines = [
        f"PETRARCH gold set {ev.name}: {ev.records} records, {ev.scored} scored "
        f"({ev.skipped_errors} expecting a parser error and {ev.skipped_unevaluated} "
        "flagged evaluate=false skipped)",
        f"  expected triples reproduced: {ev.reproduced} of {ev.expected} "
        f"({ev.reproduced_share:.1f}%)",
        f"  extra triples: {ev.extras} of our {ev.ours} ({ev.extra_share:.1f}% of ours; "
        f"{ev.extras_per_100_expected:.1f} per 100 expected)",
        f"  records expecting no event left clean: {ev.noevent_clean} of {ev.noevent_records}",
        f"  codes: {'mapped to CAMEO parents' if ev.map_codes else 'verbatim'}; "
        f"{ev.patterns} patterns imported; {len(ev.problems)} dictionary entries or "
        "patterns skipped (not expressible or bad)",
        f"  require_dyad: {'on' if ev.require_dyad else 'off'} ({ev.options_from}): "
        + ("only events with both a source and a target are reported" if ev.require_dyad
           else "events without a source or target are reported too"),
        "  negated events: " + (f"written as PETRARCH writes them, through {ev.pico} (PICO)"
                                if ev.pico else "scored with their own code (no PICO table)"),
        "",
        f"  {'category':<12}{'records':>8}{'expected':>10}{'reproduced':>12}{'%':>7}"
        f"{'ours':>7}{'extra':>7}",
    ]
    for c in ev.categories:
        share = f"{100.0 * c.reproduced / c.expected:.1f}" if c.expected else "-"
        lines.append(f"  {c.name:<12}{c.records:>8}{c.expected:>10}{c.reproduced:>12}"
                     f"{share:>7}{c.ours:>7}{c.extras:>7}")
    if show_misses:
        wrong = [r for r in ev.results if r.missed or r.extras]
        lines += ["", f"Records not coded as expected: {len(wrong)} (showing "
                      f"{min(show_misses, len(wrong))})"]
        for r in wrong[:show_misses]:
            lines.append(f"- {r.id} [{r.category}] {r.date or ''}: {r.text}")
            lines.append(f"    expected: {', '.join(map(_fmt, r.expected)) or '(nothing)'}")
            ours = [f"{_fmt(t)} ({rule})" for t, rule in zip(r.ours, r.rules, strict=True)]
            lines.append(f"    ours:     {', '.join(ours) or '(nothing)'}")
    return "\n".join(lines)


# -- the Phoenix yardstick -------------------------------------------------------------
@dataclass(frozen=True)
class Yardstick:
    """How many dated Phoenix people our own KB resolves to the same country and sector."""

    date: str
    entries: int
    resolved: int
    same: int
    misses: tuple[tuple[str, str, str], ...]  # (name, Phoenix code, ours or "")

    @property
    def share(self) -> float:
        return 100.0 * self.same / self.entries if self.entries else 0.0


def phoenix_yardstick(nlp: Language, kb: KnowledgeBase, path: Path, on: str = "2018-01-01"
                      ) -> Yardstick:
    """Of the people in a Phoenix country dictionary whose date-restricted code holds on
    `on`, those whose name `kb` resolves (via `lookup`) to the same country and sector."""
    from detente.actors.lookup import lookup

    entries = resolved = same = 0
    misses: list[tuple[str, str, str]] = []
    for name, code, _line in active_codes(path, on):
        country, _org, sector = split_code(code)
        entries += 1
        actor = lookup(nlp, kb, name, on)
        if actor is not None:
            resolved += 1
            if actor.country == country and (actor.sector or None) == (
                    sector[:3] if sector else None):
                same += 1
                continue
        misses.append((name, code, actor.code if actor else ""))
    return Yardstick(on, entries, resolved, same, tuple(misses))
