"""Finding quotes and who said them.

Direct quotes: text between quote marks, curly or straight, running to the end of the
paragraph when the closing mark is missing (wire style for a quote that goes on in the next
paragraph, and plain typos like the reference article's). Reported speech: the clause under a
speech verb ("Stoltenberg said he wants ..."). Speakers come from the cue verb's subject in the
quote's sentence; a quote with no cue of its own takes the nearest earlier cue within the
neighbouring sentences, as a reader would.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from detente.actors.resolve import DocActors
from detente.coding.lexicon import Lexicon
from detente.records import Actor, Quote

OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}
STRAIGHT = '"'
PARA = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class _Raw:
    start: int
    end: int  # content offsets, without the marks


def _direct_spans(text: str) -> list[_Raw]:
    out: list[_Raw] = []
    pos = 0
    paras = [(m.start(), m.end()) for m in PARA.finditer(text)]
    bounds = [0] + [e for _, e in paras]
    ends = [s for s, _ in paras] + [len(text)]
    for pstart, pend in zip(bounds, ends, strict=True):
        pos = pstart
        while pos < pend:
            ch = text[pos]
            if ch in OPEN_CLOSE or ch == STRAIGHT:
                close = OPEN_CLOSE.get(ch, STRAIGHT)
                j = text.find(close, pos + 1, pend)
                if ch == "„" and j < 0:
                    j = text.find("”", pos + 1, pend)
                stop = j if j >= 0 else pend
                content = text[pos + 1: stop]
                lead = len(content) - len(content.lstrip())
                content_s, content_e = pos + 1 + lead, pos + 1 + len(content.rstrip())
                if content_e - content_s >= 2 and len(content.split()) >= 2:
                    out.append(_Raw(content_s, content_e))
                pos = stop + 1
            else:
                pos += 1
    return out


def _quote_id(article_id: str, start: int, end: int) -> str:
    return "q" + hashlib.sha256(f"{article_id}\x1f{start}\x1f{end}".encode()).hexdigest()[:16]


def _is_cue(tok: Token, lex: Lexicon) -> bool:
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return lex.has("speech", tok.lemma_)


def _subject(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    return None


def _according_to(sent: Span, lex: Lexicon, outside: tuple[int, int] | None
                  ) -> tuple[Token, Token] | None:
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            if outside and outside[0] <= t.idx < outside[1]:
                continue
            for g in t.doc[t.i + 1].children:
                if g.dep_ == "pobj":
                    return t, g
    return None


def _cue_in(sent: Span, lex: Lexicon, outside: tuple[int, int] | None
            ) -> tuple[Token, Token | None] | None:
    """The speech verb of a sentence (outside the quoted span) and its subject."""
    best: tuple[Token, Token | None] | None = None
    for t in sent:
        if outside and outside[0] <= t.idx < outside[1]:
            continue
        if _is_cue(t, lex):
            subj = _subject(t)
            if subj is not None and not (outside and outside[0] <= subj.idx < outside[1]):
                return t, subj
            best = best or (t, subj)
    acc = _according_to(sent, lex, outside)
    if acc:
        return acc
    return best


def _speaker(actors: DocActors, subj: Token | None) -> Actor | None:
    return actors.actor(subj) if subj is not None else None


def extract_quotes(doc: Doc, article_id: str, actors: DocActors, lex: Lexicon) -> list[Quote]:
    """All direct and reported-speech quotes of a doc, in text order."""
    sents = list(doc.sents)
    sent_at = {}
    for n, s in enumerate(sents):
        for t in s:
            sent_at[t.idx] = n

    def sent_index(char: int) -> int:
        span = doc.char_span(char, char + 1, alignment_mode="expand")
        return sent_at.get(span[0].idx, 0) if span is not None and len(span) else 0

    quotes: list[Quote] = []
    last: tuple[int, str | None, Actor | None] | None = None  # (sentence, cue, speaker)
    for raw in _direct_spans(doc.text):
        first, final = sent_index(raw.start), sent_index(max(raw.start, raw.end - 1))
        cue_tok: Token | None = None
        speaker: Actor | None = None
        for n in dict.fromkeys((final, first, final + 1)):
            if 0 <= n < len(sents):
                found = _cue_in(sents[n], lex, (raw.start - 1, raw.end + 1))
                if found:
                    cue_tok, subj = found
                    speaker = _speaker(actors, subj)
                    break
        cue = cue_tok.lemma_ if cue_tok is not None else None
        if cue_tok is None:
            for n in range(first - 1, max(first - 3, -1), -1):
                found = _cue_in(sents[n], lex, None)
                if found:
                    cue_tok, subj = found
                    cue, speaker = cue_tok.lemma_, _speaker(actors, subj)
                    break
            if cue_tok is None and last is not None and first - last[0] <= 3:
                cue, speaker = last[1], last[2]
        last = (final, cue, speaker)
        quotes.append(Quote(_quote_id(article_id, raw.start, raw.end), article_id,
                            doc.text[raw.start: raw.end], True, raw.start, raw.end, cue,
                            speaker, tuple(range(first, final + 1))))
    direct = [(q.start, q.end) for q in quotes]
    for n, sent in enumerate(sents):
        for t in sent:
            if not _is_cue(t, lex) or any(s - 1 <= t.idx <= e + 1 for s, e in direct):
                continue
            for c in t.children:
                if c.dep_ != "ccomp" or any(s <= c.idx < e for s, e in direct):
                    continue
                toks = [x for x in c.subtree if not (x.dep_ == "mark" and x.head == c)]
                toks = [x for x in toks if not x.is_punct or x.i < toks[-1].i]
                if len(toks) < 3:
                    continue
                start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
                quotes.append(Quote(_quote_id(article_id, start, end), article_id,
                                    doc.text[start:end], False, start, end, t.lemma_,
                                    _speaker(actors, _subject(t)), (n,)))
    quotes.sort(key=lambda q: (q.start, q.end))
    return quotes
