"""Hosted OB 2.0 verification: the issuer's own URL is the source of truth.

The badge is re-fetched from its ``id`` and the fetched copy is what gets checked. 410 Gone or
``revoked: true`` means the issuer withdrew it. The ``id`` must lie inside the issuer's
verification scope (``startsWith``/``allowedOrigins``, by default the issuer id's host), so
nobody can host a "badge" from an issuer on their own server.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from wallet_app.credentials.errors import BadgeInputError, FetchError
from wallet_app.credentials.fetch import Fetcher, parse_json_limited
from wallet_app.credentials.fields import as_list
from wallet_app.credentials.ob2_shapes import verification_object
from wallet_app.credentials.report import CheckStatus, VerificationReport

HTTP_GONE = 410


def fetch_hosted(node: dict, what: str, fetcher: Fetcher, report: VerificationReport) -> dict | None:
    """The document the issuer serves at the node's id, or None (with the reason in the report)."""
    hosted_url = node.get("id")
    if not isinstance(hosted_url, str) or urlsplit(hosted_url).scheme not in ("http", "https"):
        report.failed("hosted.fetch", f"This {what} is marked as hosted but its id is not a web address.")
        return None
    try:
        document = fetcher.get(hosted_url)
    except FetchError as exc:
        report.indeterminate(
            "hosted.fetch", f"The {what} could not be checked at its issuer's address: {exc} Try again later."
        )
        return None
    if document.status == HTTP_GONE:
        report.failed("revocation", f"The issuer has withdrawn (revoked) this {what}: {hosted_url} is gone.")
        return None
    if not 200 <= document.status < 300:
        report.indeterminate(
            "hosted.fetch",
            f"The {what} could not be checked: {hosted_url} answered HTTP {document.status}. Try again later.",
        )
        return None
    try:
        hosted = parse_json_limited(document.body, max_bytes=fetcher.max_bytes)
    except BadgeInputError:
        hosted = None
    if not isinstance(hosted, dict):
        report.failed("hosted.fetch", f"The issuer's address {hosted_url} does not hold a {what}.")
        return None
    declared_id = hosted.get("id") or verification_object(hosted).get("url")
    if declared_id != hosted_url:
        report.failed(
            "hosted.fetch",
            f"The document at {hosted_url} says it is a different {what} ({declared_id}), "
            "so it cannot vouch for this one.",
        )
        return None
    report.passed("hosted.fetch", f"Fetched the {what} from its issuer's address {hosted_url}.")
    return hosted


def check_not_revoked_flag(node: dict, what: str, report: VerificationReport) -> None:
    """``revoked: true`` revokes; skipped when the issuer's server already said 410 Gone."""
    if any(check.id == "revocation" and check.status == CheckStatus.FAILED for check in report.checks):
        return
    if node.get("revoked") is True:
        reason = node.get("revocationReason")
        suffix = f" Reason given: {reason}" if isinstance(reason, str) and reason else ""
        report.failed("revocation", f"The issuer has revoked this {what}.{suffix}")
    else:
        report.passed("revocation", f"The issuer's copy does not mark this {what} as revoked.")


def check_scope(hosted_id: str, what: str, issuer: dict, report: VerificationReport) -> None:
    """The hosted id must be where the issuer says its badges live."""
    policy = verification_object(issuer)
    starts_with = [prefix for prefix in as_list(policy.get("startsWith")) if isinstance(prefix, str)]
    allowed_origins = [origin for origin in as_list(policy.get("allowedOrigins")) if isinstance(origin, str)]
    if policy.get("verificationProperty", "id") != "id":
        report.failed("verification.scope", "The issuer's verification policy uses a property other than id.")
        return
    hosted_origin = urlsplit(hosted_id).netloc.lower()
    if starts_with and not any(hosted_id.startswith(prefix) for prefix in starts_with):
        report.failed(
            "verification.scope",
            f"This {what} lives at {hosted_id}, outside the addresses its issuer allows "
            f"({', '.join(starts_with)}). It may not come from this issuer.",
        )
    elif allowed_origins and hosted_origin not in [origin.lower() for origin in allowed_origins]:
        report.failed(
            "verification.scope",
            f"This {what} is hosted on {hosted_origin}, which its issuer does not allow "
            f"({', '.join(allowed_origins)}). It may not come from this issuer.",
        )
    elif starts_with or allowed_origins:
        report.passed("verification.scope", f"The {what}'s address is one its issuer allows.")
    else:
        _check_default_scope(hosted_origin, what, issuer, report)


def _check_default_scope(hosted_origin: str, what: str, issuer: dict, report: VerificationReport) -> None:
    issuer_id = issuer.get("id")
    issuer_parts = urlsplit(issuer_id) if isinstance(issuer_id, str) else None
    if issuer_parts is None or issuer_parts.scheme not in ("http", "https"):
        report.passed(
            "verification.scope",
            f"The issuer's id ({issuer_id}) is not a web address, so the {what}'s address "
            "could not be tied to the issuer.",
            warning=True,
        )
    elif issuer_parts.netloc.lower() != hosted_origin:
        report.failed(
            "verification.scope",
            f"This {what} is hosted on {hosted_origin}, not on its issuer's site {issuer_parts.netloc}. "
            "It may not come from this issuer.",
        )
    else:
        report.passed("verification.scope", f"The {what} is hosted on its issuer's own site ({hosted_origin}).")
