"""Accounts against a real migrated SQLite database: hashing, sessions, throttling, deletion."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from wallet_app.models import AuthSession, Identity, LoginThrottle, User, utcnow
from wallet_app.services import accounts, identities, sessions, throttle
from wallet_app.services.accounts import SignInThrottled
from wallet_app.services.errors import ServiceError

PASSWORD = "correct horse battery"


def _register(session: Session, email: str = "ana@example.org", name: str = "Ana") -> accounts.UserView:
    return accounts.register(session, email, PASSWORD, name, PASSWORD)


def test_password_is_stored_as_argon2id_hash(session: Session) -> None:
    user = _register(session)
    stored = session.get(User, user.id).password_hash
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


def test_register_normalizes_email_and_adds_it_as_primary_identity(session: Session) -> None:
    user = _register(session, email="  Ana@Example.ORG ")
    assert user.email == "ana@example.org"
    assert [(i.kind, i.value, i.is_primary) for i in identities.list_identities(session, user.id)] == [
        ("email", "ana@example.org", True)
    ]


@pytest.mark.parametrize(
    ("email", "password", "again", "name", "code"),
    [
        ("not-an-email", PASSWORD, PASSWORD, "Ana", "bad-email"),
        ("ana@example.org", "short", "short", "Ana", "password-short"),
        ("ana@example.org", PASSWORD, PASSWORD + "x", "Ana", "password-mismatch"),
        ("ana@example.org", PASSWORD, PASSWORD, "   ", "name"),
        ("ana@example.org", "ana@example.org", "ana@example.org", "Ana", "password-is-email"),
    ],
)
def test_register_rejects_bad_input_with_a_plain_message(session, email, password, again, name, code) -> None:
    with pytest.raises(ServiceError) as raised:
        accounts.register(session, email, password, name, again)
    assert raised.value.code == code
    assert str(raised.value) == accounts.MESSAGES[code]
    assert session.exec(select(User)).all() == []


def test_register_twice_with_the_same_email_is_refused(session: Session) -> None:
    _register(session)
    with pytest.raises(ServiceError, match="already exists"):
        _register(session, email="ANA@example.org")


def test_authenticate_accepts_the_right_password_only(session: Session) -> None:
    user = _register(session)
    assert accounts.authenticate(session, "ana@example.org", PASSWORD, "10.0.0.1") == user
    with pytest.raises(ServiceError) as raised:
        accounts.authenticate(session, "ana@example.org", PASSWORD + "!", "10.0.0.1")
    assert raised.value.code == "wrong-credentials"
    with pytest.raises(ServiceError) as raised:
        accounts.authenticate(session, "nobody@example.org", PASSWORD, "10.0.0.1")
    assert raised.value.code == "wrong-credentials"


def test_session_token_is_random_and_only_its_hash_is_stored(session: Session) -> None:
    user = _register(session)
    first = sessions.create_session(session, user.id)
    second = sessions.create_session(session, user.id)
    assert first != second and len(first) >= 43
    stored = [row.token_hash for row in session.exec(select(AuthSession)).all()]
    assert first not in stored and len(stored) == 2
    assert accounts.current_user(session, first) == user


def test_session_expires(session: Session) -> None:
    user = _register(session)
    started = utcnow() - sessions.SESSION_LIFETIME - timedelta(seconds=1)
    token = sessions.create_session(session, user.id, now=started)
    assert accounts.current_user(session, token) is None
    assert sessions.user_id_for_token(session, token, now=started + timedelta(minutes=1)) == user.id


def test_unknown_or_absurd_tokens_resolve_to_nobody(session: Session) -> None:
    _register(session)
    assert accounts.current_user(session, None) is None
    assert accounts.current_user(session, "") is None
    assert accounts.current_user(session, "x" * 5000) is None


def test_sign_out_ends_only_that_session(session: Session) -> None:
    user = _register(session)
    laptop = sessions.create_session(session, user.id)
    phone = sessions.create_session(session, user.id)
    sessions.end_session(session, laptop)
    assert accounts.current_user(session, laptop) is None
    assert accounts.current_user(session, phone) == user


def test_failed_sign_ins_lock_the_account_even_for_the_right_password(session: Session) -> None:
    _register(session)
    for attempt in range(throttle.ACCOUNT_POLICY.max_failures):
        with pytest.raises(ServiceError):
            accounts.authenticate(session, "ana@example.org", "wrong password", f"10.0.0.{attempt}")
    with pytest.raises(SignInThrottled) as raised:
        accounts.authenticate(session, "ana@example.org", PASSWORD, "10.0.0.99")
    assert "Wait 15 minute" in str(raised.value)
    later = utcnow() + throttle.ACCOUNT_POLICY.lockout + timedelta(seconds=1)
    assert (
        accounts.authenticate(session, "ana@example.org", PASSWORD, "10.0.0.99", now=later).email == "ana@example.org"
    )


def test_one_peer_guessing_across_many_accounts_is_locked_out(session: Session) -> None:
    _register(session)
    for attempt in range(throttle.PEER_POLICY.max_failures):
        with pytest.raises(ServiceError):
            accounts.authenticate(session, f"guess{attempt}@example.org", "password123", "203.0.113.7")
    with pytest.raises(SignInThrottled):
        accounts.authenticate(session, "ana@example.org", PASSWORD, "203.0.113.7")
    assert accounts.authenticate(session, "ana@example.org", PASSWORD, "198.51.100.1").email == "ana@example.org"


def test_successful_sign_in_clears_the_account_counter(session: Session) -> None:
    _register(session)
    with pytest.raises(ServiceError):
        accounts.authenticate(session, "ana@example.org", "nope nope nope", "10.0.0.1")
    accounts.authenticate(session, "ana@example.org", PASSWORD, "10.0.0.1")
    session.commit()
    assert session.get(LoginThrottle, throttle.account_key("ana@example.org")) is None


def test_failure_counter_window_restarts(session: Session) -> None:
    key = throttle.account_key("x@example.org")
    start = utcnow()
    for _ in range(throttle.ACCOUNT_POLICY.max_failures - 1):
        throttle.record_failure(session, key, throttle.ACCOUNT_POLICY, start)
    throttle.record_failure(session, key, throttle.ACCOUNT_POLICY, start + throttle.ACCOUNT_POLICY.window * 2)
    assert throttle.locked_until(session, key, start + throttle.ACCOUNT_POLICY.window * 2) is None


def test_change_password_needs_the_current_one_and_signs_out_elsewhere(session: Session) -> None:
    user = _register(session)
    here = sessions.create_session(session, user.id)
    elsewhere = sessions.create_session(session, user.id)
    with pytest.raises(ServiceError, match="current password"):
        accounts.change_password(session, user.id, "wrong current", "a new password!", "a new password!", here)
    accounts.change_password(session, user.id, PASSWORD, "a new password!", "a new password!", here)
    assert accounts.current_user(session, here) == user
    assert accounts.current_user(session, elsewhere) is None
    assert accounts.authenticate(session, "ana@example.org", "a new password!", "10.0.0.1") == user


def test_identities_cover_email_url_and_did(session: Session) -> None:
    user = _register(session)
    identities.add_identity(session, user.id, "email", "Ana.Old@School.example")
    identities.add_identity(session, user.id, "url", "https://ana.example.org/portfolio")
    identities.add_identity(session, user.id, "did", "did:web:ana.example.org")
    assert identities.identity_values(session, user.id) == (
        "ana@example.org",
        "ana.old@school.example",
        "https://ana.example.org/portfolio",
        "did:web:ana.example.org",
    )


@pytest.mark.parametrize(
    ("kind", "value", "fragment"),
    [
        ("email", "not mail", "not an email"),
        ("url", "javascript:alert(1)", "https://"),
        ("url", "ftp://example.org/x", "https://"),
        ("did", "did:bad value", "DID"),
        ("phone", "123", "Choose email"),
    ],
)
def test_bad_identities_are_refused_with_a_plain_message(session, kind, value, fragment) -> None:
    user = _register(session)
    with pytest.raises(ServiceError, match=fragment):
        identities.add_identity(session, user.id, kind, value)
    assert len(identities.list_identities(session, user.id)) == 1


def test_duplicate_identity_and_primary_removal_are_refused(session: Session) -> None:
    user = _register(session)
    with pytest.raises(ServiceError, match="already in your profile"):
        identities.add_identity(session, user.id, "email", "ANA@example.org")
    primary = identities.list_identities(session, user.id)[0]
    with pytest.raises(ServiceError, match="sign in with"):
        identities.remove_identity(session, user.id, primary.id)


def test_a_learner_cannot_remove_another_learners_identity(session: Session) -> None:
    ana = _register(session)
    ben = _register(session, email="ben@example.org", name="Ben")
    bens_extra = identities.add_identity(session, ben.id, "email", "ben@old.example")
    with pytest.raises(ServiceError, match="not in your profile"):
        identities.remove_identity(session, ana.id, bens_extra.id)
    assert "ben@old.example" in identities.identity_values(session, ben.id)


def test_delete_account_removes_all_its_rows_and_nothing_else(session: Session) -> None:
    ana = _register(session)
    ben = _register(session, email="ben@example.org", name="Ben")
    identities.add_identity(session, ana.id, "email", "ana@old.example")
    sessions.create_session(session, ana.id)
    ben_token = sessions.create_session(session, ben.id)
    with pytest.raises(ServiceError, match="password is not right"):
        accounts.delete_account(session, ana.id, "wrong")
    accounts.delete_account(session, ana.id, PASSWORD)
    session.commit()
    assert session.get(User, ana.id) is None
    assert session.exec(select(Identity).where(Identity.user_id == ana.id)).all() == []
    assert session.exec(select(AuthSession).where(AuthSession.user_id == ana.id)).all() == []
    assert accounts.current_user(session, ben_token) == ben


def test_signing_in_again_drops_the_users_expired_sessions(session: Session) -> None:
    user = _register(session)
    other = _register(session, email="ben@example.org", name="Ben")
    long_ago = utcnow() - sessions.SESSION_LIFETIME - timedelta(days=1)
    sessions.create_session(session, user.id, now=long_ago)
    others_expired = sessions.create_session(session, other.id, now=long_ago)
    sessions.create_session(session, user.id)
    session.commit()
    rows = session.exec(select(AuthSession)).all()
    assert sorted(row.user_id for row in rows) == sorted([user.id, other.id])
    assert sessions.user_id_for_token(session, others_expired, now=long_ago) == other.id
