"""One article through every stage: nlp -> actors -> quotes -> coding.

The Python API: `Pipeline.load()` once, then `process(article)` or `process_many(articles)`.
Engines (local processes, Ray) call the same `process_many`, so events are identical.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from detente.actors.kb import KnowledgeBase, load_kb
from detente.actors.resolve import DocActors, resolve_doc
from detente.coding.coder import Coder
from detente.coding.lexicon import Lexicon, load_lexicon
from detente.coding.patterns import PatternSet, load_patterns, merge_patterns
from detente.errors import DataError
from detente.nlp.pipeline import Parser, load_nlp
from detente.ontology import Ontology, load_ontology
from detente.quotes.extract import extract_quotes
from detente.records import Article, Event, Mention, Quote


@dataclass(frozen=True, slots=True)
class Result:
    """What the pipeline found in one article."""

    article: Article
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
    mentions: tuple[Mention, ...]


def has_dyad(event: Event) -> bool:
    """Whether an event has both a source and a target: PETRARCH's `require_dyad` option
    (on in PETRARCH-2's shipped configuration) reports only such events."""
    return event.source is not None and event.target is not None


class Pipeline:
    """The loaded model and knowledge, ready to code articles."""

    def __init__(self, nlp: Language, kb: KnowledgeBase, ontology: Ontology,
                 patterns: PatternSet, lexicon: Lexicon, *, require_dyad: bool = False) -> None:
        self.nlp = nlp
        self.require_dyad = require_dyad
        self.kb = kb
        self.ontology = ontology
        self.patterns = patterns
        self.lexicon = lexicon
        self.coder = Coder(ontology, patterns, lexicon)
        self.parser = Parser(nlp)

    @classmethod
    def load(cls, *, nlp: Language | None = None, actors_dir: Path | None = None,
             verbs_dir: Path | None = None,
             petrarch_actors: Sequence[Path] = (), petrarch_agents: Sequence[Path] = (),
             petrarch_verbs: Sequence[Path] = (), require_dyad: bool = False,
             problems: list[DataError] | None = None) -> Pipeline:
        """Load the model, the actor knowledge base, the ontology and the verb patterns.

        PETRARCH-format dictionaries
        add their actors and agents to the knowledge base, with PETRARCH-2's conventions for
        pronouns and "former"; PETRARCH verb dictionaries
        replace the packaged patterns. Their bad entries are skipped and reported into
        `problems` as FILE:LINE: problem. `require_dyad` keeps only events with both a
        source and a target, as PETRARCH's option of that name does.
        """
        nlp = nlp or load_nlp()
        tokenizer = nlp.tokenizer

        def tokenize(s: str) -> list[str]:
            return [t.text for t in tokenizer(s)]

        kb = load_kb(tokenize, actors_dir)
        if petrarch_actors or petrarch_agents:
            from detente.actors.petrarch import (
                import_actors,
                import_agents,
                petrarch_conventions,
            )

            for path in petrarch_actors:
                import_actors(kb, path, tokenize, problems)
            for path in petrarch_agents:
                import_agents(kb, path, tokenize, problems)
            # PETRARCH dictionaries come with PETRARCH-2's conventions, as `detente eval
            # petrarch` reads them: only a clause's subject pronoun stands for an earlier
            # actor, "former X" is X's ELI, and a phrase's role words stack their codes.
            petrarch_conventions(kb)
        ontology = load_ontology()
        if petrarch_verbs:
            from detente.actors.petrarch import actor_head_words
            from detente.coding.petrarch import import_verbs, spacy_lemmatizer

            # As `detente eval petrarch` reads them: the figures it prints hold for --verbs.
            lemma, heads = spacy_lemmatizer(nlp), actor_head_words(kb)
            patterns = merge_patterns([
                import_verbs(p, ontology, problems, lemmatize=lemma, target_words=heads)
                for p in petrarch_verbs])
        else:
            patterns = load_patterns(ontology, verbs_dir)
        return cls(nlp, kb, ontology, patterns, load_lexicon(), require_dyad=require_dyad)

    def analyse(self, doc: Doc, article: Article) -> Result:
        actors: DocActors = resolve_doc(doc, self.kb, article.published)
        quotes = extract_quotes(doc, article.article_id, actors, self.lexicon)
        events = self.coder.code(doc, article, actors, quotes)
        if self.require_dyad:
            events = [e for e in events if has_dyad(e)]
        return Result(article, tuple(events), tuple(quotes), tuple(actors.mentions))

    def process(self, article: Article) -> Result:
        return self.analyse(self.parser(article.text), article)

    def process_many(self, articles: Iterable[Article], batch_size: int = 16
                     ) -> Iterator[Result]:
        """Results in input order; articles not in English are passed through uncoded."""
        pending: list[Article] = []

        def flush() -> Iterator[Result]:
            docs = self.parser.pipe([a.text for a in pending], chunk=batch_size)
            for art, doc in zip(pending, docs, strict=True):
                yield self.analyse(doc, art)
            pending.clear()

        for art in articles:
            if art.language not in (None, "en"):
                yield from flush()
                yield Result(art, (), (), ())
                continue
            pending.append(art)
            if len(pending) >= batch_size:
                yield from flush()
        yield from flush()
