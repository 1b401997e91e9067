from __future__ import annotations

import pytest

from detente.ingest import resolve_date, validate_date

TUESDAY = "2018-09-25"


@pytest.mark.parametrize(("expression", "expected"), [
    ("Tuesday", "2018-09-25"),  # the publication day itself
    ("on Monday", "2018-09-24"),
    ("Wednesday", "2018-09-19"),  # the most recent Wednesday on or before
    ("Friday night", "2018-09-21"),
    ("early Monday", "2018-09-24"),
    ("late on Sunday", "2018-09-23"),
    ("Monday's", "2018-09-24"),
    ("last Tuesday", "2018-09-18"),
    ("next Tuesday", "2018-10-02"),
    ("last week", "2018-09-18"),
    ("yesterday", "2018-09-24"),
    ("today", "2018-09-25"),
    ("this morning", "2018-09-25"),
    ("tomorrow", "2018-09-26"),
    ("last month", "2018-08-25"),
    ("last year", "2017-09-25"),
    ("two days ago", "2018-09-23"),
    ("Sept. 25", "2018-09-25"),
    ("Sept 20", "2018-09-20"),
    ("September 25, 2018", "2018-09-25"),
    ("25 September", "2018-09-25"),
    ("March 3, 2014", "2014-03-03"),
    ("2018-09-01", "2018-09-01"),
])
def test_resolve_date(expression: str, expected: str) -> None:
    assert resolve_date(expression, TUESDAY) == expected


def test_month_day_without_year_takes_the_nearest_year() -> None:
    assert resolve_date("Dec. 30", "2019-01-03") == "2018-12-30"
    assert resolve_date("Jan. 5", "2018-12-20") == "2019-01-05"


def test_last_month_clamps_to_the_month_end() -> None:
    assert resolve_date("last month", "2018-03-31") == "2018-02-28"


@pytest.mark.parametrize("expression", [
    "soon", "Sept 31", "in the coming days", "", "2018", "the 1990s", "this week",
    "recent months", "September 2018", "the weekend",
])
def test_unknown_expressions_give_none(expression: str) -> None:
    assert resolve_date(expression, TUESDAY) is None


def test_validate_date_accepts_iso_dates_and_timestamps() -> None:
    assert validate_date("2018-09-25") == "2018-09-25"
    assert validate_date("2018-09-25T14:03:00Z") == "2018-09-25"


@pytest.mark.parametrize(("value", "message"), [
    ("25/09/2018", "expected YYYY-MM-DD"),
    ("2018-13-01", "month must be in 1..12"),
    ("2018-02-30", "day is out of range"),
    ("yesterday", "expected YYYY-MM-DD"),
])
def test_validate_date_rejects_bad_dates(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"bad date '{value}': {message}"):
        validate_date(value)


def test_resolve_date_rejects_a_bad_publication_date() -> None:
    with pytest.raises(ValueError, match="bad date"):
        resolve_date("Tuesday", "Sept 25")
