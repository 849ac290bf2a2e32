"""Demo data: the demo learner's signed OB 3.0 badges load once, verify offline, and show the right chips."""

from __future__ import annotations

from sqlmodel import Session, select

from wallet_app.models import Badge, IssuerKey, User
from wallet_app.services import badges
from wallet_app.services.demo import DEMO_BADGES, DEMO_EMAIL, DEMO_ISSUER_NAME, load_demo_data

EXPECTED_STATUSES = {
    "Data Analysis Fundamentals": "verified",
    "Python for Data Work": "verified",
    "Database Design Basics": "verified",
    "Workplace First Aid": "expired",
    "Sustainability Leadership": "verified",
    "Team Communication Essentials": "verified",
}


def _demo_user_id(session: Session) -> int:
    return session.exec(select(User.id).where(User.email == DEMO_EMAIL)).one()


def test_demo_data_loads_once_and_every_badge_has_the_right_chip(session: Session) -> None:
    assert load_demo_data(session) is True
    assert load_demo_data(session) is False
    user_id = _demo_user_id(session)
    page = badges.list_badges(session, user_id, limit=50)
    assert page.total == len(DEMO_BADGES)
    assert {item.name: item.status for item in page.items} == EXPECTED_STATUSES
    assert all(item.has_image and item.issuer_name == DEMO_ISSUER_NAME for item in page.items)
    assert len(session.exec(select(IssuerKey)).all()) == 2
    assert len(session.exec(select(User)).all()) == 1


def test_every_demo_badge_is_signed_by_the_stored_did_key_and_matches_the_learner(session: Session) -> None:
    load_demo_data(session)
    user_id = _demo_user_id(session)
    issuer = session.exec(select(IssuerKey).where(IssuerKey.name == DEMO_ISSUER_NAME)).one()
    for badge_id in session.exec(select(Badge.id).where(Badge.user_id == user_id)).all():
        detail = badges.recheck_badge(session, user_id, badge_id)
        checks = {check["id"]: check["status"] for check in detail.checks}
        assert checks["proof"] == checks["issuer-key"] == checks["recipient"] == "passed"
        assert (detail.format, detail.recipient_status) == ("ob3-json+png", "confirmed")
        assert detail.credential["issuer"]["id"] == issuer.did
        expected = "invalid" if detail.name == "Workplace First Aid" else "valid"
        assert (detail.verdict, detail.status) == (expected, EXPECTED_STATUSES[detail.name])


def test_demo_badges_carry_rich_metadata(session: Session) -> None:
    load_demo_data(session)
    user_id = _demo_user_id(session)
    details = {
        detail.name: detail
        for detail in (
            badges.get_badge(session, user_id, badge_id)
            for badge_id in session.exec(select(Badge.id).where(Badge.user_id == user_id)).all()
        )
    }
    analysis = details["Data Analysis Fundamentals"].credential
    assert analysis["achievement"]["credits_available"] == 3 and analysis["credits_earned"] == 3
    assert analysis["achievement"]["alignments"][0]["target_code"] == "DS-4.2"
    assert analysis["achievement"]["related"][0]["name"] == "Data Analytics Certificate"
    assert details["Python for Data Work"].credential["evidence"][0]["genre"] == "Project"
    endorsements = details["Sustainability Leadership"].credential["endorsements"]
    assert [(item["verdict"], item["issuer"]["name"]) for item in endorsements] == [
        ("valid", "Metro Vancouver Green Business Network (demo)")
    ]
    alumni = details["Team Communication Essentials"]
    assert alumni.recipient_identity.startswith("sha256$") and alumni.recipient_status == "confirmed"


def test_missing_demo_badges_are_added_to_an_existing_demo_learner(session: Session) -> None:
    load_demo_data(session)
    user_id = _demo_user_id(session)
    removed = session.exec(select(Badge.id).where(Badge.user_id == user_id)).first()
    badges.delete_badge(session, user_id, removed)
    session.commit()
    assert load_demo_data(session) is True
    assert badges.list_badges(session, user_id).total == len(DEMO_BADGES)
