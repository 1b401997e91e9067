"""One event as a row of GDELT 2.0 Events, ICEWS, or a PLOVER JSON record."""

from __future__ import annotations

import hashlib
from datetime import date as Date
from typing import Any

from detente import CODER_VERSION
from detente.records import Actor, Event

GROUP_PREFIXES = ("IGO", "NGO", "IMG", "MNC", "INT", "NGM", "UIS")


def global_event_id(event_id: str) -> int:
    """A stable positive integer id, as GDELT's GLOBALEVENTID is an integer."""
    return int(hashlib.sha256(event_id.encode()).hexdigest()[:15], 16)


def _actor_cols(a: Actor | None) -> list[Any]:
    if a is None:
        return [""] * 10
    group = a.code[-3:] if a.code.startswith(GROUP_PREFIXES) else ""
    name = (a.name or a.org or a.text or "").upper()
    return [a.code, name, a.country or "", group, "", "", "", a.sector or "", "", ""]


def gdelt_row(e: Event, url: str | None, num_articles: int = 1, num_sources: int = 1
              ) -> list[Any]:
    """The 61 columns of a GDELT 2.0 Events row (geography and tone left empty)."""
    d = Date.fromisoformat(e.date) if e.date else None
    sqldate = d.strftime("%Y%m%d") if d else ""
    frac = f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}" if d else ""
    geo = [""] * 8
    return [
        global_event_id(e.event_id), sqldate, d.strftime("%Y%m") if d else "",
        d.year if d else "", frac,
        *_actor_cols(e.source), *_actor_cols(e.target),
        1 if e.sentence == 0 else 0, e.cameo, e.cameo[:3], e.root, e.quad_class,
        e.goldstein, num_articles, num_sources, num_articles, "",
        *geo, *geo, *geo,
        (sqldate + "000000") if sqldate else "", url or "",
    ]


def icews_row(e: Event, cameo_name: str, country_names: dict[str, str], url: str | None,
              publisher: str | None) -> list[Any]:
    def side(a: Actor | None) -> list[str]:
        if a is None:
            return ["", "", ""]
        return [a.name or a.text, a.sector or "",
                country_names.get(a.country or "", a.country or "")]

    return [global_event_id(e.event_id), e.date or "", *side(e.source)[:3], cameo_name,
            e.cameo, e.goldstein, *side(e.target), e.article_id, e.sentence, publisher or "",
            "", "", "", "", "", ""]


def _entity(a: Actor) -> dict[str, Any]:
    return {"code": a.country or a.code[:3], "sector": a.sector or "",
            "entity_text": a.text, "identifier_id": a.code,
            "identifier_text": a.name or a.org or ""}


def plover_record(e: Event, url: str | None, coded_date: str) -> dict[str, Any]:
    """A PLOVER 0.8 event record (see ../shared/ontology/plover/plover_json_fields.tsv)."""
    ev = e.evidence
    rec: dict[str, Any] = {
        "id": e.event_id,
        "date": e.date,
        "actor": [_entity(e.source)] if e.source else [],
        "recipient": [_entity(e.target)] if e.target else [],
        "event": [e.plover.get("type")] if e.plover.get("type") else [],
        "mode": [e.plover["mode"]] if e.plover.get("mode") else [],
        "quad_code": e.quad_class,
        "event_text": [ev.get("trigger", {}).get("text", "")],
        "text": ev["text"],
        "text_info": {"sequence": e.sentence, "start": ev["start"], "end": ev["end"]},
        "cite_info": {"url": url or "", "story_id": e.article_id},
        "coder": CODER_VERSION,
        "coded_date": coded_date,
        "comment": f"CAMEO {e.cameo} by rule {e.rule}"
                   + ("; negated" if e.negated else "")
                   + ("" if e.modality == "asserted" else f"; {e.modality}"),
    }
    return rec
