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
@pytest.mark.shared
def test_selective_parse_gives_the_events_of_a_full_parse(pipeline: Pipeline) -> None:
    path = need_shared("corpus", "articles.jsonl")
    keep = set(need_shared("corpus", "intl_politics_ids.txt").read_text().split())
    arts = []
    with Path(path).open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["id"] in keep or len(arts) % 3 == 0:
                arts.append(Article(rec["id"], rec["text"], published=rec.get("published")))
            if len(arts) >= 40:
                break
    full = Pipeline(pipeline.nlp, pipeline.kb, pipeline.ontology, pipeline.patterns,
                    pipeline.lexicon, full_parse=True)
    fast = [r.events for r in pipeline.process_many(arts)]
    slow = [r.events for r in full.process_many(arts)]
    assert sum(map(len, slow)) > 20
    assert fast == slow
