"""A small built-in issuer: OB 3.0 credentials signed with `eddsa-rdfc-2022` by an Ed25519 key.

Pure functions: the caller keeps the key (e.g. in the database, as `private_key_multibase`) and
decides ids and dates. Output is what independent verifiers accept: the signing path is the one
tested byte for byte against the published 1EdTech and W3C vectors.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

from wallet_app.credentials.keys import did_key, did_key_verification_method
from wallet_app.credentials.multibase import ED25519_PRIV, MultibaseError, multibase_decode, multibase_encode_base58btc
from wallet_app.credentials.ob3.shape import VC_V2_CONTEXT
from wallet_app.credentials.proofs.data_integrity import eddsa_rdfc_2022_options, sign_ed25519
from wallet_app.credentials.recipient import hash_identity
from wallet_app.credentials.status import MIN_LIST_BITS, encode_status_list

OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
ED25519_SEED_BYTES = 32

PrivateKeyInput = ed25519.Ed25519PrivateKey | bytes | str


def generate_issuer_key() -> ed25519.Ed25519PrivateKey:
    return ed25519.Ed25519PrivateKey.generate()


def load_private_key(value: PrivateKeyInput) -> ed25519.Ed25519PrivateKey:
    """Accept a key object, a raw 32-byte seed (or 64-byte seed+public key), or Multikey text."""
    if isinstance(value, ed25519.Ed25519PrivateKey):
        return value
    if isinstance(value, str):
        try:
            decoded = multibase_decode(value)
        except MultibaseError as exc:
            raise ValueError("The issuer key is not multibase text.") from exc
        if not decoded.startswith(ED25519_PRIV):
            raise ValueError("The issuer key is not an Ed25519 private Multikey.")
        value = decoded[len(ED25519_PRIV) :]
    if len(value) not in (ED25519_SEED_BYTES, 2 * ED25519_SEED_BYTES):
        raise ValueError("An Ed25519 private key is 32 bytes (or 64 with the public key appended).")
    return ed25519.Ed25519PrivateKey.from_private_bytes(bytes(value[:ED25519_SEED_BYTES]))


def private_key_multibase(private_key: ed25519.Ed25519PrivateKey) -> str:
    """The key as private Multikey text (`z3u2...`), the form to store and to load again."""
    seed = private_key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return multibase_encode_base58btc(ED25519_PRIV + seed)


def issuer_did_key(public_key: ed25519.Ed25519PublicKey) -> str:
    """The issuer id that a did:key issuer uses; sign with `did_key_verification_method(public_key)`."""
    return did_key(public_key)


def iso_instant(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def identity_object(identifier: str, *, identity_type: str = "emailAddress", salt: str | None = None) -> dict:
    """An OB 3.0 IdentityObject; with a salt the identifier is stored hashed (`sha256$...`)."""
    return {
        "type": "IdentityObject",
        "identityHash": hash_identity(identifier, salt) if salt else identifier,
        "identityType": identity_type,
        "hashed": bool(salt),
        **({"salt": salt} if salt else {}),
    }


def status_entry(status_list_url: str, index: int, purpose: str = "revocation") -> dict[str, Any]:
    return {
        "id": f"{status_list_url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": str(index),
        "statusListCredential": status_list_url,
    }


def _typed(node: dict[str, Any], node_type: str) -> dict[str, Any]:
    return {"type": [node_type], **node} if "type" not in node else dict(node)


def build_achievement_credential(
    *,
    credential_id: str,
    issuer: dict[str, Any],
    achievement: dict[str, Any],
    subject: dict[str, Any],
    valid_from: datetime,
    valid_until: datetime | None = None,
    name: str | None = None,
    credential_status: dict[str, Any] | None = None,
    evidence: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """An unsigned OpenBadgeCredential.

    ``issuer`` is a Profile (needs "id", e.g. `issuer_did_key(...)`, and "name"); ``achievement``
    needs "id", "name", "description" and "criteria"; ``subject`` holds "id" and/or "identifier"
    (see `identity_object`). Missing "type" values are filled in.
    """
    credential: dict[str, Any] = {
        "@context": [VC_V2_CONTEXT, OB3_CONTEXT],
        "id": credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": name or achievement.get("name"),
        "issuer": _typed(issuer, "Profile"),
        "validFrom": iso_instant(valid_from),
        "credentialSubject": {
            **_typed(subject, "AchievementSubject"),
            "achievement": _typed(achievement, "Achievement"),
        },
    }
    if valid_until:
        credential["validUntil"] = iso_instant(valid_until)
    if credential_status:
        credential["credentialStatus"] = credential_status
    if evidence:
        credential["evidence"] = [_typed(item, "Evidence") for item in evidence]
    return credential


def build_endorsement_credential(
    *, credential_id: str, issuer: dict[str, Any], endorsed_id: str, comment: str, valid_from: datetime
) -> dict[str, Any]:
    """An unsigned EndorsementCredential about ``endorsed_id`` (an achievement, profile or badge)."""
    return {
        "@context": [VC_V2_CONTEXT, OB3_CONTEXT],
        "id": credential_id,
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "name": f"Endorsement by {issuer.get('name') or issuer['id']}",
        "issuer": _typed(issuer, "Profile"),
        "validFrom": iso_instant(valid_from),
        "credentialSubject": {"id": endorsed_id, "type": ["EndorsementSubject"], "endorsementComment": comment},
    }


def build_status_list_credential(
    *,
    list_url: str,
    issuer_id: str,
    set_indices: set[int] | frozenset[int],
    valid_from: datetime,
    valid_until: datetime | None = None,
    purpose: str = "revocation",
    length_bits: int = MIN_LIST_BITS,
) -> dict[str, Any]:
    """An unsigned BitstringStatusListCredential with ``set_indices`` revoked (or suspended)."""
    credential: dict[str, Any] = {
        "@context": [VC_V2_CONTEXT],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_id,
        "validFrom": iso_instant(valid_from),
        "credentialSubject": {
            "id": f"{list_url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": encode_status_list(set_indices, length_bits),
        },
    }
    if valid_until:
        credential["validUntil"] = iso_instant(valid_until)
    return credential


def sign_credential(
    credential: dict[str, Any], private_key: PrivateKeyInput, verification_method: str, created: datetime
) -> dict[str, Any]:
    """Return a copy of ``credential`` with an eddsa-rdfc-2022 proof by ``verification_method``."""
    options = eddsa_rdfc_2022_options(verification_method, iso_instant(created))
    return sign_ed25519(credential, options, load_private_key(private_key))


def sign_with_did_key(credential: dict[str, Any], private_key: PrivateKeyInput, created: datetime) -> dict[str, Any]:
    """Sign as a did:key issuer (the credential's issuer id must be `issuer_did_key(...)`)."""
    key = load_private_key(private_key)
    return sign_credential(credential, key, did_key_verification_method(key.public_key()), created)
