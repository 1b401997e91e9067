"""The remembered attribute ruler and lemmatizer set exactly what spaCy's set."""

from __future__ import annotations

import json
from itertools import islice

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from detente.nlp.attributes import AttributeCache, LemmaCache
from detente.pipeline import Pipeline

from ..conftest import need_shared

pytestmark = pytest.mark.model

LATER = ["attribute_ruler", "lemmatizer", "ner"]
TRICKY = [
    "There is no deal, but there are talks. It's what we're gonna do, y'all; let's go.",
    "I told you it was him. Ain't nothing certain: c'mon, nothin' has been decided.",
    "We do not know whether they did, although that is what I'd have done.",
    "Russia  deployed\n\ntroops; he has. Those who do, do. That was all.",
]


def _attrs(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def _both(nlp: Language, cache: AttributeCache, texts: list[str]) -> tuple[list, list]:  # type: ignore[type-arg]
    ref = [_attrs(d) for d in nlp.pipe(texts, disable=["ner"])]
    lemmas = LemmaCache(nlp)
    ours = [_attrs(lemmas(cache(d))) for d in nlp.pipe(texts, disable=LATER)]
    return ref, ours


def test_same_attributes_cold_and_warm(pipeline: Pipeline) -> None:
    cache = AttributeCache(pipeline.nlp)
    ref, cold = _both(pipeline.nlp, cache, TRICKY)
    learned = cache.misses
    assert learned > 10  # nothing known yet: the real ruler gave them
    ref2, warm = _both(pipeline.nlp, cache, TRICKY)
    assert cache.misses == learned  # all remembered the second time
    assert cold == ref and warm == ref2 == ref
    poss = {t[1] for doc in warm for t in doc}
    assert {"AUX", "PART", "SPACE", "VERB"} <= poss  # the ruler's work is there


def test_a_new_context_is_not_taken_from_the_cache(pipeline: Pipeline) -> None:
    """'is' after an expletive 'there' is a VERB, elsewhere an AUX: context is in the key."""
    cache = AttributeCache(pipeline.nlp)
    _both(pipeline.nlp, cache, ["The plan is ready and the deal is done."])
    ref, ours = _both(pipeline.nlp, cache, ["There is a plan, and there is a deal."])
    assert ours == ref
    assert ("VBZ", "VERB") in {(t[0], t[1]) for t in ours[0]}


@pytest.mark.shared
def test_same_attributes_on_news(pipeline: Pipeline) -> None:
    path = need_shared("corpus", "articles.jsonl")
    with path.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in islice(f, 60)]
    cache = AttributeCache(pipeline.nlp)
    ref, ours = _both(pipeline.nlp, cache, texts)  # learning
    assert ours == ref
    learned = cache.misses
    ref, ours = _both(pipeline.nlp, cache, texts)  # from memory
    assert ours == ref
    assert cache.misses == learned > 100
