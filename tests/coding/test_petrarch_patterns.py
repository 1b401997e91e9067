"""PETRARCH verb patterns read and matched as PETRARCH does: words tied by `_` next to each
other, several words in order with others between, words before the verb."""

from __future__ import annotations

import pytest

from detente.coding.patterns import holds
from detente.coding.verbpatterns import group, tokenize
from detente.eval.petrarch import actor_code
from detente.pipeline import Pipeline
from detente.records import Article
from tests.conftest import petrarch_pipe

ACTORS = """\
JAPAN [JPN]
CHINA [CHN]
"""
VERBS = """\
&NEGAUX
+DID N'T
+WO N'T
+WILL NOT

&LINKS
+NAVAL
+TRADE

--- CANCEL  [160]  ---
CANCEL
- * NEW_&LINKS_TIES [901]
- * IMPROVED &LINKS TIES [902]
- SUDDENLY &NEGAUX * [903]
- &NEGAUX EVER * [904]
- &NEGAUX * [905]
- LATELY_* [906]

--- CONSIDER  [020]  ---
CONSIDER
- * VERY_GOOD_PARTNER [908]

--- MEET  [040]  ---
MEET
- * SOON [910]

--- RECEIVE  [070]  ---
RECEIVE
- * REPORTS_ON &LINKS FROM + [911]

--- PRAISE  [050]  ---
PRAISE
- * AT ^ + [909]
"""


def _words(text: str) -> list[tuple[str, str]]:
    return [(w, w) for w in text.split()]


def test_words_tied_by_underscores_are_joined() -> None:
    toks = tokenize("* NEW_&LINKS_TIES", {"LINKS": []})
    assert toks == ["*", "NEW", "_&LINKS", "_TIES"]
    items = group(toks)
    assert [it.joined for it in items] == [False, False, True, True]
    assert group(tokenize("LATELY_*", {}))[-1].joined


def test_groups_hold_in_order_and_adjacent() -> None:
    new_ties = ((frozenset({"new"}), frozenset({"naval"}), frozenset({"ties"})),)
    assert holds(new_ties, _words("the new naval ties"))
    assert not holds(new_ties, _words("the new global naval ties"))
    spaced = ((frozenset({"new"}),), (frozenset({"naval"}),), (frozenset({"ties"}),))
    assert holds(spaced, _words("the new global naval ties"))
    assert not holds(spaced, _words("the naval new ties"))


@pytest.fixture(scope="module")
def pipe(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return petrarch_pipe(pipeline, tmp_path_factory.mktemp("petr"), actors=ACTORS,
                         verbs=VERBS)


def codes(pipe: Pipeline, text: str) -> set[str]:
    res = pipe.process(Article("t", text, published="2019-03-01"))
    return {e.cameo for e in res.events
            if actor_code(e.source) == "JPN" and actor_code(e.target) == "CHN"}


@pytest.mark.model
@pytest.mark.parametrize("text, code", [
    ("Japan cancelled new naval ties with China.", "901"),
    ("Japan cancelled new regional naval ties with China.", "160"),  # NEW_ tied to LINKS
    ("Japan cancelled improved regional trade ties with China.", "902"),
    ("Japan suddenly won't cancel its talks with China.", "903"),
    ("Japan won't ever cancel its talks with China.", "904"),
    ("Japan will not cancel its talks with China.", "905"),
    ("Japan lately cancelled its talks with China.", "906"),
    ("Lately, Japan cancelled its talks with China.", "160"),  # LATELY_* : right before
    ("Japan cancelled its talks with China.", "160"),
])
def test_petrarch_words_around_the_verb(pipe: Pipeline, text: str, code: str) -> None:
    assert codes(pipe, text) == {code}


def test_words_before_the_verb_stay_in_its_clause() -> None:
    import spacy
    from spacy.tokens import Doc

    from detente.coding.roles import words_up_to as _up_to

    words = ["Japan", "wo", "n't", "try", "to", "cancel", "talks", "in", "Osaka", ",",
             "according", "to", "reports", "."]
    heads = [3, 3, 3, 3, 5, 3, 5, 6, 7, 3, 3, 10, 11, 3]
    deps = ["nsubj", "aux", "neg", "ROOT", "aux", "xcomp", "dobj", "prep", "pobj", "punct",
            "prep", "prep", "pobj", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps,
              sent_starts=[True] + [False] * 13)
    # the verbs it complements are its clause ("won't try to cancel") ...
    assert [w for w, _ in _up_to(doc[5])] == ["japan", "wo", "n't", "try", "to", "*"]
    # ... a phrase it heads on its own is not ("..., according to reports")
    assert _up_to(doc[10]) == [("*", "*")]


@pytest.mark.model
def test_tied_words_after_the_verb_in_its_clause(pipe: Pipeline) -> None:
    assert codes(pipe, "Japan considered that China would be a very good partner.") == {
        "908"}
    # loose words are no tied expression
    assert codes(pipe, "Japan considered that China would be a very reliable and good "
                       "partner.") == {"020"}


@pytest.mark.model
@pytest.mark.parametrize("text, code", [
    # `AT ^ +`: the phrase after AT is passed over, the target is the next party named
    ("Japan praised the workers at the summit of China.", "909"),
    ("Japan praised the workers at the summit with China.", "909"),
    # no party after the skipped phrase: another pattern codes the verb
    ("Japan praised China at the summit.", "050"),
])
def test_a_target_after_a_skipped_phrase(pipe: Pipeline, text: str, code: str) -> None:
    assert codes(pipe, text) == {code}


@pytest.mark.model
@pytest.mark.parametrize("text, code", [
    # a one-word pattern is met by an adverb of a verb with no object ("* SOON")
    ("Japan will meet soon with China.", "910"),
    ("Japan will meet with China.", "040"),
    ("Japan will meet China soon.", "040"),  # an object: the word must be its own
])
def test_a_word_after_the_verb_may_be_its_adverb(pipe: Pipeline, text: str, code: str
                                                 ) -> None:
    assert codes(pipe, text) == {code}


@pytest.mark.model
@pytest.mark.parametrize("text, code", [
    # a phrase tied to the object (REPORTS_ON &LINKS) and the target's phrase (FROM +)
    ("Japan received reports on naval incidents from China.", "911"),
    # the phrase may hang on a participle describing the object's phrase
    ("Japan received reports on naval incidents sent from China.", "911"),
    ("Japan received reports from China.", "070"),
])
def test_a_phrase_tied_to_the_object(pipe: Pipeline, text: str, code: str) -> None:
    assert codes(pipe, text) == {code}


def test_an_object_the_parser_made_an_adverb_is_matched_whole() -> None:
    import spacy
    from spacy.tokens import Doc

    from detente.coding.patterns import Constraint
    from detente.coding.roles import adverb_fits as _adverb_fits

    # "Japan will contribute a million austrian gold florin": "florin" parsed as an adverb
    words = ["Japan", "will", "contribute", "a", "million", "austrian", "gold", "florin"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 2, 4, 7, 7, 7, 2],
              deps=["nsubj", "aux", "ROOT", "quantmod", "nummod", "amod", "compound",
                    "advmod"],
              pos=["PROPN", "AUX", "VERB", "DET", "NUM", "ADJ", "NOUN", "ADV"])
    florin = (frozenset({"austrian"}), frozenset({"gold"}), frozenset({"florin"}))
    assert _adverb_fits(Constraint(frozenset(), frozenset({(florin,)})), doc[2])
    other = (frozenset({"leprechaun"}), frozenset({"gold"}))
    assert not _adverb_fits(Constraint(frozenset(), frozenset({(other,)})), doc[2])
