"""Reading PETRARCH/TABARI actor and agent dictionaries into detente's KnowledgeBase.

So that PETRARCH's gold sets can run with their own dictionaries, and so that users with
Phoenix-style dictionaries can bring them along. The formats, as PETRARCH-2 reads them:

Actors (`Phoenix.Countries.actors.txt`, `PETR.Validate.actors.txt`)::

    ARNOR_  [ARN]                    a name and its CAMEO code
    +ARNORIAN                        a synonym of the entry above
    GOLLUM                           codes may follow on their own (indented) lines,
        [HOB <950601]                  before a date (YYMMDD or YYYYMMDD),
        [HOBGOV 19950601-19990815]     within a range (both ends included),
        [HOBREB >990816]               after a date; an undated code is the default

Underscores join words that follow each other; a space lets other words of the same
noun phrase stand between them (`ITHILEN TELEVISION` names "Ithilen state-run
television"); a trailing `_` marks an exact word (TABARI's stems are not kept: every
name matches whole words). `#` starts a comment, `<!-- -->` encloses one.

Agents (`Phoenix.agents.txt`)::

    !MINIST! = MINISTER, MINISTRY     a substitution set, used as CULTURE_!MINIST!
    FOREIGN_MINISTER [~GOVFRM]        a role appended to the actor's code
    ARMED_FORCES {} [~MIL]            {} lists the plurals (empty: none; without it the
                                      regular plural is formed, "CONGRESSES")
    MSF {} [NGO~]                     a code PETRARCH puts before the actor's code

How entries land in the KnowledgeBase: an entry with dated codes becomes a person with
role spans (the default code fills the gaps; where ranges overlap the one listed first
wins, as in PETRARCH); an undated three-letter code becomes a country-like entry, a code
starting with IGO/NGO/IMG/... an organisation, and a longer code (`PSEREBHMS`, `USAGOV`)
a place-like entry with its country and sector, so that agents compose with all of them
(`ARNOR [ARN]` + `minister [~GOV]` gives `ARNGOV`). A name with several codes
(`THE_SHIRE [FRO/BIL/SAM]`) is an entry for the first whose `also` holds the others: the
resolver and coder treat each as a party named there, as PETRARCH-2 codes one event each.
Agents become role entries whose sector is the agent code (`GOVFRM`). A prefix agent
(`NGO~`) is a role entry marked `prefix`: with a country its code goes before the
country's ("MSF Arnor" NGOARN), alone it is the role (`---NGO`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

from detente.actors.kb import EXACT, Entry, KnowledgeBase, Tokenize
from detente.errors import DataError

# Code prefixes of organisations and non-state groups (CAMEO's international generic codes).
ORG_PREFIXES = ("IGO", "NGO", "NGM", "IMG", "MNC", "INT", "UIS")
# CAMEO role codes: a bare one ([ELI], [GOV]) is a role without a country.
ROLE_CODES = frozenset({
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM",
    "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD"})
NULL_CODES = frozenset({"---"})
# Lower-cased in the title-case spelling of a name ("Prince of Dol Amroth").
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "de", "du", "la", "le", "al", "el", "bin",
                          "van", "von", "der", "da", "di", "on", "in", "at", "to", "y"})
_CODE = re.compile(r"^[A-Z][A-Z0-9]{2,}$")
_COMMENT_BLOCK = re.compile(r"<!\s*--.*?-->", re.S)


@dataclass(frozen=True, slots=True)
class Line:
    """One meaningful line of a PETRARCH dictionary, comments removed."""

    number: int
    text: str


def dictionary_lines(path: Path) -> Iterator[Line]:
    """Non-empty lines of a PETRARCH dictionary without comments, with their line numbers."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        raise DataError(str(path), None, "file not found") from None
    text = _COMMENT_BLOCK.sub(lambda m: "\n" * m.group().count("\n"), text)
    for n, raw in enumerate(text.split("\n"), start=1):
        line = strip_comment(raw).rstrip()
        if line.strip():
            yield Line(n, line)


def strip_comment(line: str) -> str:
    """The line up to a `#` that is not inside brackets (`[###]` is a code, not a comment)."""
    depth = 0
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == "#" and depth == 0:
            return line[:i]
    return line


def phrase_of(name: str) -> str:
    """Dictionary spelling to words: underscores are spaces, the exact-word `_` goes."""
    return " ".join(name.replace("_", " ").split())


