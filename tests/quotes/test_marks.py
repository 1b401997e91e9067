"""Quote marks: where direct speech opens and closes, without the model."""

from __future__ import annotations

import pytest

from detente.quotes.marks import paragraphs, quoted_spans


def spans(text: str) -> list[tuple[str, bool]]:
    return [(text[m.start:m.end], m.closed) for m in quoted_spans(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("He said “we will go” today.", [("we will go", True)]),
    ('He said "we will go" today.', [("we will go", True)]),
    ("He said ''we will go'' today.", [("we will go", True)]),  # archive style
    ("Lavrov: «we will go» today.", [("we will go", True)]),
    ("Warren Hammers CEO: ‘You Should Be Investigated.’", [("You Should Be Investigated.", True)]),
    ("Obama Sees 'Personal Insult' if Blacks Don't Rally", [("Personal Insult", True)]),
])
def test_marks_of_every_convention(text: str, expected: list[tuple[str, bool]]) -> None:
    assert spans(text) == expected


def test_apostrophes_are_not_quotes() -> None:
    assert spans("Russia's and the Clintons' plans don't change; it’s the ’90s.") == []


def test_unbalanced_quote_runs_to_the_paragraph_end() -> None:
    text = "“We will never accept this, Lavrov said.\n\nThe talks ended."
    assert spans(text) == [("We will never accept this, Lavrov said.", False)]


def test_multi_paragraph_quote_opens_again() -> None:
    text = ("Stoltenberg said: “NATO is a defensive alliance.\n\n"
            "“We do not seek confrontation,” he added.")
    assert spans(text) == [("NATO is a defensive alliance.", False),
                           ("We do not seek confrontation,", True)]


def test_nested_single_quotes_belong_to_the_quote() -> None:
    text = "“They call it ‘a special operation,’ but it is a war,” said Stoltenberg."
    assert spans(text) == [("They call it ‘a special operation,’ but it is a war,", True)]


def test_straight_quote_with_curly_quote_inside() -> None:
    text = '"The question: “Is it over?” Forty percent said yes," he said.'
    assert spans(text) == [("The question: “Is it over?” Forty percent said yes,", True)]


def test_mixed_curly_and_straight_marks_close_each_other() -> None:
    text = '“Immunity deals should stop," Chaffetz said, "like candy.”'
    assert spans(text) == [("Immunity deals should stop,", True), ("like candy.", True)]


def test_closing_mark_typed_as_an_opening_one() -> None:
    assert spans("It rated it “Mostly False.“ Then it moved on.") == [("Mostly False.", True)]


def test_paragraphs_split_on_blank_lines_and_lines_opening_a_quote() -> None:
    text = "One.\n\nTwo.\n“Three.”"
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.", "Two.", "“Three.”"]


def test_outer_marks_reused_inside_a_quote() -> None:
    text = "“I would rather live in what he calls “hell” than here,” she said."
    assert spans(text) == [("I would rather live in what he calls “hell” than here,", True)]
