"""The typed, frozen records passed between stages; `to_dict` matches ../shared/contract.md."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, fields
from typing import Any


def _stable_hash(*parts: str, size: int = 16) -> str:
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:size]


def normalize_text(text: str) -> str:
    """Text as used for identity: NFC, whitespace folded, stripped."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def article_id_for(source: str | None, text: str) -> str:
    """Stable article id when none is given: a hash of source + normalized text."""
    return "a" + _stable_hash(source or "", normalize_text(text))


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned news article, the unit every later stage works on."""

    article_id: str
    text: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = "en"
    duplicate_of: str | None = None
    place: str | None = None  # dateline place ("UNITED NATIONS"), when the text had one

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "url": self.url,
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "text": self.text,
            "duplicate_of": self.duplicate_of,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A bad input item: which file (and line), and what was wrong, in one line."""

    path: str
    problem: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.problem}"


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: CAMEO code plus the parts it is built from, and why."""

    text: str
    code: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    name: str | None = None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "code": self.code,
            "country": self.country,
            "org": self.org,
            "sector": self.sector,
            "name": self.name,
            "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the doc that names, describes or refers to an actor."""

    start: int  # token index
    end: int  # token index, exclusive
    text: str
    actor: Actor | None
    kind: str  # "name", "person", "agent", "pronoun", "description", ...


@dataclass(frozen=True, slots=True)
class Quote:
    """Words attributed to a speaker, directly (quote marks) or as reported speech."""

    quote_id: str
    article_id: str
    text: str
    direct: bool
    start: int
    end: int
    cue: str | None
    speaker: Actor | None
    sentences: tuple[int, ...] = field(default=())
    # Where the speaker is named at the cue ("he", "Sean Spicer"): character offsets into the
    # text, and the name those words stand for (a pronoun's antecedent), when known. Not in
    # the contract record; they let an evaluation compare speakers the knowledge base lacks.
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "quote_id": self.quote_id,
            "article_id": self.article_id,
            "text": self.text,
            "direct": self.direct,
            "start": self.start,
            "end": self.end,
            "cue": self.cue,
            "speaker": self.speaker.to_dict() if self.speaker else None,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event with its evidence and the rule that produced it."""

    event_id: str
    article_id: str
    sentence: int
    date: str | None
    source: Actor | None
    target: Actor | None
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover: dict[str, str | None]
    negated: bool
    modality: str
    evidence: dict[str, Any]
    quote_id: str | None
    rule: str
    confidence: float
    coder_version: str = ""
    num_articles: int = 1  # copies of the story (wire duplicates) in the store, as GDELT's
    num_sources: int = 1  # distinct outlets that ran it

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "sentence": self.sentence,
            "date": self.date,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "root": self.root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": dict(self.plover),
            "negated": self.negated,
            "modality": self.modality,
            "evidence": dict(self.evidence),
            "quote_id": self.quote_id,
            "rule": self.rule,
            "confidence": self.confidence,
            "coder_version": self.coder_version,
            "num_articles": self.num_articles,
            "num_sources": self.num_sources,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        names = {f.name for f in fields(cls)}
        kw = {k: v for k, v in d.items() if k in names}
        for side in ("source", "target"):
            if kw.get(side) is not None:
                kw[side] = Actor.from_dict(kw[side])
        return cls(**kw)


def event_id_for(article_id: str, sentence: int, rule: str, cameo: str, source: str,
                 target: str, anchor: int) -> str:
    """Stable event id: the same input and options give the same id on every run and engine."""
    return "e" + _stable_hash(article_id, str(sentence), rule, cameo, source, target, str(anchor))
