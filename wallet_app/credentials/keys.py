"""Public keys: Multikey / did:key encoding, JWKs, and resolving a proof's verification method.

Resolution only finds a key and says who controls it; whether that controller may sign for the
issuer is the caller's trust decision (see `ob3/trust.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from wallet_app.credentials.fetch import did_web_to_url
from wallet_app.credentials.fields import as_list
from wallet_app.credentials.multibase import (
    ED25519_PUB,
    P256_PUB,
    MultibaseError,
    base58btc_decode,
    multibase_decode,
    multibase_encode_base58btc,
)
from wallet_app.credentials.proofs.jws import JwsError, PublicKey, b64url_decode

ED25519_KEY_BYTES = 32
KEY_IN_FRAGMENT = "key-in-fragment"
JWK_HEADER = "jwk-header"
P256_COMPRESSED_BYTES = 33


class KeyResolutionError(ValueError):
    """The verification method can never yield a usable key (bad encoding, unsupported method)."""


class JsonFetcher(Protocol):
    def get_json(self, url: str) -> dict | list: ...


@dataclass(frozen=True)
class ResolvedKey:
    """A public key and what the documents say about it.

    ``source`` is how we learned the key: "did:key", "did:web", "controller-document",
    KEY_IN_FRAGMENT (the 1EdTech convention: the key is the URL fragment, nothing published it)
    or JWK_HEADER (a VC-JWT carrying its own key).
    ``assertion_method`` is whether the controller lists the key for issuing credentials.
    """

    verification_method: str
    controller: str
    public_key: PublicKey
    source: str
    assertion_method: bool


@lru_cache(maxsize=1024)
def decode_multikey(value: str) -> PublicKey:
    """An Ed25519 or P-256 public key from Multikey text (`z6Mk...`, `zDna...`); pure, so cached."""
    try:
        data = multibase_decode(value)
    except MultibaseError as exc:
        raise KeyResolutionError(f"The key {value[:16]}... is not valid multibase text.") from exc
    if data.startswith(ED25519_PUB) and len(data) == len(ED25519_PUB) + ED25519_KEY_BYTES:
        return ed25519.Ed25519PublicKey.from_public_bytes(data[len(ED25519_PUB) :])
    if data.startswith(P256_PUB) and len(data) == len(P256_PUB) + P256_COMPRESSED_BYTES:
        try:
            return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), data[len(P256_PUB) :])
        except ValueError as exc:
            raise KeyResolutionError("The P-256 key is not a point on the curve.") from exc
    raise KeyResolutionError(f"The key {value[:16]}... is not an Ed25519 or P-256 Multikey.")


def ed25519_multikey(public_key: ed25519.Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return multibase_encode_base58btc(ED25519_PUB + raw)


def did_key(public_key: ed25519.Ed25519PublicKey) -> str:
    return "did:key:" + ed25519_multikey(public_key)


def did_key_verification_method(public_key: ed25519.Ed25519PublicKey) -> str:
    """The one verification method of a did:key: `did:key:z6Mk...#z6Mk...`."""
    multikey = ed25519_multikey(public_key)
    return f"did:key:{multikey}#{multikey}"


def public_key_from_jwk(jwk: object) -> PublicKey:
    """A public key from a JWK; a JWK carrying private material is refused, never used."""
    if not isinstance(jwk, dict):
        raise KeyResolutionError("The key (JWK) is not a JSON object.")
    if any(name in jwk for name in ("d", "p", "q", "dp", "dq", "qi", "k")):
        raise KeyResolutionError("The key (JWK) contains private key material; it is refused.")
    try:
        key_type = jwk.get("kty")
        if key_type == "OKP" and jwk.get("crv") == "Ed25519":
            return ed25519.Ed25519PublicKey.from_public_bytes(b64url_decode(jwk["x"]))
        if key_type == "EC" and jwk.get("crv") == "P-256":
            numbers = ec.EllipticCurvePublicNumbers(_jwk_int(jwk["x"]), _jwk_int(jwk["y"]), ec.SECP256R1())
            return numbers.public_key()
        if key_type == "RSA":
            return rsa.RSAPublicNumbers(_jwk_int(jwk["e"]), _jwk_int(jwk["n"])).public_key()
    except (KeyError, TypeError, ValueError, JwsError) as exc:
        raise KeyResolutionError("The key (JWK) is malformed.") from exc
    raise KeyResolutionError(f"The key type {jwk.get('kty')!r}/{jwk.get('crv')!r} is not supported.")


def _jwk_int(value: str) -> int:
    return int.from_bytes(b64url_decode(value), "big")


def public_key_from_method(method: dict) -> PublicKey:
    """The key inside a verification-method object (Multikey, Ed25519 2018/2020, JsonWebKey)."""
    if "publicKeyMultibase" in method:
        return decode_multikey(str(method["publicKeyMultibase"]))
    if "publicKeyJwk" in method:
        return public_key_from_jwk(method["publicKeyJwk"])
    if "publicKeyBase58" in method:
        try:
            raw = base58btc_decode(str(method["publicKeyBase58"]))
            return ed25519.Ed25519PublicKey.from_public_bytes(raw)
        except (MultibaseError, ValueError) as exc:
            raise KeyResolutionError("The publicKeyBase58 key is malformed.") from exc
    raise KeyResolutionError("The verification method carries no public key we can read.")


def resolve_verification_method(method_id: str, fetcher: JsonFetcher) -> ResolvedKey:
    """Find the key a proof names. FetchError (from the fetcher) means "could not check"."""
    if not isinstance(method_id, str) or ":" not in method_id:
        raise KeyResolutionError("The proof's verification method is not a URL or DID.")
    scheme = method_id.split(":", 1)[0].lower()
    if method_id.startswith("did:key:"):
        return _resolve_did_key(method_id)
    if method_id.startswith("did:web:"):
        return _resolve_did_web(method_id, fetcher)
    if method_id.startswith("did:"):
        method = method_id.split(":")[1]
        raise KeyResolutionError(f"Keys from did:{method} cannot be checked (supported: did:key, did:web).")
    if scheme == "https":
        return _resolve_https(method_id, fetcher)
    raise KeyResolutionError(f'The verification method uses the unsupported scheme "{scheme}:".')


def _resolve_did_key(method_id: str) -> ResolvedKey:
    did, _, fragment = method_id.partition("#")
    multikey = did.removeprefix("did:key:")
    if fragment and fragment != multikey:
        raise KeyResolutionError("A did:key verification method must name the did:key's own key.")
    public_key = decode_multikey(multikey)
    return ResolvedKey(f"{did}#{multikey}", did, public_key, "did:key", assertion_method=True)


def _resolve_did_web(method_id: str, fetcher: JsonFetcher) -> ResolvedKey:
    did = method_id.split("#", 1)[0]
    document = fetcher.get_json(did_web_to_url(did))
    if not isinstance(document, dict) or document.get("id") != did:
        raise KeyResolutionError(f"The DID document for {did} does not describe {did}.")
    return _key_from_controller_document(document, method_id, "did:web")


def _resolve_https(method_id: str, fetcher: JsonFetcher) -> ResolvedKey:
    controller, _, fragment = method_id.partition("#")
    if fragment.startswith("z"):
        try:
            public_key = decode_multikey(fragment)
        except KeyResolutionError:
            pass
        else:
            return ResolvedKey(method_id, controller, public_key, KEY_IN_FRAGMENT, assertion_method=False)
    document = fetcher.get_json(controller)
    if not isinstance(document, dict):
        raise KeyResolutionError(f"{controller} is not a key or controller document.")
    if document.get("id") != method_id:
        return _key_from_controller_document(document, method_id, "controller-document")
    # The URL named a key document; the controller it names must still list it for assertionMethod.
    owner_id = document.get("controller")
    owner = fetcher.get_json(str(owner_id))
    if not isinstance(owner, dict) or owner.get("id") != owner_id:
        raise KeyResolutionError("The key's controller document does not describe its controller.")
    return _key_from_controller_document(owner, method_id, "controller-document", key_document=document)


def _key_from_controller_document(
    document: dict, method_id: str, source: str, key_document: dict | None = None
) -> ResolvedKey:
    """Find ``method_id`` among the document's keys (or take ``key_document``) and note whether
    the document lists it for asserting credentials."""
    subject = str(document.get("id", ""))
    candidates = [entry for entry in as_list(document.get("verificationMethod")) if isinstance(entry, dict)]
    candidates += [entry for entry in as_list(document.get("assertionMethod")) if isinstance(entry, dict)]
    method = next((entry for entry in candidates if _absolute(entry.get("id"), subject) == method_id), key_document)
    if method is None:
        raise KeyResolutionError(f"{subject or 'The controller document'} does not list the key {method_id}.")
    controller = _absolute(method.get("controller"), subject) or subject
    assertion_ids = {
        _absolute(entry.get("id") if isinstance(entry, dict) else entry, subject)
        for entry in as_list(document.get("assertionMethod"))
    }
    return ResolvedKey(
        method_id, controller, public_key_from_method(method), source, assertion_method=method_id in assertion_ids
    )


def _absolute(reference: object, base: str) -> str | None:
    if not isinstance(reference, str):
        return None
    return base + reference if reference.startswith("#") else reference
