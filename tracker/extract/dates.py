"""Plain-language dates ("next Tuesday", "March 2025") resolved to a When with precision."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from tracker.domain import When

_YEAR = re.compile(r"^\s*(?:in\s+)?(\d{4})\s*$", re.I)


@lru_cache(maxsize=4)
def _parser(base: dt.datetime):
    import dateparser  # heavy: imported only when a date is parsed

    return dateparser.date.DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "RETURN_TIME_AS_PERIOD": True,
            "PREFER_DAY_OF_MONTH": "first",
        },
    )


def _range(day: dt.date, precision: str) -> When:
    if precision == "week":
        start = day - dt.timedelta(days=day.weekday())
        return When(start, start + dt.timedelta(days=6), "week")
    if precision == "month":
        start = day.replace(day=1)
        nxt = (start + dt.timedelta(days=32)).replace(day=1)
        return When(start, nxt - dt.timedelta(days=1), "month")
    if precision == "quarter":
        q = (day.month - 1) // 3
        start = dt.date(day.year, 3 * q + 1, 1)
        nxt = (start + dt.timedelta(days=95)).replace(day=1)
        return When(start, nxt - dt.timedelta(days=1), "quarter")
    if precision == "year":
        return When(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year")
    return When(day, day, "day")


def parse_when(text: str, base: dt.date | None = None) -> When | None:
    """Resolve a date expression against ``base`` (today by default); None if unparseable."""
    text = text.strip()
    if not text:
        return None
    base = base or dt.date.today()
    m = _YEAR.match(text)
    if m:
        return _range(dt.date(int(m[1]), 1, 1), "year")
    base_dt = dt.datetime.combine(base, dt.time(12))
    data = _parser(base_dt).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    period = data.period or "day"
    if period == "time":
        period = "day"
    return _range(data.date_obj.date(), period)
