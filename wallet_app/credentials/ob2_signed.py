"""Signed OB 2.0 verification: an RS256 JWS whose key the issuer itself publishes.

A key is trusted only through the issuer's profile: ``verification.creator`` must be one of the
issuer's ``publicKey`` entries and the key document's ``owner`` must be the issuer. Revocation
is read from the issuer's ``revocationList``, which may hold a single entry.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.serialization import load_pem_public_key

from wallet_app.credentials.errors import FetchError
from wallet_app.credentials.fetch import Fetcher
from wallet_app.credentials.fields import as_list, node_id
from wallet_app.credentials.ob2_nodes import LinkedNode, resolve_node
from wallet_app.credentials.ob2_shapes import verification_object
from wallet_app.credentials.proofs.jws import CompactJws, JwsError, PublicKey, verify_signature
from wallet_app.credentials.report import VerificationReport

OB2_SIGNATURE_ALGORITHMS = ("RS256",)


def check_signature(
    jws: CompactJws, assertion: dict, issuer: dict | None, fetcher: Fetcher, report: VerificationReport
) -> None:
    """Adds "signature.key" and "signature" checks."""
    creator = verification_object(assertion).get("creator")
    if issuer is None:
        report.indeterminate(
            "signature.key", "The issuer's profile could not be retrieved, so its signing keys are unknown."
        )
        report.skipped("signature", "The signature could not be checked without the issuer's key.")
        return
    issuer_keys = [node_id(key) for key in as_list(issuer.get("publicKey"))]
    if not isinstance(creator, str) or creator not in issuer_keys:
        report.failed(
            "signature.key",
            f"The badge was signed with key {creator!r}, which its issuer's profile does not list. "
            "It may not come from this issuer.",
        )
        report.skipped("signature", "The signature was not checked because the key is not the issuer's.")
        return
    public_key = _issuer_key(creator, issuer, fetcher, report)
    if public_key is None:
        return
    try:
        signature_ok = verify_signature(jws, public_key, OB2_SIGNATURE_ALGORITHMS)
    except JwsError as exc:
        report.failed("signature", str(exc))
        return
    if signature_ok:
        report.passed("signature", "The issuer's signature is valid: the badge is unchanged since signing.")
    else:
        report.failed(
            "signature",
            "The signature does not match: the badge was changed after it was signed, "
            "or it was signed with a different key.",
        )


def check_revocation_list(assertion_id: str, issuer: dict | None, fetcher: Fetcher, report: VerificationReport) -> None:
    if issuer is None:
        report.indeterminate("revocation", "The issuer's profile could not be retrieved to check revocation.")
        return
    list_url = issuer.get("revocationList")
    if list_url is None:
        report.passed("revocation", "The issuer publishes no revocation list.")
        return
    try:
        revocation_list = resolve_node(fetcher, list_url, "RevocationList").node
    except (FetchError, ValueError) as exc:
        report.indeterminate("revocation", f"The issuer's revocation list could not be retrieved: {exc}")
        return
    for entry in as_list(revocation_list.get("revokedAssertions")):
        if node_id(entry) == assertion_id:
            reason = entry.get("revocationReason") if isinstance(entry, dict) else None
            suffix = f" Reason given: {reason}" if isinstance(reason, str) and reason else ""
            report.failed("revocation", f"The issuer has revoked this badge.{suffix}")
            return
    report.passed("revocation", "The issuer's revocation list does not include this badge.")


def _issuer_key(creator: str, issuer: dict, fetcher: Fetcher, report: VerificationReport) -> PublicKey | None:
    embedded = next((key for key in as_list(issuer.get("publicKey")) if node_id(key) == creator), creator)
    try:
        key_node: LinkedNode = resolve_node(fetcher, embedded, "CryptographicKey")
    except (FetchError, ValueError) as exc:
        report.indeterminate("signature.key", f"The issuer's signing key could not be retrieved: {exc}")
        return None
    owner = key_node.node.get("owner")
    if owner != issuer.get("id"):
        report.failed(
            "signature.key",
            f"The signing key belongs to {owner!r}, not to the issuer {issuer.get('id')!r}. "
            "It may not come from this issuer.",
        )
        return None
    try:
        public_key = load_pem_public_key(str(key_node.node.get("publicKeyPem", "")).encode("ascii"))
    except (ValueError, UnicodeEncodeError, TypeError):
        report.failed("signature.key", "The issuer's signing key is not a readable public key.")
        return None
    report.passed("signature.key", f"The signing key {creator} is published by the issuer and owned by it.")
    return public_key  # type: ignore[return-value]
