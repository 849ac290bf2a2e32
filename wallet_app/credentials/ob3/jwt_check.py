"""The VC-JWT counterpart of `proof_check`: find the token's key, apply the trust policy, verify."""

from __future__ import annotations

from wallet_app.credentials.keys import (
    JWK_HEADER,
    JsonFetcher,
    KeyResolutionError,
    ResolvedKey,
    public_key_from_jwk,
    resolve_verification_method,
)
from wallet_app.credentials.ob3.proof_check import ProofResult, check_signed
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
    return check_signed(
        label,
        lambda: _token_key(token, issuer_id, fetcher),
        issuer_id,
        lambda key: verify_signature(token.jws, key.public_key),
        (JwsError,),
    )


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
