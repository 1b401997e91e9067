"""Scoring direct quotes and their speakers on PolNeAR (brat standoff), against a baseline.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates attributions in US political news:
each has a source (who), a cue ("said") and a content span, possibly in several fragments.
A split folder holds `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann`; when several
annotators did the same article, the first annotation file in name order is the gold.

Definitions (character offsets into the article text, words are `\\w+` runs):

* **Gold direct quote**: an attribution whose content *is* a quotation: its first fragment
  begins with an opening quote mark (“ " « „ ‘ ' or ''), and its last fragment ends with a
  closing mark (” " » ’ ' '', trailing .,;:!? allowed after it), or at the end of its
  paragraph with the opening mark never closed (a quote that goes on in the next paragraph).
  Paraphrase with quoted words inside ("he would 'fix our rigged tax system'") or a quoted
  phrase followed by paraphrase is mixed speech and is not counted.
* **Recovered**: the system's direct quotes, together, cover at least half of the gold
  content's words (a word is covered when it lies inside one quote). Quotes interrupted by
  their cue ("..., he said. ...") are one gold content but two system quotes, hence "together".
* **Direct-quote content recall** = recovered / gold direct quotes.
* **Speaker accuracy**: over recovered gold direct quotes that have a source, the share whose
  speaker is right, judged on the system quote covering most of the gold words. Right means
  the system's speaker words overlap a gold source fragment, or both name the same person:
  the gold source's family name (for a pronoun source, that of the nearest earlier gold source
  that names someone: annotation-side coreference, as PolNeAR has no coreference of its own)
  equals the family name the system gives (its speaker's name, or for a pronoun speaker the
  name the system resolved it to). Family name = the last capitalised word of the phrase's
  head part (before a comma, a bracket, "who", "of", "for", "at", "from"), titles ("Mr.",
  "Sen.") and possessive owners ("Clinton's spokesman Brian Fallon") skipped: "Trump
  campaign manager Kellyanne Conway" is Conway.
  A gold source that is a bare speech verb ("said" in "..., said Hester": source and cue
  swapped, a slip of the annotation of inverted cues) is read from the cue span instead.

detente reads each article as `Pipeline.process` does (its own sentences, selective parsing).
The baseline is textacy's `direct_quotations` on the same texts fully parsed by the same spaCy
model, as textacy expects. It refuses a document with an odd number of quote marks
(ValueError); such documents count as yielding no quotes.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from detente.errors import UserError
from detente.records import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from detente.pipeline import Pipeline

Frag = tuple[int, int]
OPENERS = ("''", "“", '"', "«", "„", "‘", "'")
CLOSERS = ("''", "”", '"', "»", "’", "'", "“")
UNAMBIGUOUS_CLOSERS = ("''", "”", '"', "»")
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "him", "her", "them", "you"})
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor", "president",
    "vice", "secretary", "gen", "general", "former", "the", "a", "an", "sir", "lord", "judge",
    "justice", "mayor", "chairman", "chairwoman", "speaker", "leader", "minister", "prime",
    "democratic", "republican", "gop", "candidate", "nominee", "rev", "prof", "professor",
    "u.s.", "us", "state", "attorney", "adviser", "advisor", "spokesman", "spokeswoman",
})
SPEECH_FORMS = frozenset({"said", "says", "say", "added", "adds", "told", "tells", "asked",
                          "asks", "wrote", "writes", "explained", "continued", "noted"})
WORD = re.compile(r"\w+")
NAME_WORD = re.compile(r"[A-Z][\w.’'-]*")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One PolNeAR attribution: fragments of its source (may be empty), cue and content."""

    aid: str
    source: tuple[Frag, ...]
    cue: tuple[Frag, ...]
    content: tuple[Frag, ...]


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """An article's text and its attributions, from one annotator."""

    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


@dataclass(frozen=True, slots=True)
class Found:
    """A direct quote as a system found it: content offsets, speaker words and name."""

    start: int
    end: int
    speaker: Frag | None
    speaker_name: str | None


@dataclass(slots=True)
class Miss:
    """A gold quote a system missed or misattributed, for reading the errors."""

    doc: str
    content: str
    gold_source: str
    system_speaker: str
    coverage: float


@dataclass(slots=True)
class QuoteScore:
    """Counts behind recall and speaker accuracy for one system."""

    system: str
    docs: int = 0
    gold: int = 0
    recovered: int = 0
    with_source: int = 0
    speaker_right: int = 0
    by_overlap: int = 0
    failed_docs: int = 0
    missed: list[Miss] = field(default_factory=list)
    wrong_speaker: list[Miss] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.recovered / self.gold if self.gold else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.with_source if self.with_source else 0.0


@dataclass(frozen=True, slots=True)
class QuoteReport:
    """Ours against the baseline on the same documents."""

    directory: Path
    ours: QuoteScore
    baseline: QuoteScore | None  # None when textacy is not installed


# -- reading the gold -----------------------------------------------------------------------
def _frags(spec: str) -> tuple[Frag, ...]:
    out = []
    for part in spec.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(sorted(out))


