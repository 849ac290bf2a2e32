"""Turn verified OB 2.0 nodes into the one normalized ``Credential`` the UI shows."""

from __future__ import annotations

from datetime import datetime

from wallet_app.credentials.dates import DateFormatError, parse_datetime
from wallet_app.credentials.model import (
    Achievement,
    Alignment,
    Credential,
    EndorsementSummary,
    Evidence,
    Issuer,
    Recipient,
)
from wallet_app.credentials.ob2_nodes import as_list, node_id


def to_credential(
    assertion: dict,
    badge_class: dict | None,
    issuer: dict | None,
    *,
    badge_format: str,
    original: bytes,
    endorsements: list[EndorsementSummary],
) -> Credential:
    badge = badge_class or {}
    achievement = to_achievement(badge)
    return Credential(
        spec="ob2",
        format=badge_format,
        id=_text(assertion.get("id")),
        name=achievement.name,
        description=achievement.description,
        issuer=to_issuer(issuer or {}),
        achievement=achievement,
        recipient=_recipient(assertion.get("recipient")),
        issued_on=optional_date(assertion.get("issuedOn")),
        expires=optional_date(assertion.get("expires")),
        image=node_id(assertion.get("image")) or achievement.image,
        evidence=[_evidence(item) for item in as_list(assertion.get("evidence"))],
        endorsements=endorsements,
        raw=assertion,
        original=original,
    )


def to_achievement(badge: dict) -> Achievement:
    criteria = badge.get("criteria")
    return Achievement(
        id=node_id(badge),
        name=_text(badge.get("name")),
        description=_text(badge.get("description")),
        achievement_type="BadgeClass",
        criteria_narrative=_text(criteria.get("narrative")) if isinstance(criteria, dict) else None,
        criteria_url=node_id(criteria),
        image=node_id(badge.get("image")),
        tags=[tag for tag in as_list(badge.get("tags")) if isinstance(tag, str)],
        alignments=[_alignment(item) for item in as_list(badge.get("alignment")) if isinstance(item, dict)],
    )


def to_issuer(profile: dict) -> Issuer:
    return Issuer(
        id=node_id(profile),
        name=_text(profile.get("name")),
        url=_text(profile.get("url")),
        email=_text(profile.get("email")),
        description=_text(profile.get("description")),
        image=node_id(profile.get("image")),
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
        identity=_text(recipient.get("identity")),
        identity_type=_text(recipient.get("type")),
        hashed=recipient.get("hashed") is True,
        salt=_text(recipient.get("salt")),
    )


def _evidence(item: object) -> Evidence:
    if not isinstance(item, dict):
        return Evidence(id=_text(item))
    return Evidence(
        id=node_id(item),
        name=_text(item.get("name")),
        description=_text(item.get("description")),
        narrative=_text(item.get("narrative")),
        genre=_text(item.get("genre")),
        audience=_text(item.get("audience")),
    )


def _alignment(item: dict) -> Alignment:
    return Alignment(
        target_name=_text(item.get("targetName")),
        target_url=_text(item.get("targetUrl")),
        target_description=_text(item.get("targetDescription")),
        target_framework=_text(item.get("targetFramework")),
        target_code=_text(item.get("targetCode")),
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
