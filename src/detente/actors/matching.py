"""Dictionary matching: which tokens of a doc a knowledge base's names and role words cover.

Names match by their exact words (an acronym in capitals also by its title-case spelling),
role words by word, lemma, or as written for phrases that list their own plurals; the
longest match wins, a name over a role word of the same length. Loose names (PETRARCH's
`ITHILEN TELEVISION`) match with other words of their noun phrase between their words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from detente.actors.kb import EXACT, Entry, KnowledgeBase

# Words a loose name's words may not have between them: they end its noun phrase.
_LOOSE_STOP = frozenset({"CCONJ", "ADP", "AUX", "PRON", "SCONJ", "DET"})


@dataclass(frozen=True, slots=True)
class Match:
    """A dictionary match over tokens start..end (excluded) and what it may name."""

    start: int
    end: int
    entries: tuple[Entry, ...]


def match_doc(doc: Doc, kb: KnowledgeBase) -> dict[int, Match]:
    """Dictionary matches of a doc, longest first: token index -> its match."""
    matches: dict[int, Match] = {}
    # An acronym in capitals also matches a dictionary's title-case spelling of it
    # ("Gonzo GMO", written GONZO_GMO: "Gonzo Gmo").
    text_keys = [(t.text, t.text.capitalize()) if t.is_upper and len(t) > 1 else (t.text,)
                 for t in doc]
    role_keys = [(t.lower_, t.lemma_.lower(), t.lower_ + EXACT) for t in doc]
    person_ents = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"
                   ] if doc.has_annotation("ENT_IOB") else []  # doc.ents scans every token
    i = 0
    while i < len(doc):
        end_n, names = kb.names.longest(text_keys, i)
        if kb.loose:
            end_l, loose = _loose(doc, kb, i, text_keys)
            if end_l > end_n:
                end_n, names = end_l, loose
        end_r, roles = kb.roles.longest(role_keys, i)
        if names and end_n >= end_r:
            end, entries = end_n, names
        elif roles and (end_r - i > 1 or not _inside_name(doc, i, matches)):
            # a several-word role after a capitalised word is a title ("Deputy Prime
            # Minister"); one word may be part of a name ("Wan Gang")
            end, entries = end_r, roles
        else:
            i += 1
            continue
        if names and all(e.kind != "person" for e in entries) and any(
            s <= i and end <= e and (e - s) > (end - i) for s, e in person_ents
        ):
            i += 1  # "Jordan" inside "Michael Jordan" is not the country
            continue
        m = Match(i, end, tuple(entries))
        for k in range(i, end):
            matches[k] = m
        i = end
    return matches


def _loose(doc: Doc, kb: KnowledgeBase, i: int, keys: Sequence[Sequence[str]]
           ) -> tuple[int, list[Entry]]:
    """The longest name of `kb.loose` starting at token i whose further words come in
    order within the noun phrase of its last word, others between them ("Ithilen
    state-run television"); (end, entries) or (i, [])."""
    best_end, best = i, []
    for first in keys[i]:
        for words, entry in kb.loose.get(first, ()):
            j, k = i + 1, 1
            while k < len(words) and j < len(doc):
                if words[k].lower() == doc[j].lower_:
                    k += 1
                elif doc[j].pos_ in _LOOSE_STOP or doc[j].text == ",":
                    break
                j += 1
            last = doc[j - 1]
            if k == len(words) and last.left_edge.i <= i and j > best_end:
                best_end, best = j, [entry]
            elif k == len(words) and j == best_end and entry not in best:
                best.append(entry)
    return best_end, best


def _inside_name(doc: Doc, i: int, matches: dict[int, Match]) -> bool:
    """A capitalised role word right after an unknown capitalised name word is part of
    the name ("Wan Gang"), not a role."""
    tok = doc[i]
    if i == 0 or not tok.is_title:
        return False
    prev = doc[i - 1]
    return prev.is_title and prev.pos_ == "PROPN" and (i - 1) not in matches and not (
        prev.is_sent_start)
