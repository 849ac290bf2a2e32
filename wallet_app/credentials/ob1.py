"""Upgrade Open Badges 1.0/1.1 documents to the 2.0 shape, so one verifier serves all versions.

1.x names the hosted URL or public key in ``verify.url``; 2.0 uses the assertion ``id`` and
``verification.creator``. 1.0 documents carry no ``@context``, ``id`` or ``type``, so a linked
node takes the URL it was fetched from as its id. 0.5 badges hold no URL at all and cannot be
verified from the file alone.
"""

from __future__ import annotations

from wallet_app.credentials.errors import BadgeInputError

OB2_CONTEXT = "https://w3id.org/openbadges/v2"
OB1_CONTEXT = "https://w3id.org/openbadges/v1"


def is_legacy(document: dict) -> bool:
    """1.1 (the v1 context) or 1.0 (no context, no 2.0 ``verification``, no ``type``) document.

    A document with 2.0 properties but no context is a broken 2.0 badge, not a legacy one.
    """
    if document.get("@context") == OB1_CONTEXT:
        return True
    return not {"@context", "verification", "type"} & document.keys()


def upgrade_assertion(document: dict) -> dict:
    """A 2.0-shaped copy of a 1.x assertion; 2.0 documents come back unchanged."""
    if not is_legacy(document):
        return document
    if _is_ob05(document):
        raise BadgeInputError(
            "This is an Open Badges 0.5 badge, which holds no address to check it against. "
            "Paste the badge URL from your issuer instead."
        )
    upgraded = {key: value for key, value in document.items() if key != "verify"}
    upgraded["@context"] = OB2_CONTEXT
    upgraded.setdefault("type", "Assertion")
    verify = document.get("verify")
    if isinstance(verify, dict):
        verify_url = verify.get("url")
        if verify.get("type") == "signed":
            upgraded["verification"] = {"type": "signed", "creator": verify_url}
        else:
            upgraded["verification"] = {"type": "hosted"}
            if isinstance(verify_url, str):
                upgraded.setdefault("id", verify_url)
    return upgraded


def upgrade_node(document: dict, fetched_from: str, expected_type: str) -> dict:
    """A 2.0-shaped copy of a fetched 1.x BadgeClass or Issuer (id = the URL it came from)."""
    if not is_legacy(document):
        return document
    upgraded = dict(document)
    upgraded["@context"] = OB2_CONTEXT
    upgraded.setdefault("id", fetched_from)
    upgraded.setdefault("type", expected_type)
    return upgraded


def _is_ob05(document: dict) -> bool:
    return "verify" not in document and "verification" not in document and isinstance(document.get("badge"), dict)
