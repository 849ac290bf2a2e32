"""Importing badges into a real migrated database: verify first, store all-or-nothing, idempotent."""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from tests.badge_support import ob3_badge, png_image, register
from tests.ob2_issuer import LEARNER_EMAIL, LoopbackIssuer
from tests.ob3_issuer import NOW, Ob3Issuer
from wallet_app.credentials.baking import OB3_KEYWORD, bake_png
from wallet_app.models import Badge
from wallet_app.services import badges, identities, importer
from wallet_app.services.errors import ServiceError
from wallet_app.services.verification import ALLOW_HOSTS_ENV


@pytest.fixture
def loopback(monkeypatch: pytest.MonkeyPatch) -> Iterator[LoopbackIssuer]:
    issuer = LoopbackIssuer()
    issuer.serve("/badge.png", png_image(), content_type="image/png")
    monkeypatch.setenv(ALLOW_HOSTS_ENV, issuer.host)
    yield issuer
    issuer.close()


def _rows(engine) -> list[Badge]:
    with Session(engine) as fresh:
        return list(fresh.exec(select(Badge)).all())


def test_a_badge_issued_to_the_learner_is_added_verified(session: Session) -> None:
    user = register(session)
    result = importer.import_badge(session, user.id, ob3_badge(Ob3Issuer(), "ana@example.org"), now=NOW)
    assert result.status == "added"
    assert result.message == "Added “Python Basics” from Demo Institute."
    assert result.recipient_identity is None
    detail = badges.get_badge(session, user.id, result.badge_id)
    assert (detail.status, detail.status_label, detail.verdict) == ("verified", "Verified", "valid")
    assert (detail.recipient_status, detail.recipient_identity) == ("confirmed", "ana@example.org")
    assert (detail.spec, detail.format, detail.issued_on) == ("ob3", "ob3-json", "2026-05-02")
    assert detail.credential["achievement"]["criteria_narrative"] == "Complete the four course projects."
    assert json.loads(detail.raw_text)["name"] == "Python Basics"
    assert {"id": "recipient", "status": "passed", "message": "The badge was issued to you."} in detail.checks


def test_importing_the_same_badge_again_is_idempotent(session: Session, engine) -> None:
    user = register(session)
    badge_bytes = ob3_badge(Ob3Issuer(), "ana@example.org")
    first = importer.import_badge(session, user.id, badge_bytes, now=NOW)
    again = importer.import_badge(session, user.id, badge_bytes, now=NOW)
    assert again.status == "duplicate"
    assert again.message == "This badge is already in your wallet."
    assert (again.badge_id, again.badge_name) == (first.badge_id, "Python Basics")
    assert len(_rows(engine)) == 1


def test_the_same_badge_in_another_form_is_recognised(session: Session, engine) -> None:
    user = register(session)
    badge_bytes = ob3_badge(Ob3Issuer(), "ana@example.org")
    assert importer.import_badge(session, user.id, badge_bytes, now=NOW).status == "added"
    baked = bake_png(png_image(), badge_bytes.decode(), OB3_KEYWORD)
    again = importer.import_badge(session, user.id, baked, filename="badge.png", now=NOW)
    assert (again.status, again.message) == ("duplicate", "This badge is already in your wallet.")
    assert len(_rows(engine)) == 1


def test_the_same_badge_may_be_in_two_learners_wallets(session: Session, engine) -> None:
    badge_bytes = ob3_badge(Ob3Issuer(), "ana@example.org")
    for email in ("ana@example.org", "bo@example.org"):
        assert importer.import_badge(session, register(session, email).id, badge_bytes, now=NOW).status == "added"
    assert len(_rows(engine)) == 2


def test_a_badge_for_another_identity_is_kept_and_marked_unconfirmed(session: Session) -> None:
    user = register(session)
    result = importer.import_badge(session, user.id, ob3_badge(Ob3Issuer(), "ana@old-school.example"), now=NOW)
    assert result.status == "added"
    assert result.recipient_identity == "ana@old-school.example"
    assert "issued to ana@old-school.example, which is not in your profile" in result.message
    detail = badges.get_badge(session, user.id, result.badge_id)
    assert (detail.status, detail.status_label) == ("unconfirmed-recipient", "Recipient not confirmed")
    assert (detail.recipient_status, detail.recipient_identity) == ("not-confirmed", "ana@old-school.example")
    assert detail.verdict == "invalid"