def spellings(phrase: str) -> list[str]:
    """The case forms a dictionary phrase is matched in: Title, title with small words, UPPER.

    Dictionaries are upper case while detente matches names case-sensitively.
    """
    words = phrase.split()

    def cap_part(p: str) -> str:
        if (re.fullmatch(r"[IVXivx]+", p) and len(p) <= 4 and p.upper() != "VI") or (
                re.fullmatch(r"([A-Za-z]\.)+[A-Za-z]?", p)):
            return p.upper()  # regnal numbers ("Elizabeth II"), initials ("U.S.")
        if p.upper().startswith("MC") and len(p) > 3:
            return "Mc" + p[2].upper() + p[3:].lower()
        head, apos, tail = p.partition("'")
        out = head[:1].upper() + head[1:].lower()
        if apos:  # "O'Brien", but "People's"
            out += apos + (tail.lower() if len(tail) <= 1 else tail[:1].upper() + tail[1:].lower())
        return out

    def cap(w: str) -> str:
        return "-".join(cap_part(p) for p in w.split("-"))

    def cap_first(w: str) -> str:  # "Barad-dur", "Guinea-bissau": only the first part
        first, dash, rest = w.partition("-")
        return cap_part(first) + dash + rest.lower()

    title = " ".join(cap(w) for w in words)
    small = " ".join(w.lower() if i and w.lower() in _SMALL_WORDS else cap(w)
                     for i, w in enumerate(words))
    hyphened = " ".join(cap_first(w) for w in words)
    out: list[str] = []
    for form in (small, title, phrase.upper(), hyphened):
        if form not in out:
            out.append(form)
    return out


# -- dates -----------------------------------------------------------------------------
def parse_date(text: str) -> str:
    """PETRARCH date (YYMMDD, two-digit years below 30 in the 2000s, or YYYYMMDD) to ISO."""
    digits = text.strip()
    if not digits.isdigit() or len(digits) not in (6, 8):
        raise ValueError(f"not a YYMMDD or YYYYMMDD date: {text.strip()!r}")
    if len(digits) == 6:
        yy = int(digits[:2])
        digits = str(2000 + yy if yy < 30 else 1900 + yy) + digits[2:]
    return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8])).isoformat()


def _next_day(iso: str) -> str:
    return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()


@dataclass(frozen=True, slots=True)
class CodeSpan:
    """A code and when it applies: start included, end excluded (ISO dates; None: open)."""

    code: str
    start: str | None = None
    end: str | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


def parse_code(body: str) -> CodeSpan:
    """The inside of `[...]`: `CODE`, `CODE <D`, `CODE >D`, `CODE D1-D2`."""
    m = re.match(r"^\s*([^\s<>]+)?\s*(.*?)\s*$", body)
    assert m is not None
    code = (m.group(1) or "").upper()
    rest = m.group(2)
    if not code or code[:1].isdigit():
        raise ValueError(f"date restriction without a code: [{body.strip()}]")
    if not rest:
        return CodeSpan(code)
    if rest.startswith("<"):
        return CodeSpan(code, None, parse_date(rest[1:]))
    if rest.startswith(">"):
        return CodeSpan(code, _next_day(parse_date(rest[1:])), None)
    parts = rest.split("-")
    if len(parts) != 2:
        raise ValueError(f"cannot read the date restriction {rest!r}")
    start, last = parse_date(parts[0]), parse_date(parts[1])
    if last < start:
        raise ValueError(f"range ends ({last}) before it starts ({start})")
    return CodeSpan(code, start, _next_day(last))


def flatten(spans: list[CodeSpan]) -> list[CodeSpan]:
    """Non-overlapping spans: the first listed restriction wins, the default fills gaps."""
    default = next((s.code for s in spans if not s.dated), None)
    dated = [s for s in spans if s.dated]
    if not dated:
        return [CodeSpan(default)] if default else []
    cuts = sorted({d for s in dated for d in (s.start, s.end) if d is not None})
    bounds: list[tuple[str | None, str | None]] = [(None, cuts[0])]
    bounds += list(pairwise(cuts))
    bounds.append((cuts[-1], None))
    out: list[CodeSpan] = []
    for lo, hi in bounds:
        code = default
        for s in dated:
            covers_lo = s.start is None or (lo is not None and s.start <= lo)
            covers_hi = s.end is None or (hi is not None and hi <= s.end)
            if covers_lo and covers_hi:
                code = s.code
                break
        if code is None:
            continue
        if out and out[-1].code == code and out[-1].end == lo:
            out[-1] = CodeSpan(code, out[-1].start, hi)
        else:
            out.append(CodeSpan(code, lo, hi))
    return out


