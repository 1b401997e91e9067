from __future__ import annotations

from pathlib import Path

import pytest

from detente.ingest import clean_text
from detente.ingest.boilerplate import BoilerplateFileError, load_boilerplate
from detente.ingest.clean import normalize_whitespace

from .conftest import Shared


def test_reference_article_ends_with_the_trident_juncture_sentence(shared: Shared) -> None:
    sample = shared.get("samples/000_f07a9d63f954f103.txt")
    result = clean_text(sample.read_text(encoding="utf-8"))
    last = result.text.split("\n")[-1]
    assert last.startswith("Stoltenberg said NATO wants to avoid a return to Cold War days.")
    assert last.endswith("Trident Juncture — involving land, air and naval forces.")
    assert "\n\n" in result.text
    assert [r.text for r in result.removed] == [
        "Source: The Associated Press",
        "Sign up to receive our latest news!",
        "By submitting this form, I agree to the terms.",
    ]
    assert all(r.rule.startswith("boilerplate.tsv:") for r in result.removed)


@pytest.mark.parametrize(("text", "place", "outlet", "when", "body"), [
    ("UNITED NATIONS (AP) — NATO's chief met Lavrov.", "UNITED NATIONS", "AP", None,
     "NATO's chief met Lavrov."),
    ("MOSCOW, Sept 25 (Reuters) - Russia warned NATO.", "MOSCOW", "Reuters", "Sept 25",
     "Russia warned NATO."),
    ("KIEV, Ukraine (AP) — Poroshenko spoke.", "KIEV, Ukraine", "AP", None, "Poroshenko spoke."),
    ("WASHINGTON — The U.S. imposed sanctions.", "WASHINGTON", None, None,
     "The U.S. imposed sanctions."),
    ("(CNN) -- The official resigned.", None, "CNN", None, "The official resigned."),
    ("JERUSALEM 1996-08-22\nIsrael let Arafat fly.", "JERUSALEM", None, "1996-08-22",
     "Israel let Arafat fly."),
])
def test_datelines_give_place_and_outlet(text: str, place: str | None, outlet: str | None,
                                         when: str | None, body: str) -> None:
    result = clean_text(text)
    assert (result.text, result.place, result.outlet, result.dateline_date) == (
        body, place, outlet, when)
    assert result.removed[0].kind == "dateline"


@pytest.mark.parametrize("text", [
    "U.S.-led forces struck targets in Syria.",
    "NATO said it would respond.",
    "EU-Turkey talks resumed on Monday.",
])
def test_text_without_dateline_is_untouched(text: str) -> None:
    result = clean_text(text)
    assert result.text == text
    assert result.place is None and result.outlet is None and result.removed == ()


@pytest.mark.parametrize("line", [
    "Sign up for our daily newsletter",
    "Subscribe now!",
    "By clicking Sign Up, you agree to our Terms of Service and Privacy Policy.",
    "Get the latest headlines in your inbox every morning.",
    "We use cookies to improve your experience on our site.",
    "Share this article",
    "Facebook Twitter Email",
    "Related: Russia expels diplomats",
    "Read more: The crisis explained",
    "Click here to read the full report.",
    "Copyright 2018 The Associated Press. All rights reserved.",
    "© 2019 Reuters",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "(Reporting by Tom Miles; Editing by Alison Williams)",
    "Associated Press writer Edith M. Lederer contributed to this report.",
    "Advertisement",
    "Updated: July 02, 2013 15:50 IST",
    "Follow us on Twitter @worldnews",
    "More AP NBA: https://apnews.com/NBA",
    "Loading...",
])
def test_boilerplate_lines_are_removed_anywhere(line: str) -> None:
    text = f"Russia expelled two diplomats.\n\n{line}\n\nNATO condemned the move."
    result = clean_text(text)
    assert result.text == "Russia expelled two diplomats.\n\nNATO condemned the move."
    assert [r.text for r in result.removed] == [line]


@pytest.mark.parametrize("sentence", [
    "Britain refused to sign up to the deal, the minister said.",
    "The source said Moscow would respond.",
    "Source code for the voting machines was never released, officials said.",
    "By Tuesday, the troops had left the border area.",
    "Copyright law was the focus of the EU summit.",
    "Released 12 hostages were flown home on Monday.",
    "Published in 1998, the report found widespread abuse.",
    "He urged people to read more about the treaty before the vote.",
    "Reporting by the BBC revealed abuses in the camps.",
    "Share prices in Moscow fell sharply.",
    "Loading of the ships resumed on Tuesday.",
    "Close aides to the president resigned.",
    "More stories emerged of abuse in the camps.",
])
def test_news_sentences_stay(sentence: str) -> None:
    text = f"Russia expelled two diplomats.\n\n{sentence}\n\nNATO condemned the move."
    assert clean_text(text).text == text
    assert clean_text(sentence + "\n\nMore text.").text == sentence + "\n\nMore text."


def test_bylines_are_removed_only_at_the_edges() -> None:
    text = ("By Jane Doe, Associated Press\n\nUNITED NATIONS (AP) — NATO's chief met Lavrov."
            "\n\nThe talks lasted an hour.\n\nBy Vladimir Isachenkov\n\nThey agreed to meet"
            " again.\n\nThey parted.\n\nMore later.\n\nBy Jane Doe")
    result = clean_text(text)
    assert result.text.startswith("NATO's chief met Lavrov.")
    assert "By Vladimir Isachenkov" in result.text  # in the middle: not an edge
    assert not result.text.endswith("By Jane Doe")
    assert result.place == "UNITED NATIONS"


def test_whitespace_is_normalized_and_paragraphs_kept() -> None:
    assert normalize_whitespace("a\r\n\r\n\r\n\r\nb \u00a0\nc\ufeff") == "a\n\nb\nc"


def test_bad_boilerplate_regex_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "boilerplate.tsv"
    path.write_text("# version: 1\n# comment\npattern\tkind\tnote\n"
                    "Source:.*\tline\tfine\n(unclosed\tline\tbroken\n", encoding="utf-8")
    with pytest.raises(BoilerplateFileError, match=rf"{path}:5: bad regular expression"):
        load_boilerplate(path)


@pytest.mark.parametrize(("content", "message"), [
    ("pattern\tkind\tnote\nx\tline\tn\n", r":1: missing '# version: 1'"),
    ("# version: 2\npattern\tkind\tnote\n", r":1: format version 2 is not supported"),
    ("# version: 1\npattern\tkind\tnote\nx\tzap\tn\n", r":3: unknown kind 'zap'"),
    ("# version: 1\npattern\tkind\tnote\nx\tline\n", r":3: expected 3 tab-separated cells"),
    ("# version: 1\npattern\tkind\tnote\nX —\tdateline\tn\n", r":3: a dateline pattern needs"),
    ("# version: 1\npat\tkind\n", r":2: expected the header"),
])
def test_bad_boilerplate_rows_are_reported(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "b.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BoilerplateFileError, match=message):
        load_boilerplate(path)


def test_packaged_patterns_load() -> None:
    patterns = load_boilerplate()
    assert patterns.lines and patterns.edges and patterns.datelines
