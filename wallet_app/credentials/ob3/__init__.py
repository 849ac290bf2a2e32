"""Open Badges 3.0 (and plain W3C Verifiable Credentials): verify, then normalize.

`verify_detected` is the entry point `credentials.verify` calls for every OB 3.0 input: JSON-LD
credentials, VC-JWTs, baked images, and standalone EndorsementCredentials.
"""

from __future__ import annotations

from typing import Any

from wallet_app.credentials.errors import BadgeInputError
from wallet_app.credentials.keys import JsonFetcher
from wallet_app.credentials.model import Credential, EndorsementSummary
from wallet_app.credentials.ob3.endorsements import check_endorsements
from wallet_app.credentials.ob3.normalize import endorsement_summary, to_credential
from wallet_app.credentials.ob3.pipeline import BADGE, ENDORSEMENT, verify_document
from wallet_app.credentials.ob3.shape import ENDORSEMENT_TYPE, types_of
from wallet_app.credentials.options import VerifyOptions
from wallet_app.credentials.proofs.jws import JwsError
from wallet_app.credentials.proofs.vc_jwt import VcJwt, decode_vc_jwt
from wallet_app.credentials.report import Verdict, VerificationReport
from wallet_app.credentials.sources import DetectedInput


def verify_detected(
    detected: DetectedInput, options: VerifyOptions, fetcher: JsonFetcher
) -> tuple[Credential | None, VerificationReport]:
    document, token = open_payload(detected.payload)
    role = ENDORSEMENT if ENDORSEMENT_TYPE in types_of(document) else BADGE
    report = verify_document(document, options, fetcher, role=role, token=token)
    endorsements = check_endorsements(document, report, lambda item: verify_endorsement(item, options, fetcher))
    return to_credential(document, detected.format, detected.original, endorsements), report


def open_payload(payload: dict[str, Any] | str) -> tuple[dict[str, Any], VcJwt | None]:
    """The credential document, and the VC-JWT it came in (BadgeInputError if unreadable)."""
    if isinstance(payload, dict):
        return payload, None
    try:
        token = decode_vc_jwt(payload)
    except JwsError as exc:
        raise BadgeInputError(str(exc)) from exc
    return token.credential, token


def verify_endorsement(item: dict[str, Any] | str, options: VerifyOptions, fetcher: JsonFetcher) -> EndorsementSummary:
    """Verify one embedded endorsement on its own; its verdict is reported, never propagated."""
    try:
        document, token = open_payload(item)
    except BadgeInputError:
        return EndorsementSummary(verdict=Verdict.ERROR.value)
    report = verify_document(document, options, fetcher, role=ENDORSEMENT, token=token)
    return endorsement_summary(document, report.verdict.value)
