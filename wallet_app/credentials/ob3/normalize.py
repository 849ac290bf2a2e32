"""Map an OB 3.0 / VC document onto the spec-neutral `Credential` the UI renders."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from wallet_app.credentials.dates import DateFormatError, parse_datetime
from wallet_app.credentials.model import (
    Achievement,
    Alignment,
    Credential,
    EndorsementSummary,
    Evidence,
    Issuer,
    Recipient,
    RelatedAchievement,
    Result,
)
from wallet_app.credentials.ob3.shape import as_list, node_id, subjects
from wallet_app.credentials.ob3.timing import END_FIELDS, START_FIELDS


def text(value: Any) -> str | None:
    """A display string from a plain value or a language map ({"en": ...}); None if absent."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        return text(value.get("en") or value.get("@value") or next(iter(value.values()), None))
    if isinstance(value, list) and value:
        return text(value[0])
    return None


def number(value: Any) -> float | None:
    try:
        return float(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        return None


def date(document: dict[str, Any], fields: tuple[str, ...]) -> datetime | None:
    for name in fields:
        if document.get(name) is not None:
            try:
                return parse_datetime(document[name])
            except DateFormatError:
                return None
    return None


def issuer_of(node: Any) -> Issuer:
    profile = node if isinstance(node, dict) else {}
    return Issuer(
        id=node_id(node),
        name=text(profile.get("name")),
        url=text(profile.get("url")),
        email=text(profile.get("email")),
        description=text(profile.get("description")),
        image=node_id(profile.get("image")),
    )


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
        alignments=[_alignment(item) for item in as_list(achievement.get("alignment")) if isinstance(item, dict)],
        related=[_related(item) for item in as_list(achievement.get("related")) if isinstance(item, dict)],
    )


def _alignment(item: dict[str, Any]) -> Alignment:
    return Alignment(
        target_name=text(item.get("targetName")),
        target_url=text(item.get("targetUrl")),
        target_description=text(item.get("targetDescription")),
        target_framework=text(item.get("targetFramework")),
        target_code=text(item.get("targetCode")),
        target_type=text(item.get("targetType")),
    )


def _related(item: dict[str, Any]) -> RelatedAchievement:
    return RelatedAchievement(id=node_id(item), name=text(item.get("name")), relation=text(item.get("category")))


def _evidence(item: Any) -> Evidence:
    evidence = item if isinstance(item, dict) else {}
    return Evidence(
        id=node_id(item),
        name=text(evidence.get("name")),
        description=text(evidence.get("description")),
        narrative=text(evidence.get("narrative")),
        genre=text(evidence.get("genre")),
        audience=text(evidence.get("audience")),
    )


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
        evidence=[_evidence(item) for item in as_list(document.get("evidence"))],
        results=_results(subject, achievement_node),
        endorsements=endorsements,
        credits_earned=number(subject.get("creditsEarned")),
        raw=document,
        original=original,
    )
