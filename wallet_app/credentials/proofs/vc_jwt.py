"""VC-JWT: a credential secured as a compact JWS (VC-JWT 1.1 `vc` claim, or a VC 2.0 payload).

Built on `jws.py`. The registered claims (iss, sub, jti, nbf, exp) restate credential fields;
where both are present they must agree, and where only the claim is present it fills the field,
as the VC-JWT 1.1 decoding rules say.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wallet_app.credentials.dates import DateFormatError, parse_datetime
from wallet_app.credentials.proofs.jws import CompactJws, JwsError, check_algorithm, parse_compact

ALLOWED_HEADER_FIELDS = frozenset({"alg", "typ", "cty", "kid", "jwk"})
# claim -> (credential field(s) it restates, newest first; whether the value is a date)
_CLAIM_FIELDS: dict[str, tuple[tuple[str, ...], bool]] = {
    "iss": (("issuer",), False),
    "jti": (("id",), False),
    "nbf": (("validFrom", "issuanceDate"), True),
    "exp": (("validUntil", "expirationDate"), True),
}


@dataclass(frozen=True)
class VcJwt:
    """A decoded VC-JWT: ``credential`` has the claims folded in.

    ``header_problem`` says why the header is refused (alg none, unexpected fields) and
    ``claim_problems`` lists claims that contradict the credential; both make it invalid, not
    unreadable, so the learner still sees what the badge claims.
    """

    jws: CompactJws
    claims: dict[str, Any]
    credential: dict[str, Any]
    header_problem: str | None
    claim_problems: tuple[str, ...]

    @property
    def header(self) -> dict[str, Any]:
        return self.jws.header


def decode_vc_jwt(token: str) -> VcJwt:
    """Parse the token; JwsError (plain language) if it cannot be read as a VC at all."""
    jws = parse_compact(token)
    claims = jws.payload_json()
    if not isinstance(claims, dict):
        raise JwsError("The signed badge's content is not a JSON object.")
    inner = claims.get("vc")
    credential = copy.deepcopy(inner if isinstance(inner, dict) else claims)
    problems = _fold_claims(claims, credential, legacy=isinstance(inner, dict))
    return VcJwt(jws, claims, credential, _header_problem(jws), tuple(problems))


def _header_problem(jws: CompactJws) -> str | None:
    try:
        check_algorithm(jws)
    except JwsError as exc:
        return str(exc)
    unexpected = sorted(set(jws.header) - ALLOWED_HEADER_FIELDS)
    if unexpected:
        return f"The token's header has fields the wallet does not accept: {', '.join(unexpected)}."
    return None


def _fold_claims(claims: dict[str, Any], credential: dict[str, Any], *, legacy: bool) -> list[str]:
    """Fill fields from claims (VC 1.1 names when ``legacy``) and list the claims that disagree."""
    problems = []
    for claim, (fields, is_date) in _CLAIM_FIELDS.items():
        if claim not in claims:
            continue
        present = next((name for name in fields if name in credential), None)
        if present is None:
            target = fields[-1] if legacy else fields[0]
            credential[target] = _as_iso(claims[claim]) if is_date else claims[claim]
        elif not _agrees(claims[claim], credential[present], is_date):
            problems.append(f'the token\'s "{claim}" does not match the credential\'s "{present}"')
    problems += _fold_subject(claims, credential)
    return problems


def _fold_subject(claims: dict[str, Any], credential: dict[str, Any]) -> list[str]:
    subject = credential.get("credentialSubject")
    if "sub" not in claims or not isinstance(subject, dict):
        return []
    if "id" not in subject:
        subject["id"] = claims["sub"]
        return []
    return [] if subject["id"] == claims["sub"] else ['the token\'s "sub" does not match the credential subject']


def _agrees(claim: Any, field: Any, is_date: bool) -> bool:
    if not is_date:
        field_id = field.get("id") if isinstance(field, dict) else field
        return claim == field_id
    try:
        return int(parse_datetime(claim).timestamp()) == int(parse_datetime(field).timestamp())
    except DateFormatError:
        return False


def _as_iso(value: Any) -> Any:
    try:
        moment: datetime = parse_datetime(value)
    except DateFormatError:
        return value
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
