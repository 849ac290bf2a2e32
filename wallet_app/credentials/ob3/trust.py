"""Trust policy: may this key sign for this issuer? (written down in the README).

The key must be controlled by the issuer and listed for `assertionMethod`. Two conventions found
in the wild prove integrity only - nothing the issuer published names the key - and are accepted
with a warning so the learner sees the difference: the 1EdTech key-in-URL-fragment convention
(controller = the URL before `#` must be the issuer id) and a VC-JWT's own `jwk` header.
"""

from __future__ import annotations

from wallet_app.credentials.keys import JWK_HEADER, KEY_IN_FRAGMENT, ResolvedKey


def binding_problem(key: ResolvedKey, issuer_id: str | None) -> str | None:
    """Why this key may not sign for the issuer, or None when it may."""
    if key.source == JWK_HEADER:
        return None
    if not issuer_id or key.controller != issuer_id:
        return (
            f"The credential was signed with a key controlled by {key.controller or 'an unknown party'}, "
            f"not by its issuer {issuer_id or '(none named)'}."
        )
    if key.source not in (KEY_IN_FRAGMENT, "did:key") and not key.assertion_method:
        return f"The issuer's documents do not list the key {key.verification_method} for issuing credentials."
    return None


def trust_note(key: ResolvedKey) -> tuple[str, bool]:
    """A plain-language line on how the key is tied to the issuer, and whether it is a warning."""
    if key.source == KEY_IN_FRAGMENT:
        return (
            "The signing key is written into the issuer's web address (1EdTech convention). This proves "
            "the badge was not changed, but no document published by the issuer confirms the key.",
            True,
        )
    if key.source == JWK_HEADER:
        return (
            "The signing key travels inside the badge itself. This proves the badge was not changed, "
            "but nothing published by the issuer confirms the key.",
            True,
        )
    if key.source == "did:key":
        return ("The issuer is the did:key that signed the credential.", False)
    return (f"The issuer's own {key.source} lists the signing key for issuing credentials.", False)
