"""Bitstring status lists (W3C Bitstring Status List v1.0): decode, read a bit, and encode.

The list is multibase base64url (`u`) of a GZIP-compressed bitstring; bit 0 is the left-most
bit of byte 0. Decompression is capped so a small hostile list cannot expand into gigabytes.
"""

from __future__ import annotations

import gzip
import zlib

from wallet_app.credentials.multibase import MultibaseError, multibase_decode
from wallet_app.credentials.proofs.jws import JwsError, b64url_decode, b64url_encode

MIN_LIST_BITS = 131_072  # 16 KiB, the minimum the spec asks issuers to use for privacy.
MAX_LIST_BYTES = 16_000_000
_GZIP_WINDOW = 16 + zlib.MAX_WBITS


class StatusListError(ValueError):
    """The encoded list cannot be decoded, or the index is outside it."""


def decode_status_list(encoded: object) -> bytes:
    """The raw bitstring; accepts the `u` multibase prefix and, for older lists, bare base64url."""
    if not isinstance(encoded, str) or not encoded:
        raise StatusListError("The status list has no encodedList.")
    try:
        compressed = multibase_decode(encoded) if encoded.startswith("u") else b64url_decode(encoded)
    except (MultibaseError, JwsError) as exc:
        raise StatusListError("The status list's encodedList is not base64url text.") from exc
    decompressor = zlib.decompressobj(_GZIP_WINDOW)
    try:
        bits = decompressor.decompress(compressed, MAX_LIST_BYTES)
    except zlib.error as exc:
        raise StatusListError("The status list's encodedList is not GZIP data.") from exc
    if decompressor.unconsumed_tail:
        raise StatusListError("The status list is larger than we accept.")
    return bits


def parse_index(value: object) -> int:
    """`statusListIndex` as a number or a string of digits (both occur in the wild)."""
    if isinstance(value, bool):
        raise StatusListError("The status entry's index is not a number.")
    if isinstance(value, int) and value >= 0:
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    raise StatusListError(f"The status entry's index {value!r} is not a whole number.")


def bit_is_set(bits: bytes, index: int) -> bool:
    if index >= len(bits) * 8:
        raise StatusListError(f"Index {index} is outside the status list ({len(bits) * 8} entries).")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def encode_status_list(set_indices: set[int] | frozenset[int], length_bits: int = MIN_LIST_BITS) -> str:
    """The `encodedList` for an issuer's list with ``set_indices`` revoked/suspended."""
    bits = bytearray((length_bits + 7) // 8)
    for index in set_indices:
        if not 0 <= index < length_bits:
            raise StatusListError(f"Index {index} is outside a list of {length_bits} entries.")
        bits[index // 8] |= 0x80 >> (index % 8)
    return "u" + b64url_encode(gzip.compress(bytes(bits), mtime=0))
