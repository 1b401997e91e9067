"""Who a cue's subject is: the words naming the speaker, the name they stand for, the Actor.

The actor layer gives the CAMEO actor when the knowledge base knows the speaker; the name is
kept apart because most people quoted in the news (aides, experts, local officials) are not in
any knowledge base, yet a reader still wants "Sean Spicer" rather than nothing, and "he" read
as the person the article is talking about.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from detente.actors.resolve import DocActors
from detente.nlp.pipeline import sentences
from detente.records import Actor

PERSONAL = frozenset({"he", "she", "him", "her"})
RELATIVE = frozenset({"who", "that", "which", "whom"})
# How far back (in sentences) a pronoun looks for the person it stands for.
PRONOUN_WINDOW = 3


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker as the text gives it: head token, character span, name, resolved actor."""

    head: Token
    start: int
    end: int
    name: str | None
    actor: Actor | None
    pronoun: bool


class Speakers:
    """Speaker resolution for one doc, remembering the speakers already named."""

    def __init__(self, doc: Doc, actors: DocActors) -> None:
        self.doc = doc
        self.actors = actors
        # (entities only when the doc was parsed with a recognizer: detente's parser skips it)
        self.people: list[Span] = [e for e in doc.ents if e.label_ == "PERSON"
                                   ] if doc.has_annotation("ENT_IOB") else []
        self._person_at = {t.i: e for e in self.people for t in e}
        self._sent_of = {t.i: n for n, s in enumerate(sentences(doc)) for t in s}
        self.named: list[tuple[int, str]] = []  # (token index, name) of speakers so far

    def of(self, tok: Token, words: Span | None = None) -> Speaker:
        """The speaker named by the noun phrase headed by `tok` (a cue's subject), or by
        `words` when the cue knows them better than the parse (a byline)."""
        if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
            tok = tok.head.head  # "..., said Spicer, who added ...": the noun the clause is on
        toks = self.actors.phrase_tokens(tok)
        ent = self._person_at.get(tok.i)
        if ent is not None:
            toks = sorted({*toks, *ent}, key=lambda t: t.i)
        if tok.pos_ == "PROPN":
            toks = sorted({*toks, *self._propn_run(tok)}, key=lambda t: t.i)
        if words is not None:
            toks = sorted({*toks, *words}, key=lambda t: t.i)
        toks = [t for t in toks if t.dep_ != "det"] or toks
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        pronoun = tok.pos_ == "PRON"
        actor = self.actors.actor(tok)
        if pronoun and tok.lower_ in PERSONAL:
            # Our own reading first: the actor layer knows only the people of its knowledge
            # base, and "he" after "Obama met Putin" is Obama, whoever it knows.
            ante = self._antecedent(tok)
            if isinstance(ante, Span):
                name: str | None = self._full(ante)
                actor = self.actors.actor(ante.root)
            else:
                name = ante or (actor.name if actor else None)
        else:
            name = self._name(tok, ent, actor)
        if name is None and words is not None:
            name = words.text
        if name:
            self.named.append((tok.i, name))
        return Speaker(tok, start, end, name, actor, pronoun)

    def _name(self, tok: Token, ent: Span | None, actor: Actor | None) -> str | None:
        if actor is not None and actor.name:
            return actor.name
        if tok.pos_ == "PRON":
            return None
        if ent is None:
            for c in tok.children:  # "a spokesman, Brian Fallon"
                if c.dep_ == "appos" and c.i in self._person_at:
                    ent = self._person_at[c.i]
                    break
        if ent is not None:
            return self._full(ent)
        if tok.pos_ == "PROPN":
            # A name the entity recogniser missed ("Espinoza"), or an organisation ("Breitbart
            # News"): the run of proper nouns ending at the head.
            return self._propn_run(tok).text
        return None

    def _propn_run(self, tok: Token) -> Span:
        """The proper nouns ending at `tok`: the name, where the parser or the entity
        recogniser missed it ("― Sergey Lavrov", "Breitbart News")."""
        start = tok.i
        while start > max(tok.i - 4, 0) and self.doc[start - 1].pos_ == "PROPN":
            start -= 1
        return self.doc[start: tok.i + 1]

    def _full(self, ent: Span) -> str:
        """A surname alone ("Spicer") as the full name it had earlier ("Sean Spicer")."""
        words = [t for t in ent if t.pos_ == "PROPN"] or list(ent)
        text = " ".join(t.text for t in words)
        if len(words) == 1:
            for other in self.people:
                if other.start >= ent.start:
                    break
                if len(other) > 1 and other[-1].text == words[0].text:
                    return " ".join(t.text for t in other if t.pos_ == "PROPN") or other.text
        return text

    def _antecedent(self, tok: Token) -> Span | str | None:
        """The person "he"/"she" stands for: a subject in the last sentences, else any name.

        The last speaker goes on speaking unless another person became a subject since; else
        subjects first (news keeps its topic in subject position), the nearest first; then
        the last speaker named anywhere; None when the article has named nobody yet.
        """
        sent = self._sent_of.get(tok.i, 0)
        cands = [e for e in self.people
                 if e.end <= tok.i and sent - self._sent_of.get(e.start, 0) <= PRONOUN_WINDOW]
        subjects = [e for e in cands if e.root.dep_ in ("nsubj", "nsubjpass")]
        earlier = sorted((i, name) for i, name in self.named if i < tok.i)
        if earlier:
            # "“...,” he added" goes on with the last speaker unless a person has been the
            # subject of a sentence since.
            i, name = earlier[-1]
            if sent - self._sent_of.get(i, 0) <= PRONOUN_WINDOW and not any(
                    e.start > i for e in subjects):
                return name
        for group in (subjects, cands):
            if group:
                return group[-1]
        return earlier[-1][1] if earlier else None
