"""Tampering matrix on credentials our own issuer signed: every change must be caught by the right check."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from tests.ob2_issuer import LoopbackIssuer
from tests.ob3_issuer import LEARNER_EMAIL, NOW, Ob3Issuer, check, verify
from wallet_app.credentials import issuing
from wallet_app.credentials.proofs.data_integrity import sign_ed25519
from wallet_app.credentials.proofs.ed25519_2020 import ED25519_2020_CONTEXT, ed25519_signature_2020_options


@pytest.fixture(scope="module")
def ob3() -> Ob3Issuer:
    return Ob3Issuer()


def test_untouched_credential_is_valid(ob3: Ob3Issuer) -> None:
    outcome = verify(ob3.credential(), recipients=(LEARNER_EMAIL,))
    assert outcome.verdict == "valid"
    assert check(outcome, "proof") == ("passed", "The eddsa-rdfc-2022 signature is valid.")
    assert check(outcome, "issuer-key")[0] == "passed"
    assert check(outcome, "recipient")[0] == "passed"
    assert outcome.credential is not None and outcome.credential.achievement.name == "Python Basics"


def _set(path: tuple[str | int, ...], value: object) -> Callable[[dict], None]:
    def change(document: dict) -> None:
        node = document
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


def _delete(path: tuple[str, ...]) -> Callable[[dict], None]:
    def change(document: dict) -> None:
        node = document
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return change


TAMPERING = {
    "name": _set(("name",), "Python Mastery"),
    "issuer name": _set(("issuer", "name"), "Famous University"),
    "achievement name": _set(("credentialSubject", "achievement", "name"), "Rocket Science"),
    "criteria": _set(("credentialSubject", "achievement", "criteria", "narrative"), "Nothing."),
    "recipient hash": _set(("credentialSubject", "identifier", 0, "identityHash"), "sha256$00"),
    "validFrom": _set(("validFrom",), "2020-01-01T00:00:00Z"),
    "added field": _set(("description",), "Extra claim"),
    "removed field": _delete(("credentialSubject", "achievement", "description")),
    "proof created": _set(("proof", "created"), "2020-01-01T00:00:00Z"),
    "credential id": _set(("id",), "urn:uuid:00000000-0000-0000-0000-000000000000"),
}


@pytest.mark.parametrize("change", TAMPERING.values(), ids=TAMPERING.keys())
def test_any_change_to_a_signed_field_breaks_the_signature(ob3: Ob3Issuer, change: Callable[[dict], None]) -> None:
    document = ob3.credential()
    change(document)
    outcome = verify(document)
    assert outcome.verdict == "invalid"
    assert check(outcome, "proof")[0] == "failed"


def test_proof_swapped_from_another_credential_fails(ob3: Ob3Issuer) -> None:
    document = ob3.credential()
    other = ob3.credential(credential_id="urn:uuid:8f9c0f5e-4c55-4d8e-9d5a-2f0f6d9f0002")
    document["proof"] = other["proof"]
    outcome = verify(document)
    assert outcome.verdict == "invalid"
    assert "changed after signing" in check(outcome, "proof")[1]


def test_key_the_issuer_does_not_control_is_refused(ob3: Ob3Issuer) -> None:
    intruder = Ob3Issuer()
    document = intruder.sign(ob3.unsigned())  # claims ob3's did as issuer, signed by another did:key
    outcome = verify(document)
    assert outcome.verdict == "invalid"
    status, message = check(outcome, "proof")
    assert status == "failed" and "not by its issuer" in message


def test_expired_credential_is_invalid(ob3: Ob3Issuer) -> None:
    outcome = verify(ob3.credential(valid_until=NOW - timedelta(days=1)))
    assert outcome.verdict == "invalid"
    assert check(outcome, "validity")[0] == "failed"
    assert check(outcome, "proof")[0] == "passed"


def test_not_yet_valid_credential_is_invalid(ob3: Ob3Issuer) -> None:
    outcome = verify(ob3.credential(valid_from=NOW + timedelta(days=2)))
    assert outcome.verdict == "invalid"
    assert "not valid yet" in check(outcome, "validity")[1]


def test_small_clock_skew_is_tolerated(ob3: Ob3Issuer) -> None:
    outcome = verify(ob3.credential(valid_from=NOW + timedelta(seconds=60)))
    assert outcome.verdict == "valid"


def test_wrong_recipient_is_invalid(ob3: Ob3Issuer) -> None:
    outcome = verify(ob3.credential(), recipients=("someone.else@example.org",))
    assert outcome.verdict == "invalid"
    assert check(outcome, "recipient")[0] == "failed"


def test_subject_did_matches_recipient(ob3: Ob3Issuer) -> None:
    learner_did = Ob3Issuer().did
    outcome = verify(ob3.credential(subject={"id": learner_did}), recipients=(learner_did,))
    assert check(outcome, "recipient")[0] == "passed"


def test_legacy_ed25519_signature_2020_from_our_key_verifies(ob3: Ob3Issuer) -> None:
    unsigned = ob3.unsigned()
    unsigned["@context"].append(ED25519_2020_CONTEXT)
    options = ed25519_signature_2020_options(ob3.verification_method, "2026-05-01T00:00:00Z")
    outcome = verify(sign_ed25519(unsigned, options, ob3.key))
    assert outcome.verdict == "valid"
    assert "Ed25519Signature2020" in check(outcome, "proof")[1]


def test_several_proofs_report_which_passed(ob3: Ob3Issuer) -> None:
    document = ob3.credential()
    unknown = {"type": "SomeProofType", "proofPurpose": "assertionMethod", "proofValue": "z1"}
    document["proof"] = [unknown, document["proof"]]
    outcome = verify(document)
    assert outcome.verdict == "valid"
    proof_check = next(item for item in outcome.report.checks if item.id == "proof")
    assert proof_check.warning and "eddsa-rdfc-2022 signature is valid" in proof_check.message
    assert "SomeProofType" in proof_check.message


def test_embedded_endorsement_is_verified_on_its_own(ob3: Ob3Issuer) -> None:
    endorsement = Ob3Issuer().endorsement("Solid course.")
    forged = copy.deepcopy(endorsement)
    forged["credentialSubject"]["endorsementComment"] = "Best course ever."
    unsigned = ob3.unsigned()
    unsigned["credentialSubject"]["achievement"]["endorsement"] = [endorsement, forged]
    outcome = verify(ob3.sign(unsigned))
    assert outcome.verdict == "valid"
    assert outcome.credential is not None
    verdicts = [(item.comment, item.verdict) for item in outcome.credential.endorsements]
    assert verdicts == [("Solid course.", "valid"), ("Best course ever.", "invalid")]
    assert next(item for item in outcome.report.checks if item.id == "endorsements").warning


def test_endorsement_about_something_else_is_not_lent_to_the_badge(ob3: Ob3Issuer) -> None:
    unsigned = ob3.unsigned()
    unsigned["issuer"]["endorsement"] = [Ob3Issuer().endorsement("Fine course.")]  # endorses the achievement
    outcome = verify(ob3.sign(unsigned))
    assert outcome.verdict == "valid"
    assert outcome.credential is not None
    assert [item.verdict for item in outcome.credential.endorsements] == ["invalid"]


class TestStatusList:
    """Revocation through a BitstringStatusListCredential served over loopback HTTP."""

    INDEX = 42

    def _badge(self, ob3: Ob3Issuer, issuer: LoopbackIssuer, list_path: str = "/status/1") -> dict:
        return ob3.credential(credential_status=issuing.status_entry(issuer.url(list_path), self.INDEX))

    def _verify(self, document: dict, issuer: LoopbackIssuer):
        return verify(document, offline=False, allow_hosts=frozenset({issuer.host}))

    def test_not_revoked(self, ob3: Ob3Issuer, issuer: LoopbackIssuer) -> None:
        issuer.serve_json("/status/1", ob3.status_list(issuer.url("/status/1"), {1, 2, 3}))
        outcome = self._verify(self._badge(ob3, issuer), issuer)
        assert outcome.verdict == "valid"
        assert check(outcome, "status")[0] == "passed"

    def test_revoked(self, ob3: Ob3Issuer, issuer: LoopbackIssuer) -> None:
        issuer.serve_json("/status/1", ob3.status_list(issuer.url("/status/1"), {self.INDEX}))
        outcome = self._verify(self._badge(ob3, issuer), issuer)
        assert outcome.verdict == "invalid"
        assert check(outcome, "status") == ("failed", "The issuer has revoked this credential.")

    def test_index_as_number(self, ob3: Ob3Issuer, issuer: LoopbackIssuer) -> None:
        issuer.serve_json("/status/1", ob3.status_list(issuer.url("/status/1"), {self.INDEX}))
        entry = issuing.status_entry(issuer.url("/status/1"), self.INDEX) | {"statusListIndex": self.INDEX}
        outcome = self._verify(ob3.credential(credential_status=entry), issuer)
        assert check(outcome, "status")[0] == "failed"

    def test_tampered_list_is_not_trusted(self, ob3: Ob3Issuer, issuer: LoopbackIssuer) -> None:
        status_list = ob3.status_list(issuer.url("/status/1"), {self.INDEX})
        status_list["credentialSubject"]["encodedList"] = issuing.encode_status_list(set())
        issuer.serve_json("/status/1", status_list)
        outcome = self._verify(self._badge(ob3, issuer), issuer)
        assert outcome.verdict == "invalid"
        assert "cannot be trusted" in check(outcome, "status")[1]

    def test_expired_list_is_not_trusted(self, ob3: Ob3Issuer, issuer: LoopbackIssuer) -> None:
        expired = ob3.status_list(
            issuer.url("/status/1"), set(), valid_from=NOW - timedelta(days=9), valid_until=NOW - timedelta(days=2)
        )
        issuer.serve_json("/status/1", expired)
        outcome = self._verify(self._badge(ob3, issuer), issuer)
        assert outcome.verdict == "invalid"
        assert "expired" in check(outcome, "status")[1]

    def test_list_signed_by_someone_else_is_not_trusted(self, ob3: Ob3Issuer, issuer: LoopbackIssuer) -> None:
        intruder = Ob3Issuer()
        forged = intruder.sign(ob3.status_list(issuer.url("/status/1"), set()) | {"proof": None})
        issuer.serve_json("/status/1", forged)
        outcome = self._verify(self._badge(ob3, issuer), issuer)
        assert check(outcome, "status")[0] == "failed"

    def test_unreachable_list_is_indeterminate(self, ob3: Ob3Issuer, issuer: LoopbackIssuer) -> None:
        outcome = self._verify(self._badge(ob3, issuer, "/status/missing"), issuer)
        assert outcome.verdict == "indeterminate"
        assert check(outcome, "status")[0] == "indeterminate"

    def test_expired_beats_unreachable_list(self, ob3: Ob3Issuer, issuer: LoopbackIssuer) -> None:
        document = ob3.credential(
            credential_status=issuing.status_entry(issuer.url("/status/missing"), self.INDEX),
            valid_until=NOW - timedelta(days=1),
        )
        outcome = self._verify(document, issuer)
        assert check(outcome, "status")[0] == "indeterminate"
        assert outcome.verdict == "invalid"


class TestDidWebIssuer:
    """A did:web issuer whose DID document is read from a --map folder."""

    DID = "did:web:issuer.example:org"

    def _setup(self, tmp_path: Path, ob3: Ob3Issuer, *, listed_for_assertion: bool = True) -> dict:
        method_id = f"{self.DID}#key-1"
        method = {
            "id": method_id,
            "type": "Multikey",
            "controller": self.DID,
            "publicKeyMultibase": ob3.verification_method.split("#")[1],
        }
        document = {"@context": ["https://www.w3.org/ns/did/v1"], "id": self.DID, "verificationMethod": [method]}
        if listed_for_assertion:
            document["assertionMethod"] = [method_id]
        (tmp_path / "org").mkdir()
        (tmp_path / "org" / "did.json").write_text(json.dumps(document))
        unsigned = ob3.unsigned(issuer={"id": self.DID, "name": "Web Institute"})
        return issuing.sign_credential(unsigned, ob3.key, method_id, NOW)

    def _maps(self, tmp_path: Path) -> tuple[tuple[str, str], ...]:
        return (("https://issuer.example/", f"{tmp_path}/"),)

    def test_key_listed_for_assertion_is_trusted(self, tmp_path: Path, ob3: Ob3Issuer) -> None:
        outcome = verify(self._setup(tmp_path, ob3), maps=self._maps(tmp_path))
        assert outcome.verdict == "valid"
        assert check(outcome, "issuer-key") == (
            "passed",
            "The issuer's own did:web lists the signing key for issuing credentials.",
        )

    def test_key_not_listed_for_assertion_is_refused(self, tmp_path: Path, ob3: Ob3Issuer) -> None:
        outcome = verify(self._setup(tmp_path, ob3, listed_for_assertion=False), maps=self._maps(tmp_path))
        assert outcome.verdict == "invalid"
        assert "for issuing credentials" in check(outcome, "proof")[1]

    def test_missing_did_document_is_indeterminate(self, tmp_path: Path, ob3: Ob3Issuer) -> None:
        outcome = verify(self._setup(tmp_path, ob3))
        assert outcome.verdict == "indeterminate"
        assert check(outcome, "proof")[0] == "indeterminate"
