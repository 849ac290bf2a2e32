"""Failed sign-in throttling per account and per peer address, kept in the database.

The peer is the TCP peer address; X-Forwarded-For is never trusted because anyone can set it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from wallet_app.models import LoginThrottle, utcnow


@dataclass(frozen=True)
class ThrottlePolicy:
    max_failures: int
    window: timedelta
    lockout: timedelta


ACCOUNT_POLICY = ThrottlePolicy(max_failures=5, window=timedelta(minutes=15), lockout=timedelta(minutes=15))
PEER_POLICY = ThrottlePolicy(max_failures=20, window=timedelta(minutes=15), lockout=timedelta(minutes=15))


def account_key(email: str) -> str:
    return f"account:{email}"


def peer_key(peer: str) -> str:
    return f"peer:{peer}"


def locked_until(session: Session, key: str, now: datetime | None = None) -> datetime | None:
    """When the lock on ``key`` ends, or None if sign-in attempts are allowed now."""
    now = now or utcnow()
    row = session.get(LoginThrottle, key)
    if row is None or row.locked_until is None or row.locked_until <= now:
        return None
    return row.locked_until


def record_failure(session: Session, key: str, policy: ThrottlePolicy, now: datetime | None = None) -> None:
    now = now or utcnow()
    row = session.get(LoginThrottle, key) or LoginThrottle(key=key, window_started_at=now)
    if now - row.window_started_at > policy.window:
        row.failures = 0
        row.window_started_at = now
    row.failures += 1
    if row.failures >= policy.max_failures:
        row.locked_until = now + policy.lockout
        row.failures = 0
        row.window_started_at = now
    session.add(row)


def clear(session: Session, key: str) -> None:
    row = session.get(LoginThrottle, key)
    if row is not None:
        session.delete(row)
