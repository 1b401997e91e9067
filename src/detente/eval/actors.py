"""Actor resolution on a PETRARCH gold set, apart from event coding.

For every record, the expected source and target codes (not `---` placeholders) are the
actors the sentence must name; a code counts as resolved when some actor mention of the
sentence, resolved with the set's own dictionaries on the record's date, has exactly that
code (written as the eval writes it: `actor_code`, the further parties of a name with
several codes included). The share of expected codes resolved says how much of the event
gap is the actor layer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from detente.actors.petrarch import fresh_kb, petrarch_conventions
from detente.actors.resolve import resolve_doc
from detente.eval.petrarch import actor_code, find_set
from detente.nlp.pipeline import Parser


@dataclass(frozen=True, slots=True)
class ActorShare:
    """How many expected actor codes some mention resolved to."""

    name: str
    expected: int
    resolved: int
    misses: tuple[tuple[str, str, tuple[str, ...]], ...]  # (code, sentence, codes we had)

    @property
    def share(self) -> float:
        return 100.0 * self.resolved / self.expected if self.expected else 0.0


def _iso(date: str) -> str | None:
    return f"{date[:4]}-{date[4:6]}-{date[6:8]}" if len(date) == 8 and date.isdigit() else None


def actor_share(folder: Path, nlp: Language) -> ActorShare:
    """The share of a gold set's expected actor codes that our resolver produces."""
    gold = find_set(folder)
    tokenizer = nlp.tokenizer
    kb = petrarch_conventions(
        fresh_kb(lambda s: [t.text for t in tokenizer(s)], gold.actors, gold.agents))
    parser = Parser(nlp)
    expected = resolved = 0
    misses: list[tuple[str, str, tuple[str, ...]]] = []
    with gold.records.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            codes = {c for e in rec.get("expected", []) for c in
                     (e.get("sourcecode"), e.get("targetcode")) if c and "---" not in c}
            if not codes:
                continue
            doc = parser(rec["text"])
            res = resolve_doc(doc, kb, _iso(rec["date"]))
            # coded as the eval codes them (IGOUNO's MIL role: IGOUNOMIL), the further
            # parties of a name with several codes ([FRO/BIL/SAM]) included
            found = {actor_code(m.actor) for m in res.mentions if m.actor is not None}
            found |= {actor_code(a) for tok in doc for a in res.others(tok)}
            for code in sorted(codes):
                expected += 1
                if code in found:
                    resolved += 1
                else:
                    misses.append((code, rec["text"], tuple(sorted(found))))
    return ActorShare(gold.name, expected, resolved, tuple(misses))