def split_code(code: str) -> tuple[str | None, str | None, str | None]:
    """(country, org, sector) of a PETRARCH actor code."""
    if code in ROLE_CODES:
        return None, None, code
    if code.startswith(ORG_PREFIXES):
        return None, code, None
    if len(code) == 3:
        return code, None, None
    return code[:3], None, code[3:]


# -- actors ----------------------------------------------------------------------------
@dataclass(slots=True)
class _Block:
    line: int
    names: list[str] = field(default_factory=list)
    loose: set[str] = field(default_factory=set)  # names written with a space, not `_`
    codes: list[CodeSpan] = field(default_factory=list)
    problem: str | None = None  # the entry is unusable
    issues: list[tuple[int, str]] = field(default_factory=list)  # codes dropped, by line


def _codes_in(text: str, block: _Block, line: int) -> str:
    """Parse every [..] of a line into `block`; return the text before the first one.

    A bad code is dropped and noted, the entry's other codes still count (Phoenix has
    "[IRQOCC 1920030320-20060520]" between two good codes for Iraq).
    """
    head = text.split("[", 1)[0]
    for body in re.findall(r"\[([^\]]*)\]", text):
        try:
            span = parse_code(body)
        except ValueError as exc:
            block.issues.append((line, str(exc)))
            continue
        bad = _bad_code(span.code, dated=span.dated)
        if bad is not None:
            block.issues.append((line, bad))
        else:
            block.codes.append(span)
    if text.count("[") != text.count("]"):
        block.issues.append((line, "unbalanced [ ]"))
    return head


def _add_name(block: _Block, name: str) -> None:
    phrase = phrase_of(name)
    if phrase:
        block.names.append(phrase)
        if len(name.split()) > 1:
            block.loose.add(phrase)


def read_actor_blocks(path: Path) -> Iterator[_Block]:
    """Entries of an actor dictionary, each with its names and codes."""
    block: _Block | None = None
    for line in dictionary_lines(path):
        text = line.text.strip()
        if text.startswith("["):
            if block is None:
                yield _Block(line.number, problem="code line before any name")
                continue
            _codes_in(text, block, line.number)
        elif text.startswith("+"):
            if block is None:
                yield _Block(line.number, problem="synonym line before any name")
                continue
            name = _codes_in(text[1:], block, line.number)
            _add_name(block, name)
        else:
            # A name line while the entry has no code yet is one more name for it (PETRARCH
            # reads "LEONID_BREZHNEV_ / SECRETARY_BREZHNEV / [RUSGOV ...]" as one entry).
            if block is None or block.codes or block.problem or block.issues:
                if block is not None:
                    yield block
                block = _Block(line.number)
            name = _codes_in(text, block, line.number)
            if phrase_of(name):
                _add_name(block, name)
            elif block.problem is None:
                block.problem = "no name"
    if block is not None:
        yield block


def role_spans(codes: list[CodeSpan]) -> tuple[list[CodeSpan], str | None]:
    """(dated spans, default code) of an entry's codes, `---` dropped.

    Dated codes covering all time whose last one is open-ended ("[USRGEO <910409]
    [GEOUNR 910409-911221] [GEO >911221]") describe a country's history rather than a
    person's roles: the last one then acts as the default.
    """
    dated = [s for s in codes if s.dated and s.code not in NULL_CODES]
    default = next((s.code for s in codes if not s.dated), None)
    if default in NULL_CODES:
        default = None
    spans = flatten(dated) if dated else []
    if (default is None and len(spans) > 1 and spans[0].start is None
            and spans[-1].end is None and all(a.end == b.start for a, b in pairwise(spans))):
        default, spans = spans[-1].code, spans[:-1]
    return spans, default


def _entry_for(code: str, name: str, reason: str) -> Entry:
    if "/" in code:  # several parties under one name: the first, and the others beside it
        first, *rest = code.split("/")
        main = _entry_for(first, name, reason)
        return replace(main, also=tuple(_entry_for(c, name, reason) for c in rest))
    country, org, sector = split_code(code)
    if org is not None:
        return Entry("igo", code, org=org, name=name, reason=reason)
    if sector is None:
        return Entry("country", code, country=country, name=name, reason=reason)
    # A bare role ([ELI]) has no country: code "" so that composition gives just the role.
    return Entry("metonym", code if country else "", country=country, sector=sector,
                 name=name, reason=reason)


