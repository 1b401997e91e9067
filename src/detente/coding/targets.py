"""Finding a predicate's target among the words after it, where its slot names no party.

PETRARCH takes the first actor after the verb; detente reads that off the tree: the first
party named in the target slot's phrase, else among the predicate's objects and
prepositional phrases after it, else what a clause after the verb is about. What counts
as a phrase's argument (not where or when the act happened) is decided by
`argument_like`.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Literal

from spacy.tokens import Token

from detente.actors.resolve import DocActors
from detente.records import Actor

CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "csubj", "parataxis",
                     "pcomp"})
# Prepositions that lead from an act to whom it concerns; "criteria for NATO membership"
# or "talks in Paris" do not make NATO or France the target.
TARGET_PREPS = frozenset({"of", "with", "by", "against", "on", "to", "toward", "towards",
                          "between", "at", "over", "into", "from"})
# How far a complement clause that codes nothing of its own is read for a target: only
# its subject ("Japan believes China will cope"), or all its words, as PETRARCH-2 takes
# the first actor after the verb ("has begun to question whether he has a future with
# the Orcs", "said he has deep satisfaction toward Gondor").
Complements = Literal["subjects", "words"]
# A word prefix cut off by a space ("an anti- Gondor parade"), which the parser reads as
# a word of its own.
_PREFIX = re.compile(r"^[A-Za-z]+-$")
_NOUNS = ("NOUN", "PROPN")


def first_party_after(head: Token, target: Token | None, skipped: Token | None,
                      actors: DocActors, own: Collection[str],
                      complements: Complements = "subjects",
                      coded: Collection[int] = ()) -> list[Actor]:
    """The first party named in the target slot's phrase, else among the predicate's
    objects and prepositional phrases after it ("welcomed the resumption of ties with
    Osgiliath", "condemned an attack by Osgiliath soldiers"), as PETRARCH reads it.
    Clauses of their own are not searched: their actors act in their own events, but for
    what a clause after the verb is about (see `Complements`); `coded` are the heads of
    clauses that code events of their own. Parties coordinated with it are targets too
    ("ties with Rohan, Fornost and Bree"); `own` are the source's codes, never its target.
    After a skipped phrase (`IN ^ +`, `skipped`) only what follows it counts."""
    after = -1 if skipped is None else max(c.i for c in (skipped, *skipped.conjuncts))
    roots: list[Token] = []
    if target is not None:
        roots.append(target)
    roots += [c for c in head.children if c.i > head.i
              and c.dep_ in ("dobj", "prep", "dative", "attr", "oprd", "advmod")
              and c not in roots]
    for root in roots:
        found = first_party_in(root, actors, own, after)
        if found:
            return found
    # "Arnor believes Dagolath can cope", "allowed that Mordor isn't ...": what the clause
    # after the verb is about, when nothing else names a party.
    kinds = ("ccomp",) if complements == "subjects" else ("ccomp", "xcomp", "advcl")
    clauses = [c for c in head.children if c.dep_ in kinds and c.i > head.i and (
        c.dep_ != "advcl" or not any(g.dep_ in ("nsubj", "nsubjpass", "mark")
                                     for g in c.children))]  # "signed an accord to supply X"
    if target is not None:  # "expressed hopes that Osgiliath could be drawn"
        clauses += [c for c in target.children if c.dep_ in ("acl", "ccomp")]
    for c in clauses:
        for t in c.children:
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in _NOUNS:
                found = party_and_conjuncts(t, actors, own)
                if found:
                    return found
        if complements == "words" and c.i not in coded:
            found = first_party_in(c, actors, own)
            if found:
                return found
    return []


def first_party_in(root: Token, actors: DocActors, own: Collection[str], after: int = -1
                   ) -> list[Actor]:
    """The first party named among the arguments of `root`'s phrase (after position
    `after`), with its conjuncts' parties; none of `own`."""
    for t in phrase_subtree(root):
        if t.i > after and t.pos_ in _NOUNS and argument_like(t, root):
            found = party_and_conjuncts(name_head(t, actors), actors, own)
            if found:
                return found
    return []


