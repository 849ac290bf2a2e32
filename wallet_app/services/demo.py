"""Demo data for `make run`: a learner you can sign in as straight away (see README), with real
OB 3.0 badges from a clearly fictional institution.

The badges are signed here with eddsa-rdfc-2022 by did:key issuers whose keys live in the
database, baked into PNG artwork, and imported through the normal importer, so they are stored
and verified (offline: did:key needs no network) exactly like a learner's own badges.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from PIL import Image, ImageDraw
from sqlmodel import Session, select

from wallet_app.credentials import issuing
from wallet_app.credentials.baking import OB3_KEYWORD, bake_png
from wallet_app.models import Badge, IssuerKey, User
from wallet_app.services import accounts, identities, importer

DEMO_EMAIL = "demo@learner.example"
DEMO_PASSWORD = "demo-wallet-2026"
DEMO_NAME = "Dana Demo"
DEMO_ALUMNI_EMAIL = "dana.demo@alumni.kpu.example"
DEMO_ISSUER_NAME = "Kwantlen Polytechnic University (demo)"
DEMO_ENDORSER_NAME = "Metro Vancouver Green Business Network (demo)"
DEMO_SITE = "https://demo.kpu.example"
DEMO_SALT = "demo-salt-2026"
DATA_ANALYTICS_STACK = {
    "id": f"{DEMO_SITE}/achievements/data-analytics-certificate",
    "type": ["Related"],
    "name": "Data Analytics Certificate",
}


@dataclass(frozen=True)
class DemoBadge:
    """One demo badge: its achievement, and how it was awarded."""

    slug: str
    name: str
    description: str
    criteria: str
    issued: datetime
    color: str
    achievement_extra: dict[str, Any] = field(default_factory=dict)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    valid_until: datetime | None = None
    endorsement_comment: str | None = None
    recipient: str = DEMO_EMAIL
    hashed_recipient: bool = False

    @property
    def achievement_id(self) -> str:
        return f"{DEMO_SITE}/achievements/{self.slug}"


def _course(code: str, credits: float, field_of_study: str) -> dict[str, Any]:
    return {
        "achievementType": "Course",
        "humanCode": code,
        "creditsAvailable": credits,
        "fieldOfStudy": field_of_study,
        "related": [DATA_ANALYTICS_STACK],
    }


DEMO_BADGES = (
    DemoBadge(
        slug="data-analysis-fundamentals",
        name="Data Analysis Fundamentals",
        description="Cleans, summarises and visualises tabular data to answer a stated question.",
        criteria="Pass DATA 1100 with at least 70%, including a final analysis of a public data set.",
        issued=datetime(2025, 12, 12, 17, 0, tzinfo=UTC),
        color="#1f6f8b",
        achievement_extra={
            **_course("DATA 1100", 3, "Data Analytics"),
            "tag": ["data analysis", "spreadsheets", "visualisation"],
            "alignment": [
                {
                    "type": ["Alignment"],
                    "targetName": "Analyse data to inform decisions",
                    "targetUrl": "https://skills.example/frameworks/digital/analyse-data",
                    "targetFramework": "Digital Skills Framework (demo)",
                    "targetCode": "DS-4.2",
                    "targetType": "CFItem",
                }
            ],
        },
    ),
    DemoBadge(
        slug="python-for-data-work",
        name="Python for Data Work",
        description="Writes small, tested Python programs that load, clean and report on data.",
        criteria="Complete four graded projects in DATA 1200 and present the last one to the class.",
        issued=datetime(2026, 4, 20, 17, 0, tzinfo=UTC),
        color="#3a7d44",
        achievement_extra={**_course("DATA 1200", 3, "Data Analytics"), "tag": ["python", "pandas"]},
        evidence=[
            {
                "id": f"{DEMO_SITE}/evidence/transit-ridership-report",
                "name": "Transit ridership report",
                "description": "Final project: a reproducible report on regional transit ridership.",
                "narrative": "Dana wrote a tested pipeline that cleans five years of ridership data "
                "and charts the post-2020 recovery by route.",
                "genre": "Project",
                "audience": "Instructors and classmates",
            }
        ],
    ),
    DemoBadge(
        slug="database-design-basics",
        name="Database Design Basics",
        description="Designs a normalised relational schema and queries it with SQL.",
        criteria="Pass DATA 1300, including a schema design reviewed by the instructor.",
        issued=datetime(2026, 8, 15, 17, 0, tzinfo=UTC),
        color="#6a4c93",
        achievement_extra={**_course("DATA 1300", 3, "Data Analytics"), "tag": ["sql", "databases"]},
    ),
    DemoBadge(
        slug="workplace-first-aid",
        name="Workplace First Aid",
        description="Gives basic first aid and CPR at work until help arrives.",
        criteria="Attend the two-day course and pass the practical assessment.",
        issued=datetime(2024, 3, 1, 17, 0, tzinfo=UTC),
        valid_until=datetime(2026, 3, 1, 0, 0, tzinfo=UTC),
        color="#c0392b",
        achievement_extra={"achievementType": "License", "tag": ["safety", "first aid"]},
    ),
    DemoBadge(
        slug="sustainability-leadership",
        name="Sustainability Leadership",
        description="Leads a small team project that measurably reduces a workplace's waste or energy use.",
        criteria="Plan and run a sustainability project over one term and report its measured results.",
        issued=datetime(2026, 6, 5, 17, 0, tzinfo=UTC),
        color="#2e8b57",
        achievement_extra={"achievementType": "Achievement", "tag": ["sustainability", "leadership"]},
        endorsement_comment="This programme's projects meet our members' standard for workplace sustainability work.",
    ),
    DemoBadge(
        slug="team-communication-essentials",
        name="Team Communication Essentials",
        description="Runs clear meetings, writes concise updates and gives constructive feedback.",
        criteria="Complete the workshop series and a peer-reviewed communication plan.",
        issued=datetime(2024, 11, 8, 17, 0, tzinfo=UTC),
        color="#d68910",
        achievement_extra={"achievementType": "Competency", "tag": ["communication"]},
        recipient=DEMO_ALUMNI_EMAIL,
        hashed_recipient=True,
    ),
)


def load_demo_data(session: Session) -> bool:
    """Create the demo learner and their badges where missing; True when something was created."""
    user_id, created = _demo_learner(session)
    issuer = _issuer_key(session, DEMO_ISSUER_NAME)
    endorser = _issuer_key(session, DEMO_ENDORSER_NAME)
    session.commit()
    for badge in DEMO_BADGES:
        if _has_badge(session, user_id, issuer.did, badge.name):
            continue
        result = importer.import_badge(session, user_id, _baked(badge, issuer, endorser), filename=f"{badge.slug}.png")
        if result.status != "added":
            raise RuntimeError(f"Demo badge {badge.name!r} was not imported: {result.message}")
        created = True
    return created


def _demo_learner(session: Session) -> tuple[int, bool]:
    existing = session.exec(select(User.id).where(User.email == DEMO_EMAIL)).first()
    if existing is not None:
        return existing, False
    user = accounts.register(session, DEMO_EMAIL, DEMO_PASSWORD, DEMO_NAME, DEMO_PASSWORD)
    identities.add_identity(session, user.id, "email", DEMO_ALUMNI_EMAIL)
    return user.id, True


def _issuer_key(session: Session, name: str) -> IssuerKey:
    """The named issuer's key, generated once and kept, so its did:key stays the same."""
    row = session.exec(select(IssuerKey).where(IssuerKey.name == name)).first()
    if row is None:
        key = issuing.generate_issuer_key()
        row = IssuerKey(
            name=name,
            did=issuing.issuer_did_key(key.public_key()),
            private_key_multibase=issuing.private_key_multibase(key),
        )
        session.add(row)
        session.flush()
    return row


