"""How the wallet verifies a learner's badge and what the result means for its status chip.

The engine checks the recipient against the learner's identities. A badge naming someone else
still verifies (its report says so honestly); the wallet keeps it as "recipient not confirmed"
instead of refusing it, because alumni and people with several addresses need that.
"""

from __future__ import annotations

import os
from datetime import datetime

from wallet_app.credentials.model import Credential
from wallet_app.credentials.options import VerifyOptions
from wallet_app.credentials.report import CheckStatus, VerificationReport
from wallet_app.models import utcnow

ALLOW_HOSTS_ENV = "WALLET_ALLOW_HOSTS"
RECIPIENT_CHECK = "recipient"
REVOCATION_CHECKS = frozenset({"revocation", "status"})
EXPIRY_CHECKS = frozenset({"dates.expires", "validity"})

STATUS_LABELS = {
    "verified": "Verified",
    "expired": "Expired",
    "revoked": "Revoked",
    "could-not-check": "Could not check",
    "unconfirmed-recipient": "Recipient not confirmed",
    "invalid": "Not valid",
}


def allowed_hosts() -> frozenset[str]:
    """Loopback "host:port" pairs tests may fetch from; production sets none."""
    configured = os.environ.get(ALLOW_HOSTS_ENV, "")
    return frozenset(host.strip() for host in configured.split(",") if host.strip())


def verify_options_for(recipients: tuple[str, ...], *, now: datetime | None = None) -> VerifyOptions:
    """Options for verifying a badge for a learner with these identity values."""
    return VerifyOptions(now=now or utcnow(), recipients=recipients, allow_hosts=allowed_hosts())


def recipient_status(report: VerificationReport) -> str:
    """ "confirmed", "not-confirmed" or "not-checked", from the engine's recipient check."""
    check = next((item for item in report.checks if item.id == RECIPIENT_CHECK), None)
    if check is None or check.status in (CheckStatus.SKIPPED, CheckStatus.INDETERMINATE):
        return "not-checked"
    return "confirmed" if check.status is CheckStatus.PASSED else "not-confirmed"


def badge_status(report: VerificationReport, expires: datetime | None, now: datetime) -> str:
    """The one chip the wallet shows: a definitive problem beats "could not check", which beats
    an unconfirmed recipient, because the learner must fix those in that order."""
    failed = {check.id for check in report.checks if check.status is CheckStatus.FAILED}
    if failed & REVOCATION_CHECKS:
        return "revoked"
    expired = bool(failed & EXPIRY_CHECKS) and expires is not None and expires <= now
    if failed - {RECIPIENT_CHECK} - (EXPIRY_CHECKS if expired else frozenset()):
        return "invalid"
    if expired:
        return "expired"
    if any(check.status is CheckStatus.INDETERMINATE for check in report.checks):
        return "could-not-check"
    if RECIPIENT_CHECK in failed:
        return "unconfirmed-recipient"
    return "verified"


def named_recipient(credential: Credential) -> str | None:
    """Who the badge names: its subject id (e.g. a DID) or identity, hashed form as stored."""
    return credential.recipient.id or credential.recipient.identity
