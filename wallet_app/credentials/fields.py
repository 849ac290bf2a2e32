"""Reading credential properties as plain values, shared by OB 2.0 and OB 3.0.

Both specs write issuers, evidence and alignments with the same property names, and both allow
a linked node to be a bare IRI or an embedded object, so one reading serves every verifier.
"""

from __future__ import annotations

from wallet_app.credentials.model import Alignment, Evidence, Issuer


def as_list(value: object) -> list:
    """A JSON-LD property as a list: absent -> [], single value -> [value]."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def node_id(value: object) -> str | None:
    """The IRI a property value stands for: the string itself, or an embedded node's ``id``."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        return value["id"]
    return None


def text(value: object) -> str | None:
    """A display string from a plain value or a language map ({"en": ...}); None if absent."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        return text(value.get("en") or value.get("@value") or next(iter(value.values()), None))
    if isinstance(value, list) and value:
        return text(value[0])
    return None


def issuer_of(node: object) -> Issuer:
    profile = node if isinstance(node, dict) else {}
    return Issuer(
        id=node_id(node),
        name=text(profile.get("name")),
        url=text(profile.get("url")),
        email=text(profile.get("email")),
        description=text(profile.get("description")),
        image=node_id(profile.get("image")),
    )


def evidence_of(item: object) -> Evidence:
    evidence = item if isinstance(item, dict) else {}
    return Evidence(
        id=node_id(item),
        name=text(evidence.get("name")),
        description=text(evidence.get("description")),
        narrative=text(evidence.get("narrative")),
        genre=text(evidence.get("genre")),
        audience=text(evidence.get("audience")),
    )


def alignment_of(item: dict) -> Alignment:
    return Alignment(
        target_name=text(item.get("targetName")),
        target_url=text(item.get("targetUrl")),
        target_description=text(item.get("targetDescription")),
        target_framework=text(item.get("targetFramework")),
        target_code=text(item.get("targetCode")),
        target_type=text(item.get("targetType")),
    )
