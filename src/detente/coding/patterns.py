"""Verb patterns and word classes: loading, validation and the index the matcher uses.

Format: docs/data-formats.md (verbs/classes.tsv, verbs/patterns/*.tsv).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from detente.datafiles import Row, package_data, read_tsv
from detente.errors import DataError
from detente.ontology import Ontology

TARGETS = ("dobj", "pobj", "iobj", "none")
PATTERN_COLS = ("id", "cameo", "head", "prt", "obj", "prep", "pobj", "target", "example")
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


# Words in order: groups of adjacent words, other words allowed between groups; each word
# the forms it may have. PETRARCH's "IMPROVED &TIETYPES RELATIONS" is three groups of one,
# "NEW_&TIETYPES_RELATIONS" one group of three.
WordSequence = tuple[tuple[frozenset[str], ...], ...]


@dataclass(frozen=True, slots=True)
class Constraint:
    """Alternatives a word must match: plain lemmas, or members of named classes."""

    words: frozenset[str]
    # Word sequences one of which the phrase must hold (PETRARCH's "* IMPROVED &TIETYPES
    # RELATIONS" fits "improved global economic relations"). When set, `words` is unused.
    sequences: frozenset[WordSequence] = frozenset()

    def matches(self, lemma: str, full: str, text: str, modified: str = "",
                modifiers: tuple[str, ...] = (),
                phrase: Sequence[tuple[str, str]] = ()) -> bool:
        """The word, its compound or adjective reading, or any modifier word of it
        ("two artillery shells" satisfies `artillery`); for a sequence constraint, the
        phrase's words up to the word, as (text, lemma) pairs, in text order."""
        if self.sequences:
            return any(holds(seq, phrase) for seq in self.sequences)
        return (lemma in self.words or full in self.words or text in self.words
                or modified in self.words or any(m in self.words for m in modifiers))


def holds(seq: WordSequence, words: Sequence[tuple[str, str]]) -> bool:
    """The groups of `seq` appear in `words` ((text, lemma) pairs) in order, each group's
    words next to each other. Greedy: each group at its first fit ends earliest."""
    at = 0
    for grp in seq:
        n = len(grp)
        while at + n <= len(words) and not all(
                words[at + k][0] in grp[k] or words[at + k][1] in grp[k] for k in range(n)):
            at += 1
        if at + n > len(words):
            return False
        at += n
    return True


@dataclass(frozen=True, slots=True)
class Pattern:
    """One verb or nominal pattern; `id` is the `rule` of the events it produces."""

    id: str
    cameo: str
    head: str
    modifier: str | None  # first word of a two-word noun head ("peace" in "peace talk")
    nominal: bool
    prt: str | None
    obj: Constraint | None
    prep: frozenset[str] | None
    pobj: Constraint | None
    target: str
    example: str
    where: str
    order: int
    # PETRARCH's reciprocal code ([032:033]): the target does this back to the source.
    reciprocal: str | None = None
    # PETRARCH's `% *`: the subject is coordinated and its parties act towards each other.
    compound: bool = False
    # The word forms the head must have: a PETRARCH verb's listed and generated forms, as
    # PETRARCH matches words ("met" of "MET [031:032]" beside "MEET [031:031]"; no
    # "departes" for DEPART); None: any form.
    forms: frozenset[str] | None = None
    negated: bool = False  # PETRARCH's `NOT *`: fits a negated verb only
    # PETRARCH's words before the verb ("UNEXPECTEDLY &NEGATVAUXVRB *"): a sequence the
    # sentence's words up to the verb must hold, the verb itself written `*`; and how many
    # words or synsets it has, each adding to the pattern's specificity.
    before: Constraint | None = None
    before_size: int = 0
    # PETRARCH's words after the verb read as words of the verb's clause after it rather
    # than as its object ("* REALLY_PLEASANT": "allowed that X isn't a really pleasant
    # place"); counts as an object for specificity.
    after: Constraint | None = None
    # PETRARCH's `IN ^ +`: the preposition's object is passed over and the target is the
    # first party named after it ("warned at the Gondor of the Prince of Dol Amroth").
    skip: bool = False
    # PETRARCH's `* MEMOS_ON_&TIETYPES FROM +`: a prepositional phrase the object must
    # have (its prepositions, a constraint on its object's word).
    obj_prep: tuple[frozenset[str], Constraint] | None = None
    # PETRARCH's `+ * FROM $` ("X was freed from Y": Y frees X): the party the target slot
    # names is the source, and the verb's subject (a passive's own) the target.
    swapped: bool = False
    # With `skip` and no `prep` (PETRARCH's `* MONEY +`, `* TABASKI ^ +`): the object is
    # passed over, and this many phrases after it; the target is the first party after.
    skip_phrases: int = 0

    @property
    def specificity(self) -> int:
        return sum(x is not None for x in (self.prt, self.obj, self.prep, self.pobj,
                                           self.modifier, self.after)) + (
            self.negated + self.before_size + self.skip + (self.obj_prep is not None))


