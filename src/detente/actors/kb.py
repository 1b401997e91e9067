"""The actor knowledge base: countries, metonyms, IGOs, agents and people with dated roles.

Entries are indexed by their token sequence in two tries (token-level automata): exact-case
names (countries, capitals, IGO names and acronyms, people), and lower-cased role words
(agents and context-only IGO descriptions) that also match by lemma, so plurals match too.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from detente.datafiles import Row, package_data, read_tsv
from detente.errors import DataError

Tokenize = Callable[[str], list[str]]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Marks the last word of a role phrase that matches only as written, not by its lemma
# (PETRARCH's `POLICE {}`: no plural is formed, so "polices" is no form of it).
EXACT = "\x01"
_CODE = re.compile(r"^[A-Z]{3}([A-Z]{3})*$")


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a phrase can name."""

    kind: str  # country | capital | metonym | igo | description | agent | person
    code: str  # full CAMEO code for names; the sector for agents
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    name: str | None = None
    role: str | None = None
    start: str | None = None
    end: str | None = None
    reason: str = ""
    # Further parties the same name stands for (PETRARCH's `[FRO/BIL/SAM]`): each one is
    # coded as well wherever the name is.
    also: tuple[Entry, ...] = ()
    # An agent whose code goes before its country's rather than after it (PETRARCH's
    # `MSF [NGO~]`: "MSF Arnor" is NGOARN, "an MSF Arnor diplomat" NGOARNGOV).
    prefix: bool = False

    def active_on(self, date: str | None) -> bool:
        if date is None:
            return self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


class TokenTrie:
    """Longest-match automaton over token sequences."""

    def __init__(self) -> None:
        self.root: dict[str, object] = {}
        self.size = 0

    def add(self, tokens: Sequence[str], entry: Entry) -> None:
        node = self.root
        for tok in tokens:
            node = node.setdefault(tok, {})  # type: ignore[assignment]
        entries = node.setdefault("\x00", [])
        assert isinstance(entries, list)
        if entry not in entries:
            entries.append(entry)
            self.size += 1

    def longest(self, keys: Sequence[Sequence[str]], start: int) -> tuple[int, list[Entry]]:
        """Longest match from `start`; keys[i] lists the forms token i may match by (each
        form that goes on is tried: "police" and its exact form lead different ways)."""
        best_end, best = start, list[Entry]()
        n_keys = len(keys)
        root = self.root
        if start >= n_keys or not any(f in root or "_" in f for f in keys[start]):
            return best_end, best  # most words begin no name: done at once
        todo: list[tuple[dict[str, object], int]] = [(root, start)]
        while todo:
            node, i = todo.pop()
            if i > start:
                found = node.get("\x00")
                if isinstance(found, list) and i > best_end:
                    best_end, best = i, found
            if i >= n_keys:
                continue
            nexts: list[dict[str, object]] = []
            for form in keys[i]:
                if "_" in form and "_" in form.strip("_"):
                    # A word written with underscores ("Dol_Amroth", PETRARCH's way of
                    # writing a several-word name) walks the name's words one by one.
                    cand: object = node
                    for part in form.split("_"):
                        cand = cand.get(part) if isinstance(cand, dict) else None
                else:
                    cand = node.get(form)
                if isinstance(cand, dict) and all(cand is not n for n in nexts):
                    nexts.append(cand)
            if len(nexts) == 1:
                todo.append((nexts[0], i + 1))
            else:
                todo += [(n, i + 1) for n in reversed(nexts)]  # the first form first
        return best_end, best


