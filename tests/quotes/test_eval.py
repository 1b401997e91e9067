"""The PolNeAR scorer's definitions on hand-made annotations (no model, no ../shared)."""

from __future__ import annotations

from pathlib import Path

from detente.eval.quotes import (
    Found,
    GoldAttribution,
    GoldDoc,
    family_name,
    is_direct,
    read_polnear,
    score,
    speaker_is_right,
)

TEXT = ("“We will win,” Trump said. He added: “It will be great.”\n\n"
        "Clinton said the plan would “fix our rigged tax system” soon.")


def att(aid: str, source: str, content: str, cue: str = "said") -> GoldAttribution:
    def at(words: str) -> tuple[tuple[int, int], ...]:
        i = TEXT.index(words)
        return ((i, i + len(words)),)
    return GoldAttribution(aid, at(source) if source else (), at(cue), at(content))


WIN = att("E1", "Trump", "“We will win,”")
GREAT = att("E2", "He", "“It will be great.”", cue="added")
MIXED = att("E3", "Clinton", "the plan would “fix our rigged tax system” soon")
DOC = GoldDoc("doc", TEXT, (WIN, GREAT, MIXED))


def test_direct_means_opening_and_closing_marks() -> None:
    assert is_direct(TEXT, WIN) and is_direct(TEXT, GREAT)
    assert not is_direct(TEXT, MIXED)  # paraphrase with quoted words is mixed speech


def test_family_names() -> None:
    assert family_name("Sen. Bernie Sanders (I-Vt.)") == "Sanders"
    assert family_name("Sean Spicer, the RNC's chief strategist") == "Spicer"
    assert family_name("Trump campaign manager Kellyanne Conway") == "Conway"
    assert family_name("Donald Hartley of Madison, Alabama") == "Hartley"
    assert family_name("Clinton's spokesman Brian Fallon") == "Fallon"
    assert family_name("he") is None


def test_speaker_by_overlap_or_by_name() -> None:
    trump = TEXT.index("Trump")
    assert speaker_is_right(DOC, WIN, Found(0, 1, (trump, trump + 5), None)) == (True, True)
    # a pronoun in the gold stands for the nearest earlier named gold source
    assert speaker_is_right(DOC, GREAT, Found(0, 1, None, "Donald Trump")) == (True, False)
    assert speaker_is_right(DOC, GREAT, Found(0, 1, None, "Hillary Clinton"))[0] is False


def test_score_counts_recall_and_speakers() -> None:
    win, great = TEXT.index("We will"), TEXT.index("It will")
    he = TEXT.index("He added")
    found = [Found(win, win + 13, (TEXT.index("Trump"), TEXT.index("Trump") + 5), "Trump"),
             Found(great, great + 18, (he, he + 2), "Trump")]
    s = score("test", [(DOC, found)])
    assert (s.gold, s.recovered, s.with_source, s.speaker_right) == (2, 2, 2, 2)
    s = score("test", [(DOC, found[:1])])
    assert (s.recall, s.speaker_accuracy) == (0.5, 1.0)
    assert score("test", [(DOC, None)]).failed_docs == 1


def test_read_polnear_takes_the_first_annotator(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    i = TEXT.index("“We will win,”")
    j = TEXT.index("Trump")
    k = TEXT.index("said")
    ann = (f"T1\tSource {j} {j + 5}\tTrump\nT2\tCue {k} {k + 4}\tsaid\n"
           f"T3\tContent {i} {i + 14}\t“We will win,”\nT4\tAttribution {k} {k + 4}\tsaid\n"
           "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")
    (tmp_path / "attributions" / "a_00aa.ann").write_text(ann, encoding="utf-8")
    (tmp_path / "attributions" / "a_ffff.ann").write_text("", encoding="utf-8")
    (doc,) = read_polnear(tmp_path)
    assert doc.name == "a" and len(doc.attributions) == 1
    assert doc.attributions[0].source == ((j, j + 5),)
