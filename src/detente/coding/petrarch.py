"""Translating PETRARCH verb dictionaries (CAMEO.verbpatterns) into detente's PatternSet.

PETRARCH patterns are word sequences around the verb; detente's are slots on the
dependency tree. `detente.coding.verbpatterns` reads the format (described there).

How a pattern is translated: words after the verb become the object constraint (one
word: the object or a modifier of it, or an adverb after a verb with no object, "* NOW";
several: all of them among the object's phrase words, in order, others allowed between
unless `_` ties them: `* DIPLOMATIC TIES` fits
"full diplomatic ties", `* NEW_&TIETYPES_RELATIONS` not "new global economic relations"),
a preposition starts a prepositional phrase (`* WITH +` -> prep `with`, target its
object), a particle right after the verb is the particle (`*_OUT`, `* DOWN FROM`),
synsets become word alternatives. Without a `+`, PETRARCH takes the first actor after the
verb as the target; detente cannot search like that, so such a pattern yields two: one
whose target is the object of a preposition (tried first: it is more specific) and one
whose target is the direct object. Negation before the verb (`NOT *`, `&NEGATVAUXVRB *`)
makes a pattern for negated verbs only, tried before the others. Other words before the
verb (`UNEXPECTEDLY &NEGATVAUXVRB *`, `RECENTLY_*`, `{DEATH TOLL} *`) must be among the
words of the verb's clause before it, in order (`Pattern.before`); each adds to the
pattern's specificity, so the longest such pattern that fits wins. A compound actor
before the verb (`% *`: "Gondor and Rohan agree") makes a pattern that needs a
coordinated subject whose parties act towards each other; one after the verb
(`* WITH %`) is a target like `+`, its conjuncts each a target. A target after a skipped
phrase (`* AT ^ +`) is the first party named after the preposition's object
(`Pattern.skip`); where none is, the pattern does not fit. A preposition tied to the
object (`* MEMOS_ON_&TIETYPES FROM +`) is a phrase the object must have
(`Pattern.obj_prep`), beside the target's. Words before the verb of a phrasal verb
(`WIRE_+TAP`) are words before the verb tied to it, after the pattern's own. A bare
preposition (`* FOR`) whose object is no party also fits, ranked after the dictionary's
other lines, with the first party after the verb as target. A target after object
words (`* MONEY +`) is the first party named after the object (`Pattern.skip` without a
preposition), after as many phrases more as `^` follow the words (`* TABASKI ^ +`,
`Pattern.skip_phrases`). The source after the verb with no target after it (`+ * FROM
$`, `+ HOSTING * MAY_DAY $`, `* TABASKI ^ $`) swaps the roles: the `$` is read as a
target would be, and the coder takes that party as the source and the verb's subject
(that of the clause the words before the verb are in) as the target (`Pattern.swapped`,
`detente.coding.roles`); words before the verb beside the `+` are words the clause must
have, as above. Not expressible, so skipped and reported: a prepositional phrase before
the verb, the source and the target both after the verb (`* FROM $ TO +`), words after a
target, other words beside a compound actor, two prepositional phrases, null codes
(`[---]`,
which block coding), and codes that are not CAMEO codes and have no CAMEO parent (unless
the ontology given has them). A code with a
CAMEO parent (`1717` -> `171`, `174K` -> `174`) is mapped to it and counted. A reciprocal
code (`[032:033]`: the target does 033 back) becomes the pattern's `reciprocal`, which
the coder codes as a second event, source and target swapped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from spacy.language import Language

from detente.coding.patterns import Constraint, Pattern, PatternSet, WordSequence
from detente.coding.verbpatterns import (
    Item,
    Lemmatize,
    Synsets,
    Untranslatable,
    VerbEntry,
    flatten,
    member_phrases,
    read_verbpatterns,
    word_forms,
)
from detente.errors import DataError
from detente.ontology import CameoCode, Ontology

PARTICLES = frozenset({"up", "down", "off", "out", "away", "back", "aside", "forward",
                       "together", "apart", "ahead"})
PREPOSITIONS = frozenset({
    "about", "above", "across", "after", "against", "along", "amid", "amidst", "among",
    "amongst", "around", "as", "at", "before", "behind", "below", "beneath", "beside",
    "besides", "between", "beyond", "by", "despite", "during", "except", "for", "from", "in",
    "inside", "into", "near", "of", "off", "on", "onto", "outside", "over", "past", "per",
    "since", "than", "through", "throughout", "till", "to", "toward", "towards", "under",
    "underneath", "until", "unto", "upon", "via", "with", "within", "without"})
# Prepositions whose object PETRARCH would take as the target when no `+` says where it is
# (the first actor after the verb); time and manner prepositions are left out.
TARGET_PREPS = frozenset({"with", "to", "against", "on", "at", "for", "toward", "towards",
                          "by", "into", "upon", "over", "from", "in", "about", "of", "between",
                          "among", "onto", "near", "across", "inside", "within"})
# Words that say nothing about an object's head ("* THEIR ^ ABOUT +").
_FUNCTION_WORDS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "my",
                             "your", "this", "that", "these", "those", "some", "any"})
# Before the verb, only these may stand beside the target of a passive ("+ WAS_ *").
_PASSIVE_AUX = frozenset({"was", "were", "been", "is", "are", "be", "being", "am", "has",
                          "have", "had", "&auxverb1", "&tobeverb"})



# -- translation -----------------------------------------------------------------------
Phrase = tuple[Item, ...]  # the content words of a noun phrase, head last


@dataclass(frozen=True, slots=True)
class Slots:
    """What a PETRARCH pattern says, in detente's terms (phrases not yet constraints)."""

    prt: str | None
    obj: Phrase | None
    prep: frozenset[str] | None
    pobj: Phrase | None
    target: str | None  # dobj | pobj, or None: PETRARCH's "first actor after the verb"
    compound: bool = False  # `% *`: the coordinated subject's parties, to each other
    negated: bool = False  # `NOT *`, `&NEGATVAUXVRB *`: only for a negated verb
    before: tuple[Item, ...] = ()  # other words before the verb, in order
    touching: bool = False  # the last of `before` is tied to the verb (`RECENTLY_*`)
    skip: bool = False  # `IN ^ +`: the target is the first party after the phrase skipped
    # `* MEMOS_ON_&TIETYPES FROM +`: a phrase tied to the object, the object's own
    obj_prep: tuple[frozenset[str], Phrase] | None = None
    # `* FOR`: a preposition with nothing after it; its object may be anything, the
    # target is the first party named after the verb ("called for a boycott against X")
    bare_prep: bool = False
    swapped: bool = False  # `+ * FROM $`: the target slot holds the source (Pattern.swapped)
    # `* TABASKI ^ +`: phrases passed over after the object before the target (skip set)
    skip_phrases: int = 0


