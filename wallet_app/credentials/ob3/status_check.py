"""Revocation and suspension: BitstringStatusListEntry (and its StatusList2021 predecessor) and
the 1EdTech revocation list.

A status list is itself a credential, so before reading any bit it is verified like one (proof,
issuer key, validity, type); a list that fails its own checks proves nothing either way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wallet_app.credentials.errors import FetchError
from wallet_app.credentials.fields import as_list
from wallet_app.credentials.keys import JsonFetcher
from wallet_app.credentials.ob3.shape import subjects
from wallet_app.credentials.report import CheckStatus, Verdict, VerificationReport
from wallet_app.credentials.status import StatusListError, bit_is_set, decode_status_list, parse_index

# Entry type -> the type its list credential must have.
BITSTRING_ENTRY_TYPES = {
    "BitstringStatusListEntry": "BitstringStatusListCredential",
    "StatusList2021Entry": "StatusList2021Credential",
}
REVOCATION_LIST_1EDTECH = "1EdTechRevocationList"
PURPOSE_WORDS = {"revocation": "revoked", "suspension": "suspended"}

ListVerifier = Callable[[dict[str, Any], str], VerificationReport]


@dataclass(frozen=True)
class _EntryResult:
    status: CheckStatus
    message: str


def check_status(
    document: dict[str, Any], fetcher: JsonFetcher, report: VerificationReport, verify_list: ListVerifier
) -> None:
    """Add the "status" check; ``verify_list(list_document, required_type)`` verifies a list credential."""
    entries = as_list(document.get("credentialStatus"))
    if not entries:
        report.skipped("status", "The issuer publishes no revocation status for this credential.")
        return
    results = [_check_entry(entry, document, fetcher, verify_list) for entry in entries]
    for wanted in (CheckStatus.FAILED, CheckStatus.INDETERMINATE):
        chosen = next((result for result in results if result.status is wanted), None)
        if chosen:
            report.add("status", chosen.status, chosen.message)
            return
    report.passed("status", " ".join(result.message for result in results))


def _check_entry(entry: Any, document: dict[str, Any], fetcher: JsonFetcher, verify_list: ListVerifier) -> _EntryResult:
    entry_type = entry.get("type") if isinstance(entry, dict) else None
    if entry_type in BITSTRING_ENTRY_TYPES:
        return _check_bitstring(entry, BITSTRING_ENTRY_TYPES[entry_type], fetcher, verify_list)
    if entry_type == REVOCATION_LIST_1EDTECH:
        return _check_1edtech_list(entry, document, fetcher)
    return _EntryResult(
        CheckStatus.INDETERMINATE, f"The wallet cannot read the status type {entry_type!r}, so revocation is unknown."
    )


def _check_bitstring(
    entry: dict[str, Any], list_type: str, fetcher: JsonFetcher, verify_list: ListVerifier
) -> _EntryResult:
    url = entry.get("statusListCredential")
    purpose = entry.get("statusPurpose")
    try:
        index = parse_index(entry.get("statusListIndex"))
        list_document = fetcher.get_json(str(url))
    except StatusListError as exc:
        return _EntryResult(CheckStatus.FAILED, str(exc))
    except FetchError as exc:
        return _EntryResult(CheckStatus.INDETERMINATE, f"The revocation list could not be retrieved: {exc}")
    if not isinstance(list_document, dict):
        return _EntryResult(CheckStatus.FAILED, "The revocation list is not a credential.")
    list_report = verify_list(list_document, list_type)
    if list_report.verdict is not Verdict.VALID:
        reason = next(
            check
            for check in list_report.checks
            if check.status is not CheckStatus.PASSED and check.status is not CheckStatus.SKIPPED
        )
        status = CheckStatus.FAILED if list_report.verdict is Verdict.INVALID else CheckStatus.INDETERMINATE
        return _EntryResult(status, f"The revocation list cannot be trusted: {reason.message}")
    list_subject = next(iter(subjects(list_document)), {})
    if list_subject.get("statusPurpose") != purpose:
        return _EntryResult(CheckStatus.FAILED, "The revocation list is for a different purpose than the entry.")
    try:
        is_set = bit_is_set(decode_status_list(list_subject.get("encodedList")), index)
    except StatusListError as exc:
        return _EntryResult(CheckStatus.FAILED, str(exc))
    word = PURPOSE_WORDS.get(str(purpose))
    if is_set and word:
        return _EntryResult(CheckStatus.FAILED, f"The issuer has {word} this credential.")
    return _EntryResult(CheckStatus.PASSED, f"The issuer's list shows the credential is not {word or purpose}.")


def _check_1edtech_list(entry: dict[str, Any], document: dict[str, Any], fetcher: JsonFetcher) -> _EntryResult:
    try:
        revocations = fetcher.get_json(str(entry.get("id")))
    except FetchError as exc:
        return _EntryResult(CheckStatus.INDETERMINATE, f"The revocation list could not be retrieved: {exc}")
    revoked = revocations.get("revokedCredentials") if isinstance(revocations, dict) else None
    if not isinstance(revoked, list):
        return _EntryResult(CheckStatus.FAILED, "The issuer's revocation list is not in the 1EdTech format.")
    if any(isinstance(item, dict) and item.get("id") == document.get("id") for item in revoked):
        return _EntryResult(CheckStatus.FAILED, "The issuer has revoked this credential.")
    return _EntryResult(CheckStatus.PASSED, "The issuer's revocation list does not name this credential.")
