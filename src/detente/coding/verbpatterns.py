"""Reading PETRARCH verb dictionaries (the CAMEO.verbpatterns format) into plain records.

The format, as PETRARCH-2 reads it::

    &CURRENCY                      a synonym set ("synset"), used as &CURRENCY
    +DOLLARS
    --- CONTRIBUTE [070] ---       a verb block and its default code
    CONTRIBUTE                     the verbs of the block (a code of their own may follow)
    +BREAK_DOWN {+BROKE_DOWN}      a phrasal verb: `+` marks the verb word, {} its forms
    WIRE_+TAP {WIRE_+TAPPED}       (words may come before the verb word too)
    - * &CURRENCY [903]            `*` the verb, `$` the source, `+` the target,
    - * (TO {PEACE PLAN}) [037]      `%` a compound actor, `^` any one phrase,
    - $ * + [042:043]                (..) a prepositional phrase, {..} a noun phrase

This module only reads: blocks of verbs and pattern lines (items before and after the
verb), synsets, codes. What those mean in detente's dependency-slot patterns is decided in
`detente.coding.petrarch`. Bad lines are reported as FILE:LINE problems, not raised.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from detente.actors.petrarch import dictionary_lines
from detente.errors import DataError

Lemmatize = Callable[[str], str]  # a dictionary verb form -> the lemma spaCy gives it

_CODE = re.compile(r"^\d{2,4}[A-Z]?$")
_TOKEN = re.compile(r"[(){}*$+%^]|&[A-Z0-9_'\-]+|[^\s(){}*$+%^&_]+")


@dataclass(frozen=True, slots=True)
class Item:
    """One element of a pattern: a word, a synset, a marker, or a (..)/{..} group."""

    kind: str  # word | syn | mark | pp | np
    text: str = ""
    items: tuple[Item, ...] = ()
    joined: bool = False  # `_` ties it to the item before: the words must be adjacent


class Untranslatable(ValueError):
    """A PETRARCH pattern that cannot be read or that detente's patterns cannot express."""


# -- tokens and groups -----------------------------------------------------------------
def tokenize(text: str, synsets: dict[str, list[str]]) -> list[str]:
    """A pattern's tokens, upper-cased; `&NAME_WORD` splits into a known synset and words.

    A token joined to the one before by `_` (no space: `NEW_&TIETYPES_RELATIONS`,
    `RECENTLY_*`) starts with `_`: PETRARCH wants such words next to each other.
    """
    out: list[str] = []
    end = 0
    upper = text.upper()
    for m in _TOKEN.finditer(upper):
        between = upper[end:m.start()]
        joined = bool(out) and bool(between) and set(between) == {"_"}
        end = m.end()
        tok = m.group()
        if not tok.startswith("&"):
            out.append(("_" if joined else "") + tok)
            continue
        pieces = tok[1:].strip("_").split("_")
        for n in range(len(pieces), 0, -1):
            name = "_".join(pieces[:n])
            if name in synsets:
                out.append(("_" if joined else "") + "&" + name)
                out.extend("_" + p for p in pieces[n:] if p)
                break
        else:
            raise Untranslatable(f"unknown synset {tok}")
    return out


def group(tokens: list[str]) -> list[Item]:
    """Tokens as items, (..) and {..} nested as pp and np groups."""
    stack: list[tuple[str, list[Item]]] = [("top", [])]
    for token in tokens:
        joined = token.startswith("_")
        tok = token[1:] if joined else token
        if tok in ("(", "{"):
            stack.append(("pp" if tok == "(" else "np", []))
        elif tok in (")", "}"):
            if len(stack) == 1:
                raise Untranslatable("unbalanced brackets")
            kind, items = stack.pop()
            stack[-1][1].append(Item(kind, items=tuple(items)))
        elif tok.startswith("&"):
            stack[-1][1].append(Item("syn", tok[1:], joined=joined))
        elif tok in ("*", "$", "+", "%", "^"):
            stack[-1][1].append(Item("mark", tok, joined=joined))
        else:
            stack[-1][1].append(Item("word", tok.lower(), joined=joined))
    if len(stack) != 1:
        raise Untranslatable("unbalanced brackets")
    return stack[0][1]


def flatten(items: tuple[Item, ...] | list[Item]) -> list[Item]:
    """The items with groups opened."""
    out: list[Item] = []
    for it in items:
        out.extend(flatten(it.items) if it.kind in ("np", "pp") else [it])
    return out


