"""Open Badges 2.0 (and upgraded 1.x) verification, following the spec's verification section.

Hosted badges are checked against the copy their issuer serves; signed badges against a key the
issuer publishes. Either way the BadgeClass and issuer profile are fetched and validated, dates
and recipient checked, and endorsements verified on their own. A BadgeClass, Issuer or
Endorsement given on its own is validated as that class.
"""

from __future__ import annotations

from wallet_app.credentials.errors import BadgeInputError
from wallet_app.credentials.fetch import Fetcher
from wallet_app.credentials.model import Credential
from wallet_app.credentials.ob1 import upgrade_assertion
from wallet_app.credentials.ob2_checks import check_dates, check_linked_node, check_recipient, check_structure
from wallet_app.credentials.ob2_endorsements import summarize_endorsements, verify_endorsement
from wallet_app.credentials.ob2_hosted import check_not_revoked_flag, check_scope, fetch_hosted
from wallet_app.credentials.ob2_nodes import has_type
from wallet_app.credentials.ob2_normalize import to_credential
from wallet_app.credentials.ob2_shapes import (
    assertion_problems,
    badge_class_problems,
    profile_problems,
    verification_type,
)
from wallet_app.credentials.ob2_signed import OB2_SIGNATURE_ALGORITHMS, check_revocation_list, check_signature
from wallet_app.credentials.options import VerifyOptions
from wallet_app.credentials.proofs.jws import CompactJws, JwsError, check_algorithm, parse_compact
from wallet_app.credentials.report import VerificationReport
from wallet_app.credentials.sources import DetectedInput


def verify(
    detected: DetectedInput, options: VerifyOptions, fetcher: Fetcher
) -> tuple[Credential | None, VerificationReport]:
    report = VerificationReport(checked_at=options.now)
    if detected.kind == "jws":
        return _verify_signed(detected, options, fetcher, report), report
    document = detected.payload
    if not isinstance(document, dict):
        raise BadgeInputError("This is not an Open Badges 2.0 badge.")
    if has_type(document, "BadgeClass"):
        _verify_badge_class(document, fetcher, report)
        return None, report
    if has_type(document, "Issuer", "Profile"):
        check_structure(document, profile_problems, "issuer", "issuer profile", report)
        return None, report
    if has_type(document, "Endorsement"):
        verify_endorsement(document, options, fetcher, report)
        return None, report
    return _verify_hosted(upgrade_assertion(document), detected, options, fetcher, report), report


def _verify_hosted(
    given: dict, detected: DetectedInput, options: VerifyOptions, fetcher: Fetcher, report: VerificationReport
) -> Credential:
    assertion = given
    if verification_type(given) == "signed":
        report.failed(
            "signature",
            "This badge says it is signed, but it came without its signature. "
            "Use the signed badge file or baked image from your issuer.",
        )
    elif verification_type(given) == "hosted":
        hosted = fetch_hosted(given, "badge", fetcher, report)
        assertion = upgrade_assertion(hosted) if hosted is not None else given
    check_structure(assertion, assertion_problems, "assertion.structure", "badge", report)
    check_not_revoked_flag(assertion, "badge", report)
    badge_class, issuer = _check_badge_class_and_issuer(assertion, fetcher, report)
    if verification_type(given) == "hosted" and issuer is not None and isinstance(assertion.get("id"), str):
        check_scope(assertion["id"], "badge", issuer, report)
    return _finish(assertion, badge_class, issuer, "ob2-hosted", detected, options, fetcher, report)


def _verify_signed(
    detected: DetectedInput, options: VerifyOptions, fetcher: Fetcher, report: VerificationReport
) -> Credential:
    jws = _parse_signed_badge(str(detected.payload))
    payload = jws.payload_json()
    if not isinstance(payload, dict):
        raise BadgeInputError("The signed badge does not contain a badge.")
    assertion = upgrade_assertion(payload)
    check_structure(assertion, assertion_problems, "assertion.structure", "badge", report)
    badge_class, issuer = _check_badge_class_and_issuer(assertion, fetcher, report)
    try:
        check_algorithm(jws, OB2_SIGNATURE_ALGORITHMS)
    except JwsError as exc:
        report.failed("signature", str(exc))
    else:
        check_signature(jws, assertion, issuer, fetcher, report)
    check_revocation_list(str(assertion.get("id")), issuer, fetcher, report)
    return _finish(assertion, badge_class, issuer, "ob2-signed", detected, options, fetcher, report)


def _parse_signed_badge(token: str) -> CompactJws:
    try:
        jws = parse_compact(token)
        jws.payload_json()
    except JwsError as exc:
        raise BadgeInputError(f"This signed badge cannot be read: {exc}") from exc
    return jws


def _check_badge_class_and_issuer(
    assertion: dict, fetcher: Fetcher, report: VerificationReport
) -> tuple[dict | None, dict | None]:
    badge_class = check_linked_node(
        assertion.get("badge"), "BadgeClass", badge_class_problems, "badgeclass", "badge class", fetcher, report
    )
    if badge_class is None:
        report.skipped("issuer", "The issuer could not be checked without the badge class.")
        return None, None
    issuer = check_linked_node(
        badge_class.get("issuer"), "Issuer", profile_problems, "issuer", "issuer profile", fetcher, report
    )
    return badge_class, issuer


def _verify_badge_class(badge_class: dict, fetcher: Fetcher, report: VerificationReport) -> None:
    check_structure(badge_class, badge_class_problems, "badgeclass", "badge class", report)
    check_linked_node(
        badge_class.get("issuer"), "Issuer", profile_problems, "issuer", "issuer profile", fetcher, report
    )


def _finish(
    assertion: dict,
    badge_class: dict | None,
    issuer: dict | None,
    verification_kind: str,
    detected: DetectedInput,
    options: VerifyOptions,
    fetcher: Fetcher,
    report: VerificationReport,
) -> Credential:
    """The checks every assertion gets, then the normalized credential."""
    check_dates(assertion, "badge", options, report)
    check_recipient(assertion, options, report)
    endorsements = summarize_endorsements([assertion, badge_class, issuer], options, fetcher, report)
    badge_format = verification_kind + (f"+{detected.baked}" if detected.baked else "")
    return to_credential(
        assertion,
        badge_class,
        issuer,
        badge_format=badge_format,
        original=detected.original,
        endorsements=endorsements,
    )
