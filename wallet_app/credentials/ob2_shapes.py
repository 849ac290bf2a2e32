"""The OB 2.0 data rules: required properties and their types for each class.

Each ``*_problems`` function returns plain-language problems (empty when the node is fine), so
the caller decides how they appear in the report.
"""

from __future__ import annotations

import re

from wallet_app.credentials.dates import DateFormatError, parse_datetime
from wallet_app.credentials.fields import as_list
from wallet_app.credentials.ob2_nodes import has_type
from wallet_app.credentials.recipient import is_supported_hash

KNOWN_CONTEXTS = ("https://w3id.org/openbadges/v2", "https://w3id.org/openbadges/v1")
VERIFICATION_TYPES = {"hosted": "hosted", "HostedBadge": "hosted", "signed": "signed", "SignedBadge": "signed"}
IMAGE_DATA_TYPES = ("data:image/png", "data:image/svg+xml")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


def is_iri(value: object) -> bool:
    return isinstance(value, str) and bool(_IRI.match(value))


def context_problems(node: dict) -> list[str]:
    """The ``@context`` must be the OB 2.0 context (or inline definitions); others are never fetched."""
    contexts = as_list(node.get("@context"))
    if not contexts:
        return ["it has no @context, so it is not an Open Badges 2.0 document"]
    unknown = [c for c in contexts if not isinstance(c, dict) and c not in KNOWN_CONTEXTS]
    return [f"its @context {c!r} is not the Open Badges context" for c in unknown]


def verification_object(node: dict) -> dict:
    """The verification object; the 2.0 context also maps the 1.x term ``verify`` to it."""
    verification = node.get("verification", node.get("verify"))
    return verification if isinstance(verification, dict) else {}


def verification_type(node: dict) -> str | None:
    """ "hosted", "signed", or None when the verification object is missing or unknown."""
    return VERIFICATION_TYPES.get(str(verification_object(node).get("type", "")).removeprefix("obi:"))


def assertion_problems(node: dict) -> list[str]:
    problems = _id_and_type(node, "Assertion")
    problems += _recipient_problems(node.get("recipient"))
    if not (is_iri(node.get("badge")) or isinstance(node.get("badge"), dict)):
        problems.append("it does not name the badge it awards (badge)")
    if verification_type(node) is None:
        problems.append('it does not say how to verify it (verification type "hosted" or "signed")')
    problems += _date_problems(node, "issuedOn", required=True)
    problems += _date_problems(node, "expires", required=False)
    if "image" in node and not _is_image(node["image"], allow_data=False):
        problems.append("its image is not a link to an image (an assertion image may not be embedded data)")
    return problems


def badge_class_problems(node: dict) -> list[str]:
    problems = _id_and_type(node, "BadgeClass")
    problems += _text_problems(node, "name", "description")
    if "image" not in node:
        problems.append("it has no image, which every badge must have")
    elif not _is_image(node["image"], allow_data=True):
        problems.append("its image is neither a link nor an embedded PNG or SVG image")
    if not (is_iri(node.get("criteria")) or isinstance(node.get("criteria"), dict)):
        problems.append("it does not say how the badge is earned (criteria)")
    if not (is_iri(node.get("issuer")) or isinstance(node.get("issuer"), dict)):
        problems.append("it does not name its issuer")
    if any(not isinstance(tag, str) for tag in as_list(node.get("tags"))):
        problems.append("its tags are not all text")
    return problems


def profile_problems(node: dict) -> list[str]:
    problems = _id_and_type(node, "Issuer", "Profile")
    problems += _text_problems(node, "name")
    if "url" in node and not is_iri(node["url"]):
        problems.append("its url is not a web address")
    return problems


def endorsement_problems(node: dict) -> list[str]:
    problems = _id_and_type(node, "Endorsement")
    if not isinstance(node.get("claim"), dict):
        problems.append("it does not say what it endorses (claim)")
    if not (is_iri(node.get("issuer")) or isinstance(node.get("issuer"), dict)):
        problems.append("it does not name who endorses (issuer)")
    if verification_type(node) is None:
        problems.append('it does not say how to verify it (verification type "hosted" or "signed")')
    problems += _date_problems(node, "issuedOn", required=True)
    return problems


def _id_and_type(node: dict, *type_names: str) -> list[str]:
    problems = []
    if not is_iri(node.get("id")):
        problems.append("it has no valid id")
    if not has_type(node, *type_names):
        problems.append(f"its type is {node.get('type')!r}, not {' or '.join(type_names)}")
    return problems


def _text_problems(node: dict, *names: str) -> list[str]:
    return [f"it has no {name}" for name in names if not isinstance(node.get(name), str) or not node[name]]


def _recipient_problems(recipient: object) -> list[str]:
    if not isinstance(recipient, dict):
        return ["its recipient is not an identity object (type, identity, hashed, salt)"]
    problems = []
    identity = recipient.get("identity")
    if not isinstance(identity, str) or not identity:
        problems.append("its recipient has no identity")
    if not isinstance(recipient.get("type"), str):
        problems.append("its recipient identity has no type (such as email)")
    hashed = recipient.get("hashed", False)
    if not isinstance(hashed, bool):
        problems.append("its recipient 'hashed' flag is not true or false")
    elif hashed and isinstance(identity, str) and not is_supported_hash(identity):
        problems.append("its recipient identity is marked hashed but is not a sha256$ or md5$ hash")
    if "salt" in recipient and not isinstance(recipient["salt"], str | None):
        problems.append("its recipient salt is not text")
    return problems


def _date_problems(node: dict, name: str, *, required: bool) -> list[str]:
    if name not in node:
        return [f"it has no {name} date"] if required else []
    try:
        parse_datetime(node[name])
    except DateFormatError:
        return [f"its {name} ({node[name]!r}) is not a date"]
    return []


def _is_image(value: object, *, allow_data: bool) -> bool:
    """An image is an IRI or an Image object with an id; data: URIs only where allowed."""
    image = value.get("id") if isinstance(value, dict) else value
    if not is_iri(image):
        return False
    if str(image).startswith("data:"):
        return allow_data and str(image).startswith(IMAGE_DATA_TYPES)
    return True