def _phrase(words: list[Item]) -> Phrase | None:
    content = tuple(it for it in words if it.kind == "syn"
                    or (it.kind == "word" and it.text not in _FUNCTION_WORDS))
    return content or None


def _forms(item: Item, syn: Synsets) -> list[list[str]]:
    if item.kind == "mark":
        return [[item.text]]
    return (member_phrases(item.text, syn) if item.kind == "syn" else [[item.text]])


def word_sequences(items: Phrase, syn: Synsets) -> frozenset[WordSequence]:
    """The word sequences items stand for: a synset's members are alternatives, a member's
    words stay together, an item tied by `_` joins the group before it."""
    seqs: list[list[list[str]]] = [[]]
    for item in items:
        alternatives = _forms(item, syn)
        seqs = [([*s[:-1], s[-1] + f] if item.joined and s else [*s, list(f)])
                for s in seqs for f in alternatives][:500]
    return frozenset(tuple(tuple(frozenset(word_forms(w)) for w in grp) for grp in s)
                     for s in seqs if s)


def constraint(phrase: Phrase | None, syn: Synsets) -> Constraint | None:
    """The constraint a phrase puts on a slot's word.

    A phrase of one word (or a synset of one-word members) is the word's alternatives, met
    by the slot's word or a modifier of it. Several words (or several-word members) must
    all be among the slot's phrase words, in order, others allowed between unless `_` ties
    them, as PETRARCH matches them ("* IMPROVED &TIETYPES RELATIONS": "improved global
    economic relations"; "* DIPLOMATIC TIES" is not met by "symbolic ties").
    """
    if phrase is None:
        return None
    steps = word_sequences(phrase, syn)
    if any(sum(len(g) for g in s) > 1 for s in steps):
        return Constraint(frozenset(), steps)
    head = phrase[-1]
    return Constraint(syn.heads(head.text) if head.kind == "syn"
                      else frozenset(word_forms(head.text)))


