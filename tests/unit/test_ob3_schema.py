"""The OB 3.0 ``schema`` check: JSON Schemas from local files only, never fetched, never a verdict
changer when missing; a schema the credential breaks makes it invalid, as in 1EdTech's validator."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest

from tests.ob3_issuer import Ob3Issuer, check, verify
from wallet_app import cli
from wallet_app.credentials.proofs.jws import sign_compact
from wallet_app.credentials.schemas import JSON_SCHEMA_VALIDATOR, SCHEMA_DIR_ENV, SCHEMA_INDEX_FILE

PREFIX = "https://schemas.example/ob3/"
CREDENTIAL_SCHEMA_URL = PREFIX + "credential.json"
SKIPPED_ENDING = "the wallet never downloads schemas while verifying, so this check was skipped."
EXTENSIONS_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"  # defines the validator type
LONG_NAME = "Python Basics for the Very Patient and Persistent Learner"


@pytest.fixture(scope="module")
def ob3() -> Ob3Issuer:
    return Ob3Issuer()


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Schemas are never downloaded, so no test here may open a connection."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the verifier tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.delenv(SCHEMA_DIR_ENV, raising=False)


def _write(folder: Path, name: str, content: object) -> Path:
    path = folder / name
    path.write_text(json.dumps(content))
    return path


@pytest.fixture
def schema_dir(tmp_path: Path) -> Path:
    """credential.json requires an achievement with a short name, via a $ref to achievement.json."""
    _write(
        tmp_path,
        "credential.json",
        {
            "$schema": "https://json-schema.org/draft/2019-09/schema",
            "type": "object",
            "required": ["credentialSubject"],
            "properties": {
                "credentialSubject": {
                    "type": "object",
                    "required": ["achievement"],
                    "properties": {"achievement": {"$ref": "achievement.json"}},
                }
            },
        },
    )
    _write(
        tmp_path,
        "achievement.json",
        {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "maxLength": 40}}},
    )
    return tmp_path


def _naming(ob3: Ob3Issuer, *schema_urls: str, **overrides: Any) -> dict[str, Any]:
    unsigned = ob3.unsigned(**overrides)
    unsigned["@context"].append(EXTENSIONS_CONTEXT)
    unsigned["credentialSchema"] = [{"id": url, "type": JSON_SCHEMA_VALIDATOR} for url in schema_urls]
    return unsigned


def _long_name(ob3: Ob3Issuer) -> dict[str, Any]:
    achievement = ob3.unsigned()["credentialSubject"]["achievement"] | {"name": LONG_NAME}
    return {"achievement": achievement}


def _mapped(folder: Path) -> dict[str, Any]:
    return {"maps": ((PREFIX, folder),)}


def test_a_credential_matching_a_local_schema_passes(ob3: Ob3Issuer, schema_dir: Path) -> None:
    outcome = verify(ob3.sign(_naming(ob3, CREDENTIAL_SCHEMA_URL)), **_mapped(schema_dir))
    assert outcome.verdict == "valid"
    assert check(outcome, "schema") == (
        "passed",
        f"The credential matches the 1EdTech JSON Schema {CREDENTIAL_SCHEMA_URL}.",
    )


def test_a_credential_breaking_the_schema_is_invalid_and_says_where(ob3: Ob3Issuer, schema_dir: Path) -> None:
    outcome = verify(ob3.sign(_naming(ob3, CREDENTIAL_SCHEMA_URL, **_long_name(ob3))), **_mapped(schema_dir))
    assert check(outcome, "proof")[0] == "passed"
    assert outcome.verdict == "invalid"
    status, message = check(outcome, "schema")
    assert status == "failed"
    assert message.startswith(f"The credential does not match the 1EdTech JSON Schema {CREDENTIAL_SCHEMA_URL}: ")
    assert "at credentialSubject.achievement.name: " in message and "is too long" in message


@pytest.mark.parametrize(
    "schema_url", [PREFIX + "missing.json", "https://elsewhere.example/schema.json"], ids=["mapped", "unmapped"]
)
def test_a_schema_not_available_offline_is_skipped_and_changes_nothing(
    ob3: Ob3Issuer, schema_dir: Path, schema_url: str
) -> None:
    outcome = verify(ob3.sign(_naming(ob3, schema_url, **_long_name(ob3))), offline=False, **_mapped(schema_dir))
    assert outcome.verdict == "valid"
    assert check(outcome, "schema") == (
        "skipped",
        f"The JSON Schema {schema_url} is not available offline; {SKIPPED_ENDING}",
    )


def test_one_failing_schema_beats_one_unavailable(ob3: Ob3Issuer, schema_dir: Path) -> None:
    document = ob3.sign(_naming(ob3, PREFIX + "missing.json", CREDENTIAL_SCHEMA_URL, **_long_name(ob3)))
    outcome = verify(document, **_mapped(schema_dir))
    status, message = check(outcome, "schema")
    assert (status, outcome.verdict) == ("failed", "invalid")
    assert "missing.json is not available offline" in message and "is too long" in message


def test_the_deployment_schema_folder_is_read_through_its_index(
    ob3: Ob3Issuer, schema_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = _write(schema_dir.parent, "outside.json", {"type": "object"})
    _write(
        schema_dir,
        SCHEMA_INDEX_FILE,
        {
            CREDENTIAL_SCHEMA_URL: {"file": "credential.json"},
            PREFIX + "achievement.json": {"file": "achievement.json"},
            "https://escape.example/schema.json": {"file": f"../{outside.name}"},
        },
    )
    monkeypatch.setenv(SCHEMA_DIR_ENV, str(schema_dir))
    assert check(verify(ob3.sign(_naming(ob3, CREDENTIAL_SCHEMA_URL))), "schema")[0] == "passed"
    escaped = verify(ob3.sign(_naming(ob3, "https://escape.example/schema.json")))
    assert check(escaped, "schema")[0] == "skipped"


def test_a_ref_to_a_remote_schema_is_never_fetched(
    ob3: Ob3Issuer, tmp_path: Path, listener: socket.socket, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Skipped, not failed: the ref names part of the deployment's own schema that is missing
    locally, which says nothing against the credential (the same as a missing schema)."""
    monkeypatch.undo()  # a real connect must be possible, so the listener is what proves none happened
    host = f"127.0.0.1:{listener.getsockname()[1]}"
    remote_url = f"http://{host}/achievement.json"
    _write(tmp_path, "credential.json", {"properties": {"credentialSubject": {"$ref": remote_url}}})
    outcome = verify(
        ob3.sign(_naming(ob3, CREDENTIAL_SCHEMA_URL)), offline=False, allow_hosts=frozenset({host}), **_mapped(tmp_path)
    )
    assert outcome.verdict == "valid"
    assert check(outcome, "schema") == (
        "skipped",
        f"The JSON Schema {CREDENTIAL_SCHEMA_URL} refers to {remote_url}, which is not available offline; "
        + SKIPPED_ENDING,
    )
    with pytest.raises(BlockingIOError):
        listener.accept()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"description": "' + "x" * 1_100_000 + '"}', "was refused because it is larger than 1000 kB"),
        (
            '{"not": ' * 100 + "{}" + "}" * 100,
            "was refused because it is nested deeper than 40 levels or is not valid JSON",
        ),
        ('{"type": 5}', "is not a valid JSON Schema (5 is not valid under any of the given schemas)"),
    ],
    ids=["huge", "deeply nested", "not a schema"],
)
def test_an_unusable_schema_file_is_refused_without_changing_the_verdict(
    ob3: Ob3Issuer, tmp_path: Path, content: str, reason: str
) -> None:
    (tmp_path / "credential.json").write_text(content)
    outcome = verify(ob3.sign(_naming(ob3, CREDENTIAL_SCHEMA_URL)), **_mapped(tmp_path))
    assert outcome.verdict == "valid"
    assert check(outcome, "schema") == (
        "skipped",
        f"The local copy of {CREDENTIAL_SCHEMA_URL} {reason}; {SKIPPED_ENDING}",
    )


