"""Checks shared by OB 2.0 assertions and endorsements: structure, linked nodes, dates, recipient."""

from __future__ import annotations

from collections.abc import Callable

from wallet_app.credentials.errors import FetchError
from wallet_app.credentials.fetch import Fetcher
from wallet_app.credentials.ob2_nodes import resolve_node
from wallet_app.credentials.ob2_normalize import optional_date
from wallet_app.credentials.ob2_shapes import context_problems
from wallet_app.credentials.options import VerifyOptions
from wallet_app.credentials.recipient import matches_any
from wallet_app.credentials.report import VerificationReport

ProblemFinder = Callable[[dict], list[str]]


def check_structure(
    node: dict, find_problems: ProblemFinder, check_id: str, label: str, report: VerificationReport
) -> None:
    """A top-level or fetched document: its context and its class's required properties."""
    problems = context_problems(node) + find_problems(node)
    if problems:
        report.failed(check_id, f"The {label} is not valid Open Badges 2.0: {'; '.join(problems)}.")
    else:
        report.passed(check_id, f"The {label} has every required property, with the right types.")


def check_linked_node(
    value: object,
    expected_type: str,
    find_problems: ProblemFinder,
    check_id: str,
    label: str,
    fetcher: Fetcher,
    report: VerificationReport,
) -> dict | None:
    """Resolve a linked or embedded node and check it; None when it could not be had at all."""
    try:
        linked = resolve_node(fetcher, value, expected_type)
    except FetchError as exc:
        report.indeterminate(check_id, f"The {label} could not be retrieved: {exc} Try again later.")
        return None
    except ValueError as exc:
        report.failed(check_id, f"The {label} is missing: {exc}.")
        return None
    problems = find_problems(linked.node)
    if linked.fetched_from is not None:
        problems = context_problems(linked.node) + problems
    if problems:
        report.failed(check_id, f"The {label} is not valid Open Badges 2.0: {'; '.join(problems)}.")
    elif linked.declared_id_differs:
        report.passed(
            check_id,
            f"The {label} fetched from {linked.fetched_from} declares a different id "
            f"({linked.node.get('id')}); it was used as fetched.",
            warning=True,
        )
    else:
        report.passed(check_id, f"The {label} is valid.")
    return linked.node


def check_dates(node: dict, what: str, options: VerifyOptions, report: VerificationReport) -> None:
    """``issuedOn`` not in the future and ``expires`` not past, both with the allowed clock skew."""
    issued_on = optional_date(node.get("issuedOn"))
    expires = optional_date(node.get("expires"))
    if issued_on is None:
        report.skipped("dates.issued", f"The {what} has no readable issue date to check.")
    elif issued_on > options.now + options.clock_skew:
        report.failed(
            "dates.issued",
            f"The {what} says it was issued on {issued_on:%Y-%m-%d}, which is in the future. "
            "Check your computer's clock, or ask the issuer to correct the badge.",
        )
    else:
        report.passed("dates.issued", f"Issued on {issued_on:%Y-%m-%d}.")
    if expires is None:
        report.passed("dates.expires", f"The {what} does not expire.")
    elif issued_on is not None and expires < issued_on:
        report.failed("dates.expires", f"The {what} expires ({expires:%Y-%m-%d}) before it was issued.")
    elif expires < options.now - options.clock_skew:
        report.failed(
            "dates.expires",
            f"The {what} expired on {expires:%Y-%m-%d}. Ask the issuer whether it can be renewed.",
        )
    else:
        report.passed("dates.expires", f"Valid until {expires:%Y-%m-%d}.")


def check_recipient(assertion: dict, options: VerifyOptions, report: VerificationReport) -> None:
    recipient = assertion.get("recipient")
    if not options.recipients:
        report.skipped("recipient", "No learner identity was given, so the recipient was not compared.")
        return
    if not isinstance(recipient, dict) or not isinstance(recipient.get("identity"), str):
        report.failed("recipient", "The badge does not say who it was issued to.")
        return
    salt = recipient.get("salt") if isinstance(recipient.get("salt"), str) else None
    if matches_any(recipient["identity"], options.recipients, hashed=recipient.get("hashed") is True, salt=salt):
        report.passed("recipient", "The badge was issued to you: one of your identities matches its recipient.")
    else:
        report.failed(
            "recipient",
            f"The badge was issued to someone else: none of your identities ({', '.join(options.recipients)}) "
            "matches its recipient. Add the email or address the issuer used to your account.",
        )
