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
from detente.nlp.pipeline import Parser, Selector, load_nlp
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


def _inflections(lemma: str, verb: bool) -> set[str]:
    """Regular English forms of a lemma (a generous superset: extra forms cost nothing)."""
    out = {lemma, lemma + "s", lemma + "es"}
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if verb:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        out |= {stem + "ed", stem + "ing", lemma + "d", lemma + lemma[-1:] + "ed",
                lemma + lemma[-1:] + "ing"}
    return out


def build_selector(nlp: Language, kb: KnowledgeBase, patterns: PatternSet,
                   lexicon: Lexicon) -> Selector:
    """What a sentence needs to be worth parsing: a form of a pattern head or speech verb,
    and a word that can start an actor name or role."""
    heads: dict[bool, set[str]] = {True: set(), False: set()}
    for p in patterns:
        heads[p.nominal].add(p.head)
    heads[False] |= {w.split()[0] for w in lexicon.words.get("speech", frozenset())}
    irregular: dict[str, set[str]] = {}
    if "lemmatizer" in nlp.pipe_names:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")  # type: ignore[attr-defined]
        for pos in ("verb", "noun"):
            for form, lemmas in dict(table.get(pos, {})).items():
                for lemma in lemmas:
                    irregular.setdefault(lemma, set()).add(form)
    triggers: set[str] = set()
    for nominal, lemmas in heads.items():
        for lemma in lemmas:
            triggers |= _inflections(lemma, verb=not nominal) | irregular.get(lemma, set())
    actor_words = {k for k in kb.names.root if k != "\x00"} | {
        k for k in kb.roles.root if k != "\x00"}
    return Selector(frozenset(triggers), frozenset(actor_words))


class Pipeline:
    """The loaded model and knowledge, ready to code articles."""

    def __init__(self, nlp: Language, kb: KnowledgeBase, ontology: Ontology,
                 patterns: PatternSet, lexicon: Lexicon, *, full_parse: bool = False) -> None:
        self.nlp = nlp
        self.kb = kb
        self.ontology = ontology
        self.patterns = patterns
        self.lexicon = lexicon
        self.coder = Coder(ontology, patterns, lexicon)
        selector = None if full_parse else build_selector(nlp, kb, patterns, lexicon)
        self.parser = Parser(nlp, selector)

    @classmethod
    def load(cls, *, nlp: Language | None = None, actors_dir: Path | None = None,
             verbs_dir: Path | None = None, full_parse: bool = False,
             petrarch_actors: Sequence[Path] = (), petrarch_agents: Sequence[Path] = (),
             petrarch_verbs: Sequence[Path] = (),
             problems: list[DataError] | None = None) -> Pipeline:
        """Load the model, the actor knowledge base, the ontology and the verb patterns.

        full_parse=True parses every sentence; the default parses only those that can hold
        an event (and their context), with the same events. PETRARCH-format dictionaries
        add their actors and agents to the knowledge base; PETRARCH verb dictionaries
        replace the packaged patterns. Their bad entries are skipped and reported into
        `problems` as FILE:LINE: problem.
        """
        nlp = nlp or load_nlp()
        tokenizer = nlp.tokenizer

        def tokenize(s: str) -> list[str]:
            return [t.text for t in tokenizer(s)]

        kb = load_kb(tokenize, actors_dir)
        if petrarch_actors or petrarch_agents:
            from detente.actors.petrarch import import_actors, import_agents

            for path in petrarch_actors:
                import_actors(kb, path, tokenize, problems)
            for path in petrarch_agents:
                import_agents(kb, path, tokenize, problems)
        ontology = load_ontology()
        if petrarch_verbs:
            from detente.coding.petrarch import import_verbs
            from detente.eval.petrarch import spacy_lemmatizer

            sets = [import_verbs(p, ontology, problems, lemmatize=spacy_lemmatizer(nlp))
                    for p in petrarch_verbs]
            patterns = merge_patterns(sets)
        else:
            patterns = load_patterns(ontology, verbs_dir)
        return cls(nlp, kb, ontology, patterns, load_lexicon(), full_parse=full_parse)

    def analyse(self, doc: Doc, article: Article) -> Result:
        actors: DocActors = resolve_doc(doc, self.kb, article.published)
        quotes = extract_quotes(doc, article.article_id, actors, self.lexicon)
        events = self.coder.code(doc, article, actors, quotes)
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
