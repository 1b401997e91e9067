"""Resolving a bare phrase ("Sergey Lavrov") to an Actor, for `detente actors lookup`."""

from __future__ import annotations

from spacy.language import Language

from detente.actors.kb import KnowledgeBase
from detente.actors.resolve import resolve_doc
from detente.records import Actor


def lookup(nlp: Language, kb: KnowledgeBase, text: str, date: str | None) -> Actor | None:
    """The actor the phrase names on `date`, or None; its head noun decides."""
    doc = nlp(text)
    actors = resolve_doc(doc, kb, date)
    for tok in doc:
        if tok.head == tok:  # the root: the words around it only modify it
            a = actors.actor(tok)
            if a is not None:
                return Actor(text, a.code, a.country, a.org, a.sector, a.name, a.reason)
    return None
