"""Segmentation, and selective parsing giving exactly the events of parsing everything."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.nlp.pipeline import SENTENCES
from detente.nlp.segment import segment
from detente.pipeline import Pipeline
from detente.records import Article

from ..conftest import need_shared


def test_segment_rules(pipeline: Pipeline) -> None:
    text = ('Russia and China met\n\nMOSCOW — The U.S. envoy arrived. "We talk," he said. '
            "It was 3.5 p.m. on Monday. talks went on")
    doc = pipeline.nlp.make_doc(text)
    spans = [doc[s:e].text.strip() for s, e in segment(doc)]
    assert spans[0] == "Russia and China met"
    assert spans[1] == "MOSCOW — The U.S. envoy arrived."
    assert spans[2] == '"We talk," he said.'
    assert "".join(doc[s:e].text_with_ws for s, e in segment(doc)) == text


@pytest.mark.model
def test_joined_doc_keeps_text_and_sentences(pipeline: Pipeline) -> None:
    text = "Russia attacked Ukraine. The weather was fine.\n\nFrance condemned the attack."
    doc = pipeline.parser(text)
    assert doc.text == text
    assert [s.text.strip() for s in doc.spans[SENTENCES]] == [
        "Russia attacked Ukraine.", "The weather was fine.", "France condemned the attack."]


@pytest.mark.model
def test_parser_keeps_our_sentence_boundaries(pipeline: Pipeline) -> None:
    text = ("Russia and China pledge cooperation\n\nMOSCOW — Lavrov met Wang Yi. "
            "“We will work together,” Lavrov said.")
    doc = pipeline.parser(text)
    ours = [s.start for s in doc.spans[SENTENCES]]
    assert [s.text.strip() for s in doc.spans[SENTENCES]] == [
        "Russia and China pledge cooperation", "MOSCOW — Lavrov met Wang Yi.",
        "“We will work together,” Lavrov said."]
    assert set(ours) <= {s.start for s in doc.sents}  # the parser never joins them
    for sent in doc.spans[SENTENCES]:
        assert sent.root.head == sent.root


@pytest.mark.model
def test_no_recognizer_yet_speakers_found(pipeline: Pipeline) -> None:
    """The recognizer is skipped (half of spaCy's time); speakers come from cues and names."""
    text = ('Angela Merkel met Emmanuel Macron in Paris. '
            '"We agree on the budget," said Emmanuel Macron, the French president.')
    doc = pipeline.parser(text)
    assert not doc.ents
    result = pipeline.process(Article("a1", text, published="2019-05-02"))
    (quote,) = result.quotes
    assert quote.speaker is not None and quote.speaker.code == "FRAGOV"


@pytest.mark.model
@pytest.mark.shared
def test_same_events_one_article_at_a_time_or_in_batches(pipeline: Pipeline) -> None:
    path = need_shared("corpus", "articles.jsonl")
    keep = set(need_shared("corpus", "intl_politics_ids.txt").read_text().split())
    arts = []
    with Path(path).open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["id"] in keep:
                arts.append(Article(rec["id"], rec["text"], published=rec.get("published")))
            if len(arts) >= 12:
                break
    batched = [r.events for r in pipeline.process_many(arts, batch_size=5)]
    alone = [pipeline.process(a).events for a in arts]
    assert sum(map(len, alone)) > 10
    assert batched == alone


@pytest.mark.model
def test_a_very_long_doc_is_parsed_in_runs_of_sentences(pipeline: Pipeline,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MAX_TOKENS a doc is parsed a run of whole sentences at a time (spaCy's memory
    follows the longest doc) and joined again: same text, same sentences, each a tree."""
    import detente.nlp.pipeline as nlp_pipeline

    paragraph = ("Russia deployed troops to the border with Ukraine on Monday. "
                 "France and Germany signed an agreement on energy cooperation. "
                 "Iran accused Israel of aggression after the attack.\n\n")
    text = paragraph * 6
    whole = pipeline.process(Article("long", text, published="2020-01-06"))
    monkeypatch.setattr(nlp_pipeline, "MAX_TOKENS", 40)
    doc = pipeline.parser(text)
    assert len(doc) > 3 * 40 and doc.text == text
    sents = list(doc.spans[SENTENCES])
    assert len(sents) == 18
    assert all(s.root.head == s.root and s.root.dep_ == "ROOT" for s in sents)
    pieces = pipeline.process(Article("long", text, published="2020-01-06"))
    assert {e.sentence for e in pieces.events} == set(range(18))  # the last runs parsed too
    assert pieces.events == whole.events


@pytest.mark.model
def test_one_sentence_past_the_limit_keeps_detente_sentences(
        pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    import detente.nlp.pipeline as nlp_pipeline

    monkeypatch.setattr(nlp_pipeline, "MAX_TOKENS", 5)
    text = "Russia and China and India and Brazil signed an agreement on energy cooperation"
    doc = pipeline.parser(text)
    assert doc.text == text
    assert [s.text for s in doc.spans[SENTENCES]] == [text]
