"""Finding quotes and who said them.

Direct quotes are the spans between quote marks (`quotes.marks`). Each takes its cue from the
first of these that finds one with a speaker (else the first that finds one at all):

1. a speech verb the quote hangs from, or that hangs from it ("“...,” Trump said", "said
   Stoltenberg", "Lavrov told reporters: “...”"), a nearer speech verb between the two
   winning ("The spot ends with footage of Trump saying, “...”");
2. a name after a dash closing the quote's line ("“...” ― Pamela Padilla");
3. any verb in the slot news keeps for the cue ("“...!” beamed Hartley", "Hillary shot back,
   “...”");
4. the speech verb of the quote's sentences nearest to it, outside any quote;
5. "according to X";
6. an introduction ending in a colon ("Trump tweeted:", or a headline's "Kasich: ‘...’").

Cues come only from the quote's own paragraphs. A quote still without a cue is the same speech
as its neighbours when it goes on from an unclosed quote in the paragraph before (wire style
for a speech over several paragraphs, whose cue may come in any of them); otherwise the last
speaker goes on, unless a cue with a speaker came after their words, which then gives it.
Reported speech is the clause under a speech verb ("Stoltenberg said he wants ...").

Speakers are the cue's subject (climbing "saying" and "was quoted as saying" to the clause
that has one, or a name right by a cue the parser left without one) or the object of
"according to", resolved by `quotes.speakers`.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from detente.actors.resolve import DocActors
from detente.coding.lexicon import Lexicon
from detente.nlp.pipeline import sentences
from detente.quotes.marks import Marked, paragraphs, quoted_spans
from detente.quotes.speakers import Speaker, Speakers
from detente.records import Quote

SUBJECTS = ("nsubj", "nsubjpass")
# Dependencies through which a verb without its own subject shares its head's:
# "Trump spoke and said", "defended the plan, saying", "was quoted as saying".
SHARES_SUBJECT = frozenset({"conj", "xcomp", "advcl"})
# How many sentences back a quote with no cue of its own looks for one.
CUE_WINDOW = 2
DASHES = "—–―-"


@dataclass(frozen=True, slots=True)
class _Cue:
    lemma: str | None  # None for a byline: '“...” ― Pamela Padilla'
    token: Token
    subject: Token | None
    words: Span | None = None  # the speaker's words when the parse cannot tell them


def _quote_id(article_id: str, start: int, end: int) -> str:
    return "q" + hashlib.sha256(f"{article_id}\x1f{start}\x1f{end}".encode()).hexdigest()[:16]


def _is_cue(tok: Token, lex: Lexicon) -> bool:
    return tok.pos_ in ("VERB", "AUX") and lex.has("speech", tok.lemma_)


def _subject(tok: Token, ok: Callable[[Token], bool] = lambda t: True) -> Token | None:
    """The verb's subject, or that of the clause it depends on ("..., saying").

    `ok` rules out candidates ("Full panic mode,” said Wimes": the parser may take words
    inside the quote for the subject).
    """
    for _ in range(4):
        for c in tok.children:
            if c.dep_ in SUBJECTS and ok(c):
                return c
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and ok(tok.head):
            return tok.head  # "footage of Hillary Clinton asking, “...”"
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
            tok = tok.head.head  # "was quoted as saying": saying <- as <- quoted
        elif tok.dep_ in SHARES_SUBJECT and tok.head != tok:
            tok = tok.head
        else:
            return None
    return None


class _Finder:
    """Cue search over one doc: quote spans known, so no cue is taken from inside a quote."""

    def __init__(self, doc: Doc, lex: Lexicon, marked: list[Marked]) -> None:
        self.doc = doc
        self.text = doc.text  # spaCy rebuilds doc.text on every access: keep it once
        self.lex = lex
        self.sents: list[Span] = sentences(doc)
        self.sent_of = {t.i: n for n, s in enumerate(self.sents) for t in s}
        inside: set[int] = set()
        for m in marked:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                inside.update(range(span.start, span.end))
        self.inside = inside
        starts = [s for s, _ in paragraphs(self.text)]
        self.para_of = [bisect.bisect_right(starts, t.idx) - 1 for t in doc]

    def tokens(self, m: Marked) -> Span | None:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span if span is not None and len(span) else None

    def outside(self, tok: Token) -> bool:
        return tok.i not in self.inside and not tok.is_quote

    def cue(self, tok: Token, near: Span | None = None) -> _Cue | None:
        """The cue a speech verb gives; with `near`, only one in the quote's paragraphs (the
        parser may run a sentence over a paragraph break, a cue never does)."""
        if not _is_cue(tok, self.lex) or not self.outside(tok):
            return None
        if near is not None and not (
                self.para_of[near.start] <= self.para_of[tok.i] <= self.para_of[near.end - 1]):
            return None
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and self.outside(tok.head):
            return _Cue(tok.lemma_, tok, tok.head)  # "Said Ellis: “...”", parsed as a name
        prev = tok.nbor(-1) if tok.i > 0 else None
        if (tok.tag_ == "VBG" and prev is not None and prev.pos_ == "PROPN"
                and self.outside(prev)):
            return _Cue(tok.lemma_, tok, prev)  # "footage of Hillary Clinton asking, “...”"
        subj = _subject(tok, lambda t: self.outside(t) and not t.is_punct)
        if subj is None:
            subj = self._adjacent_name(tok, near)
        if subj is not None and near is not None and self.para_of[subj.i] != self.para_of[tok.i]:
            subj = None
        return _Cue(tok.lemma_, tok, subj)

    def _adjacent_name(self, tok: Token, near: Span | None) -> Token | None:
        """A name by a cue the parser gave no subject: in news, that name is the speaker.

        Right before or after the cue ('Tulsa police Chief Chuck Jordan said Monday', parsed
        as an object), or the first name between the quote and a cue after it ('“...,”
        Flynn, a top Trump surrogate, said', parsed as an apposition inside the quote).
        """
        before = tok.i - 1
        if before > 0 and self.doc[before].text == ")":  # "Paul Ryan (R-WI) said"
            while before > 0 and self.doc[before].text != "(":
                before -= 1
            before -= 1
        if before > 0 and self.doc[before].text == ",":  # "her adviser, Jake Sullivan, said"
            before -= 1
        around = [before, tok.i + 1]
        if near is not None and near.end <= tok.i:
            around += range(near.end, tok.i)
        for i in around:
            if 0 <= i < len(self.doc):
                t = self.doc[i]
                if (t.pos_ == "PROPN" and self.outside(t)
                        and t.ent_type_ not in ("DATE", "TIME", "GPE", "ORDINAL")):
                    while t.dep_ in ("compound", "flat") and t.head.i > t.i:
                        t = t.head
                    return t
        return None

    def linked(self, span: Span) -> _Cue | None:
        """A speech verb the quote hangs from or that hangs from it (parataxis); a nearer cue
        between the two wins ("The spot concludes with footage of Trump saying, “...”")."""
        cue = self._linked(span)
        if cue is None:
            return None
        i = cue.token.i
        lo, hi = (i + 1, span.start) if i < span.start else (span.end, i)
        between = [c for t in self.doc[lo:hi] if (c := self.cue(t, span)) is not None
                   and c.subject is not None]
        if between:
            return between[-1] if i < span.start else between[0]
        return cue

    def _linked(self, span: Span) -> _Cue | None:
        inner = set(range(span.start, span.end))
        seen: set[int] = set()
        for t in span:
            if t.head.i in inner or t.head == t or t.head.i in seen:
                continue
            seen.add(t.head.i)
            for anc in [t.head, *t.head.ancestors][:3]:
                if anc.i in inner:
                    break
                cue = self.cue(anc, span)
                if cue is not None:
                    return cue
        for t in span:
            for c in t.children:
                if c.i not in inner and (cue := self.cue(c, span)) is not None:
                    return cue
        return None

    def nearest(self, span: Span) -> _Cue | None:
        """The speech verb of the quote's sentences nearest to it, a subject first."""
        first = self.sent_of.get(span.start, 0)
        last = self.sent_of.get(span.end - 1, first)
        toks = [t for n in range(first, last + 1) for t in self.sents[n]]
        nxt = last + 1
        if nxt < len(self.sents):
            toks += list(self.sents[nxt])[:4]  # '“...” | he said.' split by the parser
        cues = [c for t in toks if (c := self.cue(t, span)) is not None]

        def distance(c: _Cue) -> int:
            i = c.token.i
            return 0 if span.start <= i < span.end else min(abs(i - span.start),
                                                            abs(i - span.end))

        cues.sort(key=lambda c: (c.subject is None, distance(c)))
        return cues[0] if cues else None

    def according_to(self, span: Span) -> _Cue | None:
        first = self.sent_of.get(span.start, 0)
        last = self.sent_of.get(span.end - 1, first)
        for n in range(first, last + 1):
            for t in self.sents[n]:
                if t.lower_ != "according" or not self.outside(t) or t.i + 1 >= len(self.doc):
                    continue
                for g in self.doc[t.i + 1].children:
                    if g.dep_ == "pobj":
                        return _Cue("according to", t, g)
        return None

    def introduced(self, span: Span) -> _Cue | None:
        """'Trump tweeted:', 'He told reporters:' or 'A lesson from Loretta Lynch:' (a headline)
        just before the quote: the speech verb's subject, else any verb's, else the last name.
        """
        prev = span.start - 1
        while prev >= 0 and (self.doc[prev].is_quote or self.doc[prev].is_space):
            prev -= 1
        if prev < 0 or self.doc[prev].text != ":":
            return None
        sent = self.sents[self.sent_of.get(prev, 0)]
        before = [t for t in sent if t.i < prev and self.outside(t)]
        verbs = [t for t in before if t.pos_ in ("VERB", "AUX")]
        cues = [c for t in verbs if (c := self.cue(t)) is not None and c.subject is not None]
        if cues:
            return cues[-1]
        for t in reversed(verbs):
            subj = _subject(t, self.outside)
            if subj is not None:
                return _Cue(t.lemma_, t, subj)
        names = [t for t in before if t.ent_type_ == "PERSON"]
        if not names and not verbs:  # a headline, "Kasich: ‘...’", "A lesson from Lynch: ‘...’"
            names = [t for t in before if t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.is_title)]
        return _Cue(None, self.doc[prev], names[-1]) if names else None

    def byline(self, m: Marked) -> _Cue | None:
        """ '“...” ― Pamela Padilla': a name after a dash closing the quote's line."""
        text = self.text
        pos = m.end
        while pos < len(text) and (text[pos] in "”\"'’».,;!?" or text[pos] in " \t\xa0"):
            pos += 1
        if pos >= len(text) or text[pos] not in DASHES or (text[pos] == "-" and (
                pos + 1 < len(text) and not text[pos + 1].isspace())):
            return None
        after = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if after is None:
            return None
        run: list[Token] = []
        for t in self.doc[after.end: after.end + 6]:
            if t.is_space and not run:
                continue
            if (t.pos_ != "PROPN" and not (t.is_title and t.is_alpha)) or "\n" in t.text:
                break
            run.append(t)
        return _Cue(None, after[0], run[-1], self.doc[run[0].i: run[-1].i + 1]) if run else None

    def earlier(self, span: Span) -> _Cue | None:
        """The latest cue before the quote, in its sentence or the few before, a subject first."""
        first = self.sent_of.get(span.start, 0)
        lo = self.sents[max(first - CUE_WINDOW, 0)].start
        cues = [c for t in self.doc[lo: span.start] if (c := self.cue(t)) is not None]
        # The reporting verb, not one it reports ("X said the alliance would answer ...")
        cues = [c for c in cues if not any(self.cue(a) for a in c.token.ancestors)] or cues
        with_subject = [c for c in cues if c.subject is not None]
        pool = with_subject or cues
        return pool[-1] if pool else None

    def framing(self, m: Marked, span: Span) -> _Cue | None:
        """Any verb in the slot news reserves for the cue, when no speech verb is there:
        '“...!” beamed Donald Hartley', '“...?” Trump went on', 'Hillary shot back, “...”'.
        """
        text = self.text
        if text[:m.end].rstrip()[-1:] in ",!?—–-":
            for t in self.doc[span.end: span.end + 8]:
                if t.is_quote or t.is_space:
                    continue
                if t.is_punct or "\n" in t.text:
                    break
                if t.pos_ == "VERB" and (subj := self._framing_subject(t, span)) is not None:
                    return _Cue(t.lemma_, t, subj)
        i = span.start - 1
        while i >= 0 and (self.doc[i].is_quote or self.doc[i].is_space):
            i -= 1
        if i <= 0 or self.doc[i].text not in (",", ":"):
            return None
        i -= 1
        while i > 0 and self.doc[i].dep_ in ("prt", "advmod"):
            i -= 1
        t = self.doc[i]
        if t.pos_ == "VERB" and self.outside(t) and (
                subj := self._framing_subject(t, span)) is not None:
            return _Cue(t.lemma_, t, subj)
        return None

    def _framing_subject(self, verb: Token, span: Span) -> Token | None:
        subj = _subject(verb, lambda t: self.outside(t) and not t.is_punct)
        if subj is None:
            subj = self._adjacent_name(verb, span)
        if subj is None or self.para_of[subj.i] != self.para_of[verb.i]:
            return None
        return subj if subj.pos_ in ("PROPN", "NOUN", "PRON") else None

    def own(self, m: Marked, span: Span) -> _Cue | None:
        """The quote's own cue: the first way that finds one with a speaker, else the first
        cue found at all (a speech verb whose speaker the parse lost)."""
        first: _Cue | None = None
        for find in (lambda: self.linked(span), lambda: self.byline(m),
                     lambda: self.framing(m, span), lambda: self.nearest(span),
                     lambda: self.according_to(span), lambda: self.introduced(span)):
            cue = find()
            if cue is not None and cue.subject is not None:
                return cue
            first = first or cue
        return first