def before_constraint(slots: Slots, syn: Synsets) -> Constraint | None:
    """What the words up to the verb must hold for a pattern with words before the verb;
    the verb is the last word, `*`."""
    if not slots.before:
        return None
    verb = Item("mark", "*", joined=slots.touching)
    return Constraint(frozenset(), word_sequences((*slots.before, verb), syn))


def _preposition(it: Item, syn: Synsets) -> frozenset[str] | None:
    """The preposition(s) an item stands for: a word, or a synset of prepositions."""
    if it.kind == "word" and it.text in PREPOSITIONS:
        return frozenset({it.text})
    if it.kind == "syn":
        members = member_phrases(it.text, syn)
        words = {m[0] for m in members if len(m) == 1}
        if members and len(words) == len(members) and words <= PREPOSITIONS:
            return frozenset(words)
    return None


NEGATIONS = frozenset({"not", "n't", "never", "no", "neither"})
_AUXILIARIES = frozenset({"do", "does", "did", "will", "would", "can", "could", "should",
                          "wo", "ca", "shall", "must", "may", "might", "really"})


def _negation(items: list[Item], syn: Synsets) -> bool:
    """Words before the verb that only negate it ("NOT *", "&NEGATVAUXVRB *" whose members
    are "DID N'T", "WILL NOT"): at least one negation, the rest auxiliaries."""
    def words(it: Item) -> list[list[str]]:
        if it.kind == "syn":
            return member_phrases(it.text, syn)
        return [[it.text]] if it.kind == "word" else [["?"]]

    plain = NEGATIONS | _AUXILIARIES | {w.lstrip("&") for w in _PASSIVE_AUX}
    found = False
    for it in items:
        phrases = words(it)
        if not phrases or any(w.lower() not in plain for p in phrases for w in p):
            return False
        found = found or all(any(w.lower() in NEGATIONS for w in p) for p in phrases)
    return found


