from __future__ import annotations

import pytest

from detente.ingest.language import detect_language


@pytest.mark.parametrize(("text", "expected"), [
    ("NATO Secretary General Jens Stoltenberg said Tuesday he wants a more constructive "
     "relationship with Russia.", "en"),
    ("Le ministre français a rencontré son homologue à Genève mardi pour évoquer la crise.",
     "fr"),
    ("Die Bundesregierung hat am Dienstag neue Sanktionen gegen Russland beschlossen.", "de"),
    ("El presidente de México se reunió el martes con su homólogo de Estados Unidos.", "es"),
])
def test_languages_are_identified(text: str, expected: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", [
    "Iran met Iraq.",  # too short to tell
    "NATO chief met Lavrov in New York.",  # weak guess (Dutch): better none than wrong
    "Shr 45 cts vs 58 cts\n\nNet 1.1 mln vs 829,000\n\nSales 12.4 mln vs 10.1 mln",
    "1234 5678 ---- ////",
])
def test_unsure_or_too_short_gives_none(text: str) -> None:
    assert detect_language(text) is None
