"""Compact JWS (RFC 7515) parsing, signing and verification for RS256, ES256 and EdDSA.

Spec-neutral on purpose: OB 2.0 signed assertions and OB 3.0 VC-JWTs both build on it. The
algorithm is always checked against the key's type, so a token cannot pick a weaker algorithm
("none", HS256 with a public key as secret) than the key it claims.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

SUPPORTED_ALGORITHMS = ("RS256", "ES256", "EdDSA")
_COMPACT_JWS = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$")
_P256_COORDINATE_BYTES = 32

PublicKey = rsa.RSAPublicKey | ec.EllipticCurvePublicKey | ed25519.Ed25519PublicKey
PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey


class JwsError(ValueError):
    """The token is malformed or uses an algorithm we do not accept (plain-language message)."""


@dataclass(frozen=True)
class CompactJws:
    header: dict
    payload: bytes
    signature: bytes
    signing_input: bytes

    @property
    def algorithm(self) -> str:
        return str(self.header.get("alg", ""))

    def payload_json(self) -> object:
        try:
            return json.loads(self.payload)
        except ValueError as exc:
            raise JwsError("The signed badge's content is not JSON.") from exc


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Strict base64url without padding; anything outside the alphabet is an error."""
    if not re.fullmatch(r"[A-Za-z0-9_-]*", text) or len(text) % 4 == 1:
        raise JwsError("The signed badge contains text that is not base64url.")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise JwsError("The signed badge contains text that is not base64url.") from exc


def looks_like_compact_jws(text: str) -> bool:
    return bool(_COMPACT_JWS.match(text.strip()))


def parse_compact(token: str) -> CompactJws:
    token = token.strip()
    if not looks_like_compact_jws(token):
        raise JwsError("This is not a signed badge (a compact JWS has three dot-separated parts).")
    header_part, payload_part, signature_part = token.split(".")
    try:
        header = json.loads(b64url_decode(header_part))
    except ValueError as exc:
        raise JwsError("The signed badge's header is not readable JSON.") from exc
    if not isinstance(header, dict):
        raise JwsError("The signed badge's header is not a JSON object.")
    return CompactJws(
        header=header,
        payload=b64url_decode(payload_part),
        signature=b64url_decode(signature_part),
        signing_input=f"{header_part}.{payload_part}".encode("ascii"),
    )


def check_algorithm(jws: CompactJws, allowed: tuple[str, ...] = SUPPORTED_ALGORITHMS) -> str:
    algorithm = jws.algorithm
    if algorithm.lower() == "none":
        raise JwsError('The badge is not signed: its signature algorithm is "none".')
    if algorithm not in allowed:
        raise JwsError(f'The signature algorithm "{algorithm}" is not one we accept ({", ".join(allowed)}).')
    return algorithm


def verify_signature(jws: CompactJws, public_key: PublicKey, allowed: tuple[str, ...] = SUPPORTED_ALGORITHMS) -> bool:
    """True if the signature is good; JwsError if the algorithm is refused or mismatches the key."""
    algorithm = check_algorithm(jws, allowed)
    try:
        if algorithm == "RS256" and isinstance(public_key, rsa.RSAPublicKey):
            public_key.verify(jws.signature, jws.signing_input, padding.PKCS1v15(), hashes.SHA256())
        elif algorithm == "ES256" and _is_p256(public_key):
            public_key.verify(_raw_to_der(jws.signature), jws.signing_input, ec.ECDSA(hashes.SHA256()))
        elif algorithm == "EdDSA" and isinstance(public_key, ed25519.Ed25519PublicKey):
            public_key.verify(jws.signature, jws.signing_input)
        else:
            raise JwsError(f'The signature algorithm "{algorithm}" does not match the type of the key.')
    except InvalidSignature:
        return False
    return True


def sign_compact(header: dict, payload: bytes, private_key: PrivateKey) -> str:
    """Build a compact JWS; ``header["alg"]`` must suit the key (used for issuing and test issuers)."""
    signing_input = f"{b64url_encode(json.dumps(header).encode())}.{b64url_encode(payload)}"
    data = signing_input.encode("ascii")
    algorithm = header.get("alg")
    if algorithm == "RS256" and isinstance(private_key, rsa.RSAPrivateKey):
        signature = private_key.sign(data, padding.PKCS1v15(), hashes.SHA256())
    elif algorithm == "ES256" and isinstance(private_key, ec.EllipticCurvePrivateKey):
        r, s = decode_dss_signature(private_key.sign(data, ec.ECDSA(hashes.SHA256())))
        signature = r.to_bytes(_P256_COORDINATE_BYTES, "big") + s.to_bytes(_P256_COORDINATE_BYTES, "big")
    elif algorithm == "EdDSA" and isinstance(private_key, ed25519.Ed25519PrivateKey):
        signature = private_key.sign(data)
    else:
        raise JwsError(f'Cannot sign with algorithm "{algorithm}" using this key.')
    return f"{signing_input}.{b64url_encode(signature)}"


def _is_p256(public_key: PublicKey) -> bool:
    return isinstance(public_key, ec.EllipticCurvePublicKey) and isinstance(public_key.curve, ec.SECP256R1)


def _raw_to_der(signature: bytes) -> bytes:
    """JWS carries ES256 as r||s (64 bytes); cryptography wants DER."""
    if len(signature) != 2 * _P256_COORDINATE_BYTES:
        raise InvalidSignature
    r = int.from_bytes(signature[:_P256_COORDINATE_BYTES], "big")
    s = int.from_bytes(signature[_P256_COORDINATE_BYTES:], "big")
    return encode_dss_signature(r, s)
