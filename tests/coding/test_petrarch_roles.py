"""Who is source and who target in PETRARCH patterns that name the source after the verb
(`+ * FROM $`), and in the complements PETRARCH-2 reads for a target."""

from __future__ import annotations

import pytest

from detente.pipeline import Pipeline
from tests.conftest import petrarch_pipe, petrarch_triples

pytestmark = pytest.mark.model

ACTORS = """\
JAPAN [JPN]
CHINA [CHN]
RUSSIA [RUS]
"""
VERBS = """\
--- RELEASE  [060]  ---
RELEASE
- + * FROM $  [066]
- + HAS * $  [067]

--- VOW  [170]  ---
VOW
- * WAR  [173]
"""


@pytest.fixture(scope="module")
def pipe(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return petrarch_pipe(pipeline, tmp_path_factory.mktemp("petr"), actors=ACTORS,
                         verbs=VERBS, strict=True)


def triples(pipe: Pipeline, text: str) -> set[tuple[str, str, str]]:
    return petrarch_triples(pipe, text)


def test_the_source_after_the_verb_acts_on_the_subject(pipe: Pipeline) -> None:
    assert triples(pipe, "China was released from Japan on Monday.") == {
        ("JPN", "CHN", "066")}
    # PETRARCH reads the pattern's words, not the voice: the subject is the target
    assert ("RUS", "CHN", "066") in triples(pipe, "China released the prisoners from Russia.")
    # no party after the verb: another pattern codes the verb, subject as source
    assert triples(pipe, "China released the prisoners to Japan.") == {("CHN", "JPN", "060")}


def test_a_promise_of_war_is_coded_with_the_complements_target(pipe: Pipeline) -> None:
    assert triples(pipe, "Russia vowed on Monday to wage war on Japan.") == {
        ("RUS", "JPN", "173")}
    assert triples(pipe, "Russia vowed to help Japan.") == {("RUS", "JPN", "170")}
