"""The learner's badges: list (paged SQL), open, delete, re-check, and serve their files.

Every function takes the user id and looks badges up by (user, id), so another learner's badge
is "not in your wallet" exactly like a missing one. Listing selects only the columns it shows.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, select

from wallet_app.credentials.recipient import is_supported_hash
from wallet_app.credentials.sources import detect
from wallet_app.credentials.verify import verify_source
from wallet_app.models import Badge, utcnow
from wallet_app.services import badge_rows, identities, verification
from wallet_app.services.errors import ServiceError

DEFAULT_PAGE_SIZE = 24
MAX_PAGE_SIZE = 100
STALE_AFTER = timedelta(hours=24)
SORT_ORDERS = {
    "newest": (Badge.issued_on.desc().nulls_last(), Badge.id.desc()),
    "oldest": (Badge.issued_on.asc().nulls_last(), Badge.id.asc()),
    "name": (Badge.name, Badge.id),
    "issuer": (Badge.issuer_name, Badge.name, Badge.id),
}
EXTENSIONS = {"image/png": ".png", "image/svg+xml": ".svg", "application/json": ".json", "text/plain": ".txt"}
_UNSAFE_FILENAME_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
_SUMMARY_COLUMNS = (
    Badge.id,
    Badge.name,
    Badge.issuer_name,
    Badge.issued_on,
    Badge.status,
    Badge.image.is_not(None).label("has_image"),
)


@dataclass(frozen=True)
class BadgeSummary:
    """One card in the wallet listing."""

    id: int
    name: str
    issuer_name: str
    issued_on: str
    status: str
    status_label: str
    has_image: bool


@dataclass(frozen=True)
class BadgePage:
    items: list[BadgeSummary]
    total: int


@dataclass(frozen=True)
class BadgeDetail(BadgeSummary):
    """Everything the badge page shows: the credential, each check, and the original as text."""

    credential: dict[str, Any]
    checks: list[dict[str, Any]]
    verdict: str
    checked_at: str
    format: str
    spec: str
    recipient_status: str
    recipient_identity: str | None
    raw_text: str
    source_url: str | None


def _not_found() -> ServiceError:
    return ServiceError("That badge is not in your wallet.", "not-found")


def _iso_date(moment: datetime | None) -> str:
    return moment.date().isoformat() if moment else ""


def _summary(row: Any, has_image: bool) -> BadgeSummary:
    return BadgeSummary(
        id=row.id,
        name=row.name,
        issuer_name=row.issuer_name,
        issued_on=_iso_date(row.issued_on),
        status=row.status,
        status_label=verification.STATUS_LABELS.get(row.status, row.status),
        has_image=has_image,
    )


def list_badges(
    session: Session,
    user_id: int,
    *,
    query: str = "",
    status: str = "",
    issuer: str = "",
    sort: str = "newest",
    offset: int = 0,
    limit: int = DEFAULT_PAGE_SIZE,
) -> BadgePage:
    """One page of the learner's badges matching a search text, status and issuer, plus the total."""
    filters = [Badge.user_id == user_id]
    words = query.strip().lower()
    if words:
        filters.append(
            or_(
                *(
                    func.lower(column).contains(words, autoescape=True)
                    for column in (Badge.name, Badge.issuer_name, Badge.description)
                )
            )
        )
    if status:
        filters.append(Badge.status == status)
    if issuer:
        filters.append(Badge.issuer_name == issuer)
    total = session.exec(select(func.count()).select_from(Badge).where(*filters)).one()
    rows = session.exec(
        select(*_SUMMARY_COLUMNS)
        .where(*filters)
        .order_by(*SORT_ORDERS.get(sort, SORT_ORDERS["newest"]))
        .offset(max(0, offset))
        .limit(min(max(1, limit), MAX_PAGE_SIZE))
    ).all()
    return BadgePage([_summary(row, bool(row.has_image)) for row in rows], total)


def issuer_names(session: Session, user_id: int) -> list[str]:
    """Distinct issuers in the learner's wallet, for the issuer filter."""
    statement = select(Badge.issuer_name).where(Badge.user_id == user_id).distinct().order_by(Badge.issuer_name)
    return list(session.exec(statement).all())


def _row(session: Session, user_id: int, badge_id: int) -> Badge:
    row = session.exec(select(Badge).where(Badge.id == badge_id, Badge.user_id == user_id)).first()
    if row is None:
        raise _not_found()
    return row


