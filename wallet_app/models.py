"""Database tables. Times are timezone-aware UTC (SQLModel's UTCDateTime enforces it)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column, ForeignKey, Index, Integer, LargeBinary, Text, UniqueConstraint
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


class Badge(SQLModel, table=True):
    """One badge in a learner's wallet: the original bytes unchanged, plus what verifying them found.

    The listing columns (name, issuer, dates, status) are copied out of ``credential_json`` so the
    wallet page can page, search and sort in SQL without reading the blobs.
    """

    __table_args__ = (
        UniqueConstraint("user_id", "content_sha256"),
        Index("ix_badge_user_name", "user_id", "name"),
        Index("ix_badge_user_status", "user_id", "status"),
        Index("ix_badge_user_issuer_name", "user_id", "issuer_name"),
        Index("ix_badge_user_issued_on", "user_id", "issued_on"),
        Index("ix_badge_user_checked_at", "user_id", "checked_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=_user_fk())
    content_sha256: str = Field(max_length=64)
    original: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    original_media_type: str = Field(max_length=100)
    original_filename: str | None = Field(default=None, max_length=255)
    source_url: str | None = Field(default=None, max_length=2000)
    spec: str = Field(max_length=10)
    format: str = Field(max_length=40)
    name: str = Field(max_length=300)
    issuer_name: str = Field(max_length=300)
    issuer_id: str | None = Field(default=None, max_length=2000)
    description: str = Field(default="", max_length=1000)
    issued_on: datetime | None = None
    expires: datetime | None = None
    credential_json: str = Field(sa_column=Column(Text, nullable=False))
    report_json: str = Field(sa_column=Column(Text, nullable=False))
    verdict: str = Field(max_length=20)
    recipient_status: str = Field(max_length=20)
    recipient_identity: str | None = Field(default=None, max_length=500)
    status: str = Field(max_length=30)
    checked_at: datetime = Field(default_factory=utcnow)
    image: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    image_media_type: str | None = Field(default=None, max_length=100)
    created_at: datetime = Field(default_factory=utcnow)


class IssuerKey(SQLModel, table=True):
    """An Ed25519 key the wallet signs with as a did:key issuer (the demo institution)."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=200)
    did: str = Field(max_length=200)
    private_key_multibase: str = Field(max_length=200)
    created_at: datetime = Field(default_factory=utcnow)


ALL_TABLES: tuple[type[SQLModel], ...] = (User, Identity, AuthSession, LoginThrottle, Badge, IssuerKey)
