"""Direct quotes and their speakers on hand-written texts (needs the spaCy model)."""

from __future__ import annotations

import pytest

from detente.pipeline import Pipeline
from detente.records import Article, Quote

pytestmark = pytest.mark.model


def direct(pipe: Pipeline, text: str) -> list[Quote]:
    res = pipe.process(Article("t", text, published="2018-09-25"))
    quotes = [q for q in res.quotes if q.direct]
    for q in quotes:
        assert text[q.start:q.end] == q.text
    return quotes


def said_by(q: Quote, text: str) -> str | None:
    """The words naming the speaker at the cue."""
    if q.speaker_start is None or q.speaker_end is None:
        return None
    return text[q.speaker_start:q.speaker_end]


def test_cue_after_the_quote(pipeline: Pipeline) -> None:
    text = "“We will defend every inch of allied territory,” Jens Stoltenberg said on Monday."
    (q,) = direct(pipeline, text)
    assert q.cue == "say" and said_by(q, text) == "Jens Stoltenberg"
    assert q.speaker is not None and q.speaker.name == "Jens Stoltenberg"


def test_said_x_inversion(pipeline: Pipeline) -> None:
    text = ("“We will defend every inch of allied territory,” said Stoltenberg, the head of "
            "the alliance.")
    (q,) = direct(pipeline, text)
    assert q.cue == "say" and said_by(q, text) == "Stoltenberg"


def test_cue_before_the_quote(pipeline: Pipeline) -> None:
    text = "Sergey Lavrov told reporters: “We have no plans to attack anyone.”"
    (q,) = direct(pipeline, text)
    assert q.cue == "tell" and said_by(q, text) == "Sergey Lavrov"
    assert q.speaker is not None and q.speaker.country == "RUS"


def test_according_to(pipeline: Pipeline) -> None:
    text = "“The talks have failed and the sanctions will stay,” according to Sergey Lavrov."
    (q,) = direct(pipeline, text)
    assert q.cue == "according to" and said_by(q, text) == "Sergey Lavrov"


def test_pronoun_speaker_is_the_person_before(pipeline: Pipeline) -> None:
    text = ("Russian Foreign Minister Sergey Lavrov met his Turkish counterpart in Ankara on "
            "Monday.\n\n“We have no plans to attack anyone,” he said.")
    (q,) = direct(pipeline, text)
    assert said_by(q, text) == "he"
    assert q.speaker_name == "Sergey Lavrov"
    assert q.speaker is not None and q.speaker.country == "RUS"


def test_speaker_named_in_the_previous_paragraph(pipeline: Pipeline) -> None:
    text = ("Jens Stoltenberg said the alliance would answer any attack.\n\n"
            "“Nobody should doubt our resolve to defend each other.”")
    (q,) = direct(pipeline, text)
    assert said_by(q, text) == "Jens Stoltenberg" and q.cue == "say"


def test_speaker_goes_on_after_a_quote_without_cue(pipeline: Pipeline) -> None:
    text = ("“We are ready to talk to Russia,” Stoltenberg said. “But we will not accept "
            "the annexation of Crimea.”\n\nRussia's foreign ministry did not comment.")
    first, second = direct(pipeline, text)
    assert said_by(first, text) == said_by(second, text) == "Stoltenberg"


def test_unbalanced_quote_runs_to_the_paragraph_end(pipeline: Pipeline) -> None:
    text = ("Stoltenberg said on Tuesday: “Russia must withdraw its forces from Ukraine.\n\n"
            "The alliance meets again in Brussels next week.")
    (q,) = direct(pipeline, text)
    assert q.text == "Russia must withdraw its forces from Ukraine."
    assert said_by(q, text) == "Stoltenberg"


def test_multi_paragraph_quote_takes_its_cue_from_any_paragraph(pipeline: Pipeline) -> None:
    text = ("“The alliance does not seek confrontation with anyone.\n\n"
            "“But we will defend every ally against any threat,” Stoltenberg said.")
    first, second = direct(pipeline, text)
    assert said_by(first, text) == said_by(second, text) == "Stoltenberg"


def test_nested_single_quotes(pipeline: Pipeline) -> None:
    text = ("“They call it ‘a special military operation,’ but it is a war,” said Jens "
            "Stoltenberg.")
    (q,) = direct(pipeline, text)
    assert "‘a special military operation,’" in q.text
    assert said_by(q, text) == "Jens Stoltenberg"


def test_byline_after_a_dash(pipeline: Pipeline) -> None:
    text = "“Diplomacy is the only way out of this crisis.” ― Sergey Lavrov"
    (q,) = direct(pipeline, text)
    assert said_by(q, text) == "Sergey Lavrov" and q.cue is None


def test_any_verb_in_the_cue_slot(pipeline: Pipeline) -> None:
    text = "“This is a fantastic day for the alliance!” beamed Jens Stoltenberg."
    (q,) = direct(pipeline, text)
    assert said_by(q, text) == "Jens Stoltenberg" and q.cue == "beam"


def test_headline_name_colon_quote(pipeline: Pipeline) -> None:
    text = ("Stoltenberg: ‘Russia Must Withdraw From Ukraine.’\n\n"
            "The alliance met in Brussels on Tuesday.")
    (q,) = direct(pipeline, text)
    assert said_by(q, text) == "Stoltenberg"


def test_a_scare_quoted_word_is_not_a_quote(pipeline: Pipeline) -> None:
    assert direct(pipeline, "Moscow called the drills a “provocation” on Tuesday.") == []