def _bad_code(code: str, *, dated: bool = False) -> str | None:
    if code in NULL_CODES:
        return None
    if "/" in code:
        if dated:
            return (f"several actors in one dated code {code!r}: detente gives a role "
                    "span one actor")
        bad = [c for c in code.split("/") if not _CODE.match(c)]
        return f"bad actor code {bad[0]!r} in {code!r}" if bad else None
    if not _CODE.match(code):
        return f"bad actor code {code!r}"
    return None


def import_actors(kb: KnowledgeBase, path: Path, tokenize: Tokenize,
                  problems: list[DataError] | None = None) -> int:
    """Add a PETRARCH actor dictionary's entries to `kb`; returns how many were added.

    Problems are reported into `problems` as FILE:LINE: problem: a malformed code or date
    is dropped (the entry keeps its other codes), an entry left without a code is skipped;
    `---` (PETRARCH's "no code") entries are skipped silently.
    """
    added = 0
    where = path.name
    for block in read_actor_blocks(path):
        def report(problem: str, block: _Block = block) -> None:
            if problems is not None:
                problems.append(DataError(str(path), block.line, problem))

        for line, issue in block.issues:
            if problems is not None:
                problems.append(DataError(str(path), line, issue + " (code dropped)"))
        if block.problem is not None:
            report(block.problem)
            continue
        if not block.codes:
            if not block.issues:
                report(f"no code for {block.names[0]!r}")
            continue
        # Dated codes become role spans (a restriction listed first wins where they
        # overlap); the default code stays an ordinary entry, so that outside the spans
        # the name composes with agents as any country or organisation does ("Georgian
        # demonstrators" -> GEOOPP although Georgia has a dated Soviet-era code).
        spans, default = role_spans(block.codes)
        if not spans and default is None:
            kb.counts["petrarch null entries"] += 1
            continue
        canonical = spellings(block.names[0])[0]
        reason = f"{where}:{block.line}"
        entries: list[Entry] = []
        if spans:
            for s in spans:
                country, org, sector = split_code(s.code)
                kb.people[canonical].append(Entry(
                    "person", s.code, country=country, org=org, sector=sector,
                    name=canonical, start=s.start, end=s.end, reason=reason))
            kb.people[canonical].sort(key=lambda e: e.start or "")
            entries.append(Entry("person", "", name=canonical, reason=reason))
            kb.counts["role spans"] += len(spans)
        if default is not None:
            entry = _entry_for(default, canonical, reason)
            if entry.kind == "country":
                kb.countries.setdefault(entry.code, canonical)
            elif entry.kind == "igo":
                kb.igos.setdefault(entry.code, entry)
            entries.append(entry)
        for phrase in block.names:
            for form in spellings(phrase):
                for entry in entries:
                    kb.add_name(tokenize, form, entry)
                    if phrase in block.loose:
                        kb.add_loose(tokenize, form, entry)
        for entry in entries:
            kb.counts[f"petrarch {entry.kind} entries"] += 1
        added += 1
    return added


# -- agents ----------------------------------------------------------------------------
_SUBST = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$")
_AGENT = re.compile(r"^(?P<name>[^{\[]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*"
                    r"\[(?P<code>[^\]]*)\]\s*$")


def _expand(name: str, subst: dict[str, list[str]]) -> list[str]:
    """Every spelling of an agent name with its !SETS! substituted."""
    m = re.search(r"![A-Z0-9_]+!", name)
    if m is None:
        return [name]
    if m.group() not in subst:
        raise ValueError(f"unknown substitution set {m.group()}")
    out: list[str] = []
    for alt in subst[m.group()]:
        out.extend(_expand(name[:m.start()] + alt + name[m.end():], subst))
    return out


def regular_plural(phrase: str) -> str:
    """PETRARCH's regular plural of an agent phrase's last word: CONGRESS -> CONGRESSES,
    AUTHORITY -> AUTHORITIES, MINISTER -> MINISTERS."""
    stem, last = phrase[:-1], phrase[-1:].upper()
    if last == "Y" and stem[-1:].upper() not in ("A", "E", "I", "O", "U"):
        return stem + ("IES" if phrase[-1].isupper() else "ies")
    if last in ("S", "X", "Z") or phrase.upper().endswith(("CH", "SH")):
        return phrase + ("ES" if phrase[-1].isupper() else "es")
    return phrase + ("S" if phrase[-1].isupper() else "s")


def parse_agent_code(body: str) -> tuple[str, bool]:
    """`~GOV` -> ("GOV", False); `NGO~` -> ("NGO", True): a prefix code."""
    code = body.strip().replace(" ", "")
    if code.startswith("~"):
        sector, prefix = code[1:], False
    elif code.endswith("~"):
        sector, prefix = code[:-1], True
    else:
        raise ValueError(f"agent code {body.strip()!r} has no '~' (write ~GOV or NGO~)")
    if not _CODE.match(sector):
        raise ValueError(f"bad agent code {body.strip()!r}")
    return sector, prefix


