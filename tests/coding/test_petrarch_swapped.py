"""PETRARCH patterns with the target before the verb and the source after it (`+ * FROM $`):
the roles swapped, and a target found after the object words (`* MONEY +`)."""

from __future__ import annotations

import pytest

from detente.coding.petrarch import Slots, translate
from detente.coding.verbpatterns import Synsets, Untranslatable, group, tokenize
from detente.eval.petrarch import actor_code
from detente.pipeline import Pipeline
from detente.records import Article
from tests.conftest import petrarch_pipe


def _slots(pattern: str) -> Slots:
    items = group(tokenize(pattern, {}))
    star = next(i for i, it in enumerate(items) if it.kind == "mark" and it.text == "*")
    return translate(items[:star], items[star + 1:], Synsets(), touching=items[star].joined)


def test_a_source_after_the_verb_swaps_the_roles() -> None:
    s = _slots("+ * FROM $")
    assert s.swapped and s.prep == frozenset({"from"}) and s.target == "pobj"
    # no `+` before the verb: the subject is the target all the same
    s = _slots("* PROTESTS FROM $")
    assert s.swapped and s.obj is not None and s.target == "pobj"
    # words beside the `+` are words the clause must have before the verb
    s = _slots("+ HOSTING * MAY_DAY $")
    assert s.swapped and [it.text for it in s.before] == ["hosting"]
    assert s.skip and s.target == "dobj" and s.skip_phrases == 0
    assert not _slots("$ * FROM +").swapped


def test_a_target_after_object_words_is_found_past_the_object() -> None:
    s = _slots("* MONEY +")
    assert not s.swapped and s.skip and s.prep is None and s.skip_phrases == 0
    assert _slots("* TABASKI ^ $").skip_phrases == 1  # and one phrase more
    with pytest.raises(Untranslatable):
        _slots("* + MISSION")  # words after the target
    with pytest.raises(Untranslatable):
        _slots("NOW + HAVE BEEN * $ RECENT")
    with pytest.raises(Untranslatable):
        _slots("* FROM $ TO +")  # both after the verb: not expressed
    with pytest.raises(Untranslatable):
        _slots("% * FROM $")


ACTORS = """\
JAPAN [JPN]
TOKYO [JPN]
CHINA [CHN]
CHINESE [CHN]
JAPANESE [JPN]
RUSSIA [RUS]
"""
VERBS = """\
--- RELEASE  [060]  ---
RELEASE
- + * FROM $  [066]

--- RECEIVE  [033]  ---
RECEIVE
- + * MONEY $  [071]

--- FREE  [060]  ---
FREE
- + HAS * $  [067]

--- SHOOT  [223]  ---
SHOT
- + WAS * DEAD IN $ [224]

--- CELEBRATE  [181] ---
CELEBRATE
- + HOSTING * MAY_DAY $ [046]
- * TABASKI ^ $ [042]

--- BELIEVE  [023]  ---
BELIEVE
- * LINKED  [111]
"""


@pytest.fixture(scope="module")
def pipe(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return petrarch_pipe(pipeline, tmp_path_factory.mktemp("petr"), actors=ACTORS,
                         verbs=VERBS, strict=True)


def coded(pipe: Pipeline, text: str) -> set[tuple[str, str, str, str]]:
    res = pipe.process(Article("t", text, published="2019-03-01"))
    return {(actor_code(e.source), actor_code(e.target), e.cameo, e.rule)
            for e in res.events}


@pytest.mark.model
def test_the_party_after_the_verb_acts_on_the_subject(pipe: Pipeline) -> None:
    assert coded(pipe, "China was released from Japan on Monday.") == {
        ("JPN", "CHN", "066", "petr.release.3")}
    assert coded(pipe, "China has received money from Russia.") == {
        ("RUS", "CHN", "071", "petr.receive.7")}
    # the words PETRARCH finds anywhere after the verb: here parsed as "by"'s object
    assert coded(pipe, "China has received by courier money from Russia.") == {
        ("RUS", "CHN", "071", "petr.receive.7")}
    # the source the direct object, the words before the verb beside the `+` needed
    assert coded(pipe, "China has freed Japan.") == {("JPN", "CHN", "067", "petr.free.11")}
    assert {e[2] for e in coded(pipe, "China freed Japan.")} == {"060"}
    # the object names no party to be the source: the verb's other patterns are tried
    # (and the default's object, no party either, is another sense of the verb)
    assert coded(pipe, "China has freed the prisoners.") == set()
    assert {e[:3] for e in coded(pipe, "China has freed the Japanese prisoners.")} == {
        ("JPN", "CHN", "067")}
    assert coded(pipe, "A Chinese envoy was shot dead in Japan.") == {
        ("JPN", "CHN", "224", "petr.shoot.15")}


@pytest.mark.model
def test_without_a_party_after_the_verb_another_pattern_codes_it(pipe: Pipeline) -> None:
    assert {e[2] for e in coded(pipe, "China has received money on Monday.")} <= {"033"}
    assert {e[2] for e in coded(pipe, "China was released from prison.")} <= {"060"}


@pytest.mark.model
def test_the_target_is_the_subject_of_the_words_before_the_verb(pipe: Pipeline) -> None:
    # "hosting" and its subject, not Japan, who is to celebrate
    assert coded(pipe, "Russia will be hosting Japan to celebrate May Day with China.") == {
        ("CHN", "RUS", "046", "petr.celebrate.19")}
    # `^`: the phrase after the object words is passed over ("with China")
    assert coded(pipe, "Russia will celebrate Tabaski with China next week at Tokyo.") == {
        ("JPN", "RUS", "042", "petr.celebrate.20")}


@pytest.mark.model
def test_a_bare_participle_after_the_verb_meets_a_word_after_it(pipe: Pipeline) -> None:
    # "believed linked to X": the participle says what became of the subject, like "dead"
    assert ("CHN", "RUS", "111") in {e[:3] for e in coded(
        pipe, "Chinese officials believed linked to Russia were arrested, a lawyer said.")}
    # a participle with a subject of its own is a clause, not the pattern's word
    assert "111" not in {e[2] for e in coded(
        pipe, "China believed the report had linked Russia to the attack.")}
