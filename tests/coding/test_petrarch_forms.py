"""More PETRARCH pattern forms, matched as PETRARCH-2 matches them, on hand-written
sentences and a small dictionary."""

from __future__ import annotations

import pytest

from detente.pipeline import Pipeline
from tests.conftest import petrarch_pipe, petrarch_triples

pytestmark = pytest.mark.model

ACTORS = """\
JAPAN [JPN]
CHINA [CHN]
"""
VERBS = """\
--- APPEAL  [020]  ---
APPEAL
- * FOR  [904]
- * ON  [905]

--- DEPART  [032]  ---
DEPART

--- SEIZE  [171]  ---
SEIZE
WIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING}
- WILL NOT *  [081]
"""


@pytest.fixture(scope="module")
def pipe(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return petrarch_pipe(pipeline, tmp_path_factory.mktemp("forms"), actors=ACTORS,
                         verbs=VERBS)


def triples(pipe: Pipeline, text: str) -> set[tuple[str, str, str]]:
    return petrarch_triples(pipe, text)


@pytest.mark.parametrize("text, code", [
    ("Japan appealed for China's help.", "904"),
    # the preposition's object is no party: the first party after the verb is the target
    ("Japan appealed for a boycott against China.", "904"),
    ("Japan appealed on the ministers of China.", "905"),
])
def test_a_bare_preposition_leads_to_the_first_party_after_the_verb(
        pipe: Pipeline, text: str, code: str) -> None:
    assert triples(pipe, text) == {("JPN", "CHN", code)}


@pytest.mark.parametrize("text, expected", [
    ("Japan departs from China.", {("JPN", "CHN", "032")}),
    ("Japan departed from China.", {("JPN", "CHN", "032")}),
    # PETRARCH matches the verb's forms, not its lemma: no such form of DEPART
    ("Japan departes from China.", set()),
])
def test_only_the_forms_of_a_verb_match(pipe: Pipeline, text: str,
                                        expected: set[tuple[str, str, str]]) -> None:
    assert triples(pipe, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Japan wire tapped the phones of China.", {("JPN", "CHN", "171")}),
    ("Japan will not wire tap the phones of China.", {("JPN", "CHN", "081")}),
    # the words before the verb of the phrasal verb are needed, right before it
    ("Japan tapped the phones of China.", set()),
    ("Japan will not tap the phones of China.", set()),
])
def test_words_before_the_verb_of_a_phrasal_verb(pipe: Pipeline, text: str,
                                                 expected: set[tuple[str, str, str]]) -> None:
    assert triples(pipe, text) == expected
