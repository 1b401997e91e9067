"""Reading detente's versioned TSV data files (see docs/data-formats.md)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from detente.errors import DataError


@dataclass(frozen=True, slots=True)
class Row:
    """One data row with where it came from, so a bad value can be reported as FILE:LINE."""

    path: str
    line: int
    values: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.values[key]

    def multi(self, key: str) -> list[str]:
        """A `|`-separated cell as a list, empty items dropped."""
        return [v.strip() for v in self.values.get(key, "").split("|") if v.strip()]

    def error(self, problem: str) -> DataError:
        return DataError(self.path, self.line, problem)


def package_data(*parts: str) -> Path:
    """Path of a file or folder under the package's data/ directory."""
    return Path(str(resources.files("detente").joinpath("data", *parts)))


def read_tsv(path: Path, required: tuple[str, ...]) -> Iterator[Row]:
    """Rows of a data file; checks the `# version:` line, the header and the column count."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(name, None, "file not found") from None
    except UnicodeDecodeError as exc:
        raise DataError(name, None, f"not UTF-8 ({exc.reason})") from None
    header: list[str] | None = None
    version_seen = False
    for lineno, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        if line.startswith("#"):
            if line.lower().startswith("# version:"):
                version_seen = True
            continue
        cells = line.split("\t")
        if header is None:
            if not version_seen:
                raise DataError(name, lineno, "missing '# version: N' line before the header")
            header = [c.strip() for c in cells]
            missing = [c for c in required if c not in header]
            if missing:
                raise DataError(name, lineno, f"header lacks column(s) {', '.join(missing)}")
            continue
        if len(cells) > len(header):
            raise DataError(name, lineno, f"{len(cells)} columns, header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        yield Row(name, lineno, {k: v.strip() for k, v in zip(header, cells, strict=True)})
    if header is None:
        raise DataError(name, None, "no header row")
