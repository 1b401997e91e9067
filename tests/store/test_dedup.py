"""Wire copies: the same story from several outlets is one story with several articles."""

from __future__ import annotations

from detente.ingest.dedup import Deduplicator, from_bytes, signature, to_bytes

STORY = ("Russian Foreign Minister Sergey Lavrov met his Chinese counterpart Wang Yi in Moscow on "
         "Monday, and the two sides signed an agreement on energy cooperation. Lavrov told "
         "reporters that both countries would continue to work together on regional security, "
         "and Wang said China would send a trade delegation to Russia next month. ")


def test_copies_point_to_the_original_and_survive_a_round_trip() -> None:
    d = Deduplicator()
    assert d.check("ap", signature(STORY * 2)) is None
    copy = "MOSCOW (Reuters) - " + STORY * 2 + " Reporting by Jane Doe; editing by John Roe."
    assert d.check("reuters", signature(copy)) == "ap"
    other = "Brazil and Argentina agreed to cut tariffs on steel and cars, officials said. " * 3
    assert d.check("other", signature(other)) is None
    stored = [(k, to_bytes(d.sigs[k]), None if k != "reuters" else "ap")
              for k in ("ap", "reuters", "other")]
    fresh = Deduplicator()
    fresh.load(stored)
    assert fresh.check("bbc", signature(STORY * 2 + "More to follow.")) == "ap"
    assert fresh.check("reuters", from_bytes(stored[1][1])) == "ap"