def test_a_vc_jwt_payload_is_validated(ob3: Ob3Issuer, schema_dir: Path) -> None:
    header = {"alg": "EdDSA", "kid": ob3.verification_method}

    def token(payload: dict[str, Any]) -> str:
        return sign_compact(header, json.dumps(payload).encode(), ob3.key)

    valid = verify(token(_naming(ob3, CREDENTIAL_SCHEMA_URL)), **_mapped(schema_dir))
    assert (valid.verdict, check(valid, "schema")[0]) == ("valid", "passed")
    too_long = verify(token(_naming(ob3, CREDENTIAL_SCHEMA_URL, **_long_name(ob3))), **_mapped(schema_dir))
    assert too_long.verdict == "invalid"
    assert "at credentialSubject.achievement.name: " in check(too_long, "schema")[1]


def test_wallet_verify_with_a_map(
    ob3: Ob3Issuer, schema_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _write(tmp_path, "good.json", ob3.sign(_naming(ob3, CREDENTIAL_SCHEMA_URL)))
    bad = _write(tmp_path, "bad.json", ob3.sign(_naming(ob3, CREDENTIAL_SCHEMA_URL, **_long_name(ob3))))
    base = ["verify", "--json", "--offline", "--now", "2026-06-01T00:00:00Z", "--map", f"{PREFIX}={schema_dir}"]
    assert cli.main([*base, str(good), str(bad)]) == 1
    lines = [json.loads(text) for text in capsys.readouterr().out.splitlines()]
    assert [line["verdict"] for line in lines] == ["valid", "invalid"]
    schema_checks = [next(item for item in line["checks"] if item["id"] == "schema") for line in lines]
    assert [item["status"] for item in schema_checks] == ["passed", "failed"]


def test_schemas_that_never_end_are_skipped(ob3: Ob3Issuer, tmp_path: Path) -> None:
    document = ob3.sign(_naming(ob3, PREFIX + "loop.json", PREFIX + "many.json"))
    _write(tmp_path, "loop.json", {"$ref": "#"})
    _write(tmp_path, "many.json", {"allOf": [{"$ref": f"part{number}.json"} for number in range(25)]})
    for number in range(25):
        _write(tmp_path, f"part{number}.json", {"type": "object"})
    outcome = verify(document, **_mapped(tmp_path))
    assert outcome.verdict == "valid"
    status, message = check(outcome, "schema")
    assert status == "skipped"
    assert f"The JSON Schema {PREFIX}loop.json refers to itself without end; " in message
    assert "json was not read: the schemas link more than 20 files; " in message
