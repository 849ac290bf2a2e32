"""Multibase and multicodec: the self-describing encodings Data Integrity keys and proofs use."""

from __future__ import annotations

from wallet_app.credentials.proofs.jws import JwsError, b64url_decode

_BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BASE58_INDEX = {char: index for index, char in enumerate(_BASE58_ALPHABET)}

# Multicodec varint prefixes of the key types the wallet understands.
ED25519_PUB = b"\xed\x01"
ED25519_PRIV = b"\x80\x26"
P256_PUB = b"\x80\x24"


class MultibaseError(ValueError):
    """A value that should be multibase-encoded is not (wrong prefix, alphabet or length)."""


def base58btc_encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    encoded = ""
    while number:
        number, remainder = divmod(number, 58)
        encoded = _BASE58_ALPHABET[remainder] + encoded
    leading_zeros = len(data) - len(data.lstrip(b"\x00"))
    return "1" * leading_zeros + encoded


def base58btc_decode(text: str) -> bytes:
    number = 0
    for char in text:
        if char not in _BASE58_INDEX:
            raise MultibaseError(f"{char!r} is not a base58 character")
        number = number * 58 + _BASE58_INDEX[char]
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    leading_zeros = len(text) - len(text.lstrip("1"))
    return b"\x00" * leading_zeros + body


def multibase_decode(value: str) -> bytes:
    """Decode base58btc (`z`) or base64url (`u`) multibase text."""
    if not isinstance(value, str) or len(value) < 2:
        raise MultibaseError("empty multibase value")
    prefix, body = value[0], value[1:]
    if prefix == "z":
        return base58btc_decode(body)
    if prefix == "u":
        try:
            return b64url_decode(body)
        except JwsError as exc:
            raise MultibaseError("not base64url") from exc
    raise MultibaseError(f"unsupported multibase prefix {prefix!r}")


def multibase_encode_base58btc(data: bytes) -> str:
    return "z" + base58btc_encode(data)
