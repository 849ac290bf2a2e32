"""Structure checks before any cryptography: contexts, types and the fields a verifier relies on.

Any Verifiable Credential is accepted; the Open Badges rules are added when an OB type is present,
so the plain VCs seen in the wild still verify.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wallet_app.credentials import jsonld
from wallet_app.credentials.fields import as_list, node_id
from wallet_app.credentials.report import VerificationReport

VC_V1_CONTEXT = "https://www.w3.org/2018/credentials/v1"
VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXTS = frozenset(
    {
        "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        "https://imsglobal.github.io/openbadges-specification/ob_v3p0.html",
        "https://w3c-ccg.github.io/vc-ed/plugfest-1-2022/jff-vc-edu-plugfest-1-context.json",
    }
)
BADGE_TYPES = frozenset({"OpenBadgeCredential", "AchievementCredential"})
ENDORSEMENT_TYPE = "EndorsementCredential"


@dataclass(frozen=True)
class Shape:
    """What the structure checks learned, for the later steps."""

    vc_version: int
    types: frozenset[str]
    issuer_id: str | None

    @property
    def is_badge(self) -> bool:
        return bool(self.types & BADGE_TYPES)

    @property
    def is_endorsement(self) -> bool:
        return ENDORSEMENT_TYPE in self.types


def types_of(node: Any) -> frozenset[str]:
    if not isinstance(node, dict):
        return frozenset()
    return frozenset(item for item in as_list(node.get("type")) if isinstance(item, str))


def subjects(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [subject for subject in as_list(document.get("credentialSubject")) if isinstance(subject, dict)]


def check_shape(
    document: dict[str, Any], report: VerificationReport, *, required_type: str | None = None
) -> Shape | None:
    """Add the context, type and field checks; None when the document is not a credential at all."""
    vc_version = _check_contexts(document, report)
    types = types_of(document)
    issuer_id = node_id(document.get("issuer"))
    shape = Shape(vc_version or 2, types, issuer_id)
    _check_types(shape, report, required_type)
    _check_fields(document, shape, report)
    return shape if vc_version else None


def _check_contexts(document: dict[str, Any], report: VerificationReport) -> int | None:
    contexts = as_list(document.get("@context"))
    first = contexts[0] if contexts else None
    if first not in (VC_V1_CONTEXT, VC_V2_CONTEXT):
        report.failed("context", "This is not a Verifiable Credential: its first @context must be the VC context.")
        return None
    unknown = sorted(_urls(contexts) - jsonld.known_context_urls())
    if unknown:
        report.failed(
            "context",
            f"The credential uses a JSON-LD context the wallet does not ship ({unknown[0]}), so its meaning "
            "cannot be checked. Ask the issuer for a credential that uses the published contexts.",
        )
    elif types_of(document) & (BADGE_TYPES | {ENDORSEMENT_TYPE}) and not _ob_context_second(contexts):
        report.failed("context", "The badge does not name the Open Badges 3.0 context right after the VC context.")
    elif first == VC_V1_CONTEXT:
        report.passed(
            "context",
            "The credential uses the older VC 1.1 form (issuanceDate/expirationDate); it is still accepted.",
            warning=True,
        )
    else:
        report.passed("context", "The credential uses the VC 2.0 and published contexts.")
    return 1 if first == VC_V1_CONTEXT else 2


def _ob_context_second(contexts: list[Any]) -> bool:
    return len(contexts) > 1 and isinstance(contexts[1], str) and contexts[1] in OB_CONTEXTS


def _urls(contexts: list[Any]) -> set[str]:
    """The context URLs (inline context objects are left out)."""
    return {url for url in contexts if isinstance(url, str)}


def _check_types(shape: Shape, report: VerificationReport, required_type: str | None) -> None:
    if "VerifiableCredential" not in shape.types:
        report.failed("type", 'The credential\'s type does not include "VerifiableCredential".')
    elif required_type and required_type not in shape.types:
        report.failed("type", f"The document is not a {required_type}.")
    elif shape.is_badge:
        report.passed("type", "This is an Open Badges 3.0 achievement credential.")
    elif shape.is_endorsement:
        report.passed("type", "This is an Open Badges 3.0 endorsement.")
    else:
        report.passed("type", "This is a Verifiable Credential (not an Open Badge type).")


def _check_fields(document: dict[str, Any], shape: Shape, report: VerificationReport) -> None:
    problems: list[str] = []
    if not shape.issuer_id:
        problems.append("it does not say who issued it (issuer id)")
    if not subjects(document):
        problems.append("it has no credentialSubject")
    if shape.vc_version == 1 and "issuanceDate" not in document:
        problems.append("it has no issuanceDate")
    if shape.is_badge and not all(isinstance(subject.get("achievement"), dict) for subject in subjects(document)):
        problems.append("it does not describe the achievement")
    if shape.is_endorsement and not all(node_id(subject) for subject in subjects(document)):
        problems.append("it does not say what it endorses (credentialSubject id)")
    if problems:
        report.failed("fields", "The credential is incomplete: " + "; ".join(problems) + ".")
    elif shape.is_badge and not all(subject.get("id") or subject.get("identifier") for subject in subjects(document)):
        # Common in the wild (DCC issues to a name only); the badge still verifies but is not bound to anyone.
        report.passed(
            "fields",
            "The badge names its learner by neither an id nor an identifier, so nothing ties it to one person.",
            warning=True,
        )
    else:
        report.passed("fields", "The credential has every field a verifier needs.")
