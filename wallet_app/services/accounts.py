"""Accounts: register, sign in (throttled), change password, delete with all data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, delete, select

from wallet_app.models import ALL_TABLES, User, utcnow
from wallet_app.services import sessions, throttle
from wallet_app.services.errors import ServiceError
from wallet_app.services.identities import add_identity, normalize_email

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024
MESSAGES = {
    "wrong-credentials": "That email and password don’t match an account. Check both and try again.",
    "throttled": "Too many failed sign-in attempts. Wait {minutes} minute(s) and try again.",
    "email-taken": "An account with this email already exists. Sign in instead, or use another email.",
    "bad-email": "That is not an email address. Check it and try again.",
    "password-short": f"Choose a password of at least {MIN_PASSWORD_LENGTH} characters.",
    "password-long": f"Choose a password of at most {MAX_PASSWORD_LENGTH} characters.",
    "password-is-email": "Choose a password that is not your email address.",
    "password-mismatch": "The two passwords are different. Type the same new password twice.",
    "name": "Enter your name (up to 120 characters); it appears on links you share.",
    "signed-out": "Sign in to see your wallet.",
}


def _error(code: str, **details: object) -> ServiceError:
    return ServiceError(MESSAGES[code].format(**details), code)


_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("an unused password that keeps timing equal")


@dataclass(frozen=True)
class UserView:
    """What pages may hold about a user: no hash, no ORM object."""

    id: int
    email: str
    display_name: str


class SignInThrottled(ServiceError):
    pass


def _view(user: User) -> UserView:
    return UserView(user.id, user.email, user.display_name)


def _check_password_rules(password: str, email: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise _error("password-short")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise _error("password-long")
    if password.strip().lower() == email:
        raise _error("password-is-email")


def get_user(session: Session, user_id: int) -> UserView | None:
    user = session.get(User, user_id)
    return _view(user) if user else None


def current_user(session: Session, token: str | None) -> UserView | None:
    """The user a session cookie belongs to; every handler and route calls this."""
    user_id = sessions.user_id_for_token(session, token)
    return get_user(session, user_id) if user_id is not None else None


def register(session: Session, email: str, password: str, display_name: str, password_again: str) -> UserView:
    try:
        email = normalize_email(email)
    except ServiceError:
        raise _error("bad-email") from None
    name = display_name.strip()
    if not name or len(name) > 120:
        raise _error("name")
    _check_password_rules(password, email)
    if password != password_again:
        raise _error("password-mismatch")
    if session.exec(select(User).where(User.email == email)).first():
        raise _error("email-taken")
    user = User(email=email, display_name=name, password_hash=_hasher.hash(password))
    session.add(user)
    session.flush()
    add_identity(session, user.id, "email", email, is_primary=True)
    return _view(user)


def _throttled(until: datetime, now: datetime) -> SignInThrottled:
    minutes = max(1, round((until - now).total_seconds() / 60))
    return SignInThrottled(MESSAGES["throttled"].format(minutes=minutes), "throttled")


def authenticate(session: Session, email: str, password: str, peer: str, now: datetime | None = None) -> UserView:
    """Check credentials, counting failures per account and per peer address.

    Throttle rows are written even when this raises, so callers must commit on failure too.
    """
    now = now or utcnow()
    email_key = throttle.account_key(email.strip().lower())
    address_key = throttle.peer_key(peer)
    for key in (email_key, address_key):
        until = throttle.locked_until(session, key, now)
        if until:
            raise _throttled(until, now)
    user = session.exec(select(User).where(User.email == email.strip().lower())).first()
    if user is None or not _password_matches(user.password_hash if user else _DUMMY_HASH, password):
        throttle.record_failure(session, email_key, throttle.ACCOUNT_POLICY, now)
        throttle.record_failure(session, address_key, throttle.PEER_POLICY, now)
        raise _error("wrong-credentials")
    throttle.clear(session, email_key)
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
        session.add(user)
    return _view(user)


def _password_matches(password_hash: str, password: str) -> bool:
    if len(password) > MAX_PASSWORD_LENGTH:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def change_password(
    session: Session, user_id: int, current: str, new: str, new_again: str, keep_token: str | None
) -> None:
    """Change the password and sign out every other session."""
    user = session.get(User, user_id)
    if user is None:
        raise ServiceError("Your account no longer exists.")
    if not _password_matches(user.password_hash, current):
        raise ServiceError("Your current password is not right. Type it again.")
    _check_password_rules(new, user.email)
    if new != new_again:
        raise _error("password-mismatch")
    user.password_hash = _hasher.hash(new)
    session.add(user)
    sessions.end_other_sessions(session, user_id, keep_token)


def delete_account(session: Session, user_id: int, password: str) -> None:
    """Delete the user and every row that belongs to them, in this one transaction."""
    user = session.get(User, user_id)
    if user is None:
        raise ServiceError("Your account no longer exists.")
    if not _password_matches(user.password_hash, password):
        raise ServiceError("That password is not right. Type your password to confirm deletion.")
    for table in ALL_TABLES:
        if table is not User and "user_id" in table.model_fields:
            session.exec(delete(table).where(table.user_id == user_id))
    session.delete(user)


def message_for_code(code: str) -> str:
    """The message for an error code carried in a redirect; unknown codes show nothing."""
    if code == "throttled":
        return MESSAGES[code].format(minutes=round(throttle.ACCOUNT_POLICY.lockout.total_seconds() / 60))
    return MESSAGES.get(code, "")
