"""Does a credential's recipient identity belong to the learner? Shared by OB 2.0 and OB 3.0.

Identifiers are compared exactly as given: the specs hash the identifier verbatim, so
``NOBODY@example.org`` is a different person from ``nobody@example.org``. Only the stored hex
digest is case-insensitive.
"""

from __future__ import annotations

import hashlib
import hmac

HASH_ALGORITHMS = ("sha256", "md5")


def hash_identity(identifier: str, salt: str | None, algorithm: str = "sha256") -> str:
    """The "algorithm$hexdigest" form an issuer stores for a hashed identity."""
    digest = hashlib.new(algorithm, (identifier + (salt or "")).encode("utf-8")).hexdigest()
    return f"{algorithm}${digest}"


def is_supported_hash(identity: str) -> bool:
    algorithm, separator, digest = identity.partition("$")
    return bool(separator) and algorithm.lower() in HASH_ALGORITHMS and bool(digest)


def identity_matches(identity: str, candidate: str, *, hashed: bool, salt: str | None = None) -> bool:
    """True when ``candidate`` is the identifier behind ``identity`` (hashed with salt, or plain)."""
    if not hashed:
        return hmac.compare_digest(identity.encode("utf-8"), candidate.encode("utf-8"))
    if not is_supported_hash(identity):
        return False
    algorithm, _, stored_digest = identity.partition("$")
    expected = hash_identity(candidate, salt, algorithm.lower())
    return hmac.compare_digest(expected.partition("$")[2], stored_digest.lower())


def matches_any(identity: str, candidates: tuple[str, ...], *, hashed: bool, salt: str | None = None) -> bool:
    return any(identity_matches(identity, candidate, hashed=hashed, salt=salt) for candidate in candidates)
