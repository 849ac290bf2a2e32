"""Keys: Multikey/did:key encoding, JWKs, and verification-method resolution per scheme."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from wallet_app.credentials.errors import FetchError
from wallet_app.credentials.keys import (
    KEY_IN_FRAGMENT,
    KeyResolutionError,
    decode_multikey,
    did_key,
    did_key_verification_method,
    ed25519_multikey,
    public_key_from_jwk,
    resolve_verification_method,
)
from wallet_app.credentials.proofs.jws import b64url_encode

# From the 1EdTech eddsa-rdfc-2022 vector and the 1EdTech ecdsa-sd-2023 fixture.
ED25519_MULTIKEY = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"
ED25519_HEX = "4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5"
P256_MULTIKEY = "zDnaekGZTbQBerwcehBSXLqAg6s55hVEBms1zFy89VHXtJSa9"
WELL_KNOWN = "https://issuer.example/.well-known/did.json"


class FakeFetcher:
    """Answers get_json from a dict; anything else is "not retrievable", like an offline fetcher."""

    def __init__(self, documents: dict[str, dict]) -> None:
        self.documents = documents
        self.requested: list[str] = []

    def get_json(self, url: str) -> dict:
        self.requested.append(url)
        if url not in self.documents:
            raise FetchError(f"{url} is not available offline.", url=url)
        return self.documents[url]


def test_multikey_round_trip() -> None:
    key = decode_multikey(ED25519_MULTIKEY)
    assert isinstance(key, ed25519.Ed25519PublicKey)
    assert key.public_bytes_raw().hex() == ED25519_HEX
    assert ed25519_multikey(key) == ED25519_MULTIKEY
    assert did_key(key) == f"did:key:{ED25519_MULTIKEY}"
    assert did_key_verification_method(key) == f"did:key:{ED25519_MULTIKEY}#{ED25519_MULTIKEY}"


def test_p256_multikey_decodes() -> None:
    key = decode_multikey(P256_MULTIKEY)
    assert isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name == "secp256r1"


@pytest.mark.parametrize(
    "value",
    [
        "",
        "z",
        "zjZRsdasZv3aez3r18pB1RBFJR1kwUV",
        "z6MkjZRsdasZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi",
        "x6Mk",
        "z0OIl",
    ],
)
def test_bad_multikeys_are_refused(value: str) -> None:
    with pytest.raises(KeyResolutionError):
        decode_multikey(value)


def test_did_key_resolves_without_fetching() -> None:
    fetcher = FakeFetcher({})
    resolved = resolve_verification_method(f"did:key:{ED25519_MULTIKEY}#{ED25519_MULTIKEY}", fetcher)
    assert (resolved.controller, resolved.source, resolved.assertion_method) == (
        f"did:key:{ED25519_MULTIKEY}",
        "did:key",
        True,
    )
    assert fetcher.requested == []


def test_did_key_with_a_foreign_fragment_is_refused() -> None:
    with pytest.raises(KeyResolutionError):
        resolve_verification_method(f"did:key:{ED25519_MULTIKEY}#z6MkOther", FakeFetcher({}))


@pytest.mark.parametrize(
    "method",
    [
        "z6Mkrvfz",
        "xxx:z6Mkrvfz",
        "did:example:z6Mkrvfz",
        "did:velocity:v2:0x4ade#key-1",
        "http://issuer.example/keys#k",
        "ftp://issuer.example/key",
        None,
    ],
)
def test_unsupported_methods_are_definitive_failures(method: object) -> None:
    with pytest.raises(KeyResolutionError):
        resolve_verification_method(method, FakeFetcher({}))  # type: ignore[arg-type]


def test_key_in_fragment_convention_needs_no_document() -> None:
    fetcher = FakeFetcher({})
    resolved = resolve_verification_method(f"https://example.edu/issuers/565049#{ED25519_MULTIKEY}", fetcher)
    assert resolved.source == KEY_IN_FRAGMENT
    assert resolved.controller == "https://example.edu/issuers/565049"
    assert not resolved.assertion_method
    assert fetcher.requested == []


def test_fragment_that_is_not_a_key_falls_back_to_the_controller_document() -> None:
    fetcher = FakeFetcher({})
    with pytest.raises(FetchError):
        resolve_verification_method("https://example.edu/issuers/565049#z6MkjZRsdas", fetcher)
    assert fetcher.requested == ["https://example.edu/issuers/565049"]


def _controller(subject: str, method_id: str, *, assertion: bool = True) -> dict:
    method = {"id": method_id, "type": "Multikey", "controller": subject, "publicKeyMultibase": ED25519_MULTIKEY}
    document = {"id": subject, "verificationMethod": [method]}
    if assertion:
        document["assertionMethod"] = [method_id.replace(subject, "")]
    return document


def test_did_web_document_listing_the_key_for_assertion() -> None:
    did = "did:web:issuer.example:org"
    fetcher = FakeFetcher({"https://issuer.example/org/did.json": _controller(did, f"{did}#key-1")})
    resolved = resolve_verification_method(f"{did}#key-1", fetcher)
    assert (resolved.controller, resolved.source, resolved.assertion_method) == (did, "did:web", True)


def test_did_web_key_not_listed_for_assertion() -> None:
    did = "did:web:issuer.example"
    document = _controller(did, f"{did}#key-1", assertion=False)
    resolved = resolve_verification_method(f"{did}#key-1", FakeFetcher({WELL_KNOWN: document}))
    assert not resolved.assertion_method


def test_did_web_document_for_another_did_is_refused() -> None:
    did = "did:web:issuer.example"
    document = _controller("did:web:elsewhere.example", "did:web:elsewhere.example#key-1")
    with pytest.raises(KeyResolutionError):
        resolve_verification_method(f"{did}#key-1", FakeFetcher({WELL_KNOWN: document}))


def test_did_web_document_missing_key_is_refused() -> None:
    did = "did:web:issuer.example"
    document = _controller(did, f"{did}#key-1")
    with pytest.raises(KeyResolutionError, match="does not list"):
        resolve_verification_method(f"{did}#key-2", FakeFetcher({WELL_KNOWN: document}))


def test_https_key_document_is_checked_against_its_controller() -> None:
    controller = "https://issuer.example/profile"
    key_id = "https://issuer.example/keys/1"
    key_document = {"id": key_id, "type": "Multikey", "controller": controller, "publicKeyMultibase": ED25519_MULTIKEY}
    owner = {"id": controller, "assertionMethod": [key_id]}
    resolved = resolve_verification_method(key_id, FakeFetcher({key_id: key_document, controller: owner}))
    assert (resolved.controller, resolved.source, resolved.assertion_method) == (
        controller,
        "controller-document",
        True,
    )


def test_jwk_forms() -> None:
    ed_key = ed25519.Ed25519PrivateKey.generate().public_key()
    assert isinstance(
        public_key_from_jwk({"kty": "OKP", "crv": "Ed25519", "x": b64url_encode(ed_key.public_bytes_raw())}),
        ed25519.Ed25519PublicKey,
    )
    numbers = ec.generate_private_key(ec.SECP256R1()).public_key().public_numbers()
    ec_jwk = {
        "kty": "EC",
        "crv": "P-256",
        "x": b64url_encode(numbers.x.to_bytes(32, "big")),
        "y": b64url_encode(numbers.y.to_bytes(32, "big")),
    }
    assert public_key_from_jwk(ec_jwk).public_numbers() == numbers
    rsa_numbers = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key().public_numbers()
    rsa_jwk = {"kty": "RSA", "e": "AQAB", "n": b64url_encode(rsa_numbers.n.to_bytes(256, "big"))}
    assert public_key_from_jwk(rsa_jwk).public_numbers() == rsa_numbers


@pytest.mark.parametrize(
    "jwk",
    [
        {"kty": "OKP", "crv": "Ed25519", "x": "AAAA", "d": "secret"},
        {"kty": "RSA", "e": "AQAB", "n": "AAAA", "p": "secret"},
        {"kty": "oct", "k": "c2VjcmV0"},
        {"kty": "EC", "crv": "P-384", "x": "AA", "y": "AA"},
        {"kty": "OKP", "crv": "Ed25519", "x": "!!"},
        "not a jwk",
    ],
)
def test_private_unknown_or_malformed_jwks_are_refused(jwk: object) -> None:
    with pytest.raises(KeyResolutionError):
        public_key_from_jwk(jwk)


def test_https_key_document_whose_controller_does_not_list_it() -> None:
    controller = "https://issuer.example/profile"
    key_id = "https://issuer.example/keys/1"
    key_document = {"id": key_id, "type": "Multikey", "controller": controller, "publicKeyMultibase": ED25519_MULTIKEY}
    resolved = resolve_verification_method(key_id, FakeFetcher({key_id: key_document, controller: {"id": controller}}))
    assert not resolved.assertion_method
