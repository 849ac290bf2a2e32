"""Data Integrity proofs with the `eddsa-rdfc-2022` cryptosuite (W3C VC DI EdDSA, section 3.3).

The signed bytes are sha256(canonical proof options) || sha256(canonical document), both as
RDFC-1.0 N-Quads. `Ed25519Signature2020` signs the very same bytes, so it reuses this module.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

from wallet_app.credentials import jsonld
from wallet_app.credentials.multibase import MultibaseError, base58btc_decode, multibase_encode_base58btc

DATA_INTEGRITY_PROOF = "DataIntegrityProof"
EDDSA_RDFC_2022 = "eddsa-rdfc-2022"
# The draft name of the same suite; still found in the wild (1EdTech accepts it with a warning).
LEGACY_EDDSA_2022 = "eddsa-2022"
ED25519_SIGNATURE_BYTES = 64


class ProofFormatError(ValueError):
    """The proof is malformed (missing fields, undecodable proofValue); the signature cannot hold."""


@dataclass(frozen=True)
class SigningInput:
    """What an RDFC Ed25519 proof signs; kept apart so tests can compare each step with vectors."""

    canonical_proof: str
    canonical_document: str

    @property
    def proof_hash(self) -> bytes:
        return hashlib.sha256(self.canonical_proof.encode("utf-8")).digest()

    @property
    def document_hash(self) -> bytes:
        return hashlib.sha256(self.canonical_document.encode("utf-8")).digest()

    @property
    def data(self) -> bytes:
        return self.proof_hash + self.document_hash


def unsecured_document(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "proof"}


def proof_options(document: dict[str, Any], proof: dict[str, Any]) -> dict[str, Any]:
    """The proof without its value, read in the document's contexts (DI section 4.3, step 4)."""
    options = {key: value for key, value in proof.items() if key not in ("proofValue", "@context")}
    options["@context"] = document.get("@context")
    return options


def signing_input(
    document: dict[str, Any], proof: dict[str, Any], canonical_document: str | None = None
) -> SigningInput:
    """Canonicalize proof options and document; pass ``canonical_document`` to reuse it across proofs."""
    if canonical_document is None:
        canonical_document = jsonld.canonize(unsecured_document(document))
    return SigningInput(jsonld.canonize(proof_options(document, proof)), canonical_document)


def decode_proof_value(proof: dict[str, Any]) -> bytes:
    value = proof.get("proofValue")
    if not isinstance(value, str) or not value.startswith("z"):
        raise ProofFormatError("The proof has no base58btc proofValue.")
    try:
        signature = base58btc_decode(value[1:])
    except MultibaseError as exc:
        raise ProofFormatError("The proofValue is not valid base58btc.") from exc
    if len(signature) != ED25519_SIGNATURE_BYTES:
        raise ProofFormatError("The proofValue is not an Ed25519 signature (wrong length).")
    return signature


def verify_ed25519(signed: SigningInput, proof: dict[str, Any], public_key: object) -> bool:
    """True when the proofValue is an Ed25519 signature of ``signed`` by ``public_key``."""
    if not isinstance(public_key, ed25519.Ed25519PublicKey):
        raise ProofFormatError("This proof needs an Ed25519 key, but the verification method has another type.")
    try:
        public_key.verify(decode_proof_value(proof), signed.data)
    except InvalidSignature:
        return False
    return True


def sign_ed25519(
    document: dict[str, Any], options: dict[str, Any], private_key: ed25519.Ed25519PrivateKey
) -> dict[str, Any]:
    """Attach a proof built from ``options`` (type, cryptosuite, created, verificationMethod, purpose)."""
    unsecured = unsecured_document(document)
    signed = signing_input(unsecured, options)
    proof = {**options, "proofValue": multibase_encode_base58btc(private_key.sign(signed.data))}
    return {**unsecured, "proof": proof}


def eddsa_rdfc_2022_options(verification_method: str, created: str, proof_purpose: str = "assertionMethod") -> dict:
    return {
        "type": DATA_INTEGRITY_PROOF,
        "cryptosuite": EDDSA_RDFC_2022,
        "created": created,
        "verificationMethod": verification_method,
        "proofPurpose": proof_purpose,
    }