def translate(pre: list[Item], post: list[Item], syn: Synsets, *, touching: bool = False
              ) -> Slots:
    """Slots for one pattern: `pre` and `post` are the items before and after the verb;
    `touching`: the verb is tied to the item before it (`RECENTLY_*`)."""
    if any(it.kind == "pp" for it in pre):
        raise Untranslatable("a prepositional phrase before the verb")
    # A noun phrase before the verb ("{DEATH TOLL} *") is words next to each other.
    pre = [replace(x, joined=x.joined or n > 0) if it.kind == "np" else x
           for it in pre for n, x in enumerate(it.items if it.kind == "np" else (it,))]
    marks = {it.text for it in flatten(pre) if it.kind == "mark"}
    before: tuple[Item, ...] = ()
    others = [it for it in flatten(pre) if not (it.kind == "mark" and it.text in "$^")]
    passive_target = False
    negated = False
    compound = "%" in marks
    # Auxiliaries beside a compound actor say only tense: "% HAVE *" is "% *".
    if compound and (len(marks) > 1 or any(
            not (it.kind == "mark" and it.text == "%")
            and f"{'&' if it.kind == 'syn' else ''}{it.text.lower()}" not in _PASSIVE_AUX
            for it in others)):
        raise Untranslatable("compound actor (%) with other words before the verb")
    if compound:
        others = []
    # The source after the verb and no target after it (`+ * FROM $`, `* TABASKI ^ $`):
    # the party there acts on the verb's subject, whether or not a `+` before the verb says
    # so. Read as a target after the verb with the roles swapped (`Pattern.swapped`); the
    # words before the verb are words the clause must have there ("+ HOSTING *").
    swapped = ("$" not in marks and _has_mark(post, "$") and not _has_mark(post, "+")
               and not _has_mark(post, "%"))
    if swapped:
        if compound:
            raise Untranslatable("compound actor (%) before the verb and the source after it")
        post = [_swap_marks(it) for it in post]
        others = [it for it in others if it.kind != "mark"]
        marks = marks - {"+"}
    if "+" in marks:
        rest = [it for it in others if not (it.kind == "mark" and it.text == "+")]
        if not rest or "$" in marks or any(
                f"{'&' if it.kind == 'syn' else ''}{it.text.lower()}" not in _PASSIVE_AUX
                for it in rest):
            raise Untranslatable("target before the verb and source after it")
        passive_target = True
    elif others and _negation(others, syn):
        negated = True
    elif others and all(it.kind in ("word", "syn") for it in others):
        before = tuple(others)  # "UNEXPECTEDLY &NEGATVAUXVRB *", "INDICATED SHOULD *"
    elif others:
        raise Untranslatable("marks before the verb other than $, + and %")
    prt: str | None = None
    np_words: list[Item] = []
    pps: list[tuple[frozenset[str], list[Item]]] = []
    obj_target = False
    open_pp: list[Item] | None = None
    skip = False
    tied_pp = False
    # `* MONEY +`, `* TABASKI ^ +`: the target is the first party after the object words
    # and as many phrases after them as `^` follow them (None: no such target).
    past_object: int | None = None
    skipped_after = 0
    for n, it in enumerate(post):
        if it.kind == "mark":
            if it.text == "$":
                raise Untranslatable("source ($) and target both after the verb")
            if it.text == "%":  # a coordinated target: each conjunct is one
                it = Item("mark", "+")
            if it.text == "^":
                if open_pp is not None:
                    open_pp.append(it)
                elif np_words and not obj_target:
                    skipped_after += 1
                continue
            if it.text == "+" and open_pp is None and np_words and not pps:
                past_object = skipped_after
            if it.text == "+":
                if open_pp is not None and any(x.kind == "mark" and x.text == "^"
                                               for x in open_pp):
                    if skip or any(x.kind != "mark" for x in open_pp):
                        raise Untranslatable("words or a second target beside a skipped "
                                             "phrase (IN ^ +)")
                    skip = True
                if open_pp is not None:
                    open_pp.append(it)
                else:
                    obj_target = True
            continue
        if it.kind == "pp":
            inner = flatten(it.items)
            first = _preposition(inner[0], syn) if inner else None
            if first is None:
                raise Untranslatable("a (...) phrase must start with its preposition")
            open_pp = None
            pps.append((first, list(inner[1:])))
            continue
        if it.kind == "np":
            (open_pp if open_pp is not None else np_words).extend(flatten(it.items))
            continue
        if it.kind == "word" and n == 0 and it.text in PARTICLES:
            prt = it.text
            continue
        as_prep = _preposition(it, syn)
        if as_prep is not None:
            if it.joined and np_words and open_pp is None and not pps:
                tied_pp = True  # "MEMOS_ON_...": a phrase of the object
            open_pp = []
            pps.append((as_prep, open_pp))
            continue
        (open_pp if open_pp is not None else np_words).append(it)
    if len(pps) > 1:  # a phrase holding only a skip ("AT ^") says little: let it go
        pps = [(p, w) for p, w in pps
               if not (w and all(it.kind == "mark" and it.text == "^" for it in w))]
    obj_prep: tuple[frozenset[str], Phrase] | None = None
    if tied_pp and len(pps) == 2 and all(it.kind != "mark" for it in pps[0][1]):
        words = _phrase(pps[0][1])
        if words is not None:
            obj_prep = (pps[0][0], words)
            pps = pps[1:]
    if len(pps) > 1:
        raise Untranslatable("more than one prepositional phrase")
    obj = _phrase(np_words)
    if past_object is not None and (pps or obj is None or not any(
            it.kind == "mark" and it.text == "+" for it in post[-1:])):
        past_object = None  # words after the target, or other phrases: not this reading
    if obj_target and obj is not None and past_object is None:
        raise Untranslatable("target and object words both after the verb")
    prep: frozenset[str] | None = None
    pobj: Phrase | None = None
    target: str | None = None
    if pps:
        prep, pp_words = pps[0]
        has_target = any(it.kind == "mark" and it.text == "+" for it in pp_words)
        pobj = _phrase([it for it in pp_words if it.kind != "mark"])
        if has_target and pobj is not None:
            raise Untranslatable("target and words both in one prepositional phrase")
        if has_target or not pp_words:
            target = "pobj"
    if obj_target or passive_target:
        if target == "pobj" and pobj is None and any(
                it.kind == "mark" and it.text == "+" for it in pps[0][1]):
            raise Untranslatable("two targets")
        target = "dobj"
    if target is None and pps:
        target = "dobj"
    if compound:
        if target is not None and (obj_target or (target == "pobj" and pobj is None)):
            raise Untranslatable("compound actor (%) before the verb and a target after it")
        target = None
    if skip and (compound or target != "pobj" or pps[0][1][-1].text != "+"):
        raise Untranslatable("a skipped phrase (IN ^ +) with other marks")
    if past_object is not None:
        if compound:
            raise Untranslatable("compound actor (%) before the verb and a target after it")
        target, skip = "dobj", True
    if swapped and target is None:
        raise Untranslatable("the source after the verb is no phrase detente can find")
    bare = bool(pps) and not pps[0][1] and not obj_target and target == "pobj"
    return Slots(prt, obj, prep, pobj, target, compound, negated, before,
                 touching and bool(before), skip, obj_prep, bare, swapped,
                 past_object or 0)