def test_accepting_the_named_identity_adds_it_and_confirms_the_badge(session: Session) -> None:
    user = register(session)
    result = importer.import_badge(session, user.id, ob3_badge(Ob3Issuer(), "ana@old-school.example"), now=NOW)
    detail = badges.accept_recipient_identity(session, user.id, result.badge_id)
    assert "ana@old-school.example" in identities.identity_values(session, user.id)
    assert (detail.status, detail.recipient_status, detail.verdict) == ("verified", "confirmed", "valid")


def test_a_hashed_identity_cannot_be_accepted(session: Session) -> None:
    user = register(session)
    result = importer.import_badge(session, user.id, ob3_badge(Ob3Issuer(), None), now=NOW)
    assert result.recipient_identity.startswith("sha256$")
    assert "hashed form" in result.message
    with pytest.raises(ServiceError) as raised:
        badges.accept_recipient_identity(session, user.id, result.badge_id)
    assert raised.value.code == "hashed-identity"
    assert identities.identity_values(session, user.id) == ("ana@example.org",)


def test_an_expired_badge_is_stored_with_the_expired_chip(session: Session) -> None:
    user = register(session)
    expired = ob3_badge(Ob3Issuer(), "ana@example.org", valid_until=NOW - timedelta(days=2))
    result = importer.import_badge(session, user.id, expired, now=NOW)
    assert result.status == "added"
    assert "“Expired”" in result.message
    summary = badges.list_badges(session, user.id).items[0]
    assert (summary.status, summary.status_label) == ("expired", "Expired")


def test_a_tampered_badge_is_stored_as_not_valid(session: Session) -> None:
    user = register(session)
    document = json.loads(ob3_badge(Ob3Issuer(), "ana@example.org"))
    document["credentialSubject"]["achievement"]["name"] = "Rocket Science"
    result = importer.import_badge(session, user.id, json.dumps(document).encode(), now=NOW)
    assert result.status == "added"
    detail = badges.get_badge(session, user.id, result.badge_id)
    assert (detail.status, detail.status_label, detail.verdict) == ("invalid", "Not valid", "invalid")


def test_a_failure_while_storing_leaves_no_rows(session: Session, engine, monkeypatch: pytest.MonkeyPatch) -> None:
    user = register(session)

    def failing_commit() -> None:
        raise OperationalError("COMMIT", {}, Exception("disk I/O error"))

    with monkeypatch.context() as patch:
        patch.setattr(session, "commit", failing_commit)
        result = importer.import_badge(session, user.id, ob3_badge(Ob3Issuer(), "ana@example.org"), now=NOW)
    assert result.status == "error"
    assert result.message == "The wallet could not save this badge just now. Nothing was added; try again in a moment."
    assert _rows(engine) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (b"", "This file is empty."),
        (b"   \n", "This file is empty."),
        (os.urandom(2048), "not a badge"),
        (b"\x00" * (importer.MAX_BADGE_BYTES + 1), "larger than 5 MB"),
        (b"{}", "not valid Open Badges 2.0"),
        (b'{"@context": "https://www.w3.org/ns/credentials/v2"}', "type does not include"),
        (b'{"a": ' * 100 + b"1" + b"}" * 100, "nested too deeply"),
        ("ftp://example.org/badge.json", "https://"),
        ("javascript:alert(1)", "https://"),
        ("not a link at all", "https://"),
        ("http://127.0.0.1:9/badge.json", "will not open this address"),
    ],
)
def test_hostile_input_gets_a_plain_error_and_stores_nothing(session: Session, engine, source, expected) -> None:
    user = register(session)
    result = importer.import_badge(session, user.id, source, now=NOW)
    assert result.status == "error"
    assert result.badge_id is None
    assert expected in result.message
    assert "Traceback" not in result.message
    assert _rows(engine) == []


