"""PETRARCH's internal coding ontology: negated events as PETRARCH writes them."""

from __future__ import annotations

from pathlib import Path

from detente.errors import DataError
from detente.eval.pico import load_pico

PICO = """\
# PETRARCH Internal Coding Ontology (PICO) -->
#            0                0          0                       0

010:0x1000#Make Public Statement
011:0x1000-0xFFFF
050:0x0080#DiplomaticCoop
057:0x0087
110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove
121:-0xFFFF+0x0070
170:0x10086#0x0087+0xFFFF#0x9000#Coerce
190:0x00A0#Fight
999:0xZZ
"""


def _pico(tmp_path: Path, problems: list[DataError] | None = None):  # type: ignore[no-untyped-def]
    path = tmp_path / "PETR_Internal_Coding_Ontology.txt"
    path.write_text(PICO, encoding="utf-8")
    return load_pico(path, problems)


def test_values_are_sums_of_hex_terms(tmp_path: Path) -> None:
    pico = _pico(tmp_path)
    assert pico.values["110"] == 0x1007F == 0xFFFF + 0x0080
    assert pico.values["011"] == 0x1000 - 0xFFFF
    assert pico.values["121"] == 0x0070 - 0xFFFF


def test_negation_adds_or_removes_0xffff(tmp_path: Path) -> None:
    pico = _pico(tmp_path)
    assert pico.negated("110") == "050"  # "did not clash" is written as cooperation
    assert pico.negated("050") == "110"
    assert pico.negated("170") == "057"
    assert pico.negated("011") == "010"
    assert pico.negated("190") is None  # no code is the negation of fighting
    assert pico.negated("0871") is None  # not in the table


def test_bad_value_reported_with_file_and_line(tmp_path: Path) -> None:
    problems: list[DataError] = []
    pico = _pico(tmp_path, problems)
    assert "999" not in pico.values
    (p,) = problems
    assert p.line == PICO.splitlines().index("999:0xZZ") + 1
    assert "PETR_Internal_Coding_Ontology.txt" in p.path
