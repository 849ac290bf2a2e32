"""Endorsements carried inside a badge (`endorsement`, `endorsementJwt` on the credential, its
issuer, its achievement and the achievement's creator), each verified as a credential of its own.

An endorsement never changes the badge's verdict; the learner sees each one with its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from wallet_app.credentials.fields import as_list, node_id
from wallet_app.credentials.model import EndorsementSummary
from wallet_app.credentials.ob3.shape import subjects
from wallet_app.credentials.report import Verdict, VerificationReport

EndorsementVerifier = Callable[[dict[str, Any] | str], EndorsementSummary]


def embedded_endorsements(document: dict[str, Any]) -> list[tuple[str | None, dict[str, Any] | str]]:
    """Each embedded endorsement with the id of the node that carries it (what it should endorse)."""
    holders: list[Any] = [document, document.get("issuer")]
    for subject in subjects(document):
        achievement = subject.get("achievement")
        holders += [achievement, achievement.get("creator") if isinstance(achievement, dict) else None]
    found: list[tuple[str | None, dict[str, Any] | str]] = []
    for holder in holders:
        if isinstance(holder, dict):
            items = [item for item in as_list(holder.get("endorsement")) if isinstance(item, dict)]
            items += [item for item in as_list(holder.get("endorsementJwt")) if isinstance(item, str)]
            found += [(node_id(holder), item) for item in items]
    return found


def check_endorsements(
    document: dict[str, Any], report: VerificationReport, verify_one: EndorsementVerifier
) -> list[EndorsementSummary]:
    """Verify each embedded endorsement; add an informational "endorsements" check when there are any.

    An endorsement that verifies but endorses something other than the node carrying it was
    copied from elsewhere, so it is marked invalid here rather than lending its issuer's name.
    """
    summaries = []
    for holder_id, item in embedded_endorsements(document):
        summary = verify_one(item)
        if summary.verdict == Verdict.VALID and summary.endorsed_id != holder_id:
            summary = replace(summary, verdict=Verdict.INVALID.value)
        summaries.append(summary)
    if summaries:
        unverified = [summary for summary in summaries if summary.verdict != Verdict.VALID]
        message = f"{len(summaries) - len(unverified)} of {len(summaries)} endorsements verified."
        if unverified:
            message += " Endorsements that did not verify are shown as such and do not affect the badge."
        report.passed("endorsements", message, warning=bool(unverified))
    return summaries
