"""Map an OB 3.0 / VC document onto the spec-neutral `Credential` the UI renders."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from wallet_app.credentials.dates import DateFormatError
from wallet_app.credentials.fields import alignment_of, as_list, evidence_of, issuer_of, node_id, text
from wallet_app.credentials.model import (
    Achievement,
    Credential,
    EndorsementSummary,
    Recipient,
    RelatedAchievement,
    Result,
)
from wallet_app.credentials.ob3.shape import subjects
from wallet_app.credentials.ob3.timing import END_FIELDS, START_FIELDS, first_date


def number(value: Any) -> float | None:
    try:
        return float(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        return None


def date(document: dict[str, Any], fields: tuple[str, ...]) -> datetime | None:
    """The first of ``fields`` as a date; None when absent or unreadable (the validity check says why)."""
    try:
        return first_date(document, fields)
    except DateFormatError:
        return None


def achievement_of(node: Any) -> Achievement:
    achievement = node if isinstance(node, dict) else {}
    criteria = achievement.get("criteria") if isinstance(achievement.get("criteria"), dict) else {}
    return Achievement(
        id=node_id(achievement),
        name=text(achievement.get("name")),
        description=text(achievement.get("description")),
        achievement_type=text(achievement.get("achievementType")),
        criteria_narrative=text(criteria.get("narrative")),
        criteria_url=node_id(criteria),
        image=node_id(achievement.get("image")),
        credits_available=number(achievement.get("creditsAvailable")),
        field_of_study=text(achievement.get("fieldOfStudy")),
        specialization=text(achievement.get("specialization")),
        level=text(achievement.get("level")),
        human_code=text(achievement.get("humanCode")),
        tags=[tag for tag in as_list(achievement.get("tag")) if isinstance(tag, str)],
        alignments=[alignment_of(item) for item in as_list(achievement.get("alignment")) if isinstance(item, dict)],
        related=[_related(item) for item in as_list(achievement.get("related")) if isinstance(item, dict)],
    )


def _related(item: dict[str, Any]) -> RelatedAchievement:
    return RelatedAchievement(id=node_id(item), name=text(item.get("name")), relation=text(item.get("category")))


def _results(subject: dict[str, Any], achievement: dict[str, Any]) -> list[Result]:
    descriptions = {
        node_id(item): item for item in as_list(achievement.get("resultDescription")) if isinstance(item, dict)
    }
    results = []
    for item in as_list(subject.get("result")):
        if not isinstance(item, dict):
            continue
        description = descriptions.get(item.get("resultDescription"), {})
        results.append(
            Result(
                name=text(description.get("name")),
                value=text(item.get("value") or item.get("achievedLevel")),
                status=text(item.get("status")),
                description=text(description.get("resultType")),
            )
        )
    return results


def _recipient(subject: dict[str, Any]) -> Recipient:
    identifier = next((item for item in as_list(subject.get("identifier")) if isinstance(item, dict)), {})
    return Recipient(
        id=node_id(subject),
        identity=text(identifier.get("identityHash")),
        identity_type=text(identifier.get("identityType")),
        hashed=identifier.get("hashed") is True,
        salt=text(identifier.get("salt")),
        name=text(subject.get("name")),
    )


def endorsement_summary(document: dict[str, Any], verdict: str) -> EndorsementSummary:
    subject = next(iter(subjects(document)), {})
    return EndorsementSummary(
        id=node_id(document),
        issuer=issuer_of(document.get("issuer")),
        comment=text(subject.get("endorsementComment")),
        issued_on=date(document, START_FIELDS),
        verdict=verdict,
        endorsed_id=node_id(subject),
    )


def to_credential(
    document: dict[str, Any], badge_format: str, original: bytes, endorsements: list[EndorsementSummary]
) -> Credential:
    subject = next(iter(subjects(document)), {})
    achievement_node = subject.get("achievement") if isinstance(subject.get("achievement"), dict) else {}
    achievement = achievement_of(achievement_node)
    issued = date(document, ("awardedDate", *START_FIELDS))
    return Credential(
        spec="ob3",
        format=badge_format,
        id=node_id(document),
        name=text(document.get("name")) or achievement.name,
        description=text(document.get("description")) or achievement.description,
        issuer=issuer_of(document.get("issuer")),
        achievement=achievement,
        recipient=_recipient(subject),
        issued_on=issued,
        valid_from=date(document, START_FIELDS),
        expires=date(document, END_FIELDS),
        image=node_id(document.get("image")) or achievement.image,
        evidence=[evidence_of(item) for item in as_list(document.get("evidence"))],
        results=_results(subject, achievement_node),
        endorsements=endorsements,
        credits_earned=number(subject.get("creditsEarned")),
        raw=document,
        original=original,
    )
