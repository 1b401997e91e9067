"""Load the boilerplate patterns (sign-up forms, "Source:" lines, bylines, datelines) from data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

KINDS = ("line", "edge", "dateline")
_FORMAT_VERSION = "1"
_HEADER = ["pattern", "kind", "note"]


class BoilerplateFileError(ValueError):
    """A boilerplate pattern file that cannot be used; the message names file and line."""


@dataclass(frozen=True, slots=True)
class BoilerplatePattern:
    """One row of boilerplate.tsv: what to match, how to apply it, and why it is there."""

    regex: re.Pattern[str]
    kind: str  # "line": a whole line anywhere; "edge": a whole line near the start or end;
    # "dateline": a prefix of the text, with named groups place / outlet / date
    note: str
    where: str  # "boilerplate.tsv:12", so a removal can be traced back to its pattern


@dataclass(frozen=True, slots=True)
class BoilerplatePatterns:
    """The patterns of one file, split by kind."""

    lines: tuple[BoilerplatePattern, ...]
    edges: tuple[BoilerplatePattern, ...]
    datelines: tuple[BoilerplatePattern, ...]


def default_boilerplate_path() -> Path:
    """The packaged boilerplate.tsv."""
    return Path(str(resources.files("detente").joinpath("data/ingest/boilerplate.tsv")))


def load_boilerplate(path: Path | str | None = None) -> BoilerplatePatterns:
    """Read a boilerplate TSV file; raise BoilerplateFileError naming file:line on a bad row."""
    path = Path(path) if path is not None else default_boilerplate_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BoilerplateFileError(f"{path}: cannot read boilerplate patterns ({exc})") from exc
    by_kind: dict[str, list[BoilerplatePattern]] = {kind: [] for kind in KINDS}
    header_seen = False
    version_seen = False
    for number, line in enumerate(raw.splitlines(), start=1):
        where = f"{path}:{number}"
        if not line.strip():
            continue
        if line.startswith("#"):
            m = re.match(r"#\s*version:\s*(\S+)", line)
            if m:
                if m.group(1) != _FORMAT_VERSION:
                    raise BoilerplateFileError(
                        f"{where}: format version {m.group(1)} is not supported "
                        f"(this detente reads version {_FORMAT_VERSION})")
                version_seen = True
            continue
        cells = line.split("\t")
        if not header_seen:
            if cells != _HEADER:
                raise BoilerplateFileError(
                    f"{where}: expected the header 'pattern<TAB>kind<TAB>note', got {line!r}")
            header_seen = True
            continue
        if len(cells) != 3:
            raise BoilerplateFileError(
                f"{where}: expected 3 tab-separated cells (pattern, kind, note), got {len(cells)}")
        pattern, kind, note = cells
        if kind not in KINDS:
            raise BoilerplateFileError(
                f"{where}: unknown kind {kind!r}; use one of {', '.join(KINDS)}")
        try:
            regex = re.compile(pattern)
        except re.error as exc:
            raise BoilerplateFileError(f"{where}: bad regular expression ({exc})") from exc
        if kind == "dateline" and not set(regex.groupindex) & {"place", "outlet"}:
            raise BoilerplateFileError(
                f"{where}: a dateline pattern needs a named group 'place' or 'outlet'")
        by_kind[kind].append(BoilerplatePattern(regex, kind, note, f"{path.name}:{number}"))
    if not version_seen:
        raise BoilerplateFileError(f"{path}:1: missing '# version: {_FORMAT_VERSION}' line")
    if not header_seen:
        raise BoilerplateFileError(f"{path}: no header row 'pattern<TAB>kind<TAB>note'")
    return BoilerplatePatterns(
        lines=tuple(by_kind["line"]),
        edges=tuple(by_kind["edge"]),
        datelines=tuple(by_kind["dateline"]),
    )
