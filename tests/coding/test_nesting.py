"""PETRARCH-2's nesting of events (`detente.coding.nesting`): a statement gives way to the
event it reports, an adverbial clause's event to the event of the verb it modifies; only
under PETRARCH conventions."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from detente.coding.nesting import Coded, petrarch_kept
from detente.coding.patterns import load_patterns
from detente.pipeline import Pipeline
from tests.conftest import petrarch_pipe, petrarch_triples


def _doc(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps,
               sent_starts=[True] + [False] * (len(words) - 1))


# "Japan is about to renew ties after crowds burned flags , Korea said ."
RENEW = _doc(
    ["Japan", "is", "about", "to", "renew", "ties", "after", "crowds", "burned", "flags",
     ",", "Korea", "said", "."],
    [1, 12, 1, 4, 2, 4, 8, 8, 1, 8, 12, 12, 12, 12],
    ["nsubj", "ccomp", "acomp", "aux", "xcomp", "dobj", "mark", "nsubj", "advcl", "dobj",
     "punct", "nsubj", "ROOT", "punct"])


def test_the_statement_gives_way_to_the_event_it_reports() -> None:
    said, renew, burned = RENEW[12], RENEW[4], RENEW[8]
    kept = petrarch_kept([Coded(renew, False), Coded(burned, False), Coded(said, True)])
    # the statement and the adverbial clause's event are nested in "renew"
    assert kept == [True, False, False]
    # a statement reporting nothing coded stands, and so does the clause's event when
    # the verb it modifies codes nothing
    assert petrarch_kept([Coded(burned, False), Coded(said, True)]) == [True, False]
    assert petrarch_kept([Coded(said, True)]) == [True]


def test_a_complement_the_verb_controls_is_no_reported_clause() -> None:
    # "Japan urged Korea to help China": "urged" is no report of "help" and stands ...
    doc = _doc(["Japan", "urged", "Korea", "to", "help", "China", "."],
               [1, 1, 1, 4, 1, 4, 1],
               ["nsubj", "ROOT", "dobj", "aux", "xcomp", "dobj", "punct"])
    assert petrarch_kept([Coded(doc[1], True), Coded(doc[4], False)]) == [True, False]
    # ... but the act it asks of its object is part of its event (and not Japan's act)
    # "Japan tried to help China": the subject's own act stands
    doc = _doc(["Japan", "tried", "to", "help", "China", "."], [1, 1, 3, 1, 3, 1],
               ["nsubj", "ROOT", "aux", "xcomp", "dobj", "punct"])
    assert petrarch_kept([Coded(doc[1], False), Coded(doc[3], False)]) == [True, True]


def test_conventions_follow_the_dictionary(pipeline: Pipeline) -> None:
    assert pipeline.patterns.conventions == "detente"
    assert load_patterns(pipeline.ontology).conventions == "detente"


ACTORS = """\
JAPAN [JPN]
CHINA [CHN]
KOREA [KOR]
"""
VERBS = """\
--- SAY  [023]  ---
SAY {SAID}

--- RESTORE  [064]  ---
RESTORE
- * TIES WITH +  [064]

--- BURN  [222]  ---
BURN
"""


@pytest.fixture(scope="module")
def pipe(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    pipe = petrarch_pipe(pipeline, tmp_path_factory.mktemp("nest"), actors=ACTORS,
                         verbs=VERBS)
    assert pipe.patterns.conventions == "petrarch"
    return pipe


def triples(pipe: Pipeline, text: str) -> set[tuple[str, str, str]]:
    return petrarch_triples(pipe, text)


@pytest.mark.model
def test_petrarch_nesting_end_to_end(pipe: Pipeline) -> None:
    assert triples(pipe, "Japan will restore ties with China two years after Korea burned "
                         "its flags, China said on Monday.") == {("JPN", "CHN", "064")}
    # nothing reported: the statement stands
    assert ("CHN", "---", "023") in triples(pipe, "China said on Monday that the weather "
                                                  "was fine.")
