"""Is this badge the learner's? Match subject DIDs/ids, then identifier objects (hashed or plain)."""

from __future__ import annotations

from typing import Any

from wallet_app.credentials.fields import as_list
from wallet_app.credentials.ob3.shape import subjects
from wallet_app.credentials.options import VerifyOptions
from wallet_app.credentials.recipient import matches_any
from wallet_app.credentials.report import VerificationReport


def subject_matches(subject: dict[str, Any], identities: tuple[str, ...]) -> bool:
    if subject.get("id") in identities:
        return True
    for identifier in as_list(subject.get("identifier")):
        if not isinstance(identifier, dict) or not isinstance(identifier.get("identityHash"), str):
            continue
        hashed = identifier.get("hashed") is True
        salt = identifier.get("salt") if isinstance(identifier.get("salt"), str) else None
        if matches_any(identifier["identityHash"], identities, hashed=hashed, salt=salt):
            return True
    return False


def check_recipient(document: dict[str, Any], options: VerifyOptions, report: VerificationReport) -> None:
    if not options.recipients:
        report.skipped("recipient", "No learner identity was given, so the recipient was not compared.")
    elif any(subject_matches(subject, options.recipients) for subject in subjects(document)):
        report.passed("recipient", "The badge was issued to you.")
    else:
        report.failed(
            "recipient",
            "The badge was issued to someone else: none of your identities matches its recipient. "
            "If it is yours, add the email or DID the issuer used to your account.",
        )
