"""PETRARCH's internal coding ontology (PICO): how PETRARCH writes a negated event.

PETRARCH-2 and UD-PETRARCH code a verb into a 16-bit PICO value and negate an event by
adding or removing 0xFFFF: "disapprove" (110) is 0xFFFF + 0x0080, the negation of
"diplomatic cooperation" (050, 0x0080), so "did not clash" (110, negated) is written 050.
detente keeps the code and sets `negated`; a gold set that ships its PICO file
(`*Internal_Coding_Ontology*.txt`: lines `CODE:VALUE[#comment]`, VALUE a sum of hex terms
such as `-0xFFFF+0x0070`) is scored the way PETRARCH writes negation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from detente.errors import DataError

NEGATION = 0xFFFF
_LINE = re.compile(r"^\s*(\d{2,4})\s*:\s*([^#]*?)\s*(?:#.*)?$")
_TERM = re.compile(r"([-+]?)\s*(0[xX][0-9A-Fa-f]+|\d+)")


@dataclass(frozen=True)
class Pico:
    """CAMEO code -> PICO value, and back (the first code listed for a value)."""

    values: dict[str, int]
    codes: dict[int, str]

    def negated(self, code: str) -> str | None:
        """The CAMEO code PETRARCH writes for `code` negated, or None when it has none."""
        value = self.values.get(code)
        if value is None:
            return None
        flipped = value - NEGATION if value >= NEGATION else value + NEGATION
        return self.codes.get(flipped)


def _value(expr: str) -> int | None:
    terms = _TERM.findall(expr.replace(" ", ""))
    if not terms or "".join(s + t for s, t in terms) != expr.replace(" ", "").lstrip("+"):
        return None
    return sum((-1 if sign == "-" else 1) * int(term, 0) for sign, term in terms)


def load_pico(path: Path, problems: list[DataError] | None = None) -> Pico:
    """Read a PICO file; lines that are not `CODE:VALUE` are comments or headings, and a
    value that is not a sum of hex terms is reported as FILE:LINE."""
    values: dict[str, int] = {}
    codes: dict[int, str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(),
                             1):
        m = _LINE.match(line)
        if not m:
            continue
        value = _value(m.group(2))
        if value is None:
            if problems is not None:
                problems.append(DataError(str(path), n, f"bad PICO value {m.group(2)!r}"))
            continue
        values[m.group(1)] = value
        codes.setdefault(value, m.group(1))
    return Pico(values, codes)