@dataclass
class KnowledgeBase:
    """All actor knowledge, indexed for matching."""

    names: TokenTrie = field(default_factory=TokenTrie)
    roles: TokenTrie = field(default_factory=TokenTrie)
    people: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    countries: dict[str, str] = field(default_factory=dict)  # code -> name
    igos: dict[str, Entry] = field(default_factory=dict)  # code -> its first (main) entry
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    surnames: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # Which pronouns stand for the salient earlier actor: "all", or only "subjects" (as
    # PETRARCH-2 codes: it resolves no pronoun, but a clause's subject pronoun takes the
    # source of the clause above, "X said it would ..."); see `detente.eval.petrarch`.
    pronouns: Literal["all", "subjects"] = "all"
    # The role a role word modified by "former" takes instead of its own: none in
    # detente's data, which lists "former president" and the like as ELI; PETRARCH-2 reads
    # every "former X" as ELI ("former border police" of a country: its ELI).
    former: str | None = None
    # Whether every role word of a phrase adds its code (PETRARCH-2: "Danish Islamist
    # media" is DNKMUSMED, "West German [GMWGOV] world government [~WGO] activists"
    # GMWGOVWGO; see `stack_codes`), or only the phrase's head role counts (detente's
    # data: "Russian naval forces" is RUSMIL, "military talks" names no actor).
    stack_agents: bool = False
    # Names whose words may have others between them inside one noun phrase (PETRARCH's
    # `ITHILEN TELEVISION`, written with a space rather than `_`: "Ithilen state-run
    # television"), by first word: (the name's words, its entry).
    loose: dict[str, list[tuple[tuple[str, ...], Entry]]] = field(
        default_factory=lambda: defaultdict(list))

    def unique_surname(self, word: str, date: str | None) -> str | None:
        """The one person with this surname holding a role on `date`, if only one does."""
        names = self.surnames.get(word)
        if not names:
            return None
        active = [n for n in names if self.person_role(n, date) is not None]
        return active[0] if len(active) == 1 else None

    def add_name(self, tokenize: Tokenize, phrase: str, entry: Entry) -> None:
        phrase = phrase.strip()
        if phrase.lower().startswith("the "):
            phrase = phrase[4:]
        toks = tokenize(phrase)
        if toks:
            self.names.add(toks, entry)

    def add_loose(self, tokenize: Tokenize, phrase: str, entry: Entry) -> None:
        """A name whose words may be apart inside a noun phrase (see `loose`)."""
        toks = tuple(tokenize(phrase.strip()))
        if toks and toks[0].lower() == "the":
            toks = toks[1:]
        if len(toks) > 1 and (toks, entry) not in self.loose[toks[0]]:
            self.loose[toks[0]].append((toks, entry))

    def add_role(self, tokenize: Tokenize, phrase: str, entry: Entry, *,
                 plurals: bool = True) -> None:
        """A role phrase, matched by lemma (plurals too) unless `plurals` is False."""
        toks = [t.lower() for t in tokenize(phrase.strip())]
        if toks and toks[0] == "the":
            toks = toks[1:]
        if toks and not plurals:
            toks[-1] += EXACT
        if toks:
            self.roles.add(toks, entry)

    def person_role(self, name: str, date: str | None) -> Entry | None:
        """The role span a person held on `date` (None: the latest one)."""
        spans = self.people.get(name, [])
        for e in spans:
            if e.active_on(date):
                return e
        if date is None and spans:
            return max(spans, key=lambda e: e.start or "")
        return None


def stack_codes(code: str, suffix: str | None) -> str:
    """`code` with the three-letter blocks of `suffix` it lacks appended, in order.

    PETRARCH-2 appends each agent code of a phrase to the actor's code unless the code
    already holds it: HGWGOVMED + GOVMED stays HGWGOVMED, DNK + MUS + MED is DNKMUSMED.
    Only whole blocks count: GMWGOV holds no WGO (GMWGOV + WGO is GMWGOVWGO).
    """
    blocks = [code[i:i + 3] for i in range(0, len(code), 3)]
    out = code
    for i in range(0, len(suffix or ""), 3):
        b = (suffix or "")[i:i + 3]
        if b not in blocks:
            blocks.append(b)
            out += b
    return out


COUNTRY_COLS = ("code", "name", "aliases", "demonyms", "capitals")
METONYM_COLS = ("text", "code", "sector")
IGO_COLS = ("code", "name", "acronyms", "aliases", "descriptions")
AGENT_COLS = ("phrase", "sector")
PEOPLE_COLS = ("name", "aliases", "code", "country", "org", "sector", "role", "start", "end")


def _country_row(kb: KnowledgeBase, row: Row, tokenize: Tokenize) -> None:
    code = row["code"]
    if not _CODE.match(code):
        raise row.error(f"bad country code {code!r}")
    kb.countries[code] = row["name"]
    reason = f"countries.tsv:{row.line}"
    base = Entry("country", code, country=code, name=row["name"], reason=reason)
    for phrase in [row["name"], *row.multi("aliases"), *row.multi("demonyms")]:
        kb.add_name(tokenize, phrase, base)
    cap = Entry("capital", code + "GOV", country=code, sector="GOV", reason=reason)
    for phrase in row.multi("capitals"):
        kb.add_name(tokenize, phrase, cap)
    kb.counts["countries"] += 1


def _metonym_row(kb: KnowledgeBase, row: Row, tokenize: Tokenize) -> None:
    code, sector = row["code"], row["sector"] or None
    if not _CODE.match(code):
        raise row.error(f"bad country code {code!r}")
    entry = Entry("metonym", code + (sector or ""), country=code, sector=sector,
                  reason=f"metonyms.tsv:{row.line}")
    kb.add_name(tokenize, row["text"], entry)
    kb.counts["metonyms"] += 1


