"""PETRARCH-2's nesting of events, for coding with PETRARCH dictionaries.

PETRARCH-2 reads an event inside the phrase of another verb as that verb's target (an
event whose target is an event) and reports only one of the two:

* a statement whose reported clause holds an event ("X is about to restore ties with Y,
  a Z official said") is reported as the event it reports: the statement is dropped;
* an event in an adverbial clause of a verb that codes an event ("X restores ties with Y
  five years after crowds burned its embassy") is part of that verb's event: the
  adverbial clause's event is dropped. Where the verb codes nothing ("X is about to
  improve ties ..., five years after Z crowds burned ..."), the clause's event stands;
* the act a verb asks of its object ("X urged Y to help ...") is part of that verb's
  event (and Y's act, not X's).

detente's own convention keeps both (an analyst wants the statement and what it says);
these rules apply only where the patterns come from PETRARCH dictionaries
(`PatternSet.conventions == "petrarch"`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

# Dependencies that make a clause adverbial to the verb above it ("after crowds burned",
# "five years after the crowds burned": the parser may hang the clause on a preposition).
ADVERBIAL = frozenset({"advcl", "pcomp"})
# A reported clause of a statement verb ("..., a Bree official said"; "said 54 civilians
# were killed"), not a complement it controls ("urged Bree to help").
REPORTED = frozenset({"ccomp", "parataxis"})
# Complements whose clause is the governing verb's ("X is about to restore ties").
CONTROLLED = frozenset({"xcomp", "acomp"})


@dataclass(frozen=True, slots=True)
class Coded:
    """A word that a pattern coded: its head, and whether it is a bare statement verb."""

    head: Token
    statement: bool
    nominal: bool = False


def _under(tok: Token, top: Token) -> list[Token] | None:
    """The path from `tok` up to `top` (tok first, top left out), or None if `top` does
    not govern `tok`."""
    path: list[Token] = []
    cur = tok
    for _ in range(64):
        if cur == top:
            return path
        if cur.head == cur:
            return None
        path.append(cur)
        cur = cur.head
    return None


def _clause_top(verb: Token) -> Token:
    """The verb of the clause a verb completes ("is" of "X is about to restore")."""
    top = verb
    while top.dep_ in CONTROLLED and top.head != top:
        top = top.head
    return top


def petrarch_kept(coded: Sequence[Coded]) -> list[bool]:
    """For each coded word, whether PETRARCH-2 would report its event (see the module)."""
    keep: list[bool] = []
    verbs = [c for c in coded if not c.nominal]
    for c in coded:
        if c.statement:
            # The statement reports an event: a verb coded in the clause it reports.
            keep.append(not any(
                o is not c and not o.statement and (path := _under(o.head, c.head))
                and path[-1].dep_ in REPORTED for o in verbs))
            continue
        nested = False
        for o in verbs:
            if o is c or c.nominal:
                continue
            if (c.head.dep_ == "xcomp" and c.head.head == o.head
                    and any(k.dep_ == "dobj" for k in o.head.children)):
                nested = True  # "urged Bree to help": the complement is Bree's act
                break
            if o.statement:
                continue
            path = _under(c.head, _clause_top(o.head))
            if path and o.head not in path and any(t.dep_ in ADVERBIAL for t in path):
                nested = True
                break
        keep.append(not nested)
    return keep
