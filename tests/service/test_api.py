"""The Starlette auth routes: HttpOnly cookie, redirects with error codes, CSRF and open-redirect guards."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select
from starlette.testclient import TestClient

from wallet_app.api import SESSION_COOKIE, build_api
from wallet_app.models import AuthSession, User
from wallet_app.services import accounts

PASSWORD = "correct horse battery"
ORIGIN = {"origin": "http://testserver"}


@pytest.fixture
def client(database_url: str) -> TestClient:
    return TestClient(build_api(), follow_redirects=False)


def _register(client: TestClient, email: str = "ana@example.org"):
    form = {"email": email, "display_name": "Ana", "password": PASSWORD, "password_again": PASSWORD}
    return client.post("/api/auth/register", data=form, headers=ORIGIN)


def test_register_sets_an_httponly_lax_cookie_and_opens_the_wallet(client: TestClient, engine) -> None:
    response = _register(client)
    assert response.status_code == 303 and response.headers["location"] == "/wallet"
    set_cookie = response.headers["set-cookie"]
    assert set_cookie.startswith(f"{SESSION_COOKIE}=")
    assert "HttpOnly" in set_cookie and "SameSite=lax" in set_cookie and "Path=/" in set_cookie
    token = response.cookies[SESSION_COOKIE]
    with Session(engine) as db:
        assert accounts.current_user(db, token).email == "ana@example.org"


def test_register_error_redirects_with_a_code_not_free_text(client: TestClient) -> None:
    response = client.post(
        "/api/auth/register",
        data={"email": "<script>", "display_name": "x", "password": "p", "password_again": "p"},
        headers=ORIGIN,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/register?error=bad-email"
    assert SESSION_COOKIE not in response.cookies


def test_wrong_password_returns_to_sign_in_with_the_error_code(client: TestClient) -> None:
    _register(client)
    response = client.post(
        "/api/auth/login", data={"email": "ana@example.org", "password": "nope", "next": "/profile"}, headers=ORIGIN
    )
    assert response.headers["location"] == "/login?error=wrong-credentials&next=/profile"
    assert SESSION_COOKIE not in response.cookies


def test_sign_in_follows_only_same_site_next_paths(client: TestClient) -> None:
    _register(client)
    credentials = {"email": "ana@example.org", "password": PASSWORD}
    to_profile = client.post("/api/auth/login", data={**credentials, "next": "/profile"}, headers=ORIGIN)
    assert to_profile.headers["location"] == "/profile"
    for hostile in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        response = client.post("/api/auth/login", data={**credentials, "next": hostile}, headers=ORIGIN)
        assert response.headers["location"] == "/wallet"


def test_cross_site_posts_are_refused(client: TestClient, engine) -> None:
    response = client.post(
        "/api/auth/register",
        data={"email": "x@example.org", "display_name": "X", "password": PASSWORD, "password_again": PASSWORD},
        headers={"origin": "https://evil.example"},
    )
    assert response.status_code == 403
    assert "another site" in response.text
    with Session(engine) as db:
        assert db.exec(select(User)).all() == []


def test_sign_in_is_throttled_per_peer_address(client: TestClient) -> None:
    _register(client)
    for attempt in range(20):
        client.post("/api/auth/login", data={"email": f"g{attempt}@example.org", "password": "x"}, headers=ORIGIN)
    response = client.post("/api/auth/login", data={"email": "ana@example.org", "password": PASSWORD}, headers=ORIGIN)
    assert "error=throttled" in response.headers["location"]


def test_sign_out_clears_the_cookie_and_ends_the_session(client: TestClient, engine) -> None:
    token = _register(client).cookies[SESSION_COOKIE]
    client.cookies.set(SESSION_COOKIE, token)
    response = client.post("/api/auth/logout", headers=ORIGIN)
    assert response.status_code == 303 and response.headers["location"] == "/"
    assert f'{SESSION_COOKIE}=""' in response.headers["set-cookie"]
    with Session(engine) as db:
        assert db.exec(select(AuthSession)).all() == []
