"""Negation and modality of an event word, read from its auxiliaries and governors."""

from __future__ import annotations

from spacy.tokens import Token

from detente.coding.lexicon import Lexicon

CLIMB = frozenset({"xcomp", "conj", "advcl", "pcomp", "prep", "csubj"})


def _chain(tok: Token) -> list[Token]:
    """The event word and the verbs governing it up to the clause it is asserted in."""
    out = [tok]
    cur = tok
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass", "pobj", "attr"):
        cur = tok.head.head if tok.dep_ == "pobj" else tok.head
        out.append(cur)
    for _ in range(4):
        if cur.dep_ not in CLIMB or cur.head == cur:
            break
        cur = cur.head
        out.append(cur)
    return out


def is_negated(tok: Token, lex: Lexicon) -> bool:
    """The text denies the act: "wouldn't be seeking", "no talks", "refused to meet"."""
    for n, t in enumerate(_chain(tok)):
        for c in t.children:
            if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and lex.has("negating", c.lower_)):
                return True
            # "did not even ever clash": the parser may hang "not" on an adverb of the verb
            if c.dep_ == "advmod" and c.i < t.i and any(g.dep_ == "neg" for g in c.children):
                return True
        if n > 0 and t.pos_ == "VERB" and lex.has("negating", t.lemma_):
            return True
    return False


def modality(tok: Token, lex: Lexicon) -> str:
    """`future`, `hypothetical` or `asserted`, from auxiliaries, governing verbs and "if"."""
    for n, t in enumerate(_chain(tok)):
        for c in t.children:
            word = c.lower_
            if c.dep_ in ("aux", "auxpass"):
                if lex.has("future", word) or (word in ("wo", "'ll")):
                    return "future"
                if lex.has("hypothetical", word) or word in ("'d",):
                    return "hypothetical"
            if c.dep_ == "mark" and lex.has("hypothetical", word):
                return "hypothetical"
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and lex.has("hypothetical", c.lower_)
                                     for c in t.children):
            return "hypothetical"
        if n > 0 and t.pos_ in ("VERB", "AUX"):
            lemma = t.lemma_.lower()
            if lemma == "go" and t.tag_ == "VBG":
                return "future"
            if lex.has("future", lemma) and lemma != "go":
                return "future"
            if lex.has("hypothetical", lemma):
                return "hypothetical"
    return "asserted"
