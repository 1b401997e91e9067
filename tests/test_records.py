"""Records serialise to exactly the contract's fields and read back unchanged."""

from __future__ import annotations

from detente.records import Actor, Article, Event, Quote, article_id_for, event_id_for

CONTRACT_EVENT = {"event_id", "article_id", "sentence", "date", "source", "target", "cameo",
                  "root", "quad_class", "goldstein", "plover", "negated", "modality",
                  "evidence", "quote_id", "rule", "confidence"}
CONTRACT_ACTOR = {"text", "code", "country", "org", "sector", "name"}


def _event() -> Event:
    src = Actor("Moscow", "RUSGOV", "RUS", None, "GOV", None, "capital")
    return Event("e1", "a1", 2, "2018-09-25", src, None, "036", "03", 1, 4.0,
                 {"type": "CONSULT", "mode": None}, False, "future",
                 {"text": "x", "start": 0, "end": 1}, None, "036.meet", 0.8)


def test_event_fields_cover_the_contract() -> None:
    d = _event().to_dict()
    assert set(d) >= CONTRACT_EVENT
    assert set(d["source"]) >= CONTRACT_ACTOR
    assert d["target"] is None and d["cameo"] == "036"


def test_event_round_trip() -> None:
    e = _event()
    assert Event.from_dict(e.to_dict()) == e


def test_article_and_quote_fields() -> None:
    a = Article("a1", "text", url="x.txt", published="2018-09-25")
    assert set(a.to_dict()) == {"article_id", "url", "source", "title", "published", "language",
                                "text", "duplicate_of"}
    assert Article.from_dict(a.to_dict()) == a
    q = Quote("q1", "a1", "words", True, 0, 5, "say", None)
    assert set(q.to_dict()) == {"quote_id", "article_id", "text", "direct", "start", "end",
                                "cue", "speaker"}


def test_ids_are_stable_and_sensitive() -> None:
    assert article_id_for("AP", "Some  text\n") == article_id_for("AP", "Some text")
    assert article_id_for("AP", "Some text") != article_id_for("Reuters", "Some text")
    a = event_id_for("a1", 0, "r", "036", "RUS", "UKR", 10)
    assert a == event_id_for("a1", 0, "r", "036", "RUS", "UKR", 10)
    assert a != event_id_for("a1", 0, "r", "036", "UKR", "RUS", 10)
