"""Dates as badges write them, read into aware UTC datetimes so comparisons never mix zones."""

from __future__ import annotations

from datetime import UTC, datetime


class DateFormatError(ValueError):
    """A date property holds something that is not an ISO 8601 date or a Unix timestamp."""


def parse_datetime(value: object) -> datetime:
    """Read ISO 8601 (Z, offsets, date-only, fractions) or an OB 1.0 Unix timestamp as UTC.

    A time without a zone is taken as UTC, the reading the Open Badges specs recommend.
    """
    if isinstance(value, bool):
        raise DateFormatError(f"{value!r} is not a date.")
    if isinstance(value, int | float):
        return _from_timestamp(value)
    if not isinstance(value, str) or not value.strip():
        raise DateFormatError(f"{value!r} is not a date.")
    text = value.strip()
    if text.isdigit():
        return _from_timestamp(int(text))
    if text.endswith(("z", "Z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError as exc:
        raise DateFormatError(f"{value!r} is not an ISO 8601 date.") from exc
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _from_timestamp(seconds: float) -> datetime:
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError) as exc:
        raise DateFormatError(f"{seconds!r} is not a usable timestamp.") from exc
