"""The offline JSON-LD layer: pinned contexts only, unknown contexts and undefined terms refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyld import jsonld as pyld

from wallet_app.credentials import jsonld
from wallet_app.credentials.jsonld import ContextError

SHARED_CONTEXTS = (Path(__file__).resolve().parents[2] / ".." / "shared" / "conformance" / "contexts").resolve()


@pytest.mark.skipif(not SHARED_CONTEXTS.is_dir(), reason="shared conformance contexts not found")
def test_bundled_contexts_equal_the_reference_copies() -> None:
    index = json.loads((SHARED_CONTEXTS / "contexts-index.json").read_text())
    assert set(index) <= jsonld.known_context_urls()
    for url, entry in index.items():
        assert jsonld.load_context(url) == json.loads((SHARED_CONTEXTS / entry["file"]).read_text()), url


def test_loaded_context_is_a_copy() -> None:
    url = "https://www.w3.org/ns/credentials/v2"
    jsonld.load_context(url)["@context"]["id"] = "changed"
    assert jsonld.load_context(url)["@context"]["id"] == "@id"


def test_unknown_context_is_refused_by_the_loader() -> None:
    with pytest.raises(pyld.JsonLdError):
        jsonld.document_loader("https://evil.example/context.json")


def test_unknown_context_is_an_error_not_a_fetch() -> None:
    document = {"@context": ["https://www.w3.org/ns/credentials/v2", "https://evil.example/ctx"], "name": "x"}
    with pytest.raises(ContextError, match="does not know"):
        jsonld.canonize(document)


def test_undefined_term_fails_in_safe_mode() -> None:
    document = {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": "VerifiableCredential", "oops": 1}
    with pytest.raises(ContextError, match="oops"):
        jsonld.canonize(document)


def test_undefined_type_fails_in_safe_mode() -> None:
    document = {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential", "Mystery"]}
    with pytest.raises(ContextError, match="Mystery"):
        jsonld.canonize(document)


def test_relative_id_fails_in_safe_mode() -> None:
    document = {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "not-a-url", "name": "x"}
    with pytest.raises(ContextError, match="not-a-url"):
        jsonld.canonize(document)


def test_js_object_literal_reader_handles_the_package_grammar() -> None:
    source = """/* header */ 'use strict';
    module.exports = {
      '@context': { id: '@id', // comment
        "name": "http://schema.org/name", quoted: 'it\\'s "fine"', flag: true, n: -1.5e2, },
    };"""
    parsed = json.loads(jsonld._js_object_literal_to_json(source))
    assert parsed == {
        "@context": {"id": "@id", "name": "http://schema.org/name", "quoted": 'it\'s "fine"', "flag": True, "n": -150.0}
    }


def test_js_object_literal_reader_refuses_code() -> None:
    with pytest.raises(ContextError):
        jsonld._js_object_literal_to_json("module.exports = { a: require('x') };")


@pytest.mark.skipif(not SHARED_CONTEXTS.is_dir(), reason="shared conformance data not found")
@pytest.mark.parametrize(
    "name",
    [
        "1edtech-public-validator/complete.json",
        "dcc-vc-test-fixtures/verifiableCredentials/v1/ed25519/didKey/oidf-noStatus-noExpiry.json",
    ],
)
def test_cached_canonicalization_equals_plain_pyld(name: str) -> None:
    """The context caches are invisible: warm or cold, the N-Quads are what plain pyld produces."""
    document = json.loads((SHARED_CONTEXTS.parent / "ob3" / name).read_text())
    document.pop("proof")
    plain = pyld.normalize(
        document,
        {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": jsonld.document_loader},
    )
    assert jsonld.canonize(document) == plain
    assert jsonld.canonize(document) == plain