def _has_badge(session: Session, user_id: int, issuer_did: str, name: str) -> bool:
    statement = select(Badge.id).where(Badge.user_id == user_id, Badge.issuer_id == issuer_did, Badge.name == name)
    return session.exec(statement).first() is not None


def _baked(badge: DemoBadge, issuer: IssuerKey, endorser: IssuerKey) -> bytes:
    """The signed credential baked into its PNG artwork, as an issuer would hand it out."""
    achievement: dict[str, Any] = {
        "id": badge.achievement_id,
        "name": badge.name,
        "description": badge.description,
        "criteria": {"narrative": badge.criteria},
        **badge.achievement_extra,
    }
    if badge.endorsement_comment:
        achievement["endorsement"] = [_endorsement(badge, endorser)]
    salt = DEMO_SALT if badge.hashed_recipient else None
    subject: dict[str, Any] = {"identifier": [issuing.identity_object(badge.recipient, salt=salt)]}
    if "creditsAvailable" in achievement:
        subject["creditsEarned"] = achievement["creditsAvailable"]
    credential = issuing.build_achievement_credential(
        credential_id=f"{DEMO_SITE}/credentials/{badge.slug}",
        issuer={"id": issuer.did, "name": DEMO_ISSUER_NAME, "url": DEMO_SITE, "email": "badges@demo.kpu.example"},
        achievement=achievement,
        subject=subject,
        valid_from=badge.issued,
        valid_until=badge.valid_until,
        evidence=badge.evidence,
    )
    signed = issuing.sign_with_did_key(credential, issuer.private_key_multibase, badge.issued)
    return bake_png(_artwork(badge), json.dumps(signed, ensure_ascii=False), keyword=OB3_KEYWORD)


def _endorsement(badge: DemoBadge, endorser: IssuerKey) -> dict[str, Any]:
    unsigned = issuing.build_endorsement_credential(
        credential_id=f"{DEMO_SITE}/endorsements/{badge.slug}",
        issuer={"id": endorser.did, "name": DEMO_ENDORSER_NAME},
        endorsed_id=badge.achievement_id,
        comment=badge.endorsement_comment or "",
        valid_from=badge.issued,
    )
    return issuing.sign_with_did_key(unsigned, endorser.private_key_multibase, badge.issued)


def _artwork(badge: DemoBadge) -> bytes:
    """A simple round badge in the badge's colour with its initials."""
    image = Image.new("RGBA", (256, 256), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, 248, 248), fill=badge.color, outline="white", width=10)
    initials = "".join(word[0] for word in badge.name.split()[:3]).upper()
    draw.text((128, 128), initials, fill="white", anchor="mm", font_size=72)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
