"""Sign-in sessions: random tokens for the cookie, only their SHA-256 kept in the database."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlmodel import Session, delete, select

from wallet_app.models import AuthSession, utcnow

SESSION_LIFETIME = timedelta(days=14)


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_session(session: Session, user_id: int, now: datetime | None = None) -> str:
    """Start a session and return the raw token; it is never stored.

    The user's expired sessions are dropped here, so the table does not grow with every sign-in.
    """
    now = now or utcnow()
    session.exec(delete(AuthSession).where(AuthSession.user_id == user_id, AuthSession.expires_at <= now))
    token = secrets.token_urlsafe(32)
    session.add(
        AuthSession(user_id=user_id, token_hash=_hash_token(token), created_at=now, expires_at=now + SESSION_LIFETIME)
    )
    return token


def user_id_for_token(session: Session, token: str | None, now: datetime | None = None) -> int | None:
    """The signed-in user's id for a cookie token, or None if it is unknown or expired."""
    if not token or len(token) > 200:
        return None
    now = now or utcnow()
    row = session.exec(select(AuthSession).where(AuthSession.token_hash == _hash_token(token))).first()
    if row is None or row.expires_at <= now:
        return None
    return row.user_id


def end_session(session: Session, token: str | None) -> None:
    if token:
        session.exec(delete(AuthSession).where(AuthSession.token_hash == _hash_token(token)))


def end_other_sessions(session: Session, user_id: int, keep_token: str | None) -> None:
    """Sign out everywhere else, e.g. after a password change."""
    statement = delete(AuthSession).where(AuthSession.user_id == user_id)
    if keep_token:
        statement = statement.where(AuthSession.token_hash != _hash_token(keep_token))
    session.exec(statement)
