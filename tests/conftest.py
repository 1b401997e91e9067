"""Shared fixtures: the loaded pipeline (once per session) and the ../shared folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from detente.errors import DataError
    from detente.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DETENTE_SHARED", ROOT.parent / "shared"))
SAMPLE = SHARED / "samples" / "000_f07a9d63f954f103.txt"


def need_shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared test material is not beside the project")
    return path


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from detente.pipeline import Pipeline

    return Pipeline.load()


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return need_shared("samples", "000_f07a9d63f954f103.txt")


def petrarch_pipe(pipeline: Pipeline, folder: Path, *, actors: str, verbs: str,
                  agents: str | None = None, strict: bool = False) -> Pipeline:
    """A Pipeline over tiny PETRARCH dictionaries written into `folder`, built as `detente
    eval petrarch` builds one for a gold set (detente.eval.petrarch.petrarch_pipeline);
    `strict`: every dictionary line must be read and expressed."""
    from detente.eval.petrarch import petrarch_pipeline

    problems: list[DataError] = []
    (folder / "actors.txt").write_text(actors, encoding="utf-8")
    (folder / "verbs.txt").write_text(verbs, encoding="utf-8")
    agent_files = []
    if agents is not None:
        (folder / "agents.txt").write_text(agents, encoding="utf-8")
        agent_files.append(folder / "agents.txt")
    pipe = petrarch_pipeline(pipeline.nlp, [folder / "actors.txt"], agent_files,
                             [folder / "verbs.txt"], problems=problems)
    assert not (strict and problems), problems
    return pipe


def petrarch_triples(pipe: Pipeline, text: str, published: str = "2019-03-01"
                     ) -> set[tuple[str, str, str]]:
    """(source, target, code) of a text's events, the codes written as PETRARCH writes them."""
    from detente.eval.petrarch import actor_code
    from detente.records import Article

    res = pipe.process(Article("t", text, published=published))
    return {(actor_code(e.source), actor_code(e.target), e.cameo) for e in res.events}
