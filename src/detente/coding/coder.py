"""The event coder: verb and nominal patterns over the dependency parse, to CAMEO events.

Per sentence: every verb and noun whose lemma heads a pattern is tried against the patterns
for that lemma, most specific first; the first whose constraints hold codes the event. The
source comes from syntax (subject, passive agent, possessor, inherited subject), the target
from the slot the pattern names; coordinated actors give one event per pair. A noun that a
verb pattern consumed as its object ("hold talks") is not coded again on its own. Bare
statements (01x) are kept only when the sentence yields nothing more specific.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from detente import CODER_VERSION
from detente.actors.resolve import SPEAKER_PRONOUNS, DocActors
from detente.coding.dates import date_expressions
from detente.coding.frames import (
    Frame,
    complement_object,
    governor,
    meets,
    noun_frame,
    subject_of,
    verb_frame,
)
from detente.coding.lexicon import Lexicon
from detente.coding.modality import is_negated, modality
from detente.coding.nesting import Coded, petrarch_kept
from detente.coding.patterns import Constraint, Pattern, PatternSet
from detente.coding.roles import (
    adverb_fits,
    clause_subject,
    landmark,
    past_object,
    words_after,
    words_up_to,
)
from detente.coding.targets import Complements, first_party_after, first_party_in
from detente.ingest.dates import resolve_date
from detente.nlp.pipeline import sentences
from detente.ontology import Ontology
from detente.records import Actor, Article, Event, Quote, event_id_for


@dataclass(frozen=True, slots=True)
class _Hit:
    head: Token
    pattern: Pattern
    frame: Frame
    target: Token | None
    consumed: frozenset[int]
    skipped: Token | None = None  # the object passed over by a `Pattern.skip` pattern


class Coder:
    """Codes the events of parsed, actor-resolved docs."""

    def __init__(self, ontology: Ontology, patterns: PatternSet, lexicon: Lexicon) -> None:
        self.ontology = ontology
        self.patterns = patterns
        self.lexicon = lexicon
        # How a complement clause that codes nothing is read (`targets.Complements`):
        # "subjects" in detente's own reading; "words" as PETRARCH-2 reads the words after
        # the verb, for patterns imported from PETRARCH dictionaries. With "words" a
        # pattern's object words may also be met by the object of the verb's complement
        # ("vowed to wage war": `VOW * WAR`), and a subject naming no party gives the
        # first party named in it.
        self.complements: Complements = (
            "words" if patterns.conventions == "petrarch" else "subjects")

    # -- matching ------------------------------------------------------------------------
    def _fits(self, p: Pattern, f: Frame) -> _Hit | None:
        if p.swapped and f.passive and f.obj is not None and f.obj.i < f.head.i:
            f = replace(f, obj=None)  # the passive's subject is the target, not an object
        hit = self._fit(p, f)
        if (hit is None and p.prep is not None and p.prt is None and f.prt in p.prep
                and f.obj is not None):
            # "clash over the efforts": the parser made "over" a particle.
            hit = self._fit(p, replace(f, prt=None, obj=None,
                                       preps=[*f.preps, (f.prt, f.obj)]))
        if (hit is None and self.complements == "words" and p.obj is not None
                and f.obj is None and not f.nominal):
            # PETRARCH reads the words after the verb: in "vowed to wage war on X" the
            # complement's object is the words `VOW * WAR` names.
            obj = complement_object(f.head)
            if obj is not None:
                hit = self._fit(p, replace(f, obj=obj))
        return hit

    def _fit(self, p: Pattern, f: Frame) -> _Hit | None:
        consumed: set[int] = set()
        if p.compound and (f.subject is None or len(self._expand(f.subject)) < 2):
            return None  # `% *` needs a coordinated subject
        if p.negated and not is_negated(f.head, self.lexicon):
            return None
        if p.before is not None and not p.before.matches("", "", "", phrase=words_up_to(f.head)):
            return None
        if p.after is not None and not p.after.matches("", "", "", phrase=words_after(f.head)):
            return None
        if p.modifier is not None and not any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() == p.modifier
            for c in f.head.children
        ):
            return None
        if p.prt is not None and f.prt not in p.prt.split("|"):
            read = _particle_as_preposition(f, p.prt.split("|"))
            if read is None:
                return None
            f = read
        if p.skip and p.prep is None and p.obj is not None and f.obj is None and (
                self.patterns.conventions == "petrarch"):
            f = replace(f, obj=landmark(f, p.obj))  # `* MONEY $`: "by courier money from"
        if p.obj is not None:
            o = f.obj
            if o is None and not f.nominal and adverb_fits(
                    p.obj, f.head, self.patterns.conventions == "petrarch"):
                pass  # PETRARCH's "* NOW": "would act now with Libya"
            elif o is None or not meets(p.obj, o):
                return None
            else:
                consumed.add(o.i)
        if p.obj_prep is not None and (f.obj is None or not _has_prep(f.obj, *p.obj_prep)):
            return None
        pobj: Token | None = None
        if p.prep is not None:
            # In text order: PETRARCH takes the first actor after the verb.
            preps = list(f.preps)
            if p.obj_prep is not None and f.obj is not None:
                preps += _inner_preps(f.obj)  # "reports on X from China": hung on X
            for lemma, o in sorted(preps, key=lambda x: x[1].i):
                if lemma in p.prep and (p.pobj is None or meets(p.pobj, o)):
                    pobj = o
                    break
            if pobj is None:
                return None
            if p.pobj is not None:
                consumed.add(pobj.i)
        target = {"dobj": f.obj, "pobj": pobj, "iobj": f.iobj, "none": None}[p.target]
        if p.target == "dobj" and p.obj is None and f.obj is not None:
            consumed.add(f.obj.i) if f.obj.pos_ == "PRON" else None
        if p.skip:
            skipped = pobj if p.prep is not None else past_object(f.head, f.obj, p.skip_phrases)
            return _Hit(f.head, p, f, None, frozenset(consumed), skipped)
        return _Hit(f.head, p, f, target, frozenset(consumed))

    def _hits(self, sent: Span, actors: DocActors) -> list[_Hit]:
        hits: list[_Hit] = []
        for tok in sent:
            if tok.pos_ == "VERB":
                nominal = False
            elif tok.pos_ in ("NOUN", "PROPN"):
                nominal = True
            else:
                continue
            cands = self.patterns.candidates(nominal, tok.lemma_.lower())
            if not cands:
                continue
            frame = noun_frame(tok) if nominal else verb_frame(tok)
            for p in cands:
                if p.forms is not None and tok.lower_ not in p.forms:
                    continue
                hit = self._fits(p, frame)
                if hit is not None and (hit.skipped is not None or p.swapped) and not (
                        self._slot_actors(hit.target, actors, []) or first_party_after(
                            hit.head, hit.target, hit.skipped, actors, ())):
                    # `IN ^ +` names no party after the phrase, `+ HAS * $` none as the
                    # source ("has freed the prisoners"): another pattern
                    continue
                if hit is not None:
                    hits.append(hit)
                    break
        consumed = set().union(*(h.consumed for h in hits if not h.pattern.nominal))
        # A noun a verb pattern needs ("hold talks", "impose sanctions") is that verb's event,
        # unless it has an owner of its own: in "X rejected Russia's offer" both happened.
        hits = [h for h in hits if not (h.pattern.nominal and h.head.i in consumed
                                        and not _owned(h.head))]
        if any(self.ontology[h.pattern.cameo].root != "01" for h in hits):
            hits = [h for h in hits if self.ontology[h.pattern.cameo].root != "01"]
        # "Brazil is seeking to deepen ties with Peru", "wants to help Israel": the act
        # is the complement's; a verb of striving with no party of its own as target
        # adds nothing (as PETRARCH codes it).
        coded = {h.head.i for h in hits if not h.pattern.nominal}
        hits = [h for h in hits if h.pattern.nominal or h.target is not None
                or not self.lexicon.has("striving", h.head.lemma_) or not any(
                    c.dep_ == "xcomp" and c.i in coded for c in h.head.children)]
        if self.patterns.conventions == "petrarch":
            kept = petrarch_kept([Coded(h.head, self._statement(h), h.pattern.nominal)
                                  for h in hits])
            hits = [h for h, k in zip(hits, kept, strict=True) if k]
        return hits

    def _statement(self, hit: _Hit) -> bool:
        """A bare speech verb: its verb's default pattern, no words of its own."""
        return (not hit.pattern.nominal and hit.pattern.specificity == 0
                and self.lexicon.has("speech", hit.head.lemma_))

    # -- actors of the slots ---------------------------------------------------------------
    def _actor(self, tok: Token, actors: DocActors, quotes: list[Quote]) -> Actor | None:
        if tok.lower_ in SPEAKER_PRONOUNS and tok.pos_ == "PRON":  # "us", not "the US"
            return _speaker_party(tok, quotes)
        a = actors.actor(tok)
        if a is not None and a.sector and not a.country and not a.org:
            # "Soldiers from Gondor wire tapped ...": the parser made the country a modifier
            # of the next word, not the object of "from"; the role is still its.
            owner = next((o for p in tok.children if p.dep_ == "prep"
                          and p.lower_ in ("of", "from", "in") for g in p.children
                          if g.dep_ == "pobj" and actors.actor(g) is None
                          and (o := self._owner(g, actors, quotes, depth=2)) is not None), None)
            if owner is not None and owner.country and not owner.sector and not owner.org:
                return Actor(tok.text, owner.country + a.sector, owner.country, None,
                             a.sector, None, f"role {a.sector} of the country of "
                             f"'{owner.text}', named in a phrase on it: {owner.reason}")
        if a is not None:
            return a
        return self._owner(tok, actors, quotes, depth=0)

    def _owner(self, tok: Token, actors: DocActors, quotes: list[Quote], depth: int
               ) -> Actor | None:
        """Whose thing a non-actor noun is: "Russia's permission", "the buildup of its forces"."""
        if depth > 2:
            return None
        for c in tok.children:
            if c.dep_ == "poss":
                return self._actor(c, actors, quotes)
        for c in tok.children:
            if c.dep_ in ("amod", "compound"):
                a = actors.actor(c)
                if a is not None and (a.country or a.org):
                    return a
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "by"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        a = actors.actor(g) or self._owner(g, actors, quotes, depth + 1)
                        if a is not None:
                            return a
        if tok.dep_ == "conj":
            # "Ithilen's sheep and goats of Gondor": the parser hangs a phrase after the
            # last conjunct on the first; the last one's owner is named there.
            for c in tok.head.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "by") and c.i > tok.i:
                    for g in c.children:
                        a = actors.actor(g) if g.dep_ == "pobj" else None
                        if a is not None:
                            return a
        for c in tok.children:
            if c.dep_ in ("appos", "conj"):
                a = self._owner(c, actors, quotes, depth + 1)
                if a is not None:
                    return a
        return None

    def _expand(self, tok: Token | None) -> list[Token]:
        """A slot's token, its conjuncts, and a second subject the parser hung beside the
        first ("Lions, tigers, and Gondor welcomed": two nsubj of one verb)."""
        if tok is None:
            return []
        out = [tok, *(c for c in tok.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON"))]
        listed = len(out) > 1
        for c in tok.children:
            # "Arnor, the Shire, Fornost and Bree": a list whose second item the parser
            # made an apposition of the first; a name in apposition within a list (it or
            # its head has conjuncts) is no description of its head but one more item.
            if c.dep_ == "appos" and _name_like(c) and (listed or any(
                    x.pos_ == "PROPN" for x in c.conjuncts)):
                out += [c, *(x for x in c.conjuncts if x.pos_ in ("NOUN", "PROPN"))]
            # "Arnor, Calenardhon and the evil Gondor": the list's first items parsed as
            # a name modifying the last one.
            elif (c.dep_ == "nmod" and _name_like(c) and tok.pos_ == "PROPN"
                  and c.i < tok.i and c.conjuncts):
                out += [c, *(x for x in c.conjuncts if x.pos_ == "PROPN")]
        if tok.dep_ == "nsubj" and tok.head != tok:
            for c in tok.head.children:
                if (c.dep_ == "nsubj" and c not in out and c.i < tok.head.i
                        and c.pos_ in ("NOUN", "PROPN")):
                    out += [c, *(x for x in c.conjuncts if x.pos_ in ("NOUN", "PROPN"))]
        return sorted(out, key=lambda t: t.i)

    def _slot_actors(self, tok: Token | None, actors: DocActors, quotes: list[Quote]
                     ) -> list[Actor]:
        """Actors of a slot and its conjuncts; "Russian and Ukrainian negotiators" is two."""
        out: list[Actor] = []
        owned_role: tuple[Token, Actor] | None = None
        todo = self._expand(tok)
        for t in todo:
            a = self._actor(t, actors, quotes)
            if a is None:
                continue
            # "Barack Obama and Vladimir Putin" with "Barack" the parse's head: the
            # conjuncts hang on another word of the same name.
            todo += [c for w in t.children if w.dep_ in ("pobj", "flat", "compound")
                     and (b := actors.actor(w)) is not None and b.code == a.code
                     for c in w.conjuncts if c not in todo]
            if owned_role is not None and t.head == owned_role[0] and t.dep_ == "conj" and (
                    a.country and not a.sector and not a.org):
                # "Lawmakers in Fornost and Gondor", Gondor parsed as the lawmakers'
                # conjunct: the owners are coordinated, not the lawmakers and Gondor.
                role = owned_role[1]
                a = Actor(t.text, a.country + (role.sector or ""),
                          a.country, None, role.sector, None,
                          f"role {role.sector} of '{t.text}', coordinated with the owner of "
                          f"'{owned_role[0].text}': {a.reason}")
            elif a.sector and a.country and _prep_owner(t) is not None:
                owned_role = (t, a)
            out.append(a)
            out += actors.others(t)
            out += self._coordinated_owners(t, a, actors)
            for mod in t.children:
                if mod.dep_ not in ("amod", "compound", "nmod") or not mod.conjuncts:
                    continue
                for other in mod.conjuncts:
                    o = actors.actor(other)
                    if o is not None and o.country and o.country != a.country:
                        sector = a.sector or ""
                        out.append(Actor(f"{other.text} {t.text}", o.country + sector,
                                         o.country, None, a.sector, None,
                                         f"coordinated with '{mod.text}': {o.reason}"))
        return _share_countries(out)

    @staticmethod
    def _coordinated_owners(t: Token, a: Actor, actors: DocActors) -> list[Actor]:
        """ "The ambassadors of Arnor, Osgiliath and Gondor": the role once per owner."""
        if not a.sector or not a.country:
            return []
        out: list[Actor] = []
        for c in t.children:
            if c.dep_ != "prep" or c.lower_ not in ("of", "from", "in"):
                continue
            for g in c.children:
                owner = actors.actor(g) if g.dep_ == "pobj" else None
                if owner is None or owner.country != a.country:
                    continue
                for other in g.conjuncts:
                    o = actors.actor(other)
                    if o is not None and o.country and o.country != a.country:
                        out.append(Actor(f"{t.text} {c.text} {other.text}",
                                         o.country + a.sector, o.country, None, a.sector,
                                         None, f"role {a.sector} of '{other.text}', "
                                         f"coordinated with '{g.text}': {o.reason}"))
        return out

    def _sources(self, hit: _Hit, actors: DocActors, quotes: list[Quote]) -> list[Actor]:
        f = hit.frame
        out = self._slot_actors(f.subject, actors, quotes)
        if (not out and not f.nominal and self.complements == "words"
                and f.subject is not None and f.subject.head == f.head):
            # PETRARCH-2 takes the first party named in the subject's phrase: "Resumption
            # of ties between Arnor and Gondor may spur ..." (the verb's own subject: one
            # inherited through a misparse is far less sure).
            out = first_party_in(f.subject, actors, ())
        if out or not f.nominal:
            return out
        for c in f.head.children:
            if c.dep_ in ("amod", "compound", "nmod"):
                a = actors.actor(c)
                if a is not None and (a.country or a.org):  # "Russian support", not "general"
                    return [a]
        gov = governor(f.head)
        if gov is not None:
            subj = subject_of(gov)
            out = [a for t in self._expand(subj) if (a := self._actor(t, actors, quotes))]
            if out:
                return out
        if hit.pattern.target == "none" and f.obj is not None:
            a = self._actor(f.obj, actors, quotes)
            if a is not None:
                return [a]
        return []

    def _empty_statement(self, hit: _Hit, src: Actor) -> bool:
        """ "..., a senior official said": a bare speech verb of someone of no known party,
        to no one, says nothing an analyst can use."""
        p = hit.pattern
        return (not (src.country or src.org) and p.specificity == 0
                and self.lexicon.has("speech", hit.head.lemma_))

    @staticmethod
    def _sense_mismatch(hit: _Hit, targets: list[Actor | None]) -> bool:
        """A pattern whose target is the object, filled by no actor, is another sense of
        the verb: "meet the criteria" is no meeting."""
        p = hit.pattern
        if int(p.cameo[:2]) >= 15:
            return False  # force, coercion, violence: "Russia shelled Kharkiv" stands
        return (p.target == "dobj" and p.obj is None and hit.target is not None
                and targets == [None] and hit.target.pos_ == "NOUN")  # a PROPN: unknown actor

    # -- events -------------------------------------------------------------------------
    def code(self, doc: Doc, article: Article, actors: DocActors, quotes: list[Quote]
             ) -> list[Event]:
        """All events of one parsed article, in text order."""
        events: list[Event] = []
        seen: set[str] = set()
        for n, sent in enumerate(sentences(doc)):
            hits = self._hits(sent, actors)
            if not hits:
                continue
            coded = {h.head.i for h in hits}
            date = self._date(sent, article.published)
            for hit in hits:
                sources = self._sources(hit, actors, quotes)
                own = {a.code for a in sources}
                slot = self._slot_actors(hit.target, actors, quotes)
                # A target that is only the sources themselves is the group's own ("Rohan
                # and Bree welcomed their resumption of ties with ..."): look further. In a
                # list with other parties each source is one more target ("X and Y spur
                # reconciliation between Z and Y": X acts on Y too).
                targets: list[Actor | None] = [
                    *(slot if len(sources) < 2 or any(a.code not in own for a in slot)
                      else [])] or [None]
                if targets == [None] and hit.pattern.target != "none":
                    targets = [*first_party_after(
                        hit.head, hit.target, hit.skipped, actors, own, self.complements,
                        coded)] or [None]
                if hit.pattern.swapped:
                    # PETRARCH's `+ * FROM $`: the party after the verb acts on the subject,
                    # that of the clause the words before the verb are read in.
                    subj = clause_subject(hit.frame, hit.pattern.before is not None)
                    sources, targets = [t for t in targets if t is not None], [
                        *self._slot_actors(subj, actors, quotes)] or [None]
                if not sources and _between(hit) and len(targets) > 1:
                    # "talks between Israel and Egypt": each side acts towards the other.
                    sources = [t for t in targets if t is not None]
                elif len(sources) > 1 and (hit.pattern.compound or (
                        targets == [None]
                        and self.ontology[hit.pattern.cameo].root in MUTUAL_ROOTS)):
                    # "Russia and Ukraine held talks": with each other.
                    targets = list(sources)
                if not sources or (not slot and self._sense_mismatch(hit, targets)):
                    continue
                for src in sources:
                    for tgt in targets:
                        if tgt is not None and tgt.code == src.code:
                            if len(targets) > 1:
                                continue
                            tgt = None  # acting on oneself ("deploys to its members")
                        if tgt is None and self._empty_statement(hit, src):
                            continue
                        pairs = [(src, tgt, hit.pattern.cameo)]
                        if tgt is not None and hit.pattern.reciprocal is not None:
                            # PETRARCH's [032:033]: the target does 033 back.
                            pairs.append((tgt, src, hit.pattern.reciprocal))
                        for a, b, cameo in pairs:
                            ev = self._event(article, n, sent, date, hit, a, b, quotes,
                                             cameo)
                            if ev.event_id not in seen:
                                seen.add(ev.event_id)
                                events.append(ev)
        return events

    def _date(self, sent: Span, published: str | None) -> str | None:
        """The sentence's own date ("on Tuesday", "last week", "Sept. 25"), else the
        article's."""
        if published is None:
            return None
        for expr in date_expressions(sent):
            d = resolve_date(expr, published)
            if d is not None:
                return d
        return published

    def _event(self, article: Article, n: int, sent: Span, date: str | None, hit: _Hit,
               src: Actor, tgt: Actor | None, quotes: list[Quote], cameo: str) -> Event:
        p = hit.pattern
        c = self.ontology[cameo]
        negated = is_negated(hit.head, self.lexicon)
        mod = modality(hit.head, self.lexicon)
        conf = 0.9 - 0.05 * max(0, 2 - p.specificity)
        if p.nominal:
            conf -= 0.1
        if p.target != "none" and tgt is None:
            conf -= 0.15
        if src.reason.startswith(("pronoun", "'")):
            conf -= 0.1
        if mod != "asserted":
            conf -= 0.05
        head = hit.head
        quote = _quote_at(head.idx, quotes)
        start = sent.start_char
        end = sent.end_char
        text = sent.text.rstrip()
        end = start + len(text)
        return Event(
            event_id=event_id_for(article.article_id, n, p.id, cameo, src.code,
                                  tgt.code if tgt else "", head.idx),
            article_id=article.article_id, sentence=n, date=date, source=src, target=tgt,
            cameo=cameo, root=c.root, quad_class=c.quad_class, goldstein=c.goldstein,
            plover={"type": c.plover_type, "mode": c.plover_mode}, negated=negated,
            modality=mod,
            evidence={"text": text, "start": start, "end": end,
                      "trigger": {"text": head.text, "start": head.idx,
                                  "end": head.idx + len(head.text)}},
            quote_id=quote.quote_id if quote else None, rule=p.id,
            confidence=round(max(0.05, min(1.0, conf)), 2), coder_version=CODER_VERSION,
        )


# Cooperation is done with someone: coordinated actors with no other partner did it together.
MUTUAL_ROOTS = frozenset({"03", "04", "05", "06"})
def _object_phrases(tok: Token) -> list[Token]:
    """The prepositions of a word's phrases, and one right after it that the parser hung
    on the verb ("welcomed memos on economic issues")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    hung = [nxt] if nxt is not None and nxt.head == tok.head and nxt.dep_ == "prep" else []
    return [p for p in [*tok.children, *hung] if p.dep_ == "prep"]


def _inner_preps(tok: Token) -> list[tuple[str, Token]]:
    """(preposition, object) of the phrases hung on the objects of a word's phrases, or
    on a participle describing them ("assurances on issues sent from X")."""
    return [(c.lemma_.lower(), gg) for p in _object_phrases(tok) for g in p.children
            if g.dep_ == "pobj" for c in _with_participles(g) if c.dep_ == "prep"
            for gg in c.children if gg.dep_ == "pobj"]


def _with_participles(tok: Token) -> list[Token]:
    """A word's children and those of a past participle describing it ("sent from")."""
    return [*tok.children, *(c for a in tok.children
                             if a.dep_ == "acl" and a.tag_ == "VBN" for c in a.children)]


def _has_prep(tok: Token, preps: frozenset[str], c: Constraint) -> bool:
    """The word has a prepositional phrase whose object meets `c` ("memos on economic
    issues"), or one right after it that the parser hung on the verb."""
    return any(p.lemma_.lower() in preps and any(
        g.dep_ == "pobj" and meets(c, g) for g in p.children) for p in _object_phrases(tok))


def _particle_as_preposition(f: Frame, particles: list[str]) -> Frame | None:
    """The frame read with a preposition right after the verb as its particle ("cordoned
    off the roads": the parser made "off" a preposition), or None if there is none."""
    nxt = f.head.nbor(1) if f.head.i + 1 < len(f.head.doc) else None
    if (f.nominal or f.prt is not None or nxt is None or nxt.dep_ != "prep"
            or nxt.head != f.head or nxt.lower_ not in particles):
        return None
    obj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
    return replace(f, prt=nxt.lower_, obj=f.obj or obj,
                   preps=[(lemma, o) for lemma, o in f.preps if o != obj])


def _name_like(t: Token) -> bool:
    """A proper noun, or a capitalised noun the parser took for a common one ("the awful
    Fornost")."""
    return t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.is_title)


def _prep_owner(t: Token) -> Token | None:
    """The object of "of/from/in" after a role word ("lawmakers in Fornost")."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "from", "in"):
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _share_countries(found: list[Actor]) -> list[Actor]:
    """A role of no known country coordinated with roles of a country is that country's:
    "Danish media and government", "lawmakers and officials in Fornost and Gondor"."""
    owners = list(dict.fromkeys(a.country for a in found if a.country and a.sector))
    if not owners:
        return found
    out: list[Actor] = []
    for a in found:
        if a.country or a.org or not a.sector:
            out.append(a)
            continue
        out += [Actor(a.text, c + a.sector, c, None, a.sector, a.name,
                      f"role {a.sector} coordinated with roles of {c}") for c in owners]
    return out


def _owned(noun: Token) -> bool:
    """The noun names its own actor: a possessor other than its/their, or a by-phrase."""
    return any((c.dep_ == "poss" and c.lower_ not in ("its", "their", "his", "her", "our"))
               or (c.dep_ == "prep" and c.lower_ == "by") for c in noun.children)


def _between(hit: _Hit) -> bool:
    t = hit.target
    return t is not None and t.dep_ == "pobj" and t.head.lower_ in ("between", "among")


def _quote_at(char: int, quotes: list[Quote]) -> Quote | None:
    inside = [q for q in quotes if q.start <= char < q.end]
    if not inside:
        return None
    return min(inside, key=lambda q: (not q.direct, q.end - q.start))


def _speaker_party(tok: Token, quotes: list[Quote]) -> Actor | None:
    """"we"/"our" inside a quote: the party the speaker speaks for."""
    q = _quote_at(tok.idx, quotes)
    if q is None or q.speaker is None:
        return None
    s = q.speaker
    return Actor(tok.text, s.code, s.country, s.org, s.sector, None,
                 f"'{tok.text}' in a quote by {s.name or s.text} ({s.code})")