def word_forms(word: str) -> set[str]:
    """A dictionary word and its likely lemmas (dictionaries list plurals: TIES, DOLLARS)."""
    w = word.lower().strip("_")
    out = {w}
    if len(w) > 3 and w.endswith("ies"):
        out |= {w[:-3] + "y", w[:-1]}
    elif len(w) > 3 and w.endswith(("ches", "shes", "sses", "xes")):
        out.add(w[:-2])
    elif len(w) > 2 and w.endswith("s") and not w.endswith("ss"):
        out.add(w[:-1])
    return out


# -- synsets ---------------------------------------------------------------------------
@dataclass
class Synsets:
    """A dictionary's synsets: name -> member lines as written."""

    raw: dict[str, list[str]] = field(default_factory=dict)
    _heads: dict[str, frozenset[str]] = field(default_factory=dict)

    def heads(self, name: str, depth: int = 0, *, several: bool = False) -> frozenset[str]:
        """The one-word members of a synset (nested sets expanded); with `several`, the
        last words of its several-word members ("TOTAL BOYCOTT" -> boycott) instead.

        PETRARCH needs all the words of a member, so the heads of several-word members are
        a looser approximation, tried after the others.
        """
        key = name + ("\x00" if several else "")
        if key in self._heads:
            return self._heads[key]
        if depth > 10:
            raise Untranslatable(f"synset &{name} includes itself")
        words: set[str] = set()
        for member in self.raw.get(name, []):
            flat = [it for it in flatten(group(tokenize(member, self.raw)))
                    if it.kind != "mark"]
            if not flat:
                continue
            if flat[-1].kind == "syn" and len(flat) == 1:
                words |= self.heads(flat[0].text, depth + 1, several=several)
            elif flat[-1].kind == "word" and (len(flat) > 1) == several:
                words |= word_forms(flat[-1].text)
        self._heads[key] = frozenset(words)
        return self._heads[key]


def member_phrases(name: str, syn: Synsets, depth: int = 0) -> list[list[str]]:
    """A synset's members as word lists (nested synsets expanded)."""
    out: list[list[str]] = []
    for member in syn.raw.get(name, []):
        flat = [it for it in flatten(group(tokenize(member, syn.raw))) if it.kind != "mark"]
        if flat and flat[-1].kind == "syn" and depth < 10:
            out.extend(member_phrases(flat[-1].text, syn, depth + 1))
        elif flat and all(it.kind == "word" for it in flat):
            out.append([it.text for it in flat])
    return out


# -- codes -----------------------------------------------------------------------------
def read_code(text: str) -> tuple[str | None, str | None]:
    """`[032:033]` -> ("032", "033"); `[---]` -> (None, None); raises on a bad code."""
    body = text.strip().upper().replace("?", "")
    main, _, back = body.partition(":")
    main, back = main.strip(), back.strip()
    for c in (main, back):
        if c and c != "---" and not _CODE.match(c):
            raise ValueError(f"bad event code [{text.strip()}]")
    return (main if main and main != "---" else None), (back or None)


def dictionary_codes(path: Path) -> set[str]:
    """Every event code a PETRARCH verb dictionary uses (for `with_codes`)."""
    codes: set[str] = set()
    for ln in dictionary_lines(path):
        for body in re.findall(r"\[([^\]]*)\]", ln.text):
            try:
                main, back = read_code(body)
            except ValueError:
                continue
            codes.update(c for c in (main, back) if c)
    return codes


# -- the dictionary --------------------------------------------------------------------
@dataclass(slots=True)
class VerbEntry:
    """A verb line of a block."""

    lemmas: tuple[str, ...]  # every lemma spaCy may give its forms ("cordoned" -> "cordone")
    tail: list[Item]  # words after the verb in a phrasal verb ("down" of BREAK_DOWN)
    code: str | None
    line: int
    back: str | None = None  # the reciprocal part of [032:033]
    forms: frozenset[str] = frozenset()  # the word forms PETRARCH matches
    # words right before the verb in a phrasal verb ("wire" of WIRE_+TAP), tied together
    pre: list[Item] = field(default_factory=list)


@dataclass(slots=True)
class PatternLine:
    """A pattern line: the items before and after the verb, its code."""

    line: int
    pre: list[Item]
    post: list[Item]
    code: str | None
    back: str | None
    touching: bool = False  # `RECENTLY_*`: the word before must be right before the verb


@dataclass(slots=True)
class Block:
    """A verb block: its default code, verbs and pattern lines."""

    line: int
    code: str | None
    back: str | None
    verbs: list[VerbEntry] = field(default_factory=list)
    patterns: list[PatternLine] = field(default_factory=list)


