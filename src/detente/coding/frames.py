"""Reading predicate frames off the dependency tree: subject, object, preposition objects.

Written in terms of spaCy's ClearNLP labels (en_core_web_sm): nsubj, nsubjpass, dobj, dative,
prt, prep/pobj, agent, xcomp, ccomp, advcl, conj, appos, poss.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from detente.coding.patterns import Constraint

# Clauses whose missing subject is the governing verb's subject (control, participles,
# coordinated verbs): "NATO agreed to send", "Speaking before meeting Lavrov, he ...".
INHERIT_SUBJECT = frozenset({"xcomp", "advcl", "conj", "pcomp", "acl", "relcl", "prep",
                             "acomp"})  # acomp: "Arnor is about to restore ties"


@dataclass(slots=True)
class Frame:
    """What a predicate (verb or event noun) has around it."""

    head: Token
    nominal: bool
    passive: bool = False
    subject: Token | None = None
    obj: Token | None = None
    iobj: Token | None = None
    prt: str | None = None
    preps: list[tuple[str, Token]] = field(default_factory=list)  # (prep lemma, its object)


def _pobj(prep: Token) -> Token | None:
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp"):
            return c
    return None


def _preps_of(tok: Token) -> list[tuple[str, Token]]:
    out = []
    for c in tok.children:
        if c.dep_ == "prep":
            o = _pobj(c)
            if o is not None:
                out.append((c.lemma_.lower(), o))
    return out


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, inherited through control, participles and coordination.

    A passive verb passes its subject, not its agent, to its complement and to a verb
    coordinated with it: in "Gollum was seen (by Sam) to break in", "Iran was attacked
    and retaliated", Gollum breaks in and Iran retaliates.
    """
    tok = verb
    came_by = ""
    for _ in range(5):
        if came_by in ("xcomp", "conj"):
            for c in tok.children:
                if c.dep_ == "nsubjpass":
                    return c
        for c in tok.children:
            if c.dep_ in ("nsubj", "csubj"):
                return c
            if c.dep_ == "agent":
                return _pobj(c)
        if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head
        if tok.dep_ not in INHERIT_SUBJECT or tok.head == tok:
            return None
        came_by = tok.dep_
        tok = tok.head
    return None


def verb_frame(verb: Token) -> Frame:
    kids = list(verb.children)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids)
    f = Frame(verb, nominal=False, passive=passive)
    for c in kids:
        if (c.dep_ == "dobj" and not passive) or c.dep_ == "nsubjpass":
            f.obj = c
        elif c.dep_ == "dative":
            f.iobj = _pobj(c) if c.pos_ == "ADP" else c
        elif c.dep_ == "prt":
            f.prt = c.lemma_.lower()
        elif c.dep_ == "agent" and passive:
            f.subject = _pobj(c)
    if not passive and verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl", "amod") and not any(
            c.dep_ in ("nsubj", "aux", "dobj") for c in kids):
        # A bare participle is passive: in "Asked about X, Stoltenberg said", he was asked.
        f.passive = True
        f.obj = f.obj or subject_of(verb)
        return _with_preps(f, verb)
    if not passive:
        f.subject = subject_of(verb)
    elif f.obj is None:
        # "Iran was hit with sanctions": nothing to hang the object on but the subject.
        f.obj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    if passive and f.obj is None and verb.dep_ == "conj" and verb.head != verb:
        # "The civilians (were) jailed ... were released by Putin": a passive conjunct
        # with no subject of its own shares its governor's.
        f.obj = next((c for c in verb.head.children if c.dep_ == "nsubjpass"),
                     None) or subject_of(verb.head)
    return _with_preps(f, verb)


def _with_preps(f: Frame, verb: Token) -> Frame:
    f.preps = _preps_of(verb)
    if f.obj is not None:
        f.preps += _preps_of(f.obj)
    return f


def noun_frame(noun: Token) -> Frame:
    f = Frame(noun, nominal=True)
    preps = _preps_of(noun)
    for lemma, o in preps:
        if lemma == "of" and f.obj is None:
            f.obj = o
        elif lemma == "by" and f.subject is None:
            f.subject = o
    f.preps = [(lemma, o) for lemma, o in preps if lemma != "by"]
    if f.obj is not None:
        f.preps += _preps_of(f.obj)
    for c in noun.children:
        if c.dep_ == "poss":
            f.subject = c
    return f


def governor(tok: Token) -> Token | None:
    """The verb whose object an event noun is ("hold talks", "launch an attack"): its
    subject is the noun's actor. Not through prepositions: in "respond to an attack" the
    responder is not the attacker."""
    head = tok.head
    if tok.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        return head
    return None


def full_lemma(tok: Token) -> str:
    """Compound modifiers plus lemma: "battle group" for "battle groups"."""
    mods = [c.lemma_.lower() for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
    return " ".join([*mods, tok.lemma_.lower()])


def modified_lemma(tok: Token) -> str:
    """The adjective or compound right before the word, plus lemma: "humanitarian aid"."""
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
    if not mods:
        return tok.lemma_.lower()
    return f"{mods[-1].lower_} {tok.lemma_.lower()}"


def modifier_lemmas(tok: Token) -> tuple[str, ...]:
    """The lemmas of a noun's compound and adjective modifiers."""
    return tuple(c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod"))


def phrase_words(tok: Token) -> tuple[tuple[str, str], ...]:
    """The words of the noun phrase a word heads, up to the word, as (text, lemma) pairs:
    "a million golden galleons" for "galleons"."""
    return tuple((t.lower_, t.lemma_.lower()) for t in tok.subtree
                 if t.i <= tok.i and not t.is_punct)


def subject_word(f: Frame) -> Token | None:
    """The grammatical subject of a frame's verb: a passive's own, not its agent."""
    if f.passive:
        return next((c for c in f.head.children if c.dep_ == "nsubjpass"), None)
    return f.subject


def complement_object(verb: Token) -> Token | None:
    """The direct object of the complement right after a verb with none of its own
    ("vowed to wage war")."""
    for c in verb.children:
        if c.dep_ == "xcomp" and c.i > verb.i:
            return next((g for g in c.children if g.dep_ == "dobj"), None)
    return None


def meets(c: Constraint, tok: Token) -> bool:
    """Whether a word meets a pattern's word constraint: by its lemma, its compound or
    adjective reading, a modifier, or (for word sequences) its phrase."""
    return c.matches(tok.lemma_.lower(), full_lemma(tok), tok.lower_, modified_lemma(tok),
                     modifier_lemmas(tok), phrase_words(tok))
