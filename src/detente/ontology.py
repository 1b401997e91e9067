"""The CAMEO ontology: codes, names, Goldstein weights, QuadClass and PLOVER projection."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from detente.datafiles import package_data, read_tsv


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code and what it projects to."""

    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None


@dataclass(frozen=True)
class Ontology:
    """All CAMEO codes, keyed by code string (leading zeros kept)."""

    codes: Mapping[str, CameoCode]

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def __getitem__(self, code: str) -> CameoCode:
        return self.codes[code]


def load_ontology(path: Path | None = None) -> Ontology:
    """Load the packaged CAMEO table (or another file of the same format)."""
    path = path or package_data("ontology", "cameo.tsv")
    codes: dict[str, CameoCode] = {}
    cols = ("code", "name", "root", "goldstein", "quad_class", "plover_type", "plover_mode")
    for row in read_tsv(path, cols):
        code = row["code"]
        if not code.isdigit() or not 2 <= len(code) <= 4:
            raise row.error(f"bad CAMEO code {code!r}")
        try:
            goldstein = float(row["goldstein"])
            quad = int(row["quad_class"])
        except ValueError:
            raise row.error("goldstein must be a number and quad_class an integer") from None
        if not -10.0 <= goldstein <= 10.0 or quad not in (1, 2, 3, 4):
            raise row.error("goldstein outside -10..10 or quad_class outside 1..4")
        codes[code] = CameoCode(code, row["name"], row["root"], goldstein, quad,
                                row["plover_type"] or None, row["plover_mode"] or None)
    return Ontology(codes)
