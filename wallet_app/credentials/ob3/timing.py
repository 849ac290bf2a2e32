"""Validity window: validFrom/validUntil (VC 2.0) or issuanceDate/expirationDate (VC 1.1)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from wallet_app.credentials.dates import DateFormatError, parse_datetime
from wallet_app.credentials.options import VerifyOptions
from wallet_app.credentials.report import VerificationReport

START_FIELDS = ("validFrom", "issuanceDate")
END_FIELDS = ("validUntil", "expirationDate")


def first_date(document: dict[str, Any], fields: tuple[str, ...]) -> datetime | None:
    """The first of ``fields`` present, parsed; DateFormatError if it is not a date."""
    for name in fields:
        if document.get(name) is not None:
            return parse_datetime(document[name])
    return None


def check_validity(
    document: dict[str, Any], options: VerifyOptions, report: VerificationReport, *, what: str = "credential"
) -> None:
    """Add the "validity" check, allowing ``options.clock_skew`` either way."""
    try:
        starts = first_date(document, START_FIELDS)
        ends = first_date(document, END_FIELDS)
    except DateFormatError as exc:
        report.failed("validity", f"The {what}'s dates cannot be read: {exc}")
        return
    if starts and starts > options.now + options.clock_skew:
        report.failed("validity", f"The {what} is not valid yet: it starts on {starts:%Y-%m-%d %H:%M} UTC.")
    elif ends and ends < options.now - options.clock_skew:
        report.failed("validity", f"The {what} expired on {ends:%Y-%m-%d %H:%M} UTC.")
    elif ends:
        report.passed("validity", f"The {what} is valid until {ends:%Y-%m-%d %H:%M} UTC.")
    else:
        report.passed("validity", f"The {what} is valid and does not expire.")
