"""Badge file routes: only the owner gets them, and images are served so an SVG cannot run script."""

from __future__ import annotations

import pytest
from sqlmodel import Session
from starlette.testclient import TestClient

from tests.badge_support import png_image, register, seeded_badge
from wallet_app.api import SESSION_COOKIE, build_api
from wallet_app.services import sessions

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.fixture
def owned(session: Session) -> dict[str, int | str]:
    """Ana's badge with an SVG image and a stored original, Bo's cookie token."""
    ana = register(session)
    bo = register(session, "bo@example.org")
    badge = seeded_badge(
        ana.id, 1, original=b'{"id": "x"}', image=SVG, image_media_type="image/svg+xml", original_filename="mine.json"
    )
    session.add(badge)
    ana_token = sessions.create_session(session, ana.id)
    bo_token = sessions.create_session(session, bo.id)
    session.commit()
    return {"badge_id": badge.id, "ana": ana_token, "bo": bo_token}


def _get(path: str, token: str | None):
    client = TestClient(build_api())
    if token:
        client.cookies.set(SESSION_COOKIE, token)
    return client.get(path)


def test_the_owner_gets_the_image_with_a_sandboxing_policy(owned: dict) -> None:
    response = _get(f"/api/badges/{owned['badge_id']}/image", owned["ana"])
    assert response.status_code == 200
    assert response.content == SVG
    assert response.headers["content-type"] == "image/svg+xml"
    assert response.headers["content-security-policy"] == "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_the_owner_downloads_the_original_bytes_as_an_attachment(owned: dict) -> None:
    response = _get(f"/api/badges/{owned['badge_id']}/download", owned["ana"])
    assert response.status_code == 200
    assert response.content == b'{"id": "x"}'
    assert response.headers["content-type"] == "application/json"
    assert response.headers["content-disposition"] == 'attachment; filename="mine.json"'
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("kind", ["image", "download"])
def test_another_learner_gets_not_found_and_a_visitor_must_sign_in(owned: dict, kind: str) -> None:
    path = f"/api/badges/{owned['badge_id']}/{kind}"
    other = _get(path, owned["bo"])
    assert (other.status_code, other.text) == (404, "That badge is not in your wallet.")
    assert _get(f"/api/badges/{owned['badge_id'] + 1}/{kind}", owned["ana"]).status_code == 404
    visitor = _get(path, None)
    assert (visitor.status_code, visitor.text) == (401, "Sign in to see your wallet.")
    assert _get(path, "forged-token").status_code == 401


def test_a_badge_without_an_image_has_no_image_route(session: Session) -> None:
    ana = register(session)
    badge = seeded_badge(ana.id, 1)
    session.add(badge)
    token = sessions.create_session(session, ana.id)
    session.commit()
    assert _get(f"/api/badges/{badge.id}/image", token).status_code == 404
    assert _get("/api/badges/not-a-number/image", token).status_code == 404


def test_a_png_image_is_served_as_png(session: Session) -> None:
    ana = register(session)
    badge = seeded_badge(ana.id, 1, image=png_image(), image_media_type="image/png")
    session.add(badge)
    token = sessions.create_session(session, ana.id)
    session.commit()
    response = _get(f"/api/badges/{badge.id}/image", token)
    assert (response.content, response.headers["content-type"]) == (png_image(), "image/png")
