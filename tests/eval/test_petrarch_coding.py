"""Coding with a tiny set of PETRARCH dictionaries: what the importers carry to the coder."""

from __future__ import annotations

import pytest

from detente.pipeline import Pipeline
from tests.conftest import petrarch_pipe, petrarch_triples

pytestmark = pytest.mark.model

ACTORS = """\
BREE  [BRE]
GONDOR  [GON]
ROHAN  [ROH]
ROMENDACIL  [BRE]
"""
AGENTS = """\
PRESIDENT [~GOV]
SOLDIER [~MIL]
PRIME_MINISTER [~GOV]
"""
VERBS = """\
&NEGAUX
+DID N'T
+WILL NOT
--- ARRIVE  [032:033]  ---
ARRIVE
--- AGREE [081] ---
AGREE
- % * [030:030]
--- DELAY [120] ---
DELAY
- % HAVE * [191]
--- CONDEMN [122] ---
CONDEMN
--- CLASH [223] ---
CLASH
- &NEGAUX * OVER EFFORTS [904]
- * OVER EFFORTS [121]
"""


@pytest.fixture(scope="module")
def pipe(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return petrarch_pipe(pipeline, tmp_path_factory.mktemp("petr"), actors=ACTORS,
                         verbs=VERBS, agents=AGENTS)


def triples(pipe: Pipeline, text: str) -> set[tuple[str, str, str]]:
    return petrarch_triples(pipe, text, "1995-01-17")


def test_reciprocal_code_gives_the_swapped_event(pipe: Pipeline) -> None:
    got = triples(pipe, "Rohan arrived in Gondor on Monday.")
    assert got == {("ROH", "GON", "032"), ("GON", "ROH", "033")}


def test_a_title_before_a_name_listed_as_a_country_actor(pipe: Pipeline) -> None:
    got = triples(pipe, "Bree President Romendacil arrived in Gondor on Monday.")
    assert ("BREGOV", "GON", "032") in got, got


def test_compound_subject_parties_act_towards_each_other(pipe: Pipeline) -> None:
    got = triples(pipe, "Gondor and Rohan agree that the dispute should be settled.")
    assert got == {("GON", "ROH", "030"), ("ROH", "GON", "030")}, got
    assert triples(pipe, "Gondor agrees that the dispute should be settled.") == {
        ("GON", "---", "081")}


def test_auxiliaries_beside_a_compound_actor(pipe: Pipeline) -> None:
    got = triples(pipe, "Gondor and Rohan have delayed their meeting.")
    assert got == {("GON", "ROH", "191"), ("ROH", "GON", "191")}, got


def test_the_first_party_after_the_verb_in_text_order(pipe: Pipeline) -> None:
    # "by Rohan soldiers" comes before "in Bree": the attackers are the target.
    got = triples(pipe, "Gondor condemned an attack by Rohan soldiers in Bree on Monday.")
    assert got == {("GON", "ROHMIL", "122")}, got


def test_negation_before_the_verb_makes_a_pattern_for_negated_verbs(pipe: Pipeline) -> None:
    assert triples(pipe, "Gondor didn't clash over the efforts of Rohan.") == {
        ("GON", "ROH", "904")}
    assert triples(pipe, "Gondor clashed over the efforts of Rohan.") == {
        ("GON", "ROH", "121")}


def test_a_capitalised_word_before_a_several_word_role_is_its_title(pipe: Pipeline) -> None:
    got = triples(pipe, "Bree's Deputy Prime Minister Telemar arrived in Gondor on Monday.")
    assert ("BREGOV", "GON", "032") in got, got
