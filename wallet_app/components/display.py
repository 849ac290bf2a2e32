"""Turn service values into the short strings pages show."""

from __future__ import annotations

from datetime import UTC, date, datetime


def _parse_iso(iso_value: str) -> datetime | None:
    """A full ISO instant, or a plain date taken as midnight; None if it is neither."""
    try:
        return datetime.fromisoformat(iso_value.replace("Z", "+00:00"))
    except ValueError:
        try:
            return datetime.combine(date.fromisoformat(iso_value[:10]), datetime.min.time())
        except ValueError:
            return None


def human_date(iso_value: str | None) -> str:
    """'2026-03-14' or a full ISO instant -> '14 Mar 2026'; '' stays ''."""
    parsed = _parse_iso(iso_value) if iso_value else None
    if parsed is None:
        return iso_value or ""
    return f"{parsed.day} {parsed.strftime('%b %Y')}"


def human_instant(iso_value: str | None) -> str:
    """An ISO instant -> '14 Mar 2026, 09:30 UTC'."""
    parsed = _parse_iso(iso_value) if iso_value else None
    if parsed is None:
        return iso_value or ""
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC)
    return f"{parsed.day} {parsed.strftime('%b %Y')}, {parsed.strftime('%H:%M')} UTC"


CHECK_TITLES = {
    "source.fetch": "Badge downloaded",
    "hosted.fetch": "Issuer's hosted copy",
    "assertion.structure": "Badge structure",
    "badgeclass": "Achievement description",
    "issuer": "Issuer profile",
    "verification.scope": "Hosted on the issuer's site",
    "signature.key": "Signing key belongs to the issuer",
    "signature": "Signature",
    "revocation": "Not revoked",
    "dates.issued": "Issue date",
    "dates.expires": "Expiry",
    "recipient": "Issued to you",
    "endorsements": "Endorsements",
    "endorsement.structure": "Endorsement structure",
    "context": "Standard vocabulary",
    "type": "Credential type",
    "fields": "Required information",
    "schema": "Schema",
    "proof": "Digital signature",
    "issuer-key": "Signing key belongs to the issuer",
    "validity": "Valid dates",
    "status": "Not revoked or suspended",
}


def check_title(check_id: str) -> str:
    """A plain-language name for an engine check id; unknown ids are tidied, not hidden."""
    return CHECK_TITLES.get(check_id) or check_id.replace(".", " ").replace("-", " ").replace("_", " ").capitalize()
