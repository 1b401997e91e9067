"""Publication dates: validate them, and resolve relative expressions ("Tuesday") against them.

Resolution rules, kept deliberately simple (news is mostly past tense):

* leading "on", "early", "late" and trailing "morning", "night", "'s" are ignored.
* ``today``, ``tonight``, ``this morning/afternoon/evening`` → the publication date;
  ``yesterday`` → one day before; ``tomorrow`` → one day after.
* a weekday ("Tuesday", "on Monday") → the most recent such day on or before the publication
  date (a Tuesday article saying "Tuesday" means that day); "last Tuesday" → strictly before;
  "next Tuesday" → strictly after.
* ``last week`` / ``next week`` → seven days before / after; ``last month`` / ``last year`` →
  the same day of the previous month / year (clamped to the month's end); "N days/weeks ago".
* a month and day ("Sept. 25", "25 September") without a year → the year (of the publication
  year, the one before or the one after) that puts the date nearest the publication date;
  with a year ("September 25, 2018") or ISO ("2018-09-25") → that date.

Anything else gives None: an unknown date is better than a wrong one.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_WEEKDAYS = {name: i for i, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_DATETIME_TAIL = re.compile(r"[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")
_MONTH_NAME = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_MONTH_DAY = re.compile(
    _MONTH_NAME + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?")
_DAY_MONTH = re.compile(
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_NAME + r"(?:,?\s+(?P<year>\d{4}))?")
_AGO = re.compile(r"(?P<n>\d+|" + "|".join(_NUMBERS) + r")\s+(?P<unit>day|week)s?\s+ago")


def validate_date(value: str) -> str:
    """Return ``value`` as ``YYYY-MM-DD`` or raise ValueError saying what is wrong.

    An ISO timestamp ("2018-09-25T14:03:00Z") is accepted and cut to its date.
    """
    text = value.strip() if isinstance(value, str) else value
    if not isinstance(text, str):
        raise ValueError(f"bad date {value!r}: expected a string YYYY-MM-DD, e.g. 2018-09-25")
    m = _ISO.match(text)
    if m is None or (text[m.end():] and not _ISO_DATETIME_TAIL.fullmatch(text[m.end():])):
        raise ValueError(f"bad date {value!r}: expected YYYY-MM-DD, e.g. 2018-09-25")
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError as exc:
        raise ValueError(f"bad date {value!r}: {exc}") from exc


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _nearest_year(month: int, day: int, published: date) -> date | None:
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    return min(candidates, key=lambda d: (abs((d - published).days), d > published))


def _month_day(text: str, published: date) -> date | None:
    m = _MONTH_DAY.fullmatch(text) or _DAY_MONTH.fullmatch(text)
    if m is None:
        return None
    month = _MONTHS[m["month"][:4] if m["month"].startswith("sept") else m["month"][:3]]
    day = int(m["day"])
    if m["year"]:
        try:
            return date(int(m["year"]), month, day)
        except ValueError:
            return None
    return _nearest_year(month, day, published)


def _weekday(text: str, published: date) -> date | None:
    words = text.split()
    if not words or words[-1] not in _WEEKDAYS:
        return None
    target = _WEEKDAYS[words[-1]]
    modifier = " ".join(words[:-1])
    if modifier in ("", "this past", "past"):
        return published - timedelta(days=(published.weekday() - target) % 7)
    if modifier == "last":
        return published - timedelta(days=(published.weekday() - target - 1) % 7 + 1)
    if modifier in ("next", "this coming", "coming"):
        return published + timedelta(days=(target - published.weekday() - 1) % 7 + 1)
    return None


def resolve_date(expression: str, published: str) -> str | None:
    """The ``YYYY-MM-DD`` date that ``expression`` names, read on ``published``; None if unsure.

    ``published`` must be ``YYYY-MM-DD`` (ValueError otherwise). See the module docstring for
    the rules.
    """
    pub = date.fromisoformat(validate_date(published))
    text = " ".join(expression.lower().replace(",", ", ").split()).strip(" .,")
    text = re.sub(r"[’']s$", "", text)  # "Tuesday's"
    text = re.sub(r"^(?:on|since|by|from|until|as of)\s+", "", text)
    text = re.sub(r"^(?:early|late|earlier|later|overnight)\s+(?:on\s+)?", "", text)
    text = re.sub(r"\s+(?:morning|afternoon|evening|night)$", "", text)
    fixed = {
        "today": pub, "tonight": pub, "this": pub, "yesterday": pub - timedelta(days=1),
        "tomorrow": pub + timedelta(days=1), "last week": pub - timedelta(days=7),
        "a week ago": pub - timedelta(days=7), "next week": pub + timedelta(days=7),
        "last month": _shift_months(pub, -1), "next month": _shift_months(pub, 1),
        "a month ago": _shift_months(pub, -1), "last year": _shift_months(pub, -12),
        "a year ago": _shift_months(pub, -12), "next year": _shift_months(pub, 12),
    }
    if text in fixed:
        return fixed[text].isoformat()
    iso = _ISO.fullmatch(text)
    if iso is not None:
        try:
            return validate_date(text)
        except ValueError:
            return None
    found = _weekday(text, pub) or _month_day(text, pub)
    if found is None and (m := _AGO.fullmatch(text)):
        n = int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"]]
        found = pub - timedelta(days=n * (7 if m["unit"] == "week" else 1))
    return found.isoformat() if found is not None else None
