"""OB 2.0 endorsements, each verified as its own hosted object.

An endorsement says something about a badge, badge class or issuer; whether it holds up is shown
next to it, but it never changes the verdict of the badge it endorses.
"""

from __future__ import annotations

from wallet_app.credentials.errors import FetchError
from wallet_app.credentials.fetch import Fetcher
from wallet_app.credentials.fields import as_list, issuer_of
from wallet_app.credentials.model import EndorsementSummary
from wallet_app.credentials.ob2_checks import check_dates, check_linked_node, check_structure
from wallet_app.credentials.ob2_hosted import check_not_revoked_flag, check_scope, fetch_hosted
from wallet_app.credentials.ob2_nodes import resolve_node
from wallet_app.credentials.ob2_normalize import optional_date
from wallet_app.credentials.ob2_shapes import endorsement_problems, profile_problems, verification_type
from wallet_app.credentials.options import VerifyOptions
from wallet_app.credentials.report import CheckStatus, Verdict, VerificationReport

MAX_ENDORSEMENTS = 20


def verify_endorsement(
    endorsement: dict, options: VerifyOptions, fetcher: Fetcher, report: VerificationReport
) -> tuple[dict, dict | None]:
    """Check one endorsement into ``report``; returns the endorsement as checked and its issuer."""
    kind = verification_type(endorsement)
    if kind == "hosted":
        endorsement = fetch_hosted(endorsement, "endorsement", fetcher, report) or endorsement
    elif kind == "signed":
        report.indeterminate("signature", "Signed endorsements cannot be checked by this wallet yet.")
    check_structure(endorsement, endorsement_problems, "endorsement.structure", "endorsement", report)
    check_not_revoked_flag(endorsement, "endorsement", report)
    issuer = check_linked_node(
        endorsement.get("issuer"), "Issuer", profile_problems, "issuer", "endorser's profile", fetcher, report
    )
    if kind == "hosted" and issuer is not None and isinstance(endorsement.get("id"), str):
        check_scope(endorsement["id"], "endorsement", issuer, report)
    check_dates(endorsement, "endorsement", options, report)
    return endorsement, issuer


def summarize_endorsements(
    nodes: list[dict | None], options: VerifyOptions, fetcher: Fetcher, report: VerificationReport
) -> list[EndorsementSummary]:
    """Verify the endorsements of the given nodes; adds one informational check to ``report``."""
    values = [value for node in nodes if node for value in as_list(node.get("endorsement"))]
    summaries = [_summary(value, options, fetcher) for value in values[:MAX_ENDORSEMENTS]]
    if not summaries:
        return summaries
    valid_count = sum(summary.verdict == Verdict.VALID for summary in summaries)
    message = f"{valid_count} of {len(summaries)} endorsements verified"
    if valid_count == len(summaries):
        report.passed("endorsements", f"{message}.")
    else:
        report.add(
            "endorsements",
            CheckStatus.SKIPPED,
            f"{message}; the others could not be confirmed. Endorsements never change this badge's verdict.",
            warning=True,
        )
    return summaries


def _summary(value: object, options: VerifyOptions, fetcher: Fetcher) -> EndorsementSummary:
    endorsement_report = VerificationReport(checked_at=options.now)
    try:
        endorsement = resolve_node(fetcher, value, "Endorsement").node
    except (FetchError, ValueError):
        return EndorsementSummary(id=value if isinstance(value, str) else None, verdict=Verdict.INDETERMINATE.value)
    endorsement, issuer = verify_endorsement(endorsement, options, fetcher, endorsement_report)
    claim = endorsement.get("claim")
    comment = claim.get("endorsementComment") if isinstance(claim, dict) else None
    return EndorsementSummary(
        id=endorsement.get("id") if isinstance(endorsement.get("id"), str) else None,
        issuer=issuer_of(issuer),
        comment=comment if isinstance(comment, str) else None,
        issued_on=optional_date(endorsement.get("issuedOn")),
        verdict=endorsement_report.verdict.value,
    )
