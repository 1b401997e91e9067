"""Where the parties of a PETRARCH pattern with its roles swapped are found.

PETRARCH verb patterns mark the source `$` and the target `+`. Most name the source
before the verb (the subject) and the target after it; some put the target before the
verb and the source after it (`+ * FROM $`: "X was freed from Y", Y frees X; `+ HOSTING *
MAY_DAY $`). `detente.coding.petrarch` translates these into patterns whose target slot
holds the source (`Pattern.swapped`); the coder takes the target from the subject found
here. Also here, as PETRARCH reads words around the verb: the clause a verb's words
before it are read in, the words after it, and the point after which a target following
the object words is looked for (`* MONEY +`, `* TABASKI ^ +`).
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.coding.frames import (
    Frame,
    meets,
    phrase_words,
    subject_of,
    subject_word,
)
from detente.coding.patterns import Constraint


def clause_subject(f: Frame, clause: bool = False) -> Token | None:
    """The grammatical subject of a frame's verb (`subject_word`); with `clause`, that of
    the clause the words before the verb are read in (`clause_top`): in "Mordor will be
    hosting Osgiliath to celebrate", of "hosting"."""
    verb = clause_top(f.head) if clause else f.head
    if verb == f.head:
        return subject_word(f)
    own = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return own or subject_of(verb)


def past_object(head: Token, obj: Token | None, phrases: int) -> Token | None:
    """The object, or the last word of the `phrases`-th phrase of the verb after it."""
    later = [c for c in head.children if obj is not None and c.i > obj.i and not c.is_punct]
    return later[min(phrases, len(later)) - 1].right_edge if phrases and later else obj


def landmark(f: Frame, words: Constraint) -> Token | None:
    """For a verb with no object, the first object of a preposition after it that meets
    the words PETRARCH finds anywhere after the verb before a party (`* MONEY $`: the
    parser made "money" the object of "by" in "received by courier money from X")."""
    for _, o in sorted(f.preps, key=lambda x: x[1].i):
        if o.i > f.head.i and meets(words, o):
            return o
    return None


def clause_top(verb: Token) -> Token:
    """The verb whose clause a verb's words before it are read in: up through the verbs
    it complements, and a to-infinitive of purpose with no subject of its own ("hosting
    Osgiliath to celebrate")."""
    top = verb
    while top.head != top and (top.dep_ in ("xcomp", "ccomp") or (
            top.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                        for c in top.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in top.children))):
        top = top.head
    return top


def adverb_fits(c: Constraint, head: Token, adjectives: bool = False) -> bool:
    """A one-word constraint met by an adverb of a verb with no object, after it; with
    `adjectives` (PETRARCH's words after the verb), also by an adjective saying what
    became of the verb's object or subject ("was shot dead"), or a bare participle doing
    the same ("believed linked to X")."""
    return any(((a.dep_ == "advmod" and a.pos_ == "ADV") or (
        adjectives and a.dep_ in ("oprd", "acomp") and a.pos_ == "ADJ") or (
        adjectives and a.dep_ == "xcomp" and a.tag_ == "VBN"
        and not any(g.dep_ in ("aux", "auxpass", "nsubj") for g in a.children)))
        and a.i > head.i and c.matches(
        a.lemma_.lower(), a.lemma_.lower(), a.lower_, phrase=phrase_words(a))
        for a in head.children)


def words_after(verb: Token) -> list[tuple[str, str]]:
    """The words of a verb's clause after it, as (text, lemma) pairs."""
    return [(t.lower_, t.lemma_.lower()) for t in verb.subtree
            if t.i > verb.i and not t.is_punct]


def words_up_to(verb: Token) -> list[tuple[str, str]]:
    """The words of a verb's clause up to the verb as (text, lemma) pairs, the verb
    written `*`. The clause is that of the verbs it complements ("won't try to clash",
    "indicated it would act"), not a phrase it modifies ("..., according to reports")."""
    words = [(t.lower_, t.lemma_.lower()) for t in clause_top(verb).subtree
             if t.i < verb.i and not t.is_punct]
    return [*words, ("*", "*")]