def party_and_conjuncts(t: Token, actors: DocActors, own: Collection[str]) -> list[Actor]:
    """The party a word names (a country or an organisation, not one of `own`) and those
    of its conjuncts, one of `own` among them too: in "Arnor and Gondor spur
    reconciliation between Calenardhon and Gondor" Arnor acts on both."""
    a = actors.actor(t)
    if a is None or not (a.country or a.org) or a.code in own:
        return []
    out = [a, *actors.others(t)]
    for c in t.conjuncts:
        o = actors.actor(c)
        for x in ([o, *actors.others(c)] if o is not None else []):
            if (x.country or x.org) and all(x.code != y.code for y in out):
                out.append(x)
    return out


def argument_like(t: Token, root: Token) -> bool:
    """The slot itself, a conjunct of it, or the object of a target-leading preposition;
    "in" too below another preposition's object or after it ("the closure of guest houses
    in Bree", however the parser hangs "in Bree"), where the place is the concern, not
    where the act happened ("talks in Paris"). A name modifying such a word counts as it
    ("attacks on Gaza hospitals"), and so does the phrase a cut-off prefix leads
    ("an anti- Gondor parade")."""
    for _ in range(len(t.doc)):
        p = prefix_of(t)
        if t == root:
            break
        if p is not None:
            t = p
        elif t.dep_ in ("compound", "nmod", "poss") and t.head != t:
            t = t.head
        else:
            break
    while t.dep_ in ("conj", "appos") and t != root:
        t = t.head
    if t == root:
        return True
    if t.dep_ == "dobj" and (t.head.dep_ == "acl" or t.head == root):
        return True  # "the parade supporting Gondor"; a clause searched: "to supply Gondor"
    if t.dep_ != "pobj":
        return False
    prep = t.head
    return prep.lower_ in TARGET_PREPS or (prep.lower_ == "in" and (
        (prep.head != root and prep.head.dep_ == "pobj") or any(
            c.dep_ == "prep" and c.lower_ == "of" and c.i < prep.i
            for c in prep.head.children)))


def phrase_subtree(root: Token) -> list[Token]:
    """The tokens under `root` in text order, leaving out clauses hung below it but for
    participles that describe a noun ("the roads leading into Mordor"), and taking in the
    phrase a cut-off prefix leads ("an anti- Gondor parade", wherever the parser hung
    "parade")."""
    out: dict[int, Token] = {}
    stack = [root]
    while stack:
        t = stack.pop()
        if t.i in out:
            continue
        out[t.i] = t
        stack.extend(c for c in t.children if c.dep_ not in CLAUSES or (
            c.dep_ == "acl" and c.tag_ in ("VBG", "VBN") and t.pos_ in _NOUNS
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)))
        cont = continuation(t)
        if cont is not None:
            stack.append(cont)
    return [out[i] for i in sorted(out)]


def continuation(prefix: Token) -> Token | None:
    """The noun a cut-off prefix ("anti-") belongs to: the head of the words right after
    it ("Gondor parade"), unless that head governs the prefix itself."""
    if not _PREFIX.match(prefix.text) or prefix.i + 1 >= len(prefix.doc):
        return None
    n = prefix.doc[prefix.i + 1]
    while n.dep_ in ("compound", "amod", "nmod", "flat") and n.head.i > n.i:
        n = n.head
    if n.pos_ not in _NOUNS or prefix in n.subtree:
        return None
    return n


def prefix_of(t: Token) -> Token | None:
    """The cut-off prefix whose noun `t` is ("parade" of "anti- Gondor parade")."""
    left = t.left_edge.i
    if left == 0:
        return None
    p = t.doc[left - 1]
    return p if continuation(p) == t else None


def name_head(t: Token, actors: DocActors) -> Token:
    """The head of the name a word is the first part of ("Minas" of "Minas Tirith"), whose
    conjuncts are the name's, or the role it names the country of ("Mordor" of "the Mordor
    police"), else the word itself."""
    head = t
    while head.dep_ in ("compound", "flat") and head.head.pos_ in _NOUNS and (
            head.head.i > head.i):
        head = head.head
    if head is t:
        return t
    a, b = actors.actor(head), actors.actor(t)
    if a is None or b is None:
        return t
    same = a.code == b.code if head.pos_ == "PROPN" else (
        a.country is not None and a.country == b.country and a.code != b.code)
    return head if same else t
