"""The VC-JWT counterpart of `proof_check`: find the token's key, apply the trust policy, verify."""

from __future__ import annotations

from wallet_app.credentials.errors import FetchError
from wallet_app.credentials.keys import (
    JWK_HEADER,
    JsonFetcher,
    KeyResolutionError,
    ResolvedKey,
    public_key_from_jwk,
    resolve_verification_method,
)
from wallet_app.credentials.ob3.proof_check import ProofResult
from wallet_app.credentials.ob3.trust import binding_problem
from wallet_app.credentials.proofs.jws import JwsError, verify_signature
from wallet_app.credentials.proofs.vc_jwt import VcJwt
from wallet_app.credentials.report import CheckStatus


def evaluate_jwt(token: VcJwt, issuer_id: str | None, fetcher: JsonFetcher) -> ProofResult:
    label = f"VC-JWT ({token.jws.algorithm})"
    if token.header_problem:
        return ProofResult(label, CheckStatus.FAILED, token.header_problem)
    if token.claim_problems:
        problems = "; ".join(token.claim_problems)
        return ProofResult(label, CheckStatus.FAILED, f"The token contradicts the credential: {problems}.")
    try:
        key = _token_key(token, issuer_id, fetcher)
    except KeyResolutionError as exc:
        return ProofResult(label, CheckStatus.FAILED, str(exc))
    except FetchError as exc:
        return ProofResult(label, CheckStatus.INDETERMINATE, f"The signing key could not be retrieved: {exc}")
    problem = binding_problem(key, issuer_id)
    if problem:
        return ProofResult(label, CheckStatus.FAILED, problem, key)
    try:
        good = verify_signature(token.jws, key.public_key)
    except JwsError as exc:
        return ProofResult(label, CheckStatus.FAILED, str(exc), key)
    if not good:
        return ProofResult(
            label, CheckStatus.FAILED, "The signature does not match: the credential was changed after signing.", key
        )
    return ProofResult(label, CheckStatus.PASSED, f"The {label} signature is valid.", key)


def _token_key(token: VcJwt, issuer_id: str | None, fetcher: JsonFetcher) -> ResolvedKey:
    """The key named by `kid` (resolved like any verification method) or carried in `jwk`."""
    kid = token.header.get("kid")
    if isinstance(kid, str) and kid.startswith("#") and issuer_id:
        kid = issuer_id + kid
    if isinstance(kid, str) and ":" in kid:
        return resolve_verification_method(kid, fetcher)
    if "jwk" in token.header:
        public_key = public_key_from_jwk(token.header["jwk"])
        return ResolvedKey("the token's own jwk header", issuer_id or "", public_key, JWK_HEADER, False)
    raise KeyResolutionError("The token names no key (neither a usable kid nor a jwk header), so it cannot be checked.")
