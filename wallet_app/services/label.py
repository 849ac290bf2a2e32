"""The credential label: a badge's normalized fields arranged like a food label.

The top layer answers at a glance; the detail layer holds outcomes, assessment, alignments,
results, evidence and endorsements. What the credential does not say is shown as "Not stated",
never hidden, so a learner or employer can see what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

NOT_STATED = "Not stated"


@dataclass(frozen=True)
class LabelRow:
    label: str
    value: str
    stated: bool


@dataclass
class CredentialLabel:
    top: list[LabelRow]
    description: str = ""
    criteria: str = ""
    criteria_url: str = ""
    assessment: list[LabelRow] = field(default_factory=list)
    alignments: list[dict[str, str]] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    evidence: list[dict[str, str]] = field(default_factory=list)
    endorsements: list[dict[str, str]] = field(default_factory=list)


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _row(label: str, value: object) -> LabelRow:
    text = _text(value)
    return LabelRow(label, text or NOT_STATED, bool(text))


def _credit(credential: dict, achievement: dict) -> str:
    earned, available = credential.get("credits_earned"), achievement.get("credits_available")
    amount = earned if earned is not None else available
    if amount is None:
        return ""
    if float(amount) == 0:
        return "Non-credit"
    return f"Credit-bearing: {float(amount):g} credit{'s' if float(amount) != 1 else ''}"


def _stack(achievement: dict) -> str:
    related = [
        f"{_text(item.get('relation')) or 'Related to'}: {_text(item.get('name')) or _text(item.get('id'))}"
        for item in achievement.get("related") or []
        if _text(item.get("name")) or _text(item.get("id"))
    ]
    return "; ".join(related)


def _what(credential: dict, achievement: dict) -> str:
    name = _text(achievement.get("name")) or _text(credential.get("name"))
    kind = _text(achievement.get("achievement_type"))
    return f"{name} ({kind})" if name and kind else name


def _issuer(issuer: dict) -> str:
    name, url = _text(issuer.get("name")), _text(issuer.get("url"))
    return f"{name} ({url})" if name and url else name or url


def top_rows(credential: dict, human_date) -> list[LabelRow]:
    achievement = credential.get("achievement") or {}
    return [
        _row("What was achieved", _what(credential, achievement)),
        _row("Issued by", _issuer(credential.get("issuer") or {})),
        _row("Issued on", human_date(credential.get("issued_on") or credential.get("valid_from"))),
        _row("Credit", _credit(credential, achievement)),
        _row("Expires", human_date(credential.get("expires"))),
        _row("Level", achievement.get("level")),
        _row("Field of study", achievement.get("field_of_study")),
        _row("Part of a stack or sequence", _stack(achievement)),
    ]


def _assessment(credential: dict) -> list[LabelRow]:
    return [
        _row(_text(result.get("name")) or "Result", " · ".join(
            part for part in (_text(result.get("value")), _text(result.get("status")), _text(result.get("description")))
            if part
        ))
        for result in credential.get("results") or []
    ]  # fmt: skip


def _alignments(achievement: dict) -> list[dict[str, str]]:
    return [
        {
            "name": _text(item.get("target_name")) or _text(item.get("target_code")) or "Unnamed alignment",
            "framework": _text(item.get("target_framework")) or NOT_STATED,
            "code": _text(item.get("target_code")),
            "url": _text(item.get("target_url")),
        }
        for item in achievement.get("alignments") or []
    ]


def _evidence(credential: dict) -> list[dict[str, str]]:
    return [
        {
            "name": _text(item.get("name")) or "Evidence",
            "description": _text(item.get("description")) or _text(item.get("narrative")),
            "url": _text(item.get("id")) if _text(item.get("id")).startswith(("https://", "http://")) else "",
        }
        for item in credential.get("evidence") or []
    ]


def _endorsements(credential: dict, human_date) -> list[dict[str, str]]:
    return [
        {
            "issuer": _text((item.get("issuer") or {}).get("name")) or _text((item.get("issuer") or {}).get("id"))
            or "Unnamed endorser",
            "comment": _text(item.get("comment")),
            "date": human_date(item.get("issued_on")),
            "verdict": _text(item.get("verdict")) or "not checked",
        }
        for item in credential.get("endorsements") or []
    ]  # fmt: skip


def build_label(credential: dict, human_date) -> CredentialLabel:
    """``human_date`` formats ISO dates for display; passed in so this stays UI-agnostic."""
    achievement = credential.get("achievement") or {}
    return CredentialLabel(
        top=top_rows(credential, human_date),
        description=_text(achievement.get("description")) or _text(credential.get("description")),
        criteria=_text(achievement.get("criteria_narrative")),
        criteria_url=_text(achievement.get("criteria_url")),
        assessment=_assessment(credential),
        alignments=_alignments(achievement),
        skills=[_text(tag) for tag in achievement.get("tags") or [] if _text(tag)],
        evidence=_evidence(credential),
        endorsements=_endorsements(credential, human_date),
    )
