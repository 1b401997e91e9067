"""Build the package's CAMEO table (src/detente/data/ontology/cameo.tsv) from ../shared/ontology.

Goldstein weights: GDELT's table (CAMEO.goldsteinscale.gdelt.txt, via the master join).
QuadClass: GDELT's convention, roots 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4.
PLOVER type/mode: CAMEO2PLOVER-2021 (01x/02x have no PLOVER equivalent: left empty).

Usage: python tools/build_ontology.py [SHARED_DIR]
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "detente" / "data" / "ontology" / "cameo.tsv"


def gdelt_quad(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared"
    master = shared / "ontology" / "cameo" / "cameo_event_codes_master.tsv"
    with master.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    lines = [
        "# version: 1",
        "# CAMEO event codes built by tools/build_ontology.py from ../shared/ontology "
        "(cameo_event_codes_master.tsv): Goldstein = GDELT table, QuadClass = GDELT convention, "
        "PLOVER = CAMEO2PLOVER-2021",
        "code\tname\troot\tlevel\tgoldstein\tquad_class\tplover_type\tplover_mode",
    ]
    for r in rows:
        code = r["cameo_code"]
        quad = gdelt_quad(r["root_code"])
        assert quad == int(r["quadclass_gdelt"]), code
        lines.append("\t".join([
            code, r["description"].strip(), r["root_code"], r["level"],
            str(float(r["goldstein_gdelt"])), str(quad),
            r["plover_event"].strip(), r["plover_mode"].strip(),
        ]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} codes to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
