"""Negation read off the parse (`detente.coding.modality.is_negated`), on hand-built trees."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from detente.coding.lexicon import load_lexicon
from detente.coding.modality import is_negated


def _doc(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps,
               sent_starts=[True] + [False] * (len(words) - 1))


def test_a_negation_hung_on_an_adverb_of_the_verb() -> None:
    lex = load_lexicon()
    # "Japan did not even ever clash": the parser hangs "not" on "ever"
    doc = _doc(["Japan", "did", "not", "even", "ever", "clash"], [5, 5, 4, 4, 5, 5],
               ["nsubj", "aux", "neg", "advmod", "advmod", "ROOT"])
    assert is_negated(doc[5], lex)
    doc = _doc(["Japan", "did", "not", "clash"], [3, 3, 3, 3],
               ["nsubj", "aux", "neg", "ROOT"])
    assert is_negated(doc[3], lex)
    doc = _doc(["Japan", "even", "clashed"], [2, 2, 2], ["nsubj", "advmod", "ROOT"])
    assert not is_negated(doc[2], lex)
