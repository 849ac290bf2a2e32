"""The learner's identities: the addresses badges may be issued to (emails, URLs, DIDs)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlmodel import Session, select

from wallet_app.models import Identity
from wallet_app.services.errors import ServiceError

EMAIL_PATTERN = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
DID_PATTERN = re.compile(r"^did:[a-z0-9]+:[A-Za-z0-9._:%\-]+$")
IDENTITY_KINDS = ("email", "url", "did")
MAX_IDENTITIES = 20


@dataclass(frozen=True)
class IdentityView:
    id: int
    kind: str
    value: str
    is_primary: bool


def normalize_email(raw: str) -> str:
    """Trim and lower-case an email; raise a plain-language error if it is not one."""
    email = raw.strip().lower()
    if len(email) > 254 or not EMAIL_PATTERN.match(email):
        raise ServiceError(f"“{raw.strip()[:80]}” is not an email address. Check it and try again.")
    return email


def normalize_identity(kind: str, raw: str) -> str:
    value = raw.strip()
    if kind == "email":
        return normalize_email(value)
    if kind == "url":
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or len(value) > 500:
            raise ServiceError("Enter a full web address starting with https:// (for example your portfolio page).")
        return value
    if kind == "did":
        if not DID_PATTERN.match(value) or len(value) > 500:
            raise ServiceError("Enter a DID such as did:web:example.org or did:key:z6Mk…")
        return value
    raise ServiceError("Choose email, web address or DID for the identity.")


def list_identities(session: Session, user_id: int) -> list[IdentityView]:
    rows = session.exec(select(Identity).where(Identity.user_id == user_id).order_by(Identity.id)).all()
    return [IdentityView(row.id, row.kind, row.value, row.is_primary) for row in rows]


def add_identity(
    session: Session, user_id: int, kind: str, raw_value: str, *, is_primary: bool = False
) -> IdentityView:
    value = normalize_identity(kind, raw_value)
    existing = list_identities(session, user_id)
    if any(item.kind == kind and item.value == value for item in existing):
        raise ServiceError(f"{value} is already in your profile.")
    if len(existing) >= MAX_IDENTITIES:
        raise ServiceError(f"You can keep up to {MAX_IDENTITIES} identities. Remove one you no longer use first.")
    row = Identity(user_id=user_id, kind=kind, value=value, is_primary=is_primary)
    session.add(row)
    session.flush()
    return IdentityView(row.id, row.kind, row.value, row.is_primary)


def remove_identity(session: Session, user_id: int, identity_id: int) -> None:
    row = session.get(Identity, identity_id)
    if row is None or row.user_id != user_id:
        raise ServiceError("That identity is not in your profile any more. Reload the page.")
    if row.is_primary:
        raise ServiceError("This is the email you sign in with, so it stays. Add another email before removing it.")
    session.delete(row)


def identity_values(session: Session, user_id: int) -> tuple[str, ...]:
    """Every identity value, for matching badge recipients."""
    return tuple(item.value for item in list_identities(session, user_id))
