"""Bitstring status list codec: bit order, index forms, and hostile encodings."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from wallet_app.credentials.proofs.jws import b64url_encode
from wallet_app.credentials.status import (
    MAX_LIST_BYTES,
    StatusListError,
    bit_is_set,
    decode_status_list,
    encode_status_list,
    parse_index,
)

TESTLIST = (
    Path(__file__).resolve().parents[2]
    / ".."
    / "shared"
    / "conformance"
    / "ob3"
    / "1edtech-public-validator"
    / "bit-string-list"
    / "testlist"
).resolve()


def test_round_trip_and_left_most_bit_first() -> None:
    bits = decode_status_list(encode_status_list({0, 9, 131_071}))
    assert len(bits) == 16_384
    assert bits[0] == 0x80 and bits[1] == 0x40
    assert [index for index in (0, 1, 9, 131_071) if bit_is_set(bits, index)] == [0, 9, 131_071]


@pytest.mark.skipif(not TESTLIST.is_file(), reason="shared conformance data not found")
def test_1edtech_testlist_has_bit_23_set() -> None:
    encoded = json.loads(TESTLIST.read_text())["credentialSubject"]["encodedList"]
    bits = decode_status_list(encoded)
    assert bit_is_set(bits, 23) and not bit_is_set(bits, 22)


def test_bare_base64url_without_multibase_prefix_is_accepted() -> None:
    assert decode_status_list(b64url_encode(gzip.compress(b"\x01")))[0] == 1


@pytest.mark.parametrize(("value", "expected"), [(23, 23), ("23", 23), (" 7 ", 7), (0, 0)])
def test_index_as_number_or_string(value: object, expected: int) -> None:
    assert parse_index(value) == expected


@pytest.mark.parametrize("value", [-1, "-1", "1.5", 1.5, True, None, "x", ""])
def test_bad_index_is_refused(value: object) -> None:
    with pytest.raises(StatusListError):
        parse_index(value)


def test_index_outside_the_list_is_refused() -> None:
    with pytest.raises(StatusListError):
        bit_is_set(b"\x00", 8)


@pytest.mark.parametrize("encoded", [None, "", "u!!!", "u" + b64url_encode(b"not gzip"), 42])
def test_undecodable_lists_are_refused(encoded: object) -> None:
    with pytest.raises(StatusListError):
        decode_status_list(encoded)


def test_compression_bomb_is_capped() -> None:
    bomb = "u" + b64url_encode(gzip.compress(bytes(MAX_LIST_BYTES + 1)))
    with pytest.raises(StatusListError, match="larger"):
        decode_status_list(bomb)
