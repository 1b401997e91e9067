"""More PETRARCH pattern forms, matched as PETRARCH-2 matches them, on hand-written
sentences and a small dictionary."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.actors.petrarch import actor_head_words, fresh_kb
from detente.coding.petrarch import import_verbs, with_codes
from detente.coding.verbpatterns import dictionary_codes
from detente.eval.petrarch import actor_code, spacy_lemmatizer
from detente.pipeline import Pipeline
from detente.records import Article

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
    folder: Path = tmp_path_factory.mktemp("forms")
    (folder / "actors.txt").write_text(ACTORS, encoding="utf-8")
    (folder / "verbs.txt").write_text(VERBS, encoding="utf-8")
    tokenizer = pipeline.nlp.tokenizer
    kb = fresh_kb(lambda s: [t.text for t in tokenizer(s)], [folder / "actors.txt"])
    ontology = with_codes(pipeline.ontology, dictionary_codes(folder / "verbs.txt"))
    patterns = import_verbs(folder / "verbs.txt", ontology,
                            lemmatize=spacy_lemmatizer(pipeline.nlp),
                            target_words=actor_head_words(kb))
    return Pipeline(pipeline.nlp, kb, ontology, patterns, pipeline.lexicon)


def triples(pipe: Pipeline, text: str) -> set[tuple[str, str, str]]:
    res = pipe.process(Article("t", text, published="2019-03-01"))
    return {(actor_code(e.source), actor_code(e.target), e.cameo) for e in res.events}


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
