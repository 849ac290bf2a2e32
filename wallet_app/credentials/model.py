"""The one normalized credential every input becomes (OB 2.0 hosted/signed, OB 3.0 DI or VC-JWT).

Fields hold what the credential says; ``None`` or an empty list means "not stated", which the
credential label shows as such rather than hiding the row.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime


@dataclass
class Issuer:
    id: str | None = None
    name: str | None = None
    url: str | None = None
    email: str | None = None
    description: str | None = None
    image: str | None = None


@dataclass
class Alignment:
    target_name: str | None = None
    target_url: str | None = None
    target_description: str | None = None
    target_framework: str | None = None
    target_code: str | None = None
    target_type: str | None = None


@dataclass
class Evidence:
    id: str | None = None
    name: str | None = None
    description: str | None = None
    narrative: str | None = None
    genre: str | None = None
    audience: str | None = None


@dataclass
class Result:
    """A result the learner obtained (grade, score, competency level...)."""

    name: str | None = None
    value: str | None = None
    status: str | None = None
    description: str | None = None


@dataclass
class RelatedAchievement:
    """A link to another achievement the credential names (stack, sequence, other language)."""

    id: str | None = None
    name: str | None = None
    relation: str | None = None


@dataclass
class Achievement:
    id: str | None = None
    name: str | None = None
    description: str | None = None
    achievement_type: str | None = None
    criteria_narrative: str | None = None
    criteria_url: str | None = None
    image: str | None = None
    credits_available: float | None = None
    field_of_study: str | None = None
    specialization: str | None = None
    level: str | None = None
    human_code: str | None = None
    tags: list[str] = field(default_factory=list)
    alignments: list[Alignment] = field(default_factory=list)
    related: list[RelatedAchievement] = field(default_factory=list)


@dataclass
class Recipient:
    """Who the credential was issued to, as the credential states it."""

    id: str | None = None
    identity: str | None = None
    identity_type: str | None = None
    hashed: bool = False
    salt: str | None = None
    name: str | None = None


@dataclass
class EndorsementSummary:
    """An endorsement, already verified on its own; it never changes the badge's verdict."""

    id: str | None = None
    issuer: Issuer = field(default_factory=Issuer)
    comment: str | None = None
    issued_on: datetime | None = None
    verdict: str | None = None
    endorsed_id: str | None = None  # what the endorsement is about (badge, achievement or issuer)


@dataclass
class Credential:
    """One badge, whatever its spec or format.

    ``spec`` is "ob2" or "ob3"; ``format`` is "<spec>-<kind>" as sources.DetectedInput names it
    ("ob2-json", "ob2-jws", "ob3-json", "ob3-jws"), plus "+png"/"+svg" when baked into an image.
    """

    spec: str
    format: str
    id: str | None = None
    name: str | None = None
    description: str | None = None
    issuer: Issuer = field(default_factory=Issuer)
    achievement: Achievement = field(default_factory=Achievement)
    recipient: Recipient = field(default_factory=Recipient)
    issued_on: datetime | None = None
    valid_from: datetime | None = None
    expires: datetime | None = None
    image: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    endorsements: list[EndorsementSummary] = field(default_factory=list)
    credits_earned: float | None = None
    raw: dict | None = None
    original: bytes = b""

    def to_dict(self) -> dict[str, object]:
        """JSON-ready fields (dates as ISO strings, no raw bytes) for the CLI and storage."""
        data = asdict(self)
        data.pop("original")
        data.pop("raw")
        return _isoformat_dates(data)


def _isoformat_dates(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _isoformat_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_isoformat_dates(item) for item in value]
    return value
