"""VC-JWT: keys from kid or jwk, claims that must agree with the credential, refused headers."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from tests.ob3_issuer import NOW, Ob3Issuer, check, verify
from wallet_app.credentials.keys import did_key_verification_method
from wallet_app.credentials.proofs.jws import PrivateKey, b64url_encode, sign_compact
from wallet_app.credentials.proofs.vc_jwt import decode_vc_jwt

VC_V1 = "https://www.w3.org/2018/credentials/v1"


@pytest.fixture(scope="module")
def ob3() -> Ob3Issuer:
    return Ob3Issuer()


def _jwk(private_key: PrivateKey) -> dict[str, str]:
    public_key = private_key.public_key()
    if isinstance(public_key, ed25519.Ed25519PublicKey):
        return {"kty": "OKP", "crv": "Ed25519", "x": b64url_encode(public_key.public_bytes_raw())}
    if isinstance(public_key, ec.EllipticCurvePublicKey):
        numbers = public_key.public_numbers()
        return {
            "kty": "EC",
            "crv": "P-256",
            "x": b64url_encode(numbers.x.to_bytes(32, "big")),
            "y": b64url_encode(numbers.y.to_bytes(32, "big")),
        }
    numbers = public_key.public_numbers()
    return {"kty": "RSA", "e": "AQAB", "n": b64url_encode(numbers.n.to_bytes(256, "big"))}


def _token(payload: dict[str, Any], private_key: PrivateKey, header: dict[str, Any]) -> str:
    return sign_compact(header, json.dumps(payload).encode(), private_key)


def _v1_payload(ob3: Ob3Issuer, **claims: Any) -> dict[str, Any]:
    credential = ob3.unsigned()
    credential["@context"][0] = VC_V1
    del credential["validFrom"]
    defaults = {"iss": ob3.did, "jti": credential["id"], "nbf": int((NOW - timedelta(days=1)).timestamp())}
    return {"vc": credential, **defaults, **claims}


def test_eddsa_with_did_key_kid_is_valid_and_bound_to_the_issuer(ob3: Ob3Issuer) -> None:
    token = _token(ob3.unsigned(), ob3.key, {"alg": "EdDSA", "kid": ob3.verification_method})
    outcome = verify(token)
    assert outcome.verdict == "valid"
    assert outcome.format == "ob3-jws"
    assert check(outcome, "proof") == ("passed", "The VC-JWT (EdDSA) signature is valid.")
    assert check(outcome, "issuer-key") == ("passed", "The issuer is the did:key that signed the credential.")


@pytest.mark.parametrize(
    ("algorithm", "make_key"),
    [
        ("ES256", lambda: ec.generate_private_key(ec.SECP256R1())),
        ("RS256", lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048)),
        ("EdDSA", ed25519.Ed25519PrivateKey.generate),
    ],
)
def test_header_jwk_verifies_with_a_warning(ob3: Ob3Issuer, algorithm: str, make_key: Any) -> None:
    key = make_key()
    outcome = verify(_token(ob3.unsigned(), key, {"alg": algorithm, "jwk": _jwk(key)}))
    assert outcome.verdict == "valid"
    issuer_key = next(item for item in outcome.report.checks if item.id == "issuer-key")
    assert issuer_key.warning and "inside the badge" in issuer_key.message


def test_vc_1_1_claims_fill_the_credential(ob3: Ob3Issuer) -> None:
    token = _token(_v1_payload(ob3), ob3.key, {"alg": "EdDSA", "kid": ob3.verification_method})
    decoded = decode_vc_jwt(token)
    assert decoded.credential["issuanceDate"] == "2026-05-31T00:00:00Z"
    outcome = verify(token)
    assert outcome.verdict == "valid"
    assert outcome.credential is not None and outcome.credential.valid_from == NOW - timedelta(days=1)


def test_exp_claim_expires_the_credential(ob3: Ob3Issuer) -> None:
    payload = _v1_payload(ob3, exp=int((NOW - timedelta(hours=1)).timestamp()))
    outcome = verify(_token(payload, ob3.key, {"alg": "EdDSA", "kid": ob3.verification_method}))
    assert outcome.verdict == "invalid"
    assert check(outcome, "validity")[0] == "failed"


@pytest.mark.parametrize(
    ("claims", "named"),
    [({"iss": "https://other.example"}, "iss"), ({"jti": "urn:uuid:other"}, "jti"), ({"nbf": 0}, "nbf")],
)
def test_claims_that_contradict_the_credential_are_invalid(ob3: Ob3Issuer, claims: dict, named: str) -> None:
    payload = _v1_payload(ob3, **claims)
    payload["vc"]["issuanceDate"] = "2026-05-31T00:00:00Z"
    outcome = verify(_token(payload, ob3.key, {"alg": "EdDSA", "kid": ob3.verification_method}))
    assert outcome.verdict == "invalid"
    assert f'"{named}"' in check(outcome, "proof")[1]


def test_sub_must_match_the_subject(ob3: Ob3Issuer) -> None:
    credential = ob3.unsigned(subject={"id": "did:example:learner"})
    outcome = verify(
        _token(credential | {"sub": "did:example:other"}, ob3.key, {"alg": "EdDSA", "kid": ob3.verification_method})
    )
    assert outcome.verdict == "invalid"
    assert '"sub"' in check(outcome, "proof")[1]


def test_tampered_payload_fails(ob3: Ob3Issuer) -> None:
    token = _token(ob3.unsigned(), ob3.key, {"alg": "EdDSA", "kid": ob3.verification_method})
    header, _payload, signature = token.split(".")
    forged = ob3.unsigned(name="Forged")
    outcome = verify(f"{header}.{b64url_encode(json.dumps(forged).encode())}.{signature}")
    assert outcome.verdict == "invalid"
    assert "changed after signing" in check(outcome, "proof")[1]


def test_kid_of_a_key_the_issuer_does_not_control(ob3: Ob3Issuer) -> None:
    intruder = ed25519.Ed25519PrivateKey.generate()
    kid = did_key_verification_method(intruder.public_key())
    outcome = verify(_token(ob3.unsigned(), intruder, {"alg": "EdDSA", "kid": kid}))
    assert outcome.verdict == "invalid"
    assert "not by its issuer" in check(outcome, "proof")[1]


def test_token_without_any_key_is_invalid(ob3: Ob3Issuer) -> None:
    outcome = verify(_token(ob3.unsigned(), ob3.key, {"alg": "EdDSA"}))
    assert outcome.verdict == "invalid"
    assert "names no key" in check(outcome, "proof")[1]


def test_alg_none_is_refused(ob3: Ob3Issuer) -> None:
    header = b64url_encode(json.dumps({"alg": "none", "kid": ob3.verification_method}).encode())
    payload = b64url_encode(json.dumps(ob3.unsigned()).encode())
    outcome = verify(f"{header}.{payload}.")
    assert outcome.verdict == "invalid"
    assert '"none"' in check(outcome, "proof")[1]


@pytest.mark.parametrize(
    "extra", [{"jku": "https://evil.example/keys"}, {"x5u": "https://evil.example/c"}, {"crit": ["b64"]}]
)
def test_unexpected_header_fields_are_refused(ob3: Ob3Issuer, extra: dict) -> None:
    outcome = verify(_token(ob3.unsigned(), ob3.key, {"alg": "EdDSA", "kid": ob3.verification_method, **extra}))
    assert outcome.verdict == "invalid"
    assert next(iter(extra)) in check(outcome, "proof")[1]


def test_jwk_with_private_key_is_refused(ob3: Ob3Issuer) -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    leaked = _jwk(key) | {"d": b64url_encode(key.private_bytes_raw())}
    outcome = verify(_token(ob3.unsigned(), key, {"alg": "EdDSA", "jwk": leaked}))
    assert outcome.verdict == "invalid"
    assert "private key" in check(outcome, "proof")[1]


def test_algorithm_that_does_not_fit_the_key_is_refused(ob3: Ob3Issuer) -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    token = _token(ob3.unsigned(), key, {"alg": "EdDSA", "jwk": _jwk(key)})
    header = b64url_encode(json.dumps({"alg": "RS256", "jwk": _jwk(key)}).encode())
    outcome = verify(header + token[token.index(".") :])
    assert outcome.verdict == "invalid"
    assert check(outcome, "proof")[0] == "failed"


def test_embedded_endorsement_jwt_is_verified(ob3: Ob3Issuer) -> None:
    # No OB context defines endorsementJwt, so only a badge that is itself a JWT can carry one.
    endorser = Ob3Issuer()
    endorsement = endorser.endorsement("Signed as a JWT.")
    del endorsement["proof"]
    token = _token(endorsement, endorser.key, {"alg": "EdDSA", "kid": endorser.verification_method})
    unsigned = ob3.unsigned()
    unsigned["credentialSubject"]["achievement"]["endorsementJwt"] = [token, token[:-4] + "AAAA"]
    outcome = verify(_token(unsigned, ob3.key, {"alg": "EdDSA", "kid": ob3.verification_method}))
    assert outcome.verdict == "valid"
    assert outcome.credential is not None
    assert [item.verdict for item in outcome.credential.endorsements] == ["valid", "invalid"]