def _has_mark(items: list[Item], mark: str) -> bool:
    return any(it.kind == "mark" and it.text == mark for it in flatten(items))


def _swap_marks(it: Item) -> Item:
    """The item with its source marks (`$`) made target marks (`+`)."""
    if it.kind == "mark" and it.text == "$":
        return replace(it, text="+")
    if it.kind in ("np", "pp"):
        return replace(it, items=tuple(_swap_marks(x) for x in it.items))
    return it


# -- codes -----------------------------------------------------------------------------
def cameo_code(code: str, ontology: Ontology) -> str | None:
    """The code if the ontology has it, else its nearest CAMEO parent, else None."""
    if code in ontology:
        return code
    base = code.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    for cand in (base, base[:3], base[:2]):
        if len(cand) >= 2 and cand in ontology:
            return cand
    return None


def with_codes(ontology: Ontology, codes: set[str]) -> Ontology:
    """The ontology plus placeholder entries for non-CAMEO codes a dictionary uses.

    For scoring PETRARCH's test sets verbatim (they use made-up codes such as 903): each
    placeholder takes the root, QuadClass and Goldstein weight of its nearest CAMEO parent
    where there is one, else an empty root and weight 0.
    """
    extra: dict[str, CameoCode] = {}
    for code in sorted(codes):
        if code in ontology:
            continue
        parent = cameo_code(code, ontology)
        p = ontology[parent] if parent else None
        extra[code] = CameoCode(code, f"PETRARCH code {code} (not in CAMEO)",
                                p.root if p else "", p.goldstein if p else 0.0,
                                p.quad_class if p else 1, None, None)
    return Ontology({**ontology.codes, **extra})


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def import_verbs(path: Path, ontology: Ontology, problems: list[DataError] | None = None,
                 *, lemmatize: Lemmatize | None = None,
                 target_words: frozenset[str] | None = None,
                 counts: dict[str, int] | None = None) -> PatternSet:
    """Read a PETRARCH verb dictionary into detente patterns.

    `lemmatize` turns a dictionary verb into the lemma spaCy gives it (dictionaries list
    forms such as SAID or LEFT); the default only lower-cases. What cannot be expressed is
    reported into `problems` as FILE:LINE: problem, once per pattern line. `counts`
    receives tallies: patterns made, codes mapped to a CAMEO parent, reciprocal codes cut.

    `target_words` (lower-cased words that can head an actor mention, e.g. from
    `actor_head_words(kb)`) narrows the preposition variant of a pattern without a `+` to
    prepositions whose object may be an actor, which is how PETRARCH picks such a target
    (the first actor after the verb); without it any object of those prepositions will do.
    Patterns are ranked: the pattern lines first, then the verbs' default codes.
    """
    probs: list[DataError] = problems if problems is not None else []
    tally: dict[str, int] = counts if counts is not None else {}
    lem = lemmatize or (lambda w: w.lower())
    blocks, syn = read_verbpatterns(path, lem, probs)
    acc: dict[tuple[bool, str], list[Pattern]] = defaultdict(list)
    where = path.name
    actor_heads = Constraint(target_words) if target_words else None
    seen_ids: set[str] = set()
    # Each verb keeps the word forms its block lists and PETRARCH generates (-s, -ed, -ing):
    # PETRARCH matches words, not lemmas, so "met" of a block "MET [031:032]" is not
    # "meet" of "MEET [031:031]", and "departes" is no form of DEPART.

    def add(key: str) -> None:
        tally[key] = tally.get(key, 0) + 1

    def code_for(code: str, line: int) -> str | None:
        mapped = cameo_code(code, ontology)
        if mapped is None:
            probs.append(DataError(str(path), line, f"code {code} is not a CAMEO code and "
                                   "has no CAMEO parent"))
        elif mapped != code:
            add(f"code {code} -> {mapped}")
            add("codes mapped to a CAMEO parent")
        return mapped

    def emit(verb: VerbEntry, slots: Slots, code: str, line: int, tag: str, tier: int,
             back: str | None) -> None:
        obj, pobj = constraint(slots.obj, syn), constraint(slots.pobj, syn)
        before = before_constraint(slots, syn)
        tied = None
        if slots.obj_prep is not None:
            tied_c = constraint(slots.obj_prep[1], syn)
            if tied_c is None or (not tied_c.words and not tied_c.sequences):
                return
            tied = (slots.obj_prep[0], tied_c)
        if any(c is not None and not c.words and not c.sequences for c in (obj, pobj)):
            return  # nothing could match
        if slots.target == "pobj" and pobj is None and not slots.skip:
            pobj = actor_heads  # the same rank as a pattern without `+` (below)
        variants: list[tuple[frozenset[str] | None, Constraint | None, str]] = [
            (slots.prep, pobj, slots.target or "dobj")]
        if slots.compound:
            variants = [(slots.prep, pobj, "none")]
        elif slots.target is None and slots.prep is None:
            variants = [(TARGET_PREPS, actor_heads, "pobj"), (None, None, "dobj")]
        shapes: list[tuple[Constraint | None, Constraint | None, int, str]] = [
            (obj, None, tier, "")]
        if (slots.obj is not None and slots.prep is None and slots.target is None
                and not slots.compound and len(slots.obj) > 1
                and all(it.joined for it in slots.obj[1:])):
            # Words tied by `_` that PETRARCH finds after the verb though they are not its
            # object ("* REALLY_PLEASANT": "allowed that X isn't a really pleasant
            # place"): ranked after the object reading. Loose words would be found in
            # any long clause after the verb, so only a tied expression counts.
            after = Constraint(frozenset(), word_sequences(slots.obj, syn))
            shapes.append((None, after, tier + 1, "w"))
        if slots.bare_prep and actor_heads is not None:
            # `* FOR` whose preposition's object is no party ("called for a boycott
            # against X"): the first party after the verb, ranked after the other lines.
            variants.append((slots.prep, None, "pobj"))
        for shape_obj, after_c, rank, suffix in shapes:
            for n_var, (prep, pob, target) in enumerate(variants):
                fallback = slots.bare_prep and n_var == len(variants) - 1 and n_var > 0
                for lemma in verb.lemmas:
                    pid = (f"petr.{_slug(lemma)}.{line}{tag}{suffix}"
                           + ("" if n_var == 0 else "b"))
                    while pid in seen_ids:
                        pid += "x"
                    seen_ids.add(pid)
                    acc[(False, lemma)].append(Pattern(
                        pid, code, lemma, None, False, slots.prt, shape_obj, prep, pob,
                        target, "", f"{where}:{line}",
                        (rank + fallback) * 10_000_000 + len(seen_ids),
                        back, slots.compound, verb.forms,
                        slots.negated, before, len(slots.before), after_c, slots.skip,
                        tied, slots.swapped, slots.skip_phrases))
                    add("patterns")

    for block in blocks:
        for pl in block.patterns:
            if pl.code is None:
                probs.append(DataError(str(path), pl.line, "null code [---] (PETRARCH: do "
                                       "not code): detente patterns cannot block coding"))
                continue
            code = code_for(pl.code, pl.line)
            if code is None:
                continue
            back = code_for(pl.back, pl.line) if pl.back else None
            if back is not None:
                add("reciprocal codes")
            reported = False
            for vn, verb in enumerate(block.verbs):
                try:
                    slots = translate(_with_verb_words(pl.pre, verb, pl.touching),
                                      verb.tail + pl.post, syn,
                                      touching=pl.touching or bool(verb.pre))
                except Untranslatable as exc:
                    if not reported:
                        probs.append(DataError(str(path), pl.line, str(exc)))
                        reported = True
                    continue
                emit(verb, slots, code, pl.line, f"-{vn}" if vn else "", 0, back)
        for verb in block.verbs:
            if verb.code is None:
                continue
            code = code_for(verb.code, verb.line)
            if code is None:
                continue
            try:
                slots = translate(_with_verb_words([], verb, False), verb.tail, syn,
                                  touching=bool(verb.pre))
            except Untranslatable as exc:
                probs.append(DataError(str(path), verb.line, str(exc)))
                continue
            back = code_for(verb.back, verb.line) if verb.back else None
            emit(verb, slots, code, verb.line, "-default", 2, back)
    by_head = {k: tuple(sorted(v, key=lambda p: (-p.specificity, p.order)))
               for k, v in acc.items()}
    classes = {"@" + name.lower(): syn.heads(name) for name in syn.raw}
    return PatternSet(by_head, classes, "petrarch")


def _with_verb_words(pre: list[Item], verb: VerbEntry, touching: bool) -> list[Item]:
    """A pattern's words before the verb, then the verb's own ("wire" of WIRE_+TAP: right
    before it), the first of those tied to the pattern's last word if `touching`."""
    if not verb.pre:
        return pre
    return [*pre, replace(verb.pre[0], joined=touching), *verb.pre[1:]]


def spacy_lemmatizer(nlp: Language) -> Callable[[str], str]:
    """The lemma spaCy gives a dictionary verb form used as a verb ("left" -> "leave")."""

    @cache
    def lemma(word: str) -> str:
        doc = nlp(f"They {word} it.")
        return doc[1].lemma_.lower() if len(doc) > 2 else word.lower()

    return lemma
