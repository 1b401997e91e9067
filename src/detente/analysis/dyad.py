"""Dyad series: how cooperation and conflict between two actors move over time.

Negated events ("NATO wouldn't be seeking ...") are left out: the text says they did not
happen. Actors match by code prefix or organisation, as in the store's filters.
"""

from __future__ import annotations

from dataclasses import dataclass

from detente.store.duckdb import DuckStore

PERIODS = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class DyadPoint:
    """One period of a dyad series."""

    period: str
    events: int
    verbal_coop: int
    material_coop: int
    verbal_conflict: int
    material_conflict: int
    goldstein_mean: float
    goldstein_sum: float

    def to_dict(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(frozen=True, slots=True)
class DyadSummary:
    """All events between one source code and one target code."""

    source: str
    target: str
    events: int
    goldstein_mean: float
    cooperation: int
    conflict: int

    def to_dict(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__slots__}


def _side(col: str) -> str:
    return f"({col}_code LIKE ? OR {col}_org = ?)"


def dyad_series(store: DuckStore, a: str, b: str, by: str = "month",
                directed: bool = False, stories_once: bool = False) -> list[DyadPoint]:
    """Events between `a` and `b` per period (both directions unless `directed`)."""
    if by not in PERIODS:
        raise ValueError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    args: list[object] = [a + "%", a, b + "%", b]
    pair = f"({_side('source')} AND {_side('target')})"
    if not directed:
        pair = f"({pair} OR ({_side('source')} AND {_side('target')}))"
        args += [b + "%", b, a + "%", a]
    once = ("AND article_id IN (SELECT article_id FROM articles WHERE duplicate_of IS NULL)"
            if stories_once else "")
    sql = f"""
        SELECT strftime(date_trunc('{by}', CAST(date AS DATE)), '%Y-%m-%d') AS period,
               count(*), count(*) FILTER (WHERE quad_class = 1),
               count(*) FILTER (WHERE quad_class = 2), count(*) FILTER (WHERE quad_class = 3),
               count(*) FILTER (WHERE quad_class = 4), avg(goldstein), sum(goldstein)
        FROM events WHERE {pair} AND NOT negated AND date IS NOT NULL {once}
        GROUP BY period ORDER BY period"""
    return [DyadPoint(r[0], int(r[1]), int(r[2]), int(r[3]), int(r[4]), int(r[5]),
                      round(float(r[6]), 3), round(float(r[7]), 3))
            for r in store.query(sql, args)]


def dyad_summary(store: DuckStore, limit: int = 20) -> list[DyadSummary]:
    """The busiest (source, target) pairs with their mean Goldstein weight."""
    sql = """
        SELECT source_code, target_code, count(*), avg(goldstein),
               count(*) FILTER (WHERE quad_class <= 2), count(*) FILTER (WHERE quad_class >= 3)
        FROM events WHERE target_code IS NOT NULL AND NOT negated
        GROUP BY source_code, target_code ORDER BY count(*) DESC, source_code, target_code
        LIMIT ?"""
    return [DyadSummary(r[0], r[1], int(r[2]), round(float(r[3]), 2), int(r[4]), int(r[5]))
            for r in store.query(sql, [limit])]