@dataclass(frozen=True)
class PatternSet:
    """All patterns, indexed by (nominal?, head lemma), most specific first."""

    by_head: dict[tuple[bool, str], tuple[Pattern, ...]]
    classes: dict[str, frozenset[str]]
    # Whose conventions the coder follows where they differ: detente's own, or PETRARCH-2's
    # for patterns imported from PETRARCH dictionaries (`detente.coding.nesting`).
    conventions: str = "detente"

    def candidates(self, nominal: bool, lemma: str) -> tuple[Pattern, ...]:
        return self.by_head.get((nominal, lemma), ())

    def __iter__(self):  # type: ignore[no-untyped-def]
        for pats in self.by_head.values():
            yield from pats

    def __len__(self) -> int:
        return sum(len(p) for p in self.by_head.values())


def load_classes(paths: list[Path]) -> dict[str, frozenset[str]]:
    classes: dict[str, set[str]] = defaultdict(set)
    for path in paths:
        for row in read_tsv(path, ("class", "members")):
            name = row["class"]
            if not name.startswith("@"):
                raise row.error(f"class name must start with '@': {name!r}")
            classes[name].update(m.lower() for m in row.multi("members"))
    return {k: frozenset(v) for k, v in classes.items()}


def _constraint(row: Row, key: str, classes: dict[str, frozenset[str]]) -> Constraint | None:
    items = row.multi(key)
    if not items:
        return None
    words: set[str] = set()
    for item in items:
        if item.startswith("@"):
            if item not in classes:
                raise row.error(f"{key}: unknown class {item}")
            words |= classes[item]
        else:
            words.add(item.lower())
    return Constraint(frozenset(words))


def _pattern(row: Row, order: int, classes: dict[str, frozenset[str]],
             ontology: Ontology) -> Pattern:
    pid, code = row["id"], row["cameo"]
    if not _ID.match(pid):
        raise row.error(f"bad id {pid!r}: lowercase letters, digits, '.', '-' only")
    if code not in ontology:
        raise row.error(f"unknown CAMEO code {code!r}")
    head = row["head"].lower()
    nominal = head.startswith("n:")
    if nominal:
        head = head[2:]
    words = head.split()
    if not words or len(words) > 2:
        raise row.error(f"head must be one word, or two for a noun: {row['head']!r}")
    if len(words) == 2 and not nominal:
        raise row.error(f"a two-word head must be a noun (n:...): {row['head']!r}")
    target = row["target"] or ("pobj" if row["prep"] and not row["pobj"] else "dobj")
    if target not in TARGETS:
        raise row.error(f"target must be one of {', '.join(TARGETS)}: {target!r}")
    if target == "pobj" and not row["prep"]:
        raise row.error("target 'pobj' needs a prep")
    prep = frozenset(p.lower() for p in row.multi("prep")) or None
    return Pattern(pid, code, words[-1], words[0] if len(words) == 2 else None, nominal,
                   row["prt"].lower() or None, _constraint(row, "obj", classes), prep,
                   _constraint(row, "pobj", classes), target, row["example"],
                   f"{Path(row.path).name}:{row.line}", order)


def load_patterns(ontology: Ontology, folder: Path | None = None, *, strict: bool = True,
                  problems: list[DataError] | None = None) -> PatternSet:
    """Load classes*.tsv and patterns/*.tsv under `folder` (default: the packaged data/verbs)."""
    folder = folder or package_data("verbs")
    classes = load_classes(sorted(folder.glob("classes*.tsv")))
    seen: dict[str, str] = {}
    acc: dict[tuple[bool, str], list[Pattern]] = defaultdict(list)
    order = 0
    for path in sorted((folder / "patterns").glob("*.tsv")):
        for row in read_tsv(path, PATTERN_COLS):
            try:
                if row["id"] in seen:
                    raise row.error(f"duplicate id {row['id']!r} (first at {seen[row['id']]})")
                p = _pattern(row, order, classes, ontology)
            except DataError as exc:
                if strict:
                    raise
                if problems is not None:
                    problems.append(exc)
                continue
            seen[p.id] = p.where
            acc[(p.nominal, p.head)].append(p)
            order += 1
    by_head = {k: tuple(sorted(v, key=lambda p: (-p.specificity, p.order)))
               for k, v in acc.items()}
    return PatternSet(by_head, classes)


def merge_patterns(sets: list[PatternSet]) -> PatternSet:
    """Several pattern sets as one: for each head, the first set's patterns come first."""
    by_head: dict[tuple[bool, str], tuple[Pattern, ...]] = {}
    classes: dict[str, frozenset[str]] = {}
    for ps in sets:
        for key, pats in ps.by_head.items():
            by_head[key] = by_head.get(key, ()) + pats
        classes.update(ps.classes)
    conventions = sets[0].conventions if sets else "detente"
    return PatternSet(by_head, classes, conventions)
