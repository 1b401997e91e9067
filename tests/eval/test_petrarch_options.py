"""PETRARCH options read from a gold set's config file."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import UserError
from detente.eval.petrarch import DEFAULT_REQUIRE_DYAD, require_dyad_of


def _ini(tmp_path: Path, options: str) -> Path:
    path = tmp_path / "PETR_config.ini"
    path.write_text("[Dictionaries]\nverbfile_name = CAMEO.2.0.txt\n\n[Options]\n"
                    f"code_by_sentence = True\n{options}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("line", "want"), [
    ("require_dyad = True", True), ("require_dyad = False  # comment", False),
    ("require_dyad = 0", False), ("", DEFAULT_REQUIRE_DYAD)])
def test_require_dyad_from_config(tmp_path: Path, line: str, want: bool) -> None:
    assert require_dyad_of(_ini(tmp_path, line)) is want


def test_require_dyad_default_without_config() -> None:
    assert require_dyad_of(None) is DEFAULT_REQUIRE_DYAD is True


def test_require_dyad_bad_value_names_the_file(tmp_path: Path) -> None:
    path = _ini(tmp_path, "require_dyad = perhaps")
    with pytest.raises(UserError, match=r"PETR_config\.ini"):
        require_dyad_of(path)