def get_badge(session: Session, user_id: int, badge_id: int) -> BadgeDetail:
    row = _row(session, user_id, badge_id)
    report = json.loads(row.report_json)
    return BadgeDetail(
        **vars(_summary(row, row.image is not None)),
        credential=json.loads(row.credential_json),
        checks=report["checks"],
        verdict=row.verdict,
        checked_at=row.checked_at.isoformat(),
        format=row.format,
        spec=row.spec,
        recipient_status=row.recipient_status,
        recipient_identity=row.recipient_identity,
        raw_text=badge_text(row.original),
        source_url=row.source_url,
    )


def badge_text(original: bytes) -> str:
    """The badge as readable text: pretty JSON, a JWS, or what is baked into an image."""
    payload = detect(original).payload
    return json.dumps(payload, indent=2, ensure_ascii=False) if isinstance(payload, dict) else payload


def delete_badge(session: Session, user_id: int, badge_id: int) -> None:
    session.delete(_row(session, user_id, badge_id))
    session.flush()


def recheck_badge(session: Session, user_id: int, badge_id: int, *, now: datetime | None = None) -> BadgeDetail:
    """Verify the stored original again: revocation, expiry and keys change over time.

    The stored bytes are what the learner downloads and shares, so they are what is checked;
    a hosted badge is still fetched again from its issuer by the engine.
    """
    row = _row(session, user_id, badge_id)
    now = now or utcnow()
    options = verification.verify_options_for(identities.identity_values(session, user_id), now=now)
    outcome = verify_source(row.original, options)
    if outcome.error:
        raise ServiceError(f"The badge could not be checked again: {outcome.error}", "recheck-failed")
    if outcome.credential is not None:
        badge_rows.describe(row, outcome.credential)
    badge_rows.record_verification(row, outcome.report, now)
    session.add(row)
    session.flush()
    return get_badge(session, user_id, badge_id)


def stale_badge_ids(
    session: Session, user_id: int, *, older_than: timedelta = STALE_AFTER, now: datetime | None = None
) -> list[int]:
    """Badges last checked longer ago than ``older_than``, oldest first, to re-check quietly."""
    cutoff = (now or utcnow()) - older_than
    statement = select(Badge.id).where(Badge.user_id == user_id, Badge.checked_at < cutoff).order_by(Badge.checked_at)
    return list(session.exec(statement).all())


def badge_image(session: Session, user_id: int, badge_id: int) -> tuple[bytes, str] | None:
    row = session.exec(
        select(Badge.image, Badge.image_media_type).where(Badge.id == badge_id, Badge.user_id == user_id)
    ).first()
    return (row.image, row.image_media_type) if row and row.image is not None else None


def badge_original(session: Session, user_id: int, badge_id: int) -> tuple[bytes, str, str] | None:
    """The learner's original bytes, their media type, and a safe file name for downloading."""
    row = session.exec(
        select(Badge.original, Badge.original_media_type, Badge.original_filename, Badge.name).where(
            Badge.id == badge_id, Badge.user_id == user_id
        )
    ).first()
    if row is None:
        return None
    filename = download_filename(row.original_filename, row.name, row.original_media_type)
    return row.original, row.original_media_type, filename


def download_filename(original_filename: str | None, name: str, media_type: str) -> str:
    """The uploaded file's name if there was one, else the badge name; only safe characters."""
    uploaded = _safe_filename((original_filename or "").replace("\\", "/").rsplit("/", 1)[-1])
    return uploaded or (_safe_filename(name) or "badge") + EXTENSIONS.get(media_type, "")


def _safe_filename(text: str) -> str:
    return _UNSAFE_FILENAME_CHARS.sub("-", text).strip("-.")


def accept_recipient_identity(session: Session, user_id: int, badge_id: int) -> BadgeDetail:
    """Add the address the badge names to the learner's profile, then check the badge again."""
    row = _row(session, user_id, badge_id)
    named = row.recipient_identity
    if not named:
        raise ServiceError("This badge does not say who it was issued to, so there is nothing to add.", "no-identity")
    if is_supported_hash(named):
        raise ServiceError(
            "This badge stores its recipient in hashed form, so the wallet cannot read which address it names. "
            "If you know it, add that address on your profile page, then check the badge again.",
            "hashed-identity",
        )
    identities.add_identity(session, user_id, *_identity_kind_and_value(named))
    return recheck_badge(session, user_id, badge_id)


def _identity_kind_and_value(named: str) -> tuple[str, str]:
    if named.startswith("did:"):
        return "did", named
    if named.startswith(("http://", "https://")):
        return "url", named
    return "email", named.removeprefix("mailto:")
