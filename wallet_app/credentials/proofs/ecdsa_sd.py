"""Verifying `ecdsa-sd-2023` derived proofs (W3C VC DI ECDSA, section 3.6): selective disclosure.

The holder reveals part of a credential. The issuer's P-256 key signed, once, the mandatory
statements plus an ephemeral key; the ephemeral key signed each optional statement separately.
Blank nodes are relabelled with the issuer's HMAC labels (carried in the proof), so the revealed
statements read exactly as they did when signed. Only derived proofs are verified: a base proof
is meant for the holder, never shown to a verifier.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from wallet_app.credentials import jsonld
from wallet_app.credentials.keys import KeyResolutionError, decode_multikey
from wallet_app.credentials.multibase import MultibaseError, multibase_decode, multibase_encode_base58btc
from wallet_app.credentials.proofs.data_integrity import ProofFormatError, proof_options, unsecured_document
from wallet_app.credentials.proofs.jws import b64url_encode

ECDSA_SD_2023 = "ecdsa-sd-2023"
DERIVED_PROOF_HEADER = b"\xd9\x5d\x01"
P256_SIGNATURE_BYTES = 64
_CANONICAL_BLANK_NODE = re.compile(r"_:(c14n\d+)")


@dataclass(frozen=True)
class DerivedProof:
    base_signature: bytes
    public_key: bytes
    signatures: list[bytes]
    label_map: dict[str, str]
    mandatory_indexes: list[int]


def _read_cbor(data: bytes, position: int, depth: int = 0) -> tuple[Any, int]:
    """The CBOR subset derived proofs use: unsigned ints, byte strings, arrays and maps."""
    if depth > 4 or position >= len(data):
        raise ProofFormatError("The selective-disclosure proof is malformed.")
    major, info = data[position] >> 5, data[position] & 0x1F
    position += 1
    if info < 24:
        argument = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        argument = int.from_bytes(data[position : position + size], "big")
        position += size
    else:
        raise ProofFormatError("The selective-disclosure proof uses CBOR the wallet does not read.")
    if major == 0:
        return argument, position
    if major == 2:
        if position + argument > len(data):
            raise ProofFormatError("The selective-disclosure proof is truncated.")
        return data[position : position + argument], position + argument
    if major in (4, 5):
        items = []
        for _ in range(argument * (2 if major == 5 else 1)):
            item, position = _read_cbor(data, position, depth + 1)
            items.append(item)
        return (dict(zip(items[::2], items[1::2], strict=True)) if major == 5 else items), position
    raise ProofFormatError("The selective-disclosure proof uses CBOR the wallet does not read.")


def parse_derived_proof(proof_value: object) -> DerivedProof:
    try:
        data = multibase_decode(proof_value) if isinstance(proof_value, str) and proof_value[:1] == "u" else b""
    except MultibaseError as exc:
        raise ProofFormatError("The selective-disclosure proofValue is not base64url.") from exc
    if not data.startswith(DERIVED_PROOF_HEADER):
        raise ProofFormatError("The proof is not a derived ecdsa-sd-2023 proof (only those can be verified).")
    parts, end = _read_cbor(data, len(DERIVED_PROOF_HEADER))
    if end != len(data) or not isinstance(parts, list) or len(parts) != 5:
        raise ProofFormatError("The selective-disclosure proof is malformed.")
    base_signature, public_key, signatures, label_map, mandatory_indexes = parts
    if not (
        isinstance(base_signature, bytes)
        and isinstance(public_key, bytes)
        and isinstance(signatures, list)
        and all(isinstance(item, bytes) for item in signatures)
        and isinstance(label_map, dict)
        and all(isinstance(key, int) and isinstance(value, bytes) for key, value in label_map.items())
        and isinstance(mandatory_indexes, list)
        and all(isinstance(index, int) for index in mandatory_indexes)
    ):
        raise ProofFormatError("The selective-disclosure proof is malformed.")
    labels = {f"c14n{key}": "u" + b64url_encode(value) for key, value in label_map.items()}
    return DerivedProof(base_signature, public_key, signatures, labels, mandatory_indexes)


def _relabelled_statements(document: dict[str, Any], label_map: dict[str, str]) -> list[str]:
    """Canonical N-Quads with the issuer's blank node labels, sorted again (as signed)."""
    canonical = jsonld.canonize(unsecured_document(document))

    def relabel(match: re.Match[str]) -> str:
        if match.group(1) not in label_map:
            raise ProofFormatError("The selective-disclosure proof does not label every blank node.")
        return "_:" + label_map[match.group(1)]

    return sorted(_CANONICAL_BLANK_NODE.sub(relabel, line) + "\n" for line in canonical.splitlines())


def _p256_verifies(public_key: ec.EllipticCurvePublicKey, signature: bytes, data: bytes) -> bool:
    if len(signature) != P256_SIGNATURE_BYTES:
        return False
    half = P256_SIGNATURE_BYTES // 2
    der = encode_dss_signature(int.from_bytes(signature[:half], "big"), int.from_bytes(signature[half:], "big"))
    try:
        public_key.verify(der, data, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        return False
    return True


def verify_derived(document: dict[str, Any], proof: dict[str, Any], issuer_key: object) -> bool:
    """True when the issuer signed the mandatory statements and every revealed optional one."""
    if not isinstance(issuer_key, ec.EllipticCurvePublicKey):
        raise ProofFormatError("ecdsa-sd-2023 needs a P-256 key, but the verification method has another type.")
    derived = parse_derived_proof(proof.get("proofValue"))
    try:
        ephemeral_key = decode_multikey(multibase_encode_base58btc(derived.public_key))
    except KeyResolutionError as exc:
        raise ProofFormatError("The selective-disclosure proof carries an unusable key.") from exc
    statements = _relabelled_statements(document, derived.label_map)
    mandatory_set = set(derived.mandatory_indexes)
    mandatory = [line for index, line in enumerate(statements) if index in mandatory_set]
    optional = [line for index, line in enumerate(statements) if index not in mandatory_set]
    if len(optional) != len(derived.signatures) or not isinstance(ephemeral_key, ec.EllipticCurvePublicKey):
        return False
    proof_hash = hashlib.sha256(jsonld.canonize(proof_options(document, proof)).encode()).digest()
    mandatory_hash = hashlib.sha256("".join(mandatory).encode()).digest()
    if not _p256_verifies(issuer_key, derived.base_signature, proof_hash + derived.public_key + mandatory_hash):
        return False
    return all(
        _p256_verifies(ephemeral_key, signature, line.encode())
        for signature, line in zip(derived.signatures, optional, strict=True)
    )