def import_agents(kb: KnowledgeBase, path: Path, tokenize: Tokenize,
                  problems: list[DataError] | None = None) -> int:
    """Add a PETRARCH agent dictionary's role words to `kb`; returns how many were added."""
    subst: dict[str, list[str]] = {}
    added = 0
    for line in dictionary_lines(path):
        text = line.text.strip()
        try:
            m = _SUBST.match(text)
            if m is not None:
                subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
                continue
            m = _AGENT.match(text)
            if m is None:
                raise ValueError(f"not an agent entry (NAME [~CODE]): {text!r}")
            sector, prefix = parse_agent_code(m.group("code"))
            names = _expand(m.group("name").strip(), subst)
            # `{...}` lists the plurals (`{}`: none); without it PETRARCH forms the
            # regular plural, as matching by lemma does.
            own_plurals = m.group("plurals") is not None
            plurals = (m.group("plurals") or "").split()
            names += [p for w in plurals for p in _expand(w, subst)]
            if not own_plurals:  # matched by lemma too, but a capitalised word keeps its
                names += [regular_plural(n) for n in names]  # own ("Congresses")
        except ValueError as exc:
            if problems is not None:
                problems.append(DataError(str(path), line.number, str(exc)))
            continue
        entry = Entry("agent", sector, sector=sector, reason=f"{path.name}:{line.number}",
                      prefix=prefix)
        for name in names:
            phrase = phrase_of(name)
            if phrase:
                kb.add_role(tokenize, phrase.lower(), entry, plurals=not own_plurals)
        if prefix:
            kb.counts["petrarch prefix agents"] += 1
        kb.counts["agents"] += 1
        added += 1
    return added


def petrarch_conventions(kb: KnowledgeBase) -> KnowledgeBase:
    """Switch `kb` to PETRARCH-2's readings, for use with PETRARCH dictionaries: only a
    clause's subject pronoun stands for an earlier actor, "former X" is X's ELI, and every
    role word of a phrase adds its code (see the fields of `KnowledgeBase`)."""
    kb.pronouns = "subjects"
    kb.former = "ELI"
    kb.stack_agents = True
    return kb


def fresh_kb(tokenize: Tokenize, actors: Iterable[Path], agents: Iterable[Path] = (),
             problems: list[DataError] | None = None) -> KnowledgeBase:
    """A KnowledgeBase built only from PETRARCH dictionaries (none of detente's own data)."""
    kb = KnowledgeBase()
    for path in actors:
        import_actors(kb, path, tokenize, problems)
    for path in agents:
        import_agents(kb, path, tokenize, problems)
    return kb


def active_codes(path: Path, on: str) -> Iterator[tuple[str, str, int]]:
    """(name, code, line) of each dated entry whose date restriction holds on `on` (ISO).

    Only the role spans of `role_spans` count, not the default (nor a country's history):
    used for the Phoenix yardstick.
    """
    for block in read_actor_blocks(path):
        if block.problem is not None or not block.names:
            continue
        spans, _default = role_spans(block.codes)
        for s in spans:
            if s.code in NULL_CODES or _bad_code(s.code):
                continue
            if (s.start is None or s.start <= on) and (s.end is None or on < s.end):
                yield spellings(block.names[0])[0], s.code, block.line
                break


# Pronouns that may stand for an actor ("restore ties with them").
ACTOR_PRONOUNS = frozenset({"it", "them", "him", "her", "us", "itself", "themselves"})


def actor_head_words(kb: KnowledgeBase) -> frozenset[str]:
    """Lower-cased words of every name and role phrase in `kb`, plus pronouns.

    The words that can head a noun phrase naming an actor ("Prince" heads "the Prince of Dol
    Amroth"): the PETRARCH verb importer uses them to let a preposition's object be the
    target only when it may be an actor.
    """
    words: set[str] = set(ACTOR_PRONOUNS)

    def walk(node: dict[str, object]) -> None:
        for key, child in node.items():
            if key != "\x00" and isinstance(child, dict):
                low = key.lower().rstrip(EXACT)
                if low not in _SMALL_WORDS and any(c.isalpha() for c in low):
                    words.add(low)
                walk(child)

    walk(kb.names.root)
    walk(kb.roles.root)
    return frozenset(words)
