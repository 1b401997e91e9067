"""The packaged CAMEO table: complete, GDELT's conventions, and every coder code in it."""

from __future__ import annotations

import pytest

from detente.coding.patterns import load_patterns
from detente.ontology import load_ontology

from .conftest import need_shared


def test_all_codes_with_gdelt_conventions() -> None:
    onto = load_ontology()
    assert len(onto.codes) == 311
    for code, c in onto.codes.items():
        assert c.root == code[:2]
        r = int(c.root)
        assert c.quad_class == (1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4), code
        assert -10 <= c.goldstein <= 10
    assert onto["1123"].goldstein == -2.0 and onto["163"].goldstein == -8.0
    assert onto["036"].plover_type == "AGREE" or onto["036"].plover_type is not None
    assert onto["010"].plover_type is None  # CAMEO 01x has no PLOVER equivalent


def test_goldstein_is_gdelts_table() -> None:
    path = need_shared("ontology", "cameo", "CAMEO.goldsteinscale.gdelt.txt")
    onto = load_ontology()
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        code, weight = line.split("\t")[:2]
        assert onto[code.strip()].goldstein == pytest.approx(float(weight)), code


def test_every_code_the_coder_can_emit_exists() -> None:
    onto = load_ontology()
    pats = list(load_patterns(onto))
    assert pats
    for p in pats:
        assert p.cameo in onto, p.where