def _igo_row(kb: KnowledgeBase, row: Row, tokenize: Tokenize) -> None:
    code = row["code"]
    if not _CODE.match(code):
        raise row.error(f"bad IGO code {code!r}")
    acronyms = row.multi("acronyms")
    org = acronyms[0] if acronyms else row["name"]
    country = row.values.get("country") or None
    reason = f"igos.tsv:{row.line}"
    entry = Entry("igo", code, country=country, org=org, name=row["name"], reason=reason)
    kb.igos.setdefault(code, entry)
    for phrase in [row["name"], *acronyms, *row.multi("aliases")]:
        kb.add_name(tokenize, phrase, entry)
    desc = Entry("description", code, country=country, org=org, name=row["name"],
                 reason=reason + " (description)")
    for phrase in row.multi("descriptions"):
        kb.add_role(tokenize, phrase, desc)
    kb.counts["igos"] += 1


def _agent_row(kb: KnowledgeBase, row: Row, tokenize: Tokenize) -> None:
    sector = row["sector"]
    if not re.match(r"^[A-Z]{3}$", sector):
        raise row.error(f"bad sector code {sector!r}")
    kb.add_role(tokenize, row["phrase"],
                Entry("agent", sector, sector=sector, reason=f"agents.tsv:{row.line}"))
    kb.counts["agents"] += 1


def _person_row(kb: KnowledgeBase, row: Row, tokenize: Tokenize) -> None:
    if not row["name"]:
        raise row.error("empty name")
    if not _CODE.match(row["code"]):
        raise row.error(f"bad actor code {row['code']!r}")
    for key in ("start", "end"):
        if row[key] and not _DATE.match(row[key]):
            raise row.error(f"{key} is not YYYY-MM-DD: {row[key]!r}")
    if row["start"] and row["end"] and row["end"] < row["start"]:
        raise row.error(f"end {row['end']} before start {row['start']}")
    entry = Entry("person", row["code"], country=row["country"] or None,
                  org=row["org"] or None, sector=row["sector"] or None, name=row["name"],
                  role=row["role"] or None, start=row["start"] or None,
                  end=row["end"] or None, reason=f"{Path(row.path).name}:{row.line}")
    kb.people[row["name"]].append(entry)
    for phrase in [row["name"], *row.multi("aliases")]:
        last = phrase.split()[-1]
        if len(phrase.split()) > 1 and last[:1].isupper() and len(last) > 3:
            kb.surnames[last].add(row["name"])
        kb.add_name(tokenize, phrase, Entry("person", "", name=row["name"],
                                            reason=entry.reason))
    kb.counts["role spans"] += 1


RowReader = Callable[[KnowledgeBase, Row, Tokenize], None]
_FILES: dict[str, tuple[tuple[str, ...], RowReader]] = {
    "countries.tsv": (COUNTRY_COLS, _country_row),
    "metonyms.tsv": (METONYM_COLS, _metonym_row),
    "igos.tsv": (IGO_COLS, _igo_row),
    "agents.tsv": (AGENT_COLS, _agent_row),
}


def load_kb(tokenize: Tokenize, folder: Path | None = None, *, strict: bool = True,
            problems: list[DataError] | None = None) -> KnowledgeBase:
    """Load every actor file under `folder` (default: the packaged data/actors).

    strict=False skips a bad entry, reporting it into `problems` as FILE:LINE: problem.
    """
    folder = folder or package_data("actors")
    kb = KnowledgeBase()
    jobs = [(folder / name, cols, fn) for name, (cols, fn) in _FILES.items()
            if (folder / name).exists()]
    jobs += [(p, PEOPLE_COLS, _person_row) for p in sorted((folder / "people").glob("*.tsv"))]
    for path, cols, fn in jobs:
        load_rows(kb, path, cols, fn, tokenize, strict=strict, problems=problems)
    for spans in kb.people.values():
        spans.sort(key=lambda e: e.start or "")
    return kb


def load_rows(kb: KnowledgeBase, path: Path, cols: tuple[str, ...], fn: RowReader,
              tokenize: Tokenize, *, strict: bool = True,
              problems: list[DataError] | None = None) -> None:
    """Feed a file's rows to `fn`; a bad row raises (strict) or is skipped and reported."""
    for row in read_tsv(path, cols):
        try:
            fn(kb, row, tokenize)
        except DataError as exc:
            if strict:
                raise
            if problems is not None:
                problems.append(exc)


def stats(kb: KnowledgeBase) -> dict[str, int]:
    """Counts by kind, for `detente actors stats`."""
    out = dict(kb.counts)
    out["people"] = len(kb.people)
    out["name phrases"] = kb.names.size
    out["role phrases"] = kb.roles.size
    return out
