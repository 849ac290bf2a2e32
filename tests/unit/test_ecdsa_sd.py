"""ecdsa-sd-2023 derived proofs: the 1EdTech fixture verifies, and any change to it does not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from wallet_app.credentials.keys import decode_multikey
from wallet_app.credentials.proofs.data_integrity import ProofFormatError
from wallet_app.credentials.proofs.ecdsa_sd import parse_derived_proof, verify_derived
from wallet_app.credentials.proofs.jws import b64url_encode

DERIVED = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "conformance" / "ob3" / "1edtech-public-validator"
    / "sd" / "derivedcredential.json"
).resolve()  # fmt: skip

pytestmark = pytest.mark.skipif(not DERIVED.is_file(), reason="shared conformance data not found")


@pytest.fixture
def derived() -> dict:
    return json.loads(DERIVED.read_text())


def _issuer_key(document: dict) -> ec.EllipticCurvePublicKey:
    return decode_multikey(document["proof"][0]["verificationMethod"].split("#")[1])


def test_fixture_verifies(derived: dict) -> None:
    assert verify_derived(derived, derived["proof"][0], _issuer_key(derived))


@pytest.mark.parametrize(
    "path", [("issuer", "name"), ("credentialSubject", "achievement", "name"), ("validFrom",)], ids=str
)
def test_changed_statement_fails(derived: dict, path: tuple[str, ...]) -> None:
    node = derived
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = "2011-01-01T00:00:00Z" if path[-1] == "validFrom" else "Changed"
    assert not verify_derived(derived, derived["proof"][0], _issuer_key(derived))


def test_dropped_statement_fails(derived: dict) -> None:
    del derived["credentialSubject"]["achievement"]["description"]
    assert not verify_derived(derived, derived["proof"][0], _issuer_key(derived))


def test_other_issuer_key_fails(derived: dict) -> None:
    other = ec.generate_private_key(ec.SECP256R1()).public_key()
    assert not verify_derived(derived, derived["proof"][0], other)
    with pytest.raises(ProofFormatError):
        verify_derived(derived, derived["proof"][0], ed25519.Ed25519PrivateKey.generate().public_key())


def test_label_map_and_parts_are_decoded(derived: dict) -> None:
    proof = parse_derived_proof(derived["proof"][0]["proofValue"])
    assert len(proof.base_signature) == 64
    assert proof.public_key.startswith(b"\x80\x24")
    assert list(proof.label_map) == ["c14n0"] and proof.label_map["c14n0"].startswith("u")


@pytest.mark.parametrize(
    "proof_value",
    [
        None,
        "z123",
        "u" + b64url_encode(b"\xd9\x5d\x00\x80"),  # a base proof is for the holder, not the verifier
        "u" + b64url_encode(b"\xd9\x5d\x01\x85\x40"),  # truncated
        "u" + b64url_encode(b"\xd9\x5d\x01\x9f\xff"),  # indefinite-length CBOR
        "u" + b64url_encode(b"\xd9\x5d\x01" + b"\x81" * 40 + b"\x00"),  # nested too deep
    ],
)
def test_malformed_proof_values_are_refused(proof_value: object) -> None:
    with pytest.raises(ProofFormatError):
        parse_derived_proof(proof_value)