def read_verbpatterns(path: Path, lemmatize: Lemmatize, problems: list[DataError]
          ) -> tuple[list[Block], Synsets]:
    """The verb blocks and synsets of a dictionary; bad lines go to `problems`."""
    syn = Synsets()
    blocks: list[Block] = []
    current_syn: str | None = None
    block: Block | None = None

    def bad(line: int, problem: str) -> None:
        problems.append(DataError(str(path), line, problem))

    lines = list(dictionary_lines(path))
    # Synsets first: a pattern may use one defined further down.
    for ln in lines:
        text = ln.text.strip()
        if text.startswith("&"):
            current_syn = text[1:].split()[0].strip("_").upper()
            syn.raw.setdefault(current_syn, [])
        elif text.startswith("+") and current_syn is not None:
            syn.raw[current_syn].append(text[1:].strip())
        else:
            current_syn = None
    current_syn = None
    for ln in lines:
        text = ln.text.strip()
        if text.startswith("&"):
            current_syn = "set"
            continue
        if text.startswith("+") and current_syn is not None:
            continue
        current_syn = None
        if text.startswith("---"):
            codes = re.findall(r"\[([^\]]*)\]", text)
            try:
                code, back = read_code(codes[0]) if codes else (None, None)
            except ValueError as exc:
                bad(ln.number, str(exc))
                code, back = None, None
            block = Block(ln.number, code, back)
            blocks.append(block)
            continue
        if block is None:
            bad(ln.number, "line outside any verb block")
            continue
        if text.startswith("-"):
            m = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*$", text)
            if m is None:
                bad(ln.number, "a pattern line ends with its [code]")
                continue
            try:
                code, back = read_code(m.group(2))
                items = group(tokenize(m.group(1), syn.raw))
            except (ValueError, Untranslatable) as exc:
                bad(ln.number, str(exc))
                continue
            stars = [i for i, it in enumerate(items) if it.kind == "mark" and it.text == "*"]
            if len(stars) != 1:
                bad(ln.number, "a pattern has exactly one * (the verb)")
                continue
            s = stars[0]
            block.patterns.append(PatternLine(ln.number, items[:s], items[s + 1:], code,
                                              back, items[s].joined))
            continue
        verb = _verb_line(text, ln.number, block, lemmatize)
        if isinstance(verb, str):
            bad(ln.number, verb)
        else:
            block.verbs.append(verb)
    return blocks, syn


def _verb_line(text: str, line: int, block: Block, lemmatize: Lemmatize) -> VerbEntry | str:
    """A verb of a block: `VERB`, `VERB {forms} [code]`, `+PHRASAL_VERB {forms}`."""
    codes = re.findall(r"\[([^\]]*)\]", text)
    name = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", text).strip()
    try:
        code, back = read_code(codes[0]) if codes else (block.code, block.back)
    except ValueError as exc:
        return str(exc)
    words = [w for w in re.split(r"[\s_]+", name) if w]
    if not words:
        return "no verb on this line"
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    at = marked[0] if marked else 0
    verb = words[at].lstrip("+")
    if not re.match(r"^[A-Za-z][A-Za-z'\-]*$", verb):
        return f"not a verb: {verb!r}"
    tail = [Item("word", w.lstrip("+").lower()) for w in words[at + 1:]]
    pre = [Item("word", w.lower(), joined=n > 0) for n, w in enumerate(words[:at])]
    if not all(re.match(r"^[A-Za-z][A-Za-z'\-]*$", w) for w in words[:at]):
        return f"not a word before the verb of {name!r}"
    forms = [verb.lower(), *verb_forms(verb.lower()), *doubled_forms(verb.lower())]
    for listed in re.findall(r"\{([^}]*)\}", text):
        for form in listed.split():
            parts = [w for w in re.split(r"_", form) if w]
            marked_form = [w for w in parts if w.startswith("+")]
            forms.append((marked_form[0] if marked_form else parts[0]).lstrip("+").lower())
    lemmas = tuple(dict.fromkeys(lemmatize(f) for f in forms if f.isalpha() or "-" in f))
    return VerbEntry(lemmas or (verb.lower(),), tail, code, line, back,
                     frozenset(f for f in forms if f.isalpha() or "-" in f), pre)


def verb_forms(verb: str) -> list[str]:
    """The regular forms PETRARCH generates for a verb: -s, -ed, -ing."""
    stem = verb[:-1] if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) else verb
    third = verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s")
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        third, past = verb[:-1] + "ies", verb[:-1] + "ied"
    else:
        past = verb + "d" if verb.endswith("e") else verb + "ed"
    return [third, past, stem + "ing"]


def doubled_forms(verb: str) -> list[str]:
    """For a verb ending in a consonant after one vowel, the forms with the consonant
    doubled ("cancelled", "stopped"), which PETRARCH dictionaries list where they need
    them and which detente accepts throughout."""
    if (len(verb) > 2 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou"
            and verb[-3] not in "aeiou"):
        return [verb + verb[-1] + "ed", verb + verb[-1] + "ing"]
    return []
