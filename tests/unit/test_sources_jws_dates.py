"""Content sniffing, compact JWS, dates and recipient matching: the small shared building blocks."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from tests.ob2_issuer import shared_signing_key
from tests.unit.test_ob2_loopback import png_image
from wallet_app.credentials.baking import OB3_KEYWORD, bake_png, bake_svg
from wallet_app.credentials.dates import DateFormatError, parse_datetime
from wallet_app.credentials.proofs.jws import (
    JwsError,
    PrivateKey,
    b64url_decode,
    b64url_encode,
    parse_compact,
    sign_compact,
    verify_signature,
)
from wallet_app.credentials.recipient import hash_identity, identity_matches
from wallet_app.credentials.sources import detect, detect_url

OB2_ASSERTION = {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "https://e.org/a"}
OB3_CREDENTIAL = {
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    "type": ["VerifiableCredential", "OpenBadgeCredential"],
}
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"></svg>'


def eddsa_token(claims: dict) -> str:
    return sign_compact({"alg": "EdDSA"}, json.dumps(claims).encode(), ed25519.Ed25519PrivateKey.generate())


@pytest.mark.parametrize(
    ("data", "expected_format"),
    [
        (json.dumps(OB2_ASSERTION).encode(), "ob2-json"),
        (b"\xef\xbb\xbf" + json.dumps(OB2_ASSERTION).encode(), "ob2-json"),
        (json.dumps(OB3_CREDENTIAL).encode(), "ob3-json"),
        (json.dumps({"type": "OpenBadgeCredential"}).encode(), "ob3-json"),
        (eddsa_token(OB2_ASSERTION).encode(), "ob2-jws"),
        (eddsa_token({"vc": OB3_CREDENTIAL, "iss": "did:example:1"}).encode(), "ob3-jws"),
        (eddsa_token(OB3_CREDENTIAL).encode() + b"\n", "ob3-jws"),
        (b"  https://e.org/assertion.json\n", "ob2-url"),
        (bake_png(png_image(), json.dumps(OB2_ASSERTION)), "ob2-json+png"),
        (bake_png(png_image(), json.dumps(OB2_ASSERTION), OB3_KEYWORD), "ob3-json+png"),
        (bake_svg(SVG, "https://e.org/assertion.json"), "ob2-url+svg"),
        (bake_svg(SVG, eddsa_token({"vc": OB3_CREDENTIAL}), OB3_KEYWORD), "ob3-jws+svg"),
    ],
    ids=[
        "ob2-json",
        "bom-json",
        "ob3-context",
        "ob3-type",
        "ob2-jws",
        "ob3-vc-claim",
        "ob3-vc-shaped-jws",
        "url-text",
        "png-ob2",
        "png-ob3-keyword",
        "svg-url",
        "svg-ob3-jws",
    ],
)
def test_detect_by_content(data: bytes, expected_format: str) -> None:
    detected = detect(data)
    assert detected.format == expected_format
    assert detected.original == data


def test_detect_url_source() -> None:
    detected = detect_url(" https://e.org/a ")
    assert (detected.kind, detected.payload) == ("url", "https://e.org/a")


@pytest.mark.parametrize(
    ("algorithm", "private_key"),
    [
        ("RS256", shared_signing_key()),
        ("ES256", ec.generate_private_key(ec.SECP256R1())),
        ("EdDSA", ed25519.Ed25519PrivateKey.generate()),
    ],
    ids=["RS256", "ES256", "EdDSA"],
)
def test_jws_sign_verify_and_tamper(algorithm: str, private_key: PrivateKey) -> None:
    token = sign_compact({"alg": algorithm, "kid": "k1"}, b'{"a": 1}', private_key)
    jws = parse_compact(token)
    assert jws.header["kid"] == "k1" and jws.payload_json() == {"a": 1}
    assert verify_signature(jws, private_key.public_key()) is True
    header, _payload, signature = token.split(".")
    forged_payload = b64url_encode(b'{"a": 2}')
    assert verify_signature(parse_compact(f"{header}.{forged_payload}.{signature}"), private_key.public_key()) is False


def test_jws_refuses_none_unlisted_and_mismatched_algorithms() -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    token = sign_compact({"alg": "EdDSA"}, b"{}", key)
    _header, payload, signature = token.split(".")
    for algorithm, message in (("none", '"none"'), ("HS256", "not one we accept"), ("RS256", "does not match")):
        header = b64url_encode(json.dumps({"alg": algorithm}).encode())
        with pytest.raises(JwsError, match=message):
            verify_signature(parse_compact(f"{header}.{payload}.{signature}"), key.public_key())
    with pytest.raises(JwsError, match="not one we accept"):
        verify_signature(parse_compact(token), key.public_key(), allowed=("RS256",))


def test_es256_signature_of_wrong_length_is_false() -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    header, payload, _signature = sign_compact({"alg": "ES256"}, b"{}", key).split(".")
    assert verify_signature(parse_compact(f"{header}.{payload}.{b64url_encode(b'short')}"), key.public_key()) is False


def test_b64url_is_strict() -> None:
    assert b64url_decode(b64url_encode(b"\xfb\xff")) == b"\xfb\xff"
    for bad in ("a+b/", "abc=", "a"):
        with pytest.raises(JwsError):
            b64url_decode(bad)
    with pytest.raises(JwsError, match="three dot-separated parts"):
        parse_compact("a.b")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-12-31T23:59:59Z", datetime(2016, 12, 31, 23, 59, 59, tzinfo=UTC)),
        ("2016-12-31T23:59:59+02:00", datetime(2016, 12, 31, 21, 59, 59, tzinfo=UTC)),
        ("2016-12-31T23:59:59.5z", datetime(2016, 12, 31, 23, 59, 59, 500000, tzinfo=UTC)),
        ("2016-12-31", datetime(2016, 12, 31, tzinfo=UTC)),
        ("2016-12-31T10:00:00", datetime(2016, 12, 31, 10, tzinfo=UTC)),
        (1400000000, datetime(2014, 5, 13, 16, 53, 20, tzinfo=UTC)),
        ("1400000000", datetime(2014, 5, 13, 16, 53, 20, tzinfo=UTC)),
    ],
)
def test_parse_datetime(value: object, expected: datetime) -> None:
    assert parse_datetime(value) == expected


@pytest.mark.parametrize("value", ["", "yesterday", "2016-13-45", None, True, 10**20, [2016]])
def test_parse_datetime_refuses_non_dates(value: object) -> None:
    with pytest.raises(DateFormatError):
        parse_datetime(value)


def test_identity_matching_is_exact_except_for_hex_case() -> None:
    stored = hash_identity("nobody@example.org", "deadsea")
    assert stored == "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942"
    assert identity_matches(
        stored.upper().replace("SHA256", "sha256"), "nobody@example.org", hashed=True, salt="deadsea"
    )
    assert not identity_matches(stored, "NOBODY@example.org", hashed=True, salt="deadsea")
    assert not identity_matches(stored, "nobody@example.org", hashed=True, salt=None)
    md5 = hash_identity("a@b.c", None, "md5")
    assert identity_matches(md5, "a@b.c", hashed=True)
    assert not identity_matches("sha1$abcd", "a@b.c", hashed=True)
    assert identity_matches("a@b.c", "a@b.c", hashed=False)
    assert not identity_matches("a@b.c", "A@b.c", hashed=False)
