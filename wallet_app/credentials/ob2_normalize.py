"""Turn verified OB 2.0 nodes into the one normalized ``Credential`` the UI shows."""

from __future__ import annotations

from datetime import datetime

from wallet_app.credentials.dates import DateFormatError, parse_datetime
from wallet_app.credentials.fields import alignment_of, as_list, evidence_of, issuer_of, node_id, text
from wallet_app.credentials.model import Achievement, Credential, EndorsementSummary, Recipient


def to_credential(
    assertion: dict,
    badge_class: dict | None,
    issuer: dict | None,
    *,
    badge_format: str,
    original: bytes,
    endorsements: list[EndorsementSummary],
) -> Credential:
    achievement = to_achievement(badge_class or {})
    return Credential(
        spec="ob2",
        format=badge_format,
        id=node_id(assertion),
        name=achievement.name,
        description=achievement.description,
        issuer=issuer_of(issuer),
        achievement=achievement,
        recipient=_recipient(assertion.get("recipient")),
        issued_on=optional_date(assertion.get("issuedOn")),
        expires=optional_date(assertion.get("expires")),
        image=node_id(assertion.get("image")) or achievement.image,
        evidence=[evidence_of(item) for item in as_list(assertion.get("evidence"))],
        endorsements=endorsements,
        raw=assertion,
        original=original,
    )


def to_achievement(badge: dict) -> Achievement:
    criteria = badge.get("criteria")
    return Achievement(
        id=node_id(badge),
        name=text(badge.get("name")),
        description=text(badge.get("description")),
        achievement_type="BadgeClass",
        criteria_narrative=text(criteria.get("narrative")) if isinstance(criteria, dict) else None,
        criteria_url=node_id(criteria),
        image=node_id(badge.get("image")),
        tags=[tag for tag in as_list(badge.get("tags")) if isinstance(tag, str)],
        alignments=[alignment_of(item) for item in as_list(badge.get("alignment")) if isinstance(item, dict)],
    )


def optional_date(value: object) -> datetime | None:
    try:
        return parse_datetime(value) if value is not None else None
    except DateFormatError:
        return None


def _recipient(recipient: object) -> Recipient:
    if not isinstance(recipient, dict):
        return Recipient()
    return Recipient(
        identity=text(recipient.get("identity")),
        identity_type=text(recipient.get("type")),
        hashed=recipient.get("hashed") is True,
        salt=text(recipient.get("salt")),
    )