def _continues(text: str, prev: Marked, cur: Marked, paras: list[tuple[int, int]]) -> bool:
    """Whether `cur` opens the paragraph after the one where `prev` ran out unclosed."""
    if prev.closed:
        return False
    for (s, e), (s2, _) in itertools.pairwise(paras):
        if s <= prev.start < e:
            return cur.start - s2 <= 2 and not text[s2: cur.start].strip("“\"'‘«„ ")
    return False


def extract_quotes(doc: Doc, article_id: str, actors: DocActors, lex: Lexicon) -> list[Quote]:
    """All direct and reported-speech quotes of a doc, in text order."""
    text = doc.text
    marked = quoted_spans(text)
    finder = _Finder(doc, lex, marked)
    speakers = Speakers(doc, actors)
    paras = paragraphs(text)
    spans = [finder.tokens(m) for m in marked]
    cues: list[_Cue | None] = [finder.own(m, s) if s is not None else None
                               for m, s in zip(marked, spans, strict=True)]
    # A speech over several paragraphs shares one cue, wherever it is.
    chains: list[list[int]] = []
    for n, m in enumerate(marked):
        if chains and _continues(text, marked[chains[-1][-1]], m, paras):
            chains[-1].append(n)
        else:
            chains.append([n])
    for chain in chains:
        shared = next((cues[n] for n in chain if cues[n] is not None), None)
        for n in chain:
            cues[n] = cues[n] or shared
    quotes: list[Quote] = []
    # The previous quote: (sentence, last token, speaker, cue word), for speech that goes on.
    last: tuple[int, int, Speaker | None, str | None] | None = None
    for m, span, cue in zip(marked, spans, cues, strict=True):
        if span is None or len(text[m.start: m.end].split()) < 2:
            continue  # a scare-quoted word, not speech
        first = finder.sent_of.get(span.start, 0)
        final = finder.sent_of.get(span.end - 1, first)
        speaker: Speaker | None = None
        lemma: str | None = None
        if cue is None:
            cue = finder.earlier(span)
            # The last speaker goes on, unless a cue with a speaker came after their words.
            if last is not None and first - last[0] <= CUE_WINDOW + 1 and (
                    cue is None or cue.token.i < last[1]
                    or (cue.subject is None and last[2] is not None)):
                cue, speaker, lemma = None, last[2], last[3]
        if cue is not None:
            lemma = cue.lemma
            speaker = speakers.of(cue.subject, cue.words) if cue.subject is not None else None
        last = (final, span.end - 1, speaker, lemma)
        quotes.append(Quote(
            _quote_id(article_id, m.start, m.end), article_id, text[m.start: m.end], True,
            m.start, m.end, lemma, speaker.actor if speaker else None,
            tuple(range(first, final + 1)),
            speaker.start if speaker else None, speaker.end if speaker else None,
            speaker.name if speaker else None))
    quotes.extend(_reported(doc, article_id, lex, finder, speakers, quotes))
    quotes.sort(key=lambda q: (q.start, q.end))
    return quotes


def _reported(doc: Doc, article_id: str, lex: Lexicon, finder: _Finder, speakers: Speakers,
              direct: list[Quote]) -> list[Quote]:
    """Reported speech: the clause a speech verb governs, outside the direct quotes."""
    out = []
    spans = [(q.start, q.end) for q in direct]
    for n, sent in enumerate(finder.sents):
        for t in sent:
            if not _is_cue(t, lex) or any(s - 1 <= t.idx <= e + 1 for s, e in spans):
                continue
            for c in t.children:
                if c.dep_ != "ccomp" or any(s <= c.idx < e for s, e in spans):
                    continue
                toks = [x for x in c.subtree if not (x.dep_ == "mark" and x.head == c)]
                toks = [x for x in toks if not x.is_punct or x.i < toks[-1].i]
                if len(toks) < 3:
                    continue
                start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
                subj = _subject(t)
                who = speakers.of(subj) if subj is not None else None
                out.append(Quote(
                    _quote_id(article_id, start, end), article_id, finder.text[start:end], False,
                    start, end, t.lemma_, who.actor if who else None, (n,),
                    who.start if who else None, who.end if who else None,
                    who.name if who else None))
    return out
