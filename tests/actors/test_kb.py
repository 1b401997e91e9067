"""The packaged actor knowledge: loads cleanly, is big enough, and its dates make sense."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from detente.actors.kb import KnowledgeBase, load_kb, stats
from detente.errors import DataError


def _split(s: str) -> list[str]:
    return s.replace("'s", " 's").split()


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb(_split)  # strict: any bad entry raises with FILE:LINE


def test_sizes(kb: KnowledgeBase) -> None:
    n = stats(kb)
    assert n["countries"] >= 237
    assert n["igos"] >= 120
    assert n["agents"] >= 250
    assert n["role spans"] >= 1500
    assert n["metonyms"] >= 40


def test_no_inverted_or_overlapping_role_spans(kb: KnowledgeBase) -> None:
    overlaps = []
    for name, spans in kb.people.items():
        by_start = sorted(spans, key=lambda e: e.start or "")
        for e in by_start:
            assert not (e.start and e.end and e.end < e.start), (name, e.reason)
        for a, b in itertools.pairwise(by_start):
            if a.code != b.code and a.end is not None and b.start is not None and b.start < a.end:
                overlaps.append((name, a.reason, b.reason))
            if a.end is None and b.start is not None and a.code != b.code:
                overlaps.append((name, a.reason, b.reason))
    assert not overlaps, overlaps[:10]


def test_one_person_many_roles_over_time(kb: KnowledgeBase) -> None:
    role = kb.person_role
    assert (e := role("Jens Stoltenberg", "2018-09-25")) and e.code == "IGOWSTNAT"
    assert (e := role("Jens Stoltenberg", "2010-01-01")) and e.code == "NORGOV"
    assert (e := role("Jens Stoltenberg", "2025-06-01")) and e.code == "NORGOV"
    assert role("Jens Stoltenberg", "2003-01-01") is None  # in opposition then
    assert (e := role("Vladimir Putin", "2010-01-01")) and e.role and "Prime" in e.role


def _write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_bad_entries_name_file_and_line(tmp_path: Path) -> None:
    people = ("# version: 1\n# test\nname\taliases\tcode\tcountry\torg\tsector\trole\tstart\tend\n"
              "Good Person\t\tRUSGOV\tRUS\t\tGOV\tMinister\t2001-01-01\t2002-01-01\n"
              "Bad Dates\t\tRUSGOV\tRUS\t\tGOV\tMinister\t2005-01-01\t2002-01-01\n"
              "Bad Code\t\trus\tRUS\t\tGOV\tMinister\t2001-01-01\t\n")
    _write(tmp_path / "people", "p.tsv", people)
    with pytest.raises(DataError, match=r"p\.tsv:5: end 2002-01-01 before start"):
        load_kb(_split, tmp_path)
    problems: list[DataError] = []
    kb = load_kb(_split, tmp_path, strict=False, problems=problems)
    assert [p.line for p in problems] == [5, 6]
    assert "Good Person" in kb.people and "Bad Dates" not in kb.people


def test_missing_version_line_is_reported(tmp_path: Path) -> None:
    _write(tmp_path, "agents.tsv", "phrase\tsector\nminister\tGOV\n")
    with pytest.raises(DataError, match=r"agents\.tsv:1: missing '# version: N'"):
        load_kb(_split, tmp_path)


def test_a_word_written_with_underscores_matches_a_several_word_name() -> None:
    from detente.actors.kb import Entry, TokenTrie

    trie = TokenTrie()
    entry = Entry("country", "AAA", country="AAA")
    trie.add(["Port", "of", "New", "Avalon"], entry)
    keys = [("the",), ("Port",), ("of",), ("New_Avalon",), ("said",)]
    assert trie.longest(keys, 1) == (4, [entry])
    assert trie.longest([("Port_of_New_Avalon",)], 0) == (1, [entry])
    assert trie.longest([("_",), ("Port",)], 0) == (0, [])  # a bare underscore is a word


@pytest.mark.parametrize("code, suffix, out", [
    ("DNK", "MUSMED", "DNKMUSMED"),
    ("HGWGOVMED", "GOVMED", "HGWGOVMED"),  # already there: nothing added
    ("USAGOV", "GOV", "USAGOV"),
    ("USAGOV", "ELI", "USAGOVELI"),
    ("GMWGOV", "WGO", "GMWGOVWGO"),  # 'WGO' inside GMWGOV is no block of it
    ("GON", None, "GON"),
    ("", "MUSMUS", "MUS"),
])
def test_stack_codes_appends_missing_three_letter_blocks(code: str, suffix: str | None,
                                                          out: str) -> None:
    from detente.actors.kb import stack_codes

    assert stack_codes(code, suffix) == out


def test_a_role_without_plurals_matches_only_as_written() -> None:
    from detente.actors.kb import EXACT, Entry

    kb = KnowledgeBase()
    cop = Entry("agent", "COP", sector="COP")
    officer = Entry("agent", "GOV", sector="GOV")
    kb.add_role(str.split, "police", cop, plurals=False)
    kb.add_role(str.split, "police officer", officer)

    def match(*words: tuple[str, str]) -> list[Entry]:
        keys = [(w, lemma, w + EXACT) for w, lemma in words]
        end, found = kb.roles.longest(keys, 0)
        return found if end == len(words) else []

    assert match(("police", "police")) == [cop]  # both ways tried: "police officer" too
    assert match(("polices", "police")) == []
    assert match(("police", "police"), ("officers", "officer")) == [officer]
