"""PETRARCH's gold sets with their own dictionaries, through the real Pipeline.

Prints the figures (run with -s to see them) and pins floors slightly under what was
measured, so that a regression in the importers, the resolver or the coder fails here.
"""

from __future__ import annotations

import pytest

from detente.eval.petrarch import format_report, run_petrarch
from tests.conftest import need_shared

pytestmark = [pytest.mark.model, pytest.mark.shared]

# Measured on 2026-11-28 (detente-coder-2, after names with several codes, lists the
# parser broke (appositions, modifiers), PETRARCH phrases matched as word sequences (`_`
# keeping words adjacent), words before the verb, tied words after it, and names written
# with underscores, pronouns read as PETRARCH-2 reads them (subjects only), prefix agents
# (NGO~), targets after a skipped phrase (AT ^ +), adverbs after the verb (* NOW),
# "former X" as ELI, phrases tied to the object (MEMOS_ON_&TIETYPES FROM +): unittest
# 293 of 359 reproduced (81.6%), 16.5% of our triples extra;
# ud-petrarch-validation 248 of 317 (78.2%; its FRO/BIL/SAM triples counted once per
# party), 19.5% extra. UD-PETRARCH
# ignores some words before the verb that PETRARCH-2 honours (RECENTLY *, INDICATED *):
# 3 ud records.
# (detente-coder-1: 61.8% / 31.1% and 71.8% / 22.2%; first run: 17.3% and 27.3%.)
# Then each set is run with its PETRARCH options: require_dyad (the unittest set's
# config/PETR_config.ini; PETRARCH-2's default for the UD sets, which carry no config)
# reports only events with a source and a target. unittest 288 of 359 (80.2%; its 13
# expected triples without a target cannot be reproduced so), 7.7% extra; ud 78.2%, 15.9%.
# ud-petrarch-validation ships its PICO table: negated events written through it, 81.4%
# reproduced (258 of 317), 12.5% extra.
# detente-coder-3 (PETRARCH-2's actor-code composition, targets searched in complements and
# object phrases, nesting, verbs matched by their forms, role-swapped patterns '+ * FROM $'):
# unittest 315 of 359 (87.7%), 4.8% extra; ud 277 of 317 (87.4%), 8.3%; petr2-gsr 36 of
# 80 (45.0%), 53.8%. tools/petrarch_gold_audit.py lists the 18 unittest triples its own
# config rules out and the records whose stored parse differs from their text.
# Then a bare participle after the verb meets a PETRARCH word ("believed linked"):
# unittest 317 (88.3%), 4.2% extra; ud 279 (88.0%), 8.2%.
UNITTEST_REPRODUCED_FLOOR = 87.3  # percent of expected triples
UNITTEST_EXTRA_CEILING = 5.2  # percent of our triples not expected
UD_REPRODUCED_FLOOR = 87.0
UD_EXTRA_CEILING = 9.2
GSR_REPRODUCED_FLOOR = 43.7  # real news, coded with Phoenix's CAMEO.2.0 dictionaries
GSR_EXTRA_CEILING = 55.0


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from detente.nlp.pipeline import load_nlp

    return load_nlp()


def test_petrarch2_unittest(nlp) -> None:  # type: ignore[no-untyped-def]
    folder = need_shared("gold", "petrarch2-unittest")
    ev = run_petrarch(folder, nlp)
    print("\n" + format_report(ev))
    assert ev.skipped_errors == 7
    assert ev.expected == 359
    assert ev.reproduced_share >= UNITTEST_REPRODUCED_FLOOR
    assert ev.extra_share <= UNITTEST_EXTRA_CEILING
    by_category = {c.name: c for c in ev.categories}
    assert by_category["DATE"].reproduced >= 5  # dated codes through person role spans


def test_ud_petrarch_validation(nlp) -> None:  # type: ignore[no-untyped-def]
    folder = need_shared("gold", "ud-petrarch-validation")
    ev = run_petrarch(folder, nlp)
    print("\n" + format_report(ev))
    assert ev.skipped_errors == 7 and ev.skipped_unevaluated == 10
    assert ev.reproduced_share >= UD_REPRODUCED_FLOOR
    assert ev.extra_share <= UD_EXTRA_CEILING


def test_petr2_gsr_validation(nlp) -> None:  # type: ignore[no-untyped-def]
    folder = need_shared("gold", "petr2-gsr-validation")
    ev = run_petrarch(folder, nlp)
    print("\n" + format_report(ev))
    assert ev.expected == 80
    assert ev.reproduced_share >= GSR_REPRODUCED_FLOOR
    assert ev.extra_share <= GSR_EXTRA_CEILING