def test_a_hosted_badge_is_imported_from_its_url_with_its_image(session: Session, loopback: LoopbackIssuer) -> None:
    user = register(session, LEARNER_EMAIL)
    assertion = loopback.hosted_assertion("by-url")
    result = importer.import_badge(session, user.id, assertion["id"])
    assert result.status == "added", result.message
    assert result.message == "Added “Loopback Soldering” from Loopback Academy."
    detail = badges.get_badge(session, user.id, result.badge_id)
    assert (detail.status, detail.recipient_status, detail.format) == ("verified", "confirmed", "ob2-hosted")
    assert detail.source_url == assertion["id"]
    assert badges.badge_image(session, user.id, result.badge_id) == (png_image(), "image/png")
    again = importer.import_badge(session, user.id, assertion["id"] + " ")
    assert (again.status, again.badge_id) == ("duplicate", result.badge_id)


def test_an_image_the_issuer_serves_that_is_not_an_image_is_dropped(session: Session, loopback: LoopbackIssuer) -> None:
    loopback.serve("/badge.png", b"<html><script>alert(1)</script></html>", content_type="image/png")
    user = register(session, LEARNER_EMAIL)
    result = importer.import_badge(session, user.id, loopback.hosted_assertion("no-image")["id"])
    assert result.status == "added"
    assert badges.badge_image(session, user.id, result.badge_id) is None
    assert badges.list_badges(session, user.id).items[0].has_image is False


def test_a_url_that_cannot_be_fetched_is_an_error_and_stores_nothing(
    session: Session, engine, loopback: LoopbackIssuer
) -> None:
    user = register(session, LEARNER_EMAIL)
    result = importer.import_badge(session, user.id, loopback.url("/missing.json"))
    assert result.status == "error"
    assert "answered HTTP 404" in result.message
    assert _rows(engine) == []


def test_recheck_after_the_issuer_revokes_shows_revoked(session: Session, loopback: LoopbackIssuer) -> None:
    user = register(session, LEARNER_EMAIL)
    assertion = loopback.hosted_assertion("to-revoke")
    badge_id = importer.import_badge(session, user.id, json.dumps(assertion).encode()).badge_id
    assert badges.get_badge(session, user.id, badge_id).status == "verified"
    loopback.serve("/assertions/to-revoke.json", b"", status=410)
    later = NOW + timedelta(days=40)
    detail = badges.recheck_badge(session, user.id, badge_id, now=later)
    assert (detail.status, detail.status_label, detail.verdict) == ("revoked", "Revoked", "invalid")
    assert detail.checked_at == later.isoformat()
    assert any("withdrawn (revoked)" in check["message"] for check in detail.checks)


def test_a_baked_png_keeps_its_bytes_and_becomes_the_badge_image(session: Session) -> None:
    user = register(session)
    text = ob3_badge(Ob3Issuer(), "ana@example.org").decode()
    baked = bake_png(png_image("orange"), text, keyword=OB3_KEYWORD)
    result = importer.import_badge(session, user.id, baked, filename="my badge.png", now=NOW)
    assert result.status == "added"
    assert badges.badge_image(session, user.id, result.badge_id) == (baked, "image/png")
    assert badges.badge_original(session, user.id, result.badge_id) == (baked, "image/png", "my-badge.png")
    detail = badges.get_badge(session, user.id, result.badge_id)
    assert (detail.format, json.loads(detail.raw_text)) == ("ob3-json+png", json.loads(text))


def test_a_data_uri_image_is_decoded_and_checked(session: Session) -> None:
    user = register(session)
    data_uri = "data:image/png;base64," + base64.b64encode(png_image()).decode()
    issuer = Ob3Issuer()
    achievement = {
        "id": "https://demo.example/achievements/python",
        "name": "Python Basics",
        "description": "Writes small, tested Python programs.",
        "criteria": {"narrative": "Complete the four course projects."},
        "image": {"id": data_uri, "type": "Image"},
    }
    result = importer.import_badge(
        session, user.id, ob3_badge(issuer, "ana@example.org", achievement=achievement), now=NOW
    )
    assert badges.badge_image(session, user.id, result.badge_id) == (png_image(), "image/png")
    assert badges.badge_original(session, user.id, result.badge_id)[1:] == ("application/json", "Python-Basics.json")
