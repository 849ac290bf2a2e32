"""eddsa-rdfc-2022 and Ed25519Signature2020 reproduce the published test vectors byte for byte.

Same key and input must give identical canonical N-Quads, hashes and proofValue, so what our
issuer signs is what independent verifiers compute.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from wallet_app.credentials import issuing
from wallet_app.credentials.dates import parse_datetime
from wallet_app.credentials.keys import decode_multikey
from wallet_app.credentials.proofs import data_integrity
from wallet_app.credentials.proofs.data_integrity import ProofFormatError

OB3 = (Path(__file__).resolve().parents[2] / ".." / "shared" / "conformance" / "ob3").resolve()
ONE_EDTECH = OB3 / "1edtech-spec" / "test-vector-eddsa-rdfc-2022"
W3C = OB3 / "w3c-vc-di-eddsa" / "TestVectors"

pytestmark = pytest.mark.skipif(not OB3.is_dir(), reason=f"conformance data not found at {OB3}")


def _json(path: Path) -> dict:
    return json.loads(path.read_text())


class TestOneEdTechVector:
    def test_canonical_forms_and_hashes(self) -> None:
        vector = _json(ONE_EDTECH / "vector.json")
        signed = _json(ONE_EDTECH / "signed-credential.json")
        signing_input = data_integrity.signing_input(signed, signed["proof"])
        assert signing_input.canonical_document == (ONE_EDTECH / "document-canon.txt").read_text()
        assert signing_input.canonical_proof == (ONE_EDTECH / "proof-canon.txt").read_text()
        assert signing_input.document_hash.hex() == vector["documentHashHex"]
        assert signing_input.proof_hash.hex() == vector["proofHashHex"]
        assert signing_input.data.hex() == vector["dataToSignHex(proofHash||docHash)"]

    def test_signing_reproduces_the_signed_credential(self) -> None:
        vector = _json(ONE_EDTECH / "vector.json")
        expected = _json(ONE_EDTECH / "signed-credential.json")
        key = issuing.load_private_key(bytes.fromhex(vector["privateKeyHex_ed25519_seed_plus_pub"]))
        proof = expected["proof"]
        signed = issuing.sign_credential(
            _json(ONE_EDTECH / "unsigned-credential.json"),
            key,
            proof["verificationMethod"],
            parse_datetime(proof["created"]),
        )
        assert signed["proof"]["proofValue"] == vector["proofValue"]
        assert signed == expected

    def test_secret_key_multibase_loads(self) -> None:
        vector = _json(ONE_EDTECH / "vector.json")
        key = issuing.load_private_key(vector["secretKeyMultibase"])
        assert key.public_key().public_bytes_raw().hex() == vector["publicKeyHex"]

    def test_signature_verifies_and_detects_changes(self) -> None:
        vector = _json(ONE_EDTECH / "vector.json")
        signed = _json(ONE_EDTECH / "signed-credential.json")
        public_key = decode_multikey(vector["publicKeyMultibase"])
        original = data_integrity.signing_input(signed, signed["proof"])
        assert data_integrity.verify_ed25519(original, signed["proof"], public_key)
        signed["name"] = "Changed"
        changed = data_integrity.signing_input(signed, signed["proof"])
        assert not data_integrity.verify_ed25519(changed, signed["proof"], public_key)


W3C_SUITES = {
    "eddsa-rdfc-2022": "DataInt",
    "Ed25519Signature2020": "EdSig",
}


@pytest.mark.parametrize(("folder", "suffix"), W3C_SUITES.items(), ids=W3C_SUITES.keys())
def test_w3c_vector_byte_for_byte(folder: str, suffix: str) -> None:
    directory = W3C / folder
    proof_config = _json(directory / f"proofConfig{suffix}.json")
    document = _json(W3C / "unsigned.json") | {"@context": proof_config["@context"]}
    signing_input = data_integrity.signing_input(document, proof_config)
    assert signing_input.canonical_document == (directory / f"canonDoc{suffix}.txt").read_text()
    assert signing_input.canonical_proof == (directory / f"proofCanon{suffix}.txt").read_text()
    assert signing_input.document_hash.hex() == (directory / f"docHash{suffix}.txt").read_text().strip()
    assert signing_input.proof_hash.hex() == (directory / f"proofHash{suffix}.txt").read_text().strip()

    key = issuing.load_private_key(_json(W3C / "keyPair.json")["privateKeyMultibase"])
    options = {name: value for name, value in proof_config.items() if name != "@context"}
    signed = data_integrity.sign_ed25519(document, options, key)
    assert signed["proof"]["proofValue"] == (directory / f"sigBTC58{suffix}.txt").read_text().strip()
    assert signed == _json(directory / f"signed{suffix}.json")


def test_w3c_key_pair_is_the_did_key_of_the_vectors() -> None:
    pair = _json(W3C / "keyPair.json")
    key = issuing.load_private_key(pair["privateKeyMultibase"])
    assert issuing.issuer_did_key(key.public_key()) == "did:key:" + pair["publicKeyMultibase"]


@pytest.mark.parametrize("proof_value", [None, "", "u" + "A" * 86, "z0OIl", "z" + "1" * 10])
def test_malformed_proof_value_is_a_format_error(proof_value: object) -> None:
    with pytest.raises(ProofFormatError):
        data_integrity.decode_proof_value({"proofValue": proof_value})


def test_wrong_key_type_is_refused() -> None:
    signed = _json(ONE_EDTECH / "signed-credential.json")
    signing_input = data_integrity.signing_input(signed, signed["proof"])
    with pytest.raises(ProofFormatError):
        data_integrity.verify_ed25519(signing_input, signed["proof"], object())
    other_key = ed25519.Ed25519PrivateKey.generate().public_key()
    assert not data_integrity.verify_ed25519(signing_input, signed["proof"], other_key)
