"""Import a badge into a learner's wallet: verify first, then store it all-or-nothing.

Verification may fetch documents for seconds, so it runs before any write; the row is then
added, flushed and committed in one go. Badges that fail verification are stored too (with
their status), because the learner needs to see why; only unreadable input is refused.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, select

from wallet_app.credentials.baking import PNG_SIGNATURE
from wallet_app.credentials.model import Credential
from wallet_app.credentials.recipient import is_supported_hash
from wallet_app.credentials.report import CheckStatus, VerificationReport
from wallet_app.credentials.verify import verify_source
from wallet_app.models import Badge, utcnow
from wallet_app.services import badge_rows, images, verification
from wallet_app.services.identities import identity_values

MAX_BADGE_BYTES = 5_000_000
MAX_URL_CHARS = 2000
MAX_FILENAME_CHARS = 255
ALREADY_IN_WALLET = "This badge is already in your wallet."
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportResult:
    """What happened, in a sentence the page can show as it is.

    ``status`` is "added", "duplicate" or "error"; ``recipient_identity`` is set when the badge
    names someone the learner's profile does not (yet) include.
    """

    status: str
    badge_id: int | None
    message: str
    badge_name: str = ""
    recipient_identity: str | None = None

    @property
    def recipient_is_hashed(self) -> bool:
        """A hashed identity cannot be read back, so it cannot be added to the profile for the learner."""
        return bool(self.recipient_identity) and is_supported_hash(self.recipient_identity)


def import_badge(
    session: Session, user_id: int, source: bytes | str, *, filename: str | None = None, now: datetime | None = None
) -> ImportResult:
    """Import bytes (a file or pasted text) or an http(s) URL string; commits on success."""
    problem = input_problem(source)
    if problem:
        return _error(problem)
    now = now or utcnow()
    options = verification.verify_options_for(identity_values(session, user_id), now=now)
    outcome = verify_source(source, options)
    if outcome.error:
        return _error(outcome.error)
    if not _recognisable(outcome.credential):
        return _error(_first_problem(outcome.report))
    badge = _new_badge(user_id, source, outcome.credential, filename)
    badge_rows.describe(badge, outcome.credential)
    badge_rows.record_verification(badge, outcome.report, now)
    picture = images.badge_image(outcome.credential, options)
    if picture:
        badge.image, badge.image_media_type = picture
    return _store(session, badge)


def _recognisable(credential: Credential | None) -> bool:
    """Invalid badges are kept so the learner sees why, but a document naming neither an
    achievement nor an issuer would be an unrecognisable card, so it is refused instead."""
    if credential is None:
        return False
    return bool(credential.name or credential.achievement.name or credential.issuer.name or credential.issuer.id)


def input_problem(source: bytes | str) -> str | None:
    """Why the wallet will not even try this source, or None."""
    if isinstance(source, bytes):
        if len(source) > MAX_BADGE_BYTES:
            return (
                f"This file is larger than {MAX_BADGE_BYTES // 1_000_000} MB, so it is not a badge. "
                "Choose the badge file your issuer gave you, or paste the badge URL."
            )
        return None
    parts = urlsplit(source.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or len(source) > MAX_URL_CHARS:
        return (
            "Only web addresses starting with https:// can be imported from a link. "
            "To import a file, upload it; to import badge text, paste it into the text box."
        )
    return None


def content_digest(source: bytes | str, credential: Credential) -> str:
    """What makes two imports "the same badge".

    A credential's own id (with its issuer) names it whatever form it arrives in, so the same
    badge as a baked PNG, as JSON or from its URL is recognised. Without an id: the SHA-256 of
    the learner's bytes, or of the fetched document's canonical JSON for a URL.
    """
    if credential.id:
        return hashlib.sha256(f"credential-id\n{credential.issuer.id or ''}\n{credential.id}".encode()).hexdigest()
    if isinstance(source, bytes):
        return hashlib.sha256(source).hexdigest()
    try:
        canonical = json.dumps(json.loads(credential.original), sort_keys=True, separators=(",", ":")).encode()
    except ValueError:
        canonical = credential.original
    return hashlib.sha256(canonical).hexdigest()


def media_type_of(original: bytes, badge_format: str) -> str:
    if original.startswith(PNG_SIGNATURE):
        return "image/png"
    if badge_format.endswith("+svg"):
        return images.SVG_MEDIA_TYPE
    return "application/json" if original.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") else "text/plain"


def _new_badge(user_id: int, source: bytes | str, credential: Credential, filename: str | None) -> Badge:
    return Badge(
        user_id=user_id,
        content_sha256=content_digest(source, credential),
        original=credential.original,
        original_media_type=media_type_of(credential.original, credential.format),
        original_filename=(filename or "")[-MAX_FILENAME_CHARS:] or None,
        source_url=source.strip() if isinstance(source, str) else None,
    )


def _store(session: Session, badge: Badge) -> ImportResult:
    """Insert and commit, or roll back and leave nothing behind."""
    try:
        duplicate = _duplicate(session, badge)
        if duplicate:
            return duplicate
        session.add(badge)
        session.flush()
        session.commit()
        return _added(badge)
    except SQLAlchemyError:
        session.rollback()
        # Two imports of the same badge racing each other (a double click) end here too.
        duplicate = _duplicate(session, badge)
        if duplicate:
            return duplicate
        logger.exception("badge import could not be stored")
        return _error("The wallet could not save this badge just now. Nothing was added; try again in a moment.")


def _duplicate(session: Session, badge: Badge) -> ImportResult | None:
    statement = select(Badge.id, Badge.name).where(
        Badge.user_id == badge.user_id, Badge.content_sha256 == badge.content_sha256
    )
    existing = session.exec(statement).first()
    return ImportResult("duplicate", existing.id, ALREADY_IN_WALLET, existing.name) if existing else None


def _added(badge: Badge) -> ImportResult:
    message = f"Added “{badge.name}” from {badge.issuer_name}."
    unconfirmed = badge.recipient_status == "not-confirmed"
    if badge.status == "unconfirmed-recipient":
        message += _recipient_sentence(badge.recipient_identity)
    elif badge.status != "verified":
        message += f" Its status is “{verification.STATUS_LABELS[badge.status]}”: open it to see why."
    return ImportResult("added", badge.id, message, badge.name, badge.recipient_identity if unconfirmed else None)


def _recipient_sentence(identity: str | None) -> str:
    if not identity:
        return " It does not say who it was issued to."
    if is_supported_hash(identity):
        return " It was issued to an address the issuer stored in hashed form, and none of yours matches it."
    return f" It was issued to {identity}, which is not in your profile."


def _first_problem(report: VerificationReport) -> str:
    return next(
        (check.message for check in report.checks if check.status in (CheckStatus.FAILED, CheckStatus.INDETERMINATE)),
        "The badge could not be read. Download it again from your issuer, or paste its URL.",
    )


def _error(message: str) -> ImportResult:
    return ImportResult("error", None, message)
