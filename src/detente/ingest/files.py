"""Find the files behind the paths a user gave (folders, globs) and read them within limits."""

from __future__ import annotations

import glob
import gzip
import os
import zlib
from collections.abc import Iterator
from pathlib import Path

from detente.ingest.build import InputError

# One article larger than this is not an article (a database dump, a mislabelled archive).
MAX_ARTICLE_BYTES = 50 * 1024 * 1024

# Suffix (after an optional .gz) → the reader that handles it.
KINDS = {
    ".txt": "text", ".text": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".arc": "warc",
}
_GLOB_CHARS = frozenset("*?[")


def kind_of(path: Path) -> str | None:
    """The reader for ``path`` by its name ("text", "jsonl", "html", "feed", "warc"), or None."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return KINDS.get(os.path.splitext(name)[1])


def is_gzip(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def expand_path(given: str) -> Iterator[Path | InputError]:
    """The files behind one user-given path: itself, a folder's readable files, or glob matches.

    Yields an InputError (to be reported against ``given``) for a missing path, a glob that
    matches nothing, or a folder with no readable file.
    """
    path = Path(given).expanduser()
    if path.is_file():
        yield path
    elif path.is_dir():
        found = list(_folder_files(path))
        if not found:
            yield InputError("no readable files in this folder (looked for "
                             + ", ".join(sorted(KINDS)) + ", also .gz)")
        yield from found
    elif _GLOB_CHARS & set(given) and not path.exists():
        matches = sorted(glob.glob(os.path.expanduser(given), recursive=True))
        if not matches:
            yield InputError("no file or folder matches this pattern")
        for match in matches:
            match_path = Path(match)
            if match_path.is_dir():
                yield from _folder_files(match_path)
            elif match_path.is_file():
                yield match_path
    elif path.exists():
        yield InputError("not a regular file or folder")
    else:
        yield InputError("no such file or folder")


def _folder_files(folder: Path) -> Iterator[Path]:
    """Readable files under ``folder``, recursively, sorted by path; hidden ones skipped."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            candidate = Path(root) / name
            if not name.startswith(".") and kind_of(candidate) is not None:
                found.append(candidate)
    yield from sorted(found, key=lambda p: p.relative_to(folder).parts)


def read_article_bytes(path: Path, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """The bytes of a one-article file (gunzipped when .gz); InputError when empty or too big.

    The size is checked before reading, so a huge file is reported without being loaded.
    """
    try:
        size = path.stat().st_size
        if size == 0:
            raise InputError("empty file")
        if not is_gzip(path):
            if size > limit:
                raise InputError(f"file is {size / 2**20:.1f} MB, more than the "
                                 f"{limit / 2**20:.0f} MB allowed for one article")
            return path.read_bytes()
        with gzip.open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except PermissionError as exc:
        raise InputError("cannot read it: permission denied") from exc
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise InputError(f"not a valid gzip file ({exc})") from exc
    except OSError as exc:
        raise InputError(f"cannot read it ({exc.strerror or exc})") from exc
    if len(data) > limit:
        raise InputError(f"decompresses to more than the {limit / 2**20:.0f} MB allowed "
                         "for one article")
    if not data:
        raise InputError("empty file (nothing inside the gzip)")
    return data
