"""Embedded proofs: pick the suite, find the key, apply the trust policy, check the signature.

One proof that passes is enough (proof sets from several signers exist); the report names which
proof passed and what happened to the others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from wallet_app.credentials import jsonld
from wallet_app.credentials.errors import FetchError
from wallet_app.credentials.fields import as_list
from wallet_app.credentials.keys import JsonFetcher, KeyResolutionError, ResolvedKey, resolve_verification_method
from wallet_app.credentials.ob3.trust import binding_problem, trust_note
from wallet_app.credentials.proofs import data_integrity
from wallet_app.credentials.proofs.data_integrity import ProofFormatError
from wallet_app.credentials.proofs.ecdsa_sd import ECDSA_SD_2023, verify_derived
from wallet_app.credentials.proofs.ed25519_2020 import ED25519_2020_CONTEXT, ED25519_SIGNATURE_2020
from wallet_app.credentials.report import CheckStatus, VerificationReport


@dataclass(frozen=True)
class ProofResult:
    """The outcome of one proof. ``supported`` is False for suites the wallet cannot check."""

    label: str
    status: CheckStatus
    message: str
    key: ResolvedKey | None = None
    supported: bool = True
    warning: bool = False


class _CanonicalDocument:
    """The document's canonical N-Quads, computed once however many proofs need it."""

    def __init__(self, document: dict[str, Any]) -> None:
        self._document = document
        self._value: str | None = None

    def get(self) -> str:
        if self._value is None:
            self._value = jsonld.canonize(data_integrity.unsecured_document(self._document))
        return self._value


def evaluate_proofs(document: dict[str, Any], issuer_id: str | None, fetcher: JsonFetcher) -> list[ProofResult]:
    canonical = _CanonicalDocument(document)
    return [
        _evaluate(document, proof, issuer_id, fetcher, canonical) if isinstance(proof, dict) else _malformed()
        for proof in as_list(document.get("proof"))
    ]


def _malformed() -> ProofResult:
    return ProofResult("proof", CheckStatus.FAILED, "A proof in the credential is not a JSON object.")


def _suite_label(proof: dict[str, Any]) -> tuple[str, str | None, bool]:
    """(label, problem, warning) for the proof's suite; problem is None when we can check it."""
    proof_type = proof.get("type")
    if proof_type == ED25519_SIGNATURE_2020:
        return ED25519_SIGNATURE_2020, None, False
    if proof_type == data_integrity.DATA_INTEGRITY_PROOF:
        suite = str(proof.get("cryptosuite"))
        if suite == data_integrity.EDDSA_RDFC_2022:
            return suite, None, False
        if suite == data_integrity.LEGACY_EDDSA_2022:
            return suite, None, True
        if suite == ECDSA_SD_2023:
            return suite, None, False
        return suite, f'The signature suite "{suite}" is not supported by the wallet.', False
    return str(proof_type), f'The proof type "{proof_type}" is not supported by the wallet.', False


def _evaluate(
    document: dict[str, Any],
    proof: dict[str, Any],
    issuer_id: str | None,
    fetcher: JsonFetcher,
    canonical: _CanonicalDocument,
) -> ProofResult:
    label, unsupported, legacy_name = _suite_label(proof)
    if unsupported:
        return ProofResult(label, CheckStatus.FAILED, unsupported, supported=False)
    if proof.get("proofPurpose") != "assertionMethod":
        return ProofResult(label, CheckStatus.FAILED, "The proof was not made for issuing (proofPurpose).")
    if label == ED25519_SIGNATURE_2020 and ED25519_2020_CONTEXT not in as_list(document.get("@context")):
        return ProofResult(label, CheckStatus.FAILED, "The Ed25519Signature2020 proof lacks its context.")

    def verify(key: ResolvedKey) -> bool:
        if label == ECDSA_SD_2023:
            return verify_derived(document, proof, key.public_key)
        signed = data_integrity.signing_input(document, proof, canonical.get())
        return data_integrity.verify_ed25519(signed, proof, key.public_key)

    result = check_signed(
        label,
        lambda: resolve_verification_method(proof.get("verificationMethod"), fetcher),
        issuer_id,
        verify,
        (ProofFormatError, jsonld.ContextError),
    )
    if legacy_name and result.status is CheckStatus.PASSED:
        message = f"The {label} (an old name for eddsa-rdfc-2022) signature is valid."
        return replace(result, message=message, warning=True)
    return result


def check_signed(
    label: str,
    find_key: Callable[[], ResolvedKey],
    issuer_id: str | None,
    verify: Callable[[ResolvedKey], bool],
    format_errors: tuple[type[Exception], ...],
) -> ProofResult:
    """The steps every proof shares: find the key, apply the trust policy, check the signature.

    ``format_errors`` are what ``verify`` raises for a malformed proof (a definitive failure).
    """
    try:
        key = find_key()
    except KeyResolutionError as exc:
        return ProofResult(label, CheckStatus.FAILED, str(exc))
    except FetchError as exc:
        return ProofResult(label, CheckStatus.INDETERMINATE, f"The signing key could not be retrieved: {exc}")
    problem = binding_problem(key, issuer_id)
    if problem:
        return ProofResult(label, CheckStatus.FAILED, problem, key)
    try:
        good = verify(key)
    except format_errors as exc:
        return ProofResult(label, CheckStatus.FAILED, str(exc), key)
    if not good:
        return ProofResult(
            label, CheckStatus.FAILED, "The signature does not match: the credential was changed after signing.", key
        )
    return ProofResult(label, CheckStatus.PASSED, f"The {label} signature is valid.", key)


def record_proofs(results: list[ProofResult], report: VerificationReport) -> None:
    """Add the "proof" check (and "issuer-key" for the proof that passed)."""
    if not results:
        report.failed(
            "proof", "The credential carries no signature, so nobody can tell who issued it or if it was changed."
        )
        return
    passed = [result for result in results if result.status is CheckStatus.PASSED]
    if passed:
        best = passed[0]
        others = [result for result in results if result is not best]
        message = best.message + "".join(f" Also: {result.label}: {result.message}" for result in others)
        doubtful = any(result.status is not CheckStatus.PASSED for result in others)
        report.passed("proof", message, warning=best.warning or doubtful)
        if best.key:
            note, warning = trust_note(best.key)
            report.passed("issuer-key", note, warning=warning)
        return
    decisive = [r for r in results if r.supported and r.status is CheckStatus.FAILED]
    pending = [r for r in results if r.status is CheckStatus.INDETERMINATE]
    chosen = (decisive or pending or results)[0]
    report.add("proof", chosen.status, chosen.message)