def read_ann(path: Path) -> tuple[GoldAttribution, ...]:
    """Attributions of a brat .ann file (T lines are spans, E lines tie them together)."""
    spans: dict[str, tuple[str, tuple[Frag, ...]]] = {}
    events: list[tuple[str, dict[str, str]]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        cols = line.split("\t")
        try:
            if cols[0].startswith("T"):
                kind, spec = cols[1].split(" ", 1)
                spans[cols[0]] = (kind, _frags(spec))
            elif cols[0].startswith("E"):
                args = dict(a.split(":", 1) for a in cols[1].split())
                events.append((cols[0], args))
        except (IndexError, ValueError) as exc:
            raise UserError(f"{path}:{n}: not a brat annotation line: {line!r}") from exc

    def get(args: dict[str, str], role: str) -> tuple[Frag, ...]:
        ref = args.get(role)
        return spans[ref][1] if ref in spans else ()

    return tuple(GoldAttribution(eid, get(a, "Source"), get(a, "Cue"), get(a, "Content"))
                 for eid, a in events if a.get("Content") in spans)


def read_polnear(directory: Path, limit: int | None = None) -> list[GoldDoc]:
    """The articles of a PolNeAR split folder (with `text/` and `attributions/`), by name."""
    texts, anns = directory / "text", directory / "attributions"
    if not texts.is_dir() or not anns.is_dir():
        raise UserError(f"{directory}: not a PolNeAR split folder (expected text/ and "
                        "attributions/ inside, as in PolNeAR/data/dev)")
    chosen: dict[str, Path] = {}
    for ann in sorted(anns.glob("*.ann")):
        name = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        chosen.setdefault(name, ann)
    docs = []
    for name, ann in sorted(chosen.items()):
        txt = texts / f"{name}.txt"
        if not txt.exists():
            continue
        docs.append(GoldDoc(name, txt.read_text(encoding="utf-8"), read_ann(ann)))
        if limit is not None and len(docs) >= limit:
            break
    return docs


def _paragraph_end(text: str, pos: int) -> bool:
    rest = text[pos:]
    nl = rest.find("\n")
    tail = rest if nl < 0 else rest[:nl]
    return not tail.strip(" \t.,;:!?—–-")


def is_direct(text: str, att: GoldAttribution) -> bool:
    """Whether the attribution's content is a quotation (see the module docstring)."""
    first, last = att.content[0], att.content[-1]
    head = text[first[0]: first[1]].lstrip()
    if not head.startswith(OPENERS):
        return False
    tail = text[last[0]: last[1]].rstrip().rstrip(".,;:!?")
    if tail.endswith(CLOSERS) or text[last[1]:].lstrip(" .,;:!?").startswith(CLOSERS[:5]):
        return True
    # Unclosed, running to the paragraph's end: only if the opening mark is never closed.
    opener = next(m for m in OPENERS if head.startswith(m))
    inner = _text_of(text, att.content).lstrip()[len(opener):]
    return _paragraph_end(text, last[1]) and not any(c in inner for c in UNAMBIGUOUS_CLOSERS)


# -- comparing speakers ---------------------------------------------------------------------
def _text_of(text: str, frags: Sequence[Frag]) -> str:
    return " ".join(text[a:b] for a, b in frags)


def family_name(phrase: str | None) -> str | None:
    """The family name a phrase gives its head, or None (see the module docstring)."""
    if not phrase:
        return None
    phrase = re.sub(r"(?:[A-Z][\w.-]*\s+)*[A-Z][\w.-]*(?:’s|'s|’|')(?=\s|$)", " ", phrase)
    for part in re.split(r",|\(|\bwho\b|\bof\b|\bfor\b|\bat\b|\bfrom\b", phrase):
        names = [w.strip(".’'") for w in part.split()
                 if NAME_WORD.fullmatch(w) and w.lower().strip(".") not in TITLES]
        if names:
            return names[-1]
    return None


def _is_pronoun(phrase: str) -> bool:
    return phrase.strip().lower() in PRONOUNS


def _gold_name(doc: GoldDoc, att: GoldAttribution) -> str | None:
    """The family name a gold source stands for; pronouns take the nearest earlier name."""
    phrase = _text_of(doc.text, gold_source(doc, att))
    if not _is_pronoun(phrase):
        return family_name(phrase)
    start = att.source[0][0]
    earlier = sorted((a for a in doc.attributions if a.source and a.source[0][0] < start),
                     key=lambda a: a.source[0][0])
    for a in reversed(earlier):
        name = family_name(_text_of(doc.text, gold_source(doc, a)))
        if name:
            return name
    return None


def _overlaps(a: Frag, b: Frag) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def gold_source(doc: GoldDoc, att: GoldAttribution) -> tuple[Frag, ...]:
    """The source span, or the cue's when the two were swapped ('said' marked as the source
    of '..., said Hester', an annotation slip of inverted cues)."""
    if _text_of(doc.text, att.source).strip().lower() in SPEECH_FORMS and att.cue:
        return att.cue
    return att.source


def speaker_is_right(doc: GoldDoc, att: GoldAttribution, found: Found) -> tuple[bool, bool]:
    """(right, right by overlapping words) for a system quote against a gold attribution."""
    source = gold_source(doc, att)
    att = GoldAttribution(att.aid, source, att.cue, att.content)
    if found.speaker is not None and any(_overlaps(found.speaker, f) for f in source):
        return True, True
    gold = _gold_name(doc, att)
    ours = family_name(found.speaker_name)
    return gold is not None and ours is not None and gold.lower() == ours.lower(), False


# -- scoring --------------------------------------------------------------------------------
def score(system: str, docs: Iterable[tuple[GoldDoc, list[Found] | None]]) -> QuoteScore:
    """Recall and speaker accuracy of one system's direct quotes (None: the doc failed)."""
    s = QuoteScore(system)
    for doc, found in docs:
        s.docs += 1
        if found is None:
            s.failed_docs += 1
            found = []
        for att in doc.attributions:
            if not is_direct(doc.text, att):
                continue
            s.gold += 1
            words = [m.span() for a, b in att.content for m in WORD.finditer(doc.text, a, b)]
            hits = [sum(1 for w in words if f.start <= w[0] and w[1] <= f.end) for f in found]
            covered = sum(1 for w in words if any(f.start <= w[0] and w[1] <= f.end
                                                  for f in found))
            coverage = covered / len(words) if words else 0.0
            content = _text_of(doc.text, att.content)
            gold_source = _text_of(doc.text, att.source)
            if coverage < 0.5:
                s.missed.append(Miss(doc.name, content, gold_source, "", coverage))
                continue
            s.recovered += 1
            if not att.source:
                continue
            s.with_source += 1
            best = found[max(range(len(found)), key=lambda i: hits[i])]
            right, overlap = speaker_is_right(doc, att, best)
            s.speaker_right += right
            s.by_overlap += overlap
            if not right:
                said = (doc.text[best.speaker[0]: best.speaker[1]] if best.speaker else "-")
                s.wrong_speaker.append(Miss(doc.name, content, gold_source,
                                            f"{said} ({best.speaker_name})", coverage))
    return s


def ours(pipeline: Pipeline, doc: Doc, gold: GoldDoc) -> list[Found]:
    """detente's direct quotes of a parsed article."""
    result = pipeline.analyse(doc, Article(gold.name, gold.text))
    return [Found(q.start, q.end,
                  (q.speaker_start, q.speaker_end) if q.speaker_start is not None
                  and q.speaker_end is not None else None,
                  q.speaker_name or (q.speaker.name if q.speaker else None))
            for q in result.quotes if q.direct]


def textacy_quotes(doc: Doc) -> list[Found] | None:
    """textacy's direct quotations of the same Doc; None when it refuses the document."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return None
    out = []
    for t in triples:
        content = t.content
        speaker = (t.speaker[0].idx, t.speaker[-1].idx + len(t.speaker[-1])) if t.speaker else None
        name = " ".join(tok.text for tok in t.speaker) if t.speaker else None
        out.append(Found(content.start_char, content.end_char, speaker, name))
    return out


def textacy_installed() -> bool:
    """Whether the baseline can run (textacy is a development extra, not a dependency)."""
    return importlib.util.find_spec("textacy") is not None


def evaluate_docs(golds: Sequence[GoldDoc], pipeline: Pipeline, directory: Path,
                  progress: Callable[[int, int], None] | None = None, *,
                  baseline: bool = True) -> QuoteReport:
    """Score detente, and textacy when installed and `baseline`, on these gold documents."""
    baseline = baseline and textacy_installed()
    mine: list[tuple[GoldDoc, list[Found] | None]] = []
    base: list[tuple[GoldDoc, list[Found] | None]] = []
    docs = pipeline.parser.pipe(g.text for g in golds)  # as `Pipeline.process` parses
    for n, (gold, doc) in enumerate(zip(golds, docs, strict=True), 1):
        mine.append((gold, ours(pipeline, doc, gold)))
        if progress is not None:
            progress(n, len(golds) * (2 if baseline else 1))
    if baseline:
        full = pipeline.nlp.pipe(g.text for g in golds)
        for n, (gold, doc) in enumerate(zip(golds, full, strict=True), len(golds) + 1):
            base.append((gold, textacy_quotes(doc)))
            if progress is not None:
                progress(n, 2 * len(golds))
    return QuoteReport(directory, score("detente", mine),
                       score("textacy", base) if baseline else None)


def evaluate(directory: Path, limit: int | None = None, pipeline: Pipeline | None = None,
             progress: Callable[[int, int], None] | None = None) -> QuoteReport:
    """Score detente and textacy on the PolNeAR split in `directory` (first `limit` docs)."""
    golds = read_polnear(directory, limit)
    if pipeline is None:
        from detente.pipeline import Pipeline

        pipeline = Pipeline.load()
    return evaluate_docs(golds, pipeline, directory, progress)
