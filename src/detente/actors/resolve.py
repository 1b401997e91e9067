"""Resolving the actors a Doc mentions, in context and for the article's date.

One left-to-right pass over the doc: dictionary matches (longest first), then each noun
phrase is composed from what it contains (person > organisation > country + role), and
references that name nobody (surnames, pronouns, "the alliance", "the government") are
resolved to the salient compatible actor mentioned before them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from detente.actors.kb import EXACT, Entry, KnowledgeBase, stack_codes
from detente.actors.matching import Match, match_doc
from detente.nlp.pipeline import sentences
from detente.records import Actor, Mention

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself", "they", "them", "their", "themselves"})
SPEAKER_PRONOUNS = frozenset({"we", "us", "our", "ours", "ourselves", "i", "me", "my"})
# Modifiers that belong to a noun phrase's own words ("Russian Foreign Minister Sergey Lavrov").
PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "flat", "nn", "npadvmod", "poss"})
LOCATIVE_PREPS = frozenset({"in", "at", "on", "near", "across", "inside", "throughout", "of"})
GENERIC_COUNTRY = frozenset({"country", "nation", "state", "government", "authority"})
# Organs of a state: "the government", "the army" mean the salient country's.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", None})


@dataclass(slots=True)
class _Seen:
    i: int
    sent: int
    actor: Actor
    person: bool
    subject: bool
    locative: bool


def entity_key(actor: Actor) -> str:
    """What two actors must share to be 'the same party' for salience: org, else country."""
    return actor.org or actor.country or actor.code


class DocActors:
    """The actors of one doc: `actor(token)` gives the Actor a noun phrase head refers to."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, date: str | None) -> None:
        self.doc = doc
        self.kb = kb
        self.date = date
        self._memo: dict[int, Actor | None] = {}
        self._seen: list[_Seen] = []
        self._surnames: dict[str, str] = {}
        self._igos_seen: set[str] = set()
        self._also: dict[int, tuple[Actor, tuple[Actor, ...]]] = {}
        # Heads that are actors only by a name among their modifiers (see `stack_agents`)
        self._by_modifier: set[int] = set()
        self.mentions: list[Mention] = []
        self._sent_of = {}
        for n, sent in enumerate(sentences(doc)):
            for t in sent:
                self._sent_of[t.i] = n
        self.matches: dict[int, Match] = match_doc(doc, kb)
        for tok in doc:
            if self._is_phrase_head(tok) and tok.i not in self._memo and not self._inner(tok):
                self.actor(tok)

    def _inner(self, tok: Token) -> bool:
        """A token of a multi-word name whose head is in the same name ("Theresa" of "May")."""
        m = self.matches.get(tok.i)
        return m is not None and m.end - m.start > 1 and tok.head != tok and (
            m.start <= tok.head.i < m.end)

    # -- phrases -------------------------------------------------------------------------
    @staticmethod
    def _is_phrase_head(tok: Token) -> bool:
        if tok.pos_ not in ("NOUN", "PROPN", "PRON"):
            return False
        return tok.dep_ not in ("compound", "flat", "amod", "nn") or tok.head == tok

    def phrase_tokens(self, tok: Token) -> list[Token]:
        """The head and its own modifiers, without clauses, prepositions or appositions."""
        out = [tok]
        stack = [c for c in tok.children if c.dep_ in PHRASE_DEPS and c.dep_ != "poss"]
        while stack:
            c = stack.pop()
            out.append(c)
            stack.extend(g for g in c.children if g.dep_ in PHRASE_DEPS and g.dep_ != "poss")
        return sorted(out, key=lambda t: t.i)

    def actor(self, tok: Token) -> Actor | None:
        """The actor the noun phrase headed by `tok` refers to, or None."""
        if tok.i in self._memo:
            return self._memo[tok.i]
        self._memo[tok.i] = None  # guards against cycles in odd parses
        actor, kind = self._resolve(tok)
        self._memo[tok.i] = actor
        if actor is not None:
            self._note(tok, actor, kind)
        return actor

    def others(self, tok: Token) -> list[Actor]:
        """The further parties the phrase headed by `tok` names, where a dictionary gives
        its name several codes (PETRARCH's `[FRO/BIL/SAM]`); usually none."""
        actor = self.actor(tok)
        found = self._also.get(tok.i)
        return list(found[1]) if found is not None and found[0] is actor else []

    def _note(self, tok: Token, actor: Actor, kind: str) -> None:
        sent = self._sent_of.get(tok.i, 0)
        subject = tok.dep_ in ("nsubj", "nsubjpass") or (
            tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"))
        anchor = tok
        while anchor.dep_ in ("conj", "appos") and anchor.head != anchor:
            anchor = anchor.head
        locative = anchor.dep_ == "pobj" and anchor.head.lemma_.lower() in LOCATIVE_PREPS
        person = kind in ("person", "surname") or (kind == "pronoun" and actor.name is not None)
        self._seen.append(_Seen(tok.i, sent, actor, person, subject, locative))
        span = self.phrase_tokens(tok)
        start = span[0].i if span[0].dep_ != "det" else span[0].i + 1
        self.mentions.append(Mention(start, span[-1].i + 1, actor.text, actor, kind))
        if actor.org or actor.code in self.kb.igos:
            self._igos_seen.add(actor.code)

    def _text(self, toks: list[Token]) -> str:
        toks = [t for t in toks if t.dep_ != "det"] or toks
        return self.doc[toks[0].i: toks[-1].i + 1].text

    def _resolve(self, tok: Token) -> tuple[Actor | None, str]:
        low = tok.lower_
        if tok.pos_ == "PRON":
            if self.kb.pronouns == "subjects" and tok.dep_ not in ("nsubj", "nsubjpass"):
                return None, ""  # PETRARCH-2's reading: "burned its embassy" names nobody
            if low in PERSON_PRONOUNS:
                return self._salient(tok, person=True), "pronoun"
            if low == "it" and tok.head.lemma_ == "be" and tok.dep_ == "nsubj":
                return None, ""  # expletive: "it's important to have dialogue"
            if low in THING_PRONOUNS:
                return self._salient(tok, person=False), "pronoun"
            return None, ""
        toks = self.phrase_tokens(tok)
        own = self.matches.get(tok.i)
        if own is None and tok.pos_ == "PROPN" and tok.is_upper and len(tok) > 1:
            # "the European Union (EU)": the parser made the acronym the head.
            for c in tok.children:
                if c.dep_ in ("nmod", "compound", "appos") and c.i < tok.i and (
                        c.i in self.matches):
                    a = self.actor(c)
                    if a is not None:
                        return Actor(a.text, a.code, a.country, a.org, a.sector, a.name,
                                     f"'{tok.text}' after its full name: {a.reason}"), "name"
        text = self._text(toks)
        if self.kb.stack_agents:
            toks = self._shared_modifiers(tok, toks)
        entries = self._entries(toks, tok)
        by_kind: dict[str, list[Entry]] = defaultdict(list)
        for e in entries:
            by_kind[e.kind].append(e)
        # Only the head decides what a phrase is: "military interference" is no actor,
        # though "military" alone would be; where role words stack (PETRARCH-2), a name
        # among the modifiers does ("West German world government activists" GMWGOVWGO,
        # "Calenardhon crowds" CAL), though it makes no place an owner ("rioters in the
        # Egyptian square" are not Egypt's).
        # Not where the modifiers are a list ("Eriadori and Calenardhon leaders"): the
        # coder makes one party of each.
        stacked = self.kb.stack_agents and any(e.kind != "agent" for e in entries) and (
            any(e.kind == "agent" and not e.prefix for e in entries)
            or not any(t.conjuncts for t in toks if t.i != tok.i))
        if (own is None and not self._personish(tok) and tok.text not in self._surnames
                and tok.lemma_.lower() not in GENERIC_COUNTRY
                and not (_standalone(tok) and self.kb.unique_surname(tok.text, self.date))):
            if not stacked:
                return None, ""
            self._by_modifier.add(tok.i)
        # A role word counts when it heads the phrase ("Russian naval forces") or titles a
        # person ("Foreign Minister Sergey Lavrov"), not as a modifier ("military talks").
        head_is_person = (self._personish(tok) or bool(by_kind["person"])
                          or self._titled(tok, toks))
        head_roles = [e for e in (own.entries if own else ()) if e.kind == "agent"]
        agent = head_roles[0] if head_roles else (
            by_kind["agent"][0] if by_kind["agent"] and head_is_person else None)
        sector = agent.sector if agent else None
        if self.kb.stack_agents and (agent is not None or own is None):
            # Every role word of the phrase, in order: "Danish Islamist media" DNKMUSMED.
            roles = [e for e in by_kind["agent"] if not e.prefix]
            if roles:
                agent = agent or roles[0]
                sector = stack_codes("", "".join(e.sector or "" for e in roles))
        if sector is not None and self.kb.former is not None and any(
                t.lower_ == "former" and t.dep_ == "amod" for t in toks):
            sector = self.kb.former
        if by_kind["person"]:
            people = [e for e in entries if e.kind == "person"]
            # Several people share a name ("President Bush"): the one in office then.
            name = next((e.name for e in people if e.name
                         and self.kb.person_role(e.name, self.date) is not None),
                        by_kind["person"][0].name) or text
            surname = name.split()[-1]
            self._surnames[surname] = name
            role = self.kb.person_role(name, self.date)
            if role is not None:
                why = f"person {name}: {role.role or role.code} ({role.reason}) on {self.date}"
                return Actor(text, role.code, role.country, role.org, role.sector, name,
                             why), "person"
            composed = self._compose(tok, text, by_kind, sector, name)
            if composed:
                return composed, "person"
        if tok.pos_ == "PROPN" and tok.text in self._surnames and not by_kind["igo"]:
            name = self._surnames[tok.text]
            role = self.kb.person_role(name, self.date)
            if role is not None:
                why = f"surname of {name}, mentioned earlier: {role.role or role.code}"
                return Actor(text, role.code, role.country, role.org, role.sector, name,
                             why), "surname"
        if (tok.pos_ == "PROPN" and own is None and not by_kind["igo"] and _standalone(tok)
                and (unique := self.kb.unique_surname(tok.text, self.date)) is not None):
            role = self.kb.person_role(unique, self.date)
            if role is not None:
                self._surnames[tok.text] = unique
                why = f"surname of {unique}, the only one in office then: {role.role}"
                return Actor(text, role.code, role.country, role.org, role.sector, unique,
                             why), "surname"
        composed = self._compose(tok, text, by_kind, sector, self._person_name(tok, toks))
        if composed and composed.name is None:
            for c in tok.children:
                a = self.actor(c) if c.dep_ == "appos" else None
                if a is not None and a.name and a.reason.startswith("person"):
                    return Actor(text, a.code, a.country, a.org, a.sector, a.name,
                                 f"apposition '{c.text}': {a.reason}"), "person"
        if composed and (composed.country or composed.org):
            return composed, "name" if not agent else "agent"
        appos = self._from_apposition(tok, text, composed)
        if appos is not None:
            return appos, "person" if appos.name else "agent"
        if composed:
            return composed, "name" if not agent else "agent"
        if by_kind["description"]:
            for d in by_kind["description"]:
                if d.code in self._igos_seen:
                    return Actor(text, d.code, d.country, d.org, None, d.name,
                                 f"'{text}' refers to {d.org}, mentioned earlier ({d.reason})"
                                 ), "description"
        if agent is not None or tok.lemma_.lower() in GENERIC_COUNTRY:
            return self._agent_in_context(tok, text, sector), "agent"
        return None, ""

    def _shared_modifiers(self, tok: Token, toks: list[Token]) -> list[Token]:
        """A bare role word coordinated with an earlier noun shares that noun's modifiers,
        as PETRARCH-2 reads them: "the Danish Islamist media and government" is Danish
        Islamist government too."""
        head = tok.head
        own = self.matches.get(tok.i)
        if (tok.dep_ != "conj" or len(toks) > 1 or head.i > tok.i or own is None
                or head.pos_ not in ("NOUN", "PROPN")
                or any(e.kind != "agent" for e in own.entries)):
            return toks
        mods = [t for t in self.phrase_tokens(head) if t.i < head.i]
        return sorted([*mods, *toks], key=lambda t: t.i)

    def _from_apposition(self, tok: Token, text: str, partial: Actor | None) -> Actor | None:
        """ "Ivan Petrov, a Russian diplomat": what the apposition says the head is."""
        for c in tok.children:
            if c.dep_ != "appos":
                continue
            a = self.actor(c)
            if a is None or not (a.country or a.org):
                continue
            name = partial.name if partial else (
                self._person_name(tok, self.phrase_tokens(tok)) if self._personish(tok) else None)
            sector = a.sector or (partial.sector if partial else None)
            code = a.code if a.org and not a.country else (a.country or "") + (sector or "")
            return Actor(text, code, a.country, a.org, sector, name or a.name,
                         f"apposition '{c.text}': {a.reason}")
        return None

    def _personish(self, tok: Token) -> bool:
        """A name no dictionary knows, in a person's place: the recognizer says PERSON, or
        (where it did not run) a capitalised proper noun that names nothing else."""
        if tok.ent_type_:
            return tok.ent_type_ == "PERSON"
        return (tok.pos_ == "PROPN" and tok.is_title and tok.i not in self.matches
                and not tok.is_sent_start)

    def _titled(self, tok: Token, toks: list[Token]) -> bool:
        """A capitalised role word before a proper-noun head is a title ("Bree President
        Romendacil"), though a dictionary lists the name as its country's actor."""
        if tok.pos_ != "PROPN":
            return False
        for t in toks:
            m = self.matches.get(t.i)
            if (t.i < tok.i and t.is_title and m is not None and m.end <= tok.i
                    and any(e.kind == "agent" for e in m.entries)):
                return True
        return False

    def _person_name(self, tok: Token, toks: list[Token]) -> str | None:
        names = [t for t in toks if t.ent_type_ == "PERSON"
                 or (not t.ent_type_ and t.pos_ == "PROPN" and t.i not in self.matches)]
        return self._text(names) if names else None

    def _entries(self, toks: list[Token], head: Token | None = None) -> list[Entry]:
        """The entries the phrase's words match, the head's own name first: in "Arnor,
        Calenardhon and the evil Gondor" parsed as one phrase, Gondor's phrase is Gondor."""
        seen: list[Match] = []
        own = self.matches.get(head.i) if head is not None else None
        if own is not None and any(e.kind in ("country", "igo") for e in own.entries):
            seen.append(own)
        for t in toks:
            m = self.matches.get(t.i)
            if m is not None and m not in seen:
                seen.append(m)
        out: list[Entry] = []
        for m in seen:
            out.extend(self._pick(m.entries))
        return out

    def _pick(self, entries: tuple[Entry, ...]) -> list[Entry]:
        """One entry per kind (all descriptions and people: which applies depends on
        context and date)."""
        by_kind: dict[str, Entry] = {}
        several = [e for e in entries if e.kind in ("description", "person")]
        for e in entries:
            by_kind.setdefault(e.kind, e)
        by_kind.pop("description", None)
        by_kind.pop("person", None)
        return [*by_kind.values(), *several]

    def _compose(self, tok: Token, text: str, by_kind: dict[str, list[Entry]],
                 sector: str | None, name: str | None) -> Actor | None:
        if by_kind["igo"]:
            g = by_kind["igo"][0]
            why = f"organisation {g.org} ({g.reason})" + (f" + role {sector}" if sector else "")
            if self.kb.stack_agents and sector:
                sector = stack_codes(g.code, sector)[len(g.code):] or None
            return self._with_also(tok, g, Actor(text, g.code, g.country, g.org, sector,
                                                 name or g.name, why))
        prefixes = [e for e in by_kind["agent"] if e.prefix]
        if prefixes and sector == prefixes[0].sector:
            sector = None  # the phrase's own role is the prefix ("Arnor human rights body")
        for kind in ("metonym", "capital", "country"):
            if by_kind[kind]:
                c = by_kind[kind][0]
                if self.kb.stack_agents and kind == "metonym":
                    c = self._possessed(tok, c)
                sec = sector or c.sector
                pre = "".join(dict.fromkeys(e.sector or "" for e in prefixes))
                code = pre + (c.country or c.code) + (sec or "")
                if self.kb.stack_agents and sector and c.code:
                    # the roles after the name's whole code: GMWGOV + WGO is GMWGOVWGO
                    full = stack_codes(c.code, sector)
                    code = pre + full
                    sec = full[len(c.country or ""):] or None
                why = f"{kind} {c.country} ({c.reason})" + (f" + role {sec}" if sector else "")
                if pre:
                    why += f" after {pre}, a code put before the country's"
                return self._with_also(tok, c, Actor(text, code, c.country, None, sec, name,
                                                     why))
        if sector is None:
            return None
        owner_tok = self._owner_token(tok)
        owner = self.actor(owner_tok) if owner_tok is not None else None
        if owner_tok is not None and owner is not None and (owner.country or owner.org):
            made = [self._owned_role(text, sector, name, o, stack=self.kb.stack_agents)
                    for o in [owner, *self.others(owner_tok)]]
            if len(made) > 1:
                self._also[tok.i] = (made[0], tuple(made[1:]))
            return made[0]
        if name is not None:
            return Actor(text, sector, None, None, sector, name, f"person with role {sector}")
        return None

    def _possessed(self, tok: Token, c: Entry) -> Entry:
        """An institution a dictionary gives one country, owned by another, is the owner's
        where its name is also a role word: "Rwanda's Senate" is RWALEG (SENATE [~LEG]),
        though the actor dictionary lists SENATE as the US Congress."""
        own = self.matches.get(tok.i)
        if own is None or c not in own.entries or not c.country:
            return c
        for x in tok.children:
            owner = self.actor(x) if x.dep_ == "poss" else None
            if (owner is None or not owner.country or owner.org or owner.sector
                    or owner.country == c.country):
                continue
            words = self.doc[own.start:own.end]
            end, roles = self.kb.roles.longest(
                [(t.lower_, t.lemma_.lower(), t.lower_ + EXACT) for t in words], 0)
            role = next((e for e in roles if e.kind == "agent" and not e.prefix), None)
            if role is not None and end == len(words):
                return Entry("metonym", owner.country + (role.sector or ""),
                             country=owner.country, sector=role.sector, name=c.name,
                             reason=f"role {role.sector} ({role.reason}) of {owner.text}")
        return c

    def _with_also(self, tok: Token, entry: Entry, actor: Actor) -> Actor:
        """`actor`, noting the further parties of an entry with several codes as the same
        phrase's, each with the role the phrase gives `actor`."""
        if entry.also:
            sectors = [actor.sector or e.sector for e in entry.also]
            self._also[tok.i] = (actor, tuple(
                Actor(actor.text, e.code if e.org else (e.country or e.code) + (sec or ""),
                      e.country, e.org, sec, actor.name,
                      f"also named by '{actor.text}' ({e.reason})")
                for e, sec in zip(entry.also, sectors, strict=True)))
        return actor

    @staticmethod
    def _owned_role(text: str, sector: str, name: str | None, owner: Actor, *,
                    stack: bool = False) -> Actor:
        """The role `sector` of `owner`: its country's ("the army of Syria" SYRMIL), or
        where role words stack, its whole code's ("officials in the White House [USAGOV]"
        USAGOV, "activists of Gonzo GMO [GONGMO]" GONGMOOPP)."""
        why = f"role {sector} of {owner.text} ({owner.code})"
        if stack and owner.country and owner.code.startswith(owner.country):
            code = stack_codes(owner.code, sector)
            return Actor(text, code, owner.country, owner.org,
                         code[len(owner.country):] or None, name, why)
        base = owner.code if owner.org and not owner.country else (owner.country or "")
        return Actor(text, base + sector if owner.country else owner.code, owner.country,
                     owner.org, sector, name, why)

    def _owner(self, tok: Token) -> Actor | None:
        """The actor a role word belongs to: "Russia's forces", "the army of Syria"."""
        owner = self._owner_token(tok)
        return self.actor(owner) if owner is not None else None

    def _owner_token(self, tok: Token) -> Token | None:
        """The head of the phrase naming whose a role word is (see `_owner`)."""
        for c in tok.children:
            if c.dep_ == "poss":
                return c
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from", "in"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        a = self.actor(g)
                        # "soldiers from Gondor", "lawmakers in Fornost": whose they are;
                        # not a place a name only describes ("rioters in the Egyptian
                        # square")
                        if a is not None and (c.lower_ == "of" or a.country) and (
                                c.lower_ != "in" or g.i not in self._by_modifier):
                            return g
        return None

    def _agent_in_context(self, tok: Token, text: str, sector: str | None) -> Actor | None:
        owner = self._owner(tok)
        if owner is None and tok.is_lower and sector in STATE_SECTORS and any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            owner = self._salient(tok, person=False, countries_only=True)
        if owner is None or not owner.country:
            if sector is None:
                return None
            return Actor(text, sector, None, None, sector, None, f"role {sector}, country unknown")
        sec = sector or "GOV"
        return Actor(text, owner.country + sec, owner.country, None, sec, None,
                     f"role {sec} of {owner.country}, the salient country before it")

    # -- salience ------------------------------------------------------------------------
    def _salient(self, tok: Token, *, person: bool, countries_only: bool = False
                 ) -> Actor | None:
        """Salient earlier actor for a pronoun or description.

        People: the subject of the current sentence, else of the nearest earlier sentences
        (subject continuity), else the most recent person. Things: the country or
        organisation mentioned most in the last sentences, locative mentions ("in Ukraine")
        counting little, the clause subject's own party excluded for possessives.
        """
        sent = self._sent_of.get(tok.i, 0)
        before = [s for s in self._seen if s.i < tok.i and sent - s.sent <= 3]
        if person:
            holder = self._possessor_above(tok)
            if holder is not None:
                return holder
            people = [s for s in before if s.person]
            subj = [s for s in people if s.subject]
            for group in ([s for s in subj if s.sent == sent], subj, people):
                if group:
                    a = max(group, key=lambda s: s.i).actor
                    return Actor(tok.text, a.code, a.country, a.org, a.sector, a.name,
                                 f"pronoun '{tok.text}' -> {a.name or a.text}")
            return None
        if tok.dep_ == "poss" and not countries_only:
            found = self._clause_subject(tok)
            if found and not self._is_person(found[0]) and (found[1].country or found[1].org):
                a = found[1]  # a thing subject binds the possessive: "NATO ... its members"
                return Actor(tok.text, a.code, a.country, a.org, a.sector, None,
                             f"'{tok.text}' -> {a.text} ({a.code}), the subject of its clause")
        exclude = self._clause_subject_key(tok) if tok.dep_ == "poss" else None
        scores: dict[str, float] = defaultdict(float)
        latest: dict[str, _Seen] = {}
        for s in before:
            if s.person or not (s.actor.country or s.actor.org) or (
                    countries_only and not s.actor.country):
                continue
            key = entity_key(s.actor)
            if key == exclude:
                continue
            w = 1.0 / (1 + sent - s.sent) ** 2
            scores[key] += w * (0.2 if s.locative else 1.0)
            latest[key] = s
        if not scores:
            return None
        key = max(scores, key=lambda k: (scores[k], latest[k].i))
        a = latest[key].actor
        code = a.country if countries_only and a.country else a.code
        return Actor(tok.text, code or a.code, a.country, None if countries_only else a.org,
                     None if countries_only else a.sector, None,
                     f"'{tok.text}' -> {a.text} ({a.code}), the salient party before it")

    def _possessor_above(self, tok: Token) -> Actor | None:
        """ "Poroshenko's comment that his country ...": the person whose words hold it."""
        for anc in tok.ancestors:
            if anc.pos_ not in ("NOUN", "PROPN"):
                continue
            for c in anc.children:
                if c.dep_ == "poss" and c.i != tok.i and tok not in c.subtree:
                    seen = next((s for s in self._seen if s.i == c.i and s.person), None)
                    if seen is not None:
                        a = seen.actor
                        return Actor(tok.text, a.code, a.country, a.org, a.sector, a.name,
                                     f"pronoun '{tok.text}' -> {a.name or a.text}, whose "
                                     f"{anc.text} it is in")
        return None

    def _clause_subject(self, tok: Token) -> tuple[Token, Actor] | None:
        head = tok.head
        while head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        for c in head.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i:
                a = self._memo.get(c.i)
                if a is not None:
                    return c, a
        return None

    def _clause_subject_key(self, tok: Token) -> str | None:
        """The party of a person subject: "he cited its support" - 'its' is not his side."""
        found = self._clause_subject(tok)
        if found and self._is_person(found[0]):
            return entity_key(found[1])
        return None

    def _is_person(self, tok: Token) -> bool:
        return tok.lower_ in PERSON_PRONOUNS or any(s.i == tok.i and s.person for s in self._seen)


def _standalone(tok: Token) -> bool:
    """A name word on its own, not part of a longer name ("Ivanov", not "Valeriy Ivanov")."""
    if tok.dep_ in ("compound", "flat"):
        return False
    return not any(c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" for c in tok.children)


def resolve_doc(doc: Doc, kb: KnowledgeBase, date: str | None) -> DocActors:
    """Resolve every actor mention of a doc for an article published on `date`."""
    return DocActors(doc, kb, date)
