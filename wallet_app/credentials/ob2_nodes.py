"""Reading OB 2.0 JSON-LD nodes as plain JSON: types, ids, and linked nodes fetched by IRI.

A linked node (BadgeClass, Issuer, key, revocation list) is used exactly as fetched from the URL
the badge names; a different ``id`` declared inside it is only worth a warning, never a re-fetch.
"""

from __future__ import annotations

from dataclasses import dataclass

from wallet_app.credentials.errors import FetchError
from wallet_app.credentials.fetch import Fetcher
from wallet_app.credentials.fields import as_list, node_id
from wallet_app.credentials.ob1 import upgrade_node

OB2_NAMESPACE = "https://w3id.org/openbadges#"


@dataclass(frozen=True)
class LinkedNode:
    """A node and where it came from (``fetched_from`` is None when it was embedded)."""

    node: dict
    fetched_from: str | None

    @property
    def declared_id_differs(self) -> bool:
        return self.fetched_from is not None and node_id(self.node) not in (None, self.fetched_from)


def types_of(node: dict) -> set[str]:
    """The node's types with the compact and full OB 2.0 IRIs folded to short names."""
    names = set()
    for value in as_list(node.get("type")):
        if isinstance(value, str):
            names.add(value.removeprefix(OB2_NAMESPACE).removeprefix("obi:"))
    return names


def has_type(node: dict, *names: str) -> bool:
    return bool(types_of(node) & set(names))


def resolve_node(fetcher: Fetcher, value: object, expected_type: str) -> LinkedNode:
    """An embedded node as is, or the node fetched from an IRI (1.x nodes upgraded).

    Raises FetchError when the IRI cannot be retrieved and ValueError when the value is neither
    an IRI nor an object.
    """
    if isinstance(value, dict):
        return LinkedNode(value, None)
    if not isinstance(value, str) or not value:
        raise ValueError(f"expected a link to a {expected_type} or an embedded {expected_type}")
    document = fetcher.get_json(value)
    if not isinstance(document, dict):
        raise FetchError(f"{value} does not hold a {expected_type}.", url=value)
    return LinkedNode(upgrade_node(document, value, expected_type), value)
