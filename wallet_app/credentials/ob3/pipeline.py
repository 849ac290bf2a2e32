"""The OB 3.0 verification steps in order (OB 3.0 section 9), one named check each.

Used for badges, endorsements and status lists alike; ``role`` switches off what does not apply
(a status list has no status of its own, only the badge itself is matched to the learner).
"""

from __future__ import annotations

from typing import Any

from wallet_app.credentials.keys import JsonFetcher
from wallet_app.credentials.ob3.jwt_check import evaluate_jwt
from wallet_app.credentials.ob3.proof_check import evaluate_proofs, record_proofs
from wallet_app.credentials.ob3.recipient_check import check_recipient
from wallet_app.credentials.ob3.shape import check_shape
from wallet_app.credentials.ob3.status_check import ListVerifier, check_status
from wallet_app.credentials.ob3.timing import check_validity
from wallet_app.credentials.options import VerifyOptions
from wallet_app.credentials.proofs.vc_jwt import VcJwt
from wallet_app.credentials.report import VerificationReport
from wallet_app.credentials.schemas import check_schemas

BADGE = "credential"
ENDORSEMENT = "endorsement"
STATUS_LIST = "status list"


def verify_document(
    document: dict[str, Any],
    options: VerifyOptions,
    fetcher: JsonFetcher,
    *,
    role: str = BADGE,
    required_type: str | None = None,
    token: VcJwt | None = None,
) -> VerificationReport:
    """Run every check on one credential; ``token`` is the VC-JWT it came in, if any."""
    report = VerificationReport(checked_at=options.now)
    shape = check_shape(document, report, required_type=required_type)
    check_schemas(document, _as_received(document, token), options.maps, report)
    issuer_id = shape.issuer_id if shape else None
    results = [evaluate_jwt(token, issuer_id, fetcher)] if token else evaluate_proofs(document, issuer_id, fetcher)
    record_proofs(results, report)
    check_validity(document, options, report, what=role)
    if role != STATUS_LIST:
        check_status(document, fetcher, report, _status_list_verifier(options, fetcher))
    if role == BADGE:
        check_recipient(document, options, report)
    return report


def _status_list_verifier(options: VerifyOptions, fetcher: JsonFetcher) -> ListVerifier:
    def verify_list(list_document: dict[str, Any], list_type: str) -> VerificationReport:
        return verify_document(list_document, options, fetcher, role=STATUS_LIST, required_type=list_type)

    return verify_list


def _as_received(document: dict[str, Any], token: VcJwt | None) -> object:
    """What a JSON Schema judges: the credential as the issuer wrote it, as 1EdTech's validator does.

    For a VC-JWT that is the payload's ``vc`` claim (or the whole payload), before the registered
    claims are folded into it, so a schema cannot be satisfied by fields the issuer never wrote.
    """
    if token is None:
        return document
    inner = token.claims.get("vc")
    return inner if isinstance(inner, dict) else token.claims
