"""spaCy's attribute ruler, remembered: the same token attributes at a fraction of the cost.

The model's `attribute_ruler` turns the tagger's fine tags into coarse parts of speech,
morphology and a few lemmas with 179 Matcher patterns, applying every match in Python: on
news it costs about as much as the parser. Its result for a token depends only on the
attributes its patterns test (TAG, DEP, IS_SPACE, and LOWER for the few words the patterns
name) and, for a token in a two-word pattern ("gon na", "let 's", "there is"), on the same
attributes of its neighbours. `AttributeCache` keys its result on exactly those; for a key
it has not seen it runs the real ruler on that token and its neighbours and remembers the
answer, then sets every token's attributes at once: the same Doc, token for token
(tests/nlp check it on news).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

_KEY_ATTRS = [LOWER, TAG, DEP, IS_SPACE]
_SET_ATTRS = [TAG, POS, MORPH, LEMMA]
Key = tuple[Any, ...]
Value = tuple[int, int, int, int, int]  # TAG, POS, MORPH, LEMMA, DEP set (0: unchanged)


def _word_test(constraint: Any) -> Callable[[str], bool]:
    """A Matcher LOWER constraint as a test on a lower-cased word."""
    if isinstance(constraint, str):
        return lambda w: w == constraint
    if not isinstance(constraint, dict):
        raise ValueError(f"attribute ruler: unexpected LOWER constraint {constraint!r}")
    if set(constraint) - {"IN", "REGEX"}:
        return lambda w: True  # NOT_IN and the like: any word may be decided by it
    words = frozenset(constraint.get("IN", ()))
    regex = re.compile(constraint["REGEX"]) if "REGEX" in constraint else None
    return lambda w: w in words or (regex is not None and regex.search(w) is not None)


def _value_test(constraint: Any) -> Callable[[str], bool]:
    """A Matcher TAG or DEP constraint (equal, IN, NOT_IN) as a test on a label."""
    if isinstance(constraint, str):
        return lambda v: v == constraint
    if set(constraint) - {"IN", "NOT_IN"}:
        raise ValueError(f"attribute ruler: unexpected constraint {constraint!r}")
    inside = frozenset(constraint["IN"]) if "IN" in constraint else None
    outside = frozenset(constraint.get("NOT_IN", ()))
    return lambda v: (inside is None or v in inside) and v not in outside


def _token_test(tok: dict[str, Any]) -> Callable[[tuple[str, str, str, bool]], bool]:
    """A Matcher token pattern as a test on (lower, tag, dep, is_space)."""
    word = _word_test(tok["LOWER"]) if "LOWER" in tok else None
    tag = _value_test(tok["TAG"]) if "TAG" in tok else None
    dep = _value_test(tok["DEP"]) if "DEP" in tok else None
    space = bool(tok["IS_SPACE"]) if "IS_SPACE" in tok else None

    def test(t: tuple[str, str, str, bool]) -> bool:
        return ((word is None or word(t[0])) and (tag is None or tag(t[1]))
                and (dep is None or dep(t[2])) and (space is None or t[3] == space))
    return test


def _labels(constraint: Any) -> list[str]:
    """The labels a Matcher DEP constraint names (equal, IN or NOT_IN)."""
    if isinstance(constraint, str):
        return [constraint]
    return [d for arg in constraint.values() for d in arg]


class AttributeCache:
    """The attribute ruler of `nlp`, applied from a cache keyed on what its patterns test."""

    def __init__(self, nlp: Language, name: str = "attribute_ruler") -> None:
        self.ruler = nlp.get_pipe(name)
        self.vocab = nlp.vocab
        self.strings = nlp.vocab.strings
        lower_tests, context_tests = [], []
        # Two-word patterns: (offset of the other word, its test on (lower, tag, dep, space)).
        self._neighbours: list[tuple[int, Callable[[tuple[str, str, str, bool]], bool]]] = []
        for pat in self.ruler.patterns:  # type: ignore[attr-defined]
            for tokens in pat["patterns"]:
                index = pat.get("index", 0) % len(tokens)
                for tok in tokens:
                    for attr in tok:
                        if attr not in ("LOWER", "TAG", "DEP", "IS_SPACE"):
                            raise ValueError(f"attribute ruler: pattern tests {attr}")
                    if "LOWER" in tok:
                        lower_tests.append(_word_test(tok["LOWER"]))
                if len(tokens) == 1:
                    continue
                if len(tokens) != 2 or "LOWER" not in tokens[index]:
                    raise ValueError(f"attribute ruler: unexpected pattern {tokens}")
                context_tests.append(_word_test(tokens[index]["LOWER"]))
                self._neighbours.append((1 - 2 * index, _token_test(tokens[1 - index])))
        self._lower_tests = lower_tests
        # Dependency labels no pattern names are alike to the ruler: one class for them all.
        named = {d for pat in self.ruler.patterns  # type: ignore[attr-defined]
                 for tokens in pat["patterns"]
                 for tok in tokens if "DEP" in tok for d in _labels(tok["DEP"])}
        self._deps = {self.strings.add(d) if d else 0 for d in named}
        self._context_tests = context_tests
        self._word: dict[int, tuple[int, bool]] = {}  # LOWER -> (key word or 0, needs context)
        self._cache: dict[Key, Value] = {}
        self.misses = 0  # tokens whose attributes the real ruler had to give

    def _words(self, lowers: np.ndarray) -> list[tuple[int, bool]]:
        out = []
        word = self._word
        for h in lowers.tolist():
            got = word.get(h)
            if got is None:
                w = self.strings[h]
                named = any(t(w) for t in self._lower_tests)
                got = (h if named else 0, named and any(t(w) for t in self._context_tests))
                word[h] = got
            out.append(got)
        return out

    def _keys(self, doc: Doc) -> list[Key]:
        arr = doc.to_array(_KEY_ATTRS)
        words = self._words(arr[:, 0])
        deps = self._deps
        keys: list[Key] = [(w, tag, dep if dep in deps else -1, sp) for (w, _), (_, tag, dep, sp)
                           in zip(words, arr.tolist(), strict=True)]
        n = len(keys)
        for i, (_, ctx) in enumerate(words):
            if ctx:
                seen = []
                for off, test in self._neighbours:
                    j = i + off
                    seen.append(0 <= j < n and test(self._token(doc[j])))
                keys[i] = keys[i] + tuple(seen)
        return keys

    @staticmethod
    def _token(tok: Any) -> tuple[str, str, str, bool]:
        return tok.lower_, tok.tag_, tok.dep_, tok.is_space

    def _learn(self, doc: Doc, i: int) -> Value:
        """The real ruler's result for token `i`: run on the token and its two neighbours,
        all the context any pattern reads, with their words, tags and labels."""
        start, end = max(0, i - 1), min(len(doc), i + 2)
        toks = doc[start:end]
        mini = Doc(self.vocab, words=[t.text for t in toks],
                   spaces=[bool(t.whitespace_) for t in toks],
                   tags=[t.tag_ for t in toks], deps=[t.dep_ or "dep" for t in toks],
                   heads=list(range(len(toks))))
        for t, m in zip(toks, mini, strict=True):
            if not t.dep_:
                m.dep = 0
        self.ruler(mini)
        tag, pos, morph, lemma, dep = mini.to_array([*_SET_ATTRS, DEP])[i - start].tolist()
        return (tag, pos, morph, lemma, 0 if dep == doc[i].dep else dep)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys = self._keys(doc)
        cache = self._cache
        values = []
        for i, k in enumerate(keys):
            v = cache.get(k)
            if v is None:
                self.misses += 1
                v = cache[k] = self._learn(doc, i)
            values.append(v)
        doc.from_array(_SET_ATTRS, np.array([v[:4] for v in values], dtype="uint64"))  # type: ignore[arg-type]
        for tok, v in zip(doc, values, strict=True):
            if v[4]:
                tok.dep = v[4]
        return doc


class LemmaCache:
    """spaCy's rule lemmatizer, a doc at a time: its lemma for a token depends only on the
    word, part of speech and morphology (its own cache key), so each is looked up once and
    all are set together, where spaCy sets them a token at a time."""

    def __init__(self, nlp: Language, name: str = "lemmatizer") -> None:
        self.lemmatizer = nlp.get_pipe(name)
        if getattr(self.lemmatizer, "mode", None) != "rule" or self.lemmatizer.overwrite:  # type: ignore[attr-defined]
            raise ValueError(f"{name}: only a rule lemmatizer that keeps set lemmas is cached")
        self.strings = nlp.vocab.strings
        self._cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        cache = self._cache
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(
                doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if not lemma:  # the attribute ruler sets a few ("'s" -> "be"); spaCy keeps them
                key = (orth, pos, morph)
                lemma = cache.get(key)
                if lemma is None:
                    word = self.lemmatizer.lemmatize(doc[i])[0]  # type: ignore[attr-defined]
                    lemma = cache[key] = self.strings.add(word)
            lemmas.append(lemma)
        doc.from_array([LEMMA], np.array(lemmas, dtype="uint64").reshape(-1, 1))  # type: ignore[arg-type]
        return doc
