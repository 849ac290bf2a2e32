"""Database tables. Times are timezone-aware UTC (SQLModel's UTCDateTime enforces it)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


def _user_fk() -> Column:
    return Column(Integer, ForeignKey("user.id", ondelete="CASCADE"), nullable=False, index=True)


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(index=True, unique=True, max_length=254)
    display_name: str = Field(max_length=120)
    password_hash: str
    created_at: datetime = Field(default_factory=utcnow)


class Identity(SQLModel, table=True):
    """An address a badge may name as its recipient: email, URL or DID (alumni keep old ones)."""

    __table_args__ = (UniqueConstraint("user_id", "kind", "value"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=_user_fk())
    kind: str = Field(max_length=10)
    value: str = Field(max_length=500)
    is_primary: bool = False
    created_at: datetime = Field(default_factory=utcnow)


class AuthSession(SQLModel, table=True):
    """A sign-in; only the SHA-256 of the cookie's token is stored."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=_user_fk())
    token_hash: str = Field(index=True, unique=True, max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime


class LoginThrottle(SQLModel, table=True):
    """Failed sign-in counter for one key ("account:<email>" or "peer:<address>")."""

    key: str = Field(primary_key=True, max_length=300)
    failures: int = 0
    window_started_at: datetime = Field(default_factory=utcnow)
    locked_until: datetime | None = None


ALL_TABLES: tuple[type[SQLModel], ...] = (User, Identity, AuthSession, LoginThrottle)
