"""The wallet listing at scale, ownership checks, deletion and staleness, on a migrated database."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from sqlmodel import Session, select

from tests.badge_support import PASSWORD, ob3_badge, register, seeded_badge
from tests.ob3_issuer import NOW, Ob3Issuer
from wallet_app.models import Badge
from wallet_app.services import accounts, badges, importer
from wallet_app.services.errors import ServiceError

BADGE_COUNT = 1200


@pytest.fixture
def crowded(session: Session) -> int:
    """A learner with 1,200 badges (every 10th revoked, every 3rd with an image), and a neighbour."""
    user = register(session)
    neighbour = register(session, "bo@example.org")
    session.add_all(
        seeded_badge(
            user.id,
            number,
            status="revoked" if number % 10 == 0 else "verified",
            image=b"png" if number % 3 == 0 else None,
        )
        for number in range(BADGE_COUNT)
    )
    session.add_all(seeded_badge(neighbour.id, number, name="Neighbour badge") for number in range(5))
    session.commit()
    return user.id


def test_listing_pages_through_every_badge_once(session: Session, crowded: int) -> None:
    seen: list[int] = []
    for offset in range(0, BADGE_COUNT, 100):
        page = badges.list_badges(session, crowded, offset=offset, limit=100)
        assert page.total == BADGE_COUNT
        seen += [item.id for item in page.items]
    assert len(seen) == len(set(seen)) == BADGE_COUNT


def test_default_page_is_newest_first_with_display_fields(session: Session, crowded: int) -> None:
    page = badges.list_badges(session, crowded)
    assert len(page.items) == badges.DEFAULT_PAGE_SIZE
    first = page.items[0]
    assert (first.name, first.issuer_name, first.issued_on) == ("Badge 0000", "Issuer 0", "2026-06-01")
    assert (first.status, first.status_label, first.has_image) == ("revoked", "Revoked", True)
    assert page.items[1].has_image is False
    assert [item.issued_on for item in page.items] == sorted((item.issued_on for item in page.items), reverse=True)


@pytest.mark.parametrize(
    ("sort", "first_name"),
    [("newest", "Badge 0000"), ("oldest", "Badge 1199"), ("name", "Badge 0000"), ("issuer", "Badge 0000")],
)
def test_sort_orders(session: Session, crowded: int, sort: str, first_name: str) -> None:
    items = badges.list_badges(session, crowded, sort=sort, limit=50).items
    assert items[0].name == first_name
    if sort == "issuer":
        assert [item.issuer_name for item in items] == ["Issuer 0"] * 50
    if sort == "name":
        assert [item.name for item in items] == sorted(item.name for item in items)


def test_search_filters_and_totals(session: Session, crowded: int) -> None:
    assert badges.list_badges(session, crowded, query="badge 11").total == 100
    assert badges.list_badges(session, crowded, query="  BADGE 0042 ").items[0].name == "Badge 0042"
    assert badges.list_badges(session, crowded, query="seeded for").total == BADGE_COUNT
    assert badges.list_badges(session, crowded, query="100%").total == 0
    assert badges.list_badges(session, crowded, query="neighbour").total == 0
    revoked = badges.list_badges(session, crowded, status="revoked", limit=100)
    assert revoked.total == 120 and {item.status for item in revoked.items} == {"revoked"}
    by_issuer = badges.list_badges(session, crowded, issuer="Issuer 3", status="revoked")
    assert by_issuer.total == len([n for n in range(BADGE_COUNT) if n % 7 == 3 and n % 10 == 0])
    assert badges.list_badges(session, crowded, status="expired").total == 0


def test_page_size_and_offset_are_clamped(session: Session, crowded: int) -> None:
    assert len(badges.list_badges(session, crowded, limit=10_000).items) == badges.MAX_PAGE_SIZE
    assert len(badges.list_badges(session, crowded, limit=0).items) == 1
    assert badges.list_badges(session, crowded, offset=-5).items[0].name == "Badge 0000"
    assert badges.list_badges(session, crowded, offset=BADGE_COUNT).items == []


def test_listing_stays_fast_with_many_badges(session: Session, crowded: int) -> None:
    started = time.perf_counter()
    for offset in range(0, 1000, 100):
        badges.list_badges(session, crowded, query="badge", sort="name", offset=offset)
    assert (time.perf_counter() - started) / 10 < 0.1


def test_issuer_names_are_distinct_and_sorted(session: Session, crowded: int) -> None:
    assert badges.issuer_names(session, crowded) == [f"Issuer {n}" for n in range(7)]


def test_another_learners_badge_is_not_found(session: Session) -> None:
    owner = register(session)
    other = register(session, "bo@example.org")
    badge_id = importer.import_badge(session, owner.id, ob3_badge(Ob3Issuer(), "ana@example.org"), now=NOW).badge_id
    for call in (badges.get_badge, badges.delete_badge, badges.recheck_badge, badges.accept_recipient_identity):
        with pytest.raises(ServiceError) as raised:
            call(session, other.id, badge_id)
        assert (str(raised.value), raised.value.code) == ("That badge is not in your wallet.", "not-found")
    with pytest.raises(ServiceError, match="not in your wallet"):
        badges.get_badge(session, owner.id, badge_id + 1000)
    assert badges.badge_image(session, other.id, badge_id) is None
    assert badges.badge_original(session, other.id, badge_id) is None
    assert badges.get_badge(session, owner.id, badge_id).name == "Python Basics"


def test_delete_removes_only_that_badge(session: Session) -> None:
    user = register(session)
    issuer = Ob3Issuer()
    kept = importer.import_badge(session, user.id, ob3_badge(issuer, "ana@example.org"), now=NOW).badge_id
    other = ob3_badge(issuer, "ana@example.org", credential_id="urn:uuid:00000000-0000-0000-0000-000000000002")
    removed = importer.import_badge(session, user.id, other, now=NOW).badge_id
    badges.delete_badge(session, user.id, removed)
    session.commit()
    assert [item.id for item in badges.list_badges(session, user.id).items] == [kept]
    with pytest.raises(ServiceError):
        badges.get_badge(session, user.id, removed)


def test_stale_badges_are_those_checked_long_ago(session: Session) -> None:
    user = register(session)
    session.add_all(
        [
            seeded_badge(user.id, 1, checked_at=NOW - timedelta(hours=30)),
            seeded_badge(user.id, 2, checked_at=NOW - timedelta(hours=1)),
            seeded_badge(user.id, 3, checked_at=NOW - timedelta(days=9)),
        ]
    )
    session.commit()
    ids = {row.name: row.id for row in session.exec(select(Badge)).all()}
    assert badges.stale_badge_ids(session, user.id, now=NOW) == [ids["Badge 0003"], ids["Badge 0001"]]
    assert badges.stale_badge_ids(session, user.id, older_than=timedelta(days=7), now=NOW) == [ids["Badge 0003"]]


def test_recheck_updates_the_checked_time(session: Session) -> None:
    user = register(session)
    badge_id = importer.import_badge(session, user.id, ob3_badge(Ob3Issuer(), "ana@example.org"), now=NOW).badge_id
    later = NOW + timedelta(days=2)
    detail = badges.recheck_badge(session, user.id, badge_id, now=later)
    assert (detail.checked_at, detail.status) == (later.isoformat(), "verified")
    assert badges.stale_badge_ids(session, user.id, now=later + timedelta(hours=1)) == []


def test_deleting_the_account_removes_its_badges(session: Session, engine) -> None:
    user = register(session)
    neighbour = register(session, "bo@example.org")
    session.add_all([seeded_badge(user.id, 1), seeded_badge(neighbour.id, 1)])
    session.commit()
    accounts.delete_account(session, user.id, PASSWORD)
    session.commit()
    with Session(engine) as fresh:
        assert [row.user_id for row in fresh.exec(select(Badge)).all()] == [neighbour.id]


def test_download_names_are_safe() -> None:
    assert badges.download_filename("../../etc/passwd", "x", "application/json") == "passwd"
    assert badges.download_filename(None, "Data Analysis: Fundamentals", "image/png") == (
        "Data-Analysis-Fundamentals.png"
    )
    assert badges.download_filename(None, "“”", "text/plain") == "badge.txt"
    assert badges.download_filename("C:\\Users\\ana\\badge (1).svg", "x", "image/svg+xml") == "badge-1-.svg"
