"""Copy a verification result into a Badge row; shared by import and re-check so both agree."""

from __future__ import annotations

import json
from datetime import datetime

from wallet_app.credentials.model import Credential
from wallet_app.credentials.report import VerificationReport
from wallet_app.models import Badge
from wallet_app.services import verification

MAX_NAME_CHARS = 300
MAX_DESCRIPTION_CHARS = 1000
MAX_ID_CHARS = 2000
MAX_IDENTITY_CHARS = 500
UNTITLED = "Untitled badge"
UNKNOWN_ISSUER = "Unknown issuer"


def shortened(text: str | None, limit: int) -> str:
    """``text`` cut to fit its column, marked with an ellipsis when cut."""
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def describe(badge: Badge, credential: Credential) -> None:
    """The listing columns and the stored credential, from what the badge says."""
    badge.spec = credential.spec
    badge.format = credential.format
    badge.name = shortened(credential.name or credential.achievement.name, MAX_NAME_CHARS) or UNTITLED
    badge.issuer_name = shortened(credential.issuer.name or credential.issuer.id, MAX_NAME_CHARS) or UNKNOWN_ISSUER
    badge.issuer_id = (credential.issuer.id or "")[:MAX_ID_CHARS] or None
    badge.description = shortened(credential.description, MAX_DESCRIPTION_CHARS)
    badge.issued_on = credential.issued_on
    badge.expires = credential.expires
    badge.recipient_identity = (verification.named_recipient(credential) or "")[:MAX_IDENTITY_CHARS] or None
    badge.credential_json = json.dumps(credential.to_dict(), ensure_ascii=False)


def record_verification(badge: Badge, report: VerificationReport, now: datetime) -> None:
    """The report and what it means: verdict, recipient match, status chip, when it was checked."""
    badge.report_json = json.dumps(report.to_dict(), ensure_ascii=False)
    badge.verdict = report.verdict.value
    badge.recipient_status = verification.recipient_status(report)
    badge.status = verification.badge_status(report, badge.expires, now)
    badge.checked_at = now
