"""Hostile OB 3.0 input: never a crash, never a network request the policy forbids, never "valid"."""

from __future__ import annotations

import copy
import socket

import pytest

from tests.ob3_issuer import NOW, Ob3Issuer, check, verify
from wallet_app.credentials import issuing
from wallet_app.credentials.verify import VerificationOutcome

CRASH_MESSAGE = "internal problem"


@pytest.fixture(scope="module")
def ob3() -> Ob3Issuer:
    return Ob3Issuer()


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the verifier tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)


def _not_crashed(outcome: VerificationOutcome) -> VerificationOutcome:
    assert CRASH_MESSAGE not in (outcome.error or "")
    return outcome


@pytest.mark.usefixtures("no_network")
def test_context_that_is_not_bundled_is_refused_without_fetching(ob3: Ob3Issuer) -> None:
    unsigned = ob3.unsigned()
    unsigned["@context"].append("https://evil.example/context.jsonld")
    unsigned["evil"] = "term only the unknown context defines"
    outcome = verify(unsigned | {"proof": ob3.credential()["proof"]}, offline=False)
    assert outcome.verdict == "invalid"
    assert "does not ship" in check(outcome, "context")[1]


def test_did_web_on_a_private_address_is_never_contacted(ob3: Ob3Issuer, listener: socket.socket) -> None:
    port = listener.getsockname()[1]
    did = f"did:web:127.0.0.1%3A{port}"
    unsigned = ob3.unsigned(issuer={"id": did, "name": "Local"})
    document = issuing.sign_credential(unsigned, ob3.key, f"{did}#key-1", NOW)
    outcome = verify(document, offline=False)
    assert outcome.verdict == "indeterminate"
    assert check(outcome, "proof")[0] == "indeterminate"
    with pytest.raises(BlockingIOError):
        listener.accept()


MUTATIONS = {
    "proof is a string": lambda d: d.__setitem__("proof", "zzz"),
    "proof list of junk": lambda d: d.__setitem__("proof", [1, None, "x", {"type": None}]),
    "issuer is a number": lambda d: d.__setitem__("issuer", 42),
    "subject is a string": lambda d: d.__setitem__("credentialSubject", "me"),
    "type is an object": lambda d: d.__setitem__("type", {"a": 1}),
    "context is a number": lambda d: d.__setitem__("@context", 7),
    "inline context second": lambda d: d["@context"].insert(1, {"@vocab": "https://evil.example/#"}),
    "context redefines a protected term": lambda d: d["@context"].append({"name": "https://evil.example/name"}),
    "validFrom is garbage": lambda d: d.__setitem__("validFrom", "yesterday"),
    "validUntil is a list": lambda d: d.__setitem__("validUntil", ["2030"]),
    "verificationMethod is an object": lambda d: d["proof"].__setitem__("verificationMethod", {"id": 1}),
    "proofValue not base58": lambda d: d["proof"].__setitem__("proofValue", "z0OIl"),
    "huge status index": lambda d: d.__setitem__(
        "credentialStatus", issuing.status_entry("https://status.example/1", 10**30)
    ),
    "status entry junk": lambda d: d.__setitem__("credentialStatus", [None, 5, {"type": 3}]),
    "endorsements junk": lambda d: d.__setitem__("endorsement", [{"proof": 5}, "x"]),
    "endorsementJwt junk": lambda d: d.__setitem__("endorsementJwt", ["a.b.c", "not a jwt", 7]),
    "identifier junk": lambda d: d["credentialSubject"].__setitem__("identifier", [None, {"identityHash": 5}]),
}


@pytest.mark.parametrize("mutate", MUTATIONS.values(), ids=MUTATIONS.keys())
def test_malformed_signed_credentials_are_invalid_not_crashes(ob3: Ob3Issuer, mutate) -> None:
    document = copy.deepcopy(ob3.credential())
    mutate(document)
    outcome = _not_crashed(verify(document, recipients=("learner@example.org",)))
    assert outcome.verdict in ("invalid", "error")


@pytest.mark.parametrize(
    "source",
    [
        b'{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": "VerifiableCredential"}',
        b"eyJhbGciOiJFZERTQSJ9.bm90IGpzb24.c2ln",
        b"eyJhbGciOiJFZERTQSJ9.WzEsMl0.c2ln",
    ],
    ids=["bare vc", "jws payload not json", "jws payload a list"],
)
def test_odd_inputs_never_crash(source: bytes) -> None:
    outcome = _not_crashed(verify(source))
    assert outcome.verdict in ("invalid", "error")


def test_open_badges_context_must_follow_the_vc_context(ob3: Ob3Issuer) -> None:
    document = ob3.credential()
    document["@context"].insert(1, "https://www.w3.org/ns/credentials/status/v1")  # changes no statement
    outcome = verify(document)
    assert check(outcome, "proof")[0] == "passed"
    assert outcome.verdict == "invalid"
    assert check(outcome, "context")[0] == "failed"
