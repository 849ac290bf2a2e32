"""An OB 3.0 test issuer built on the production issuing API (did:key, eddsa-rdfc-2022).

Tests sign real credentials with it, then change one thing and check the verdict; status lists
are served by the loopback HTTP server of `tests.ob2_issuer` and reached through `allow_hosts`.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from wallet_app.credentials import issuing
from wallet_app.credentials.keys import did_key_verification_method
from wallet_app.credentials.options import VerifyOptions
from wallet_app.credentials.verify import VerificationOutcome, verify_source

NOW = datetime(2026, 6, 1, tzinfo=UTC)
LEARNER_EMAIL = "learner@example.org"
SALT = "pepper"


class Ob3Issuer:
    """Holds one Ed25519 key and signs OpenBadgeCredentials as its did:key."""

    def __init__(self) -> None:
        self.key = issuing.generate_issuer_key()
        self.did = issuing.issuer_did_key(self.key.public_key())
        self.verification_method = did_key_verification_method(self.key.public_key())

    def unsigned(self, **overrides: Any) -> dict[str, Any]:
        settings: dict[str, Any] = {
            "credential_id": "urn:uuid:8f9c0f5e-4c55-4d8e-9d5a-2f0f6d9f0001",
            "issuer": {"id": self.did, "name": "Demo Institute"},
            "achievement": {
                "id": "https://demo.example/achievements/python",
                "name": "Python Basics",
                "description": "Writes small, tested Python programs.",
                "criteria": {"narrative": "Complete the four course projects."},
            },
            "subject": {"identifier": [issuing.identity_object(LEARNER_EMAIL, salt=SALT)]},
            "valid_from": NOW - timedelta(days=30),
        }
        settings.update(overrides)
        return issuing.build_achievement_credential(**settings)

    def sign(self, credential: dict[str, Any]) -> dict[str, Any]:
        return issuing.sign_credential(credential, self.key, self.verification_method, NOW - timedelta(days=30))

    def credential(self, **overrides: Any) -> dict[str, Any]:
        return self.sign(self.unsigned(**overrides))

    def endorsement(self, comment: str, endorsed_id: str = "https://demo.example/achievements/python") -> dict:
        """A signed EndorsementCredential by this issuer."""
        unsigned = issuing.build_endorsement_credential(
            credential_id="urn:uuid:e0000000-0000-0000-0000-000000000001",
            issuer={"id": self.did, "name": "Guild"},
            endorsed_id=endorsed_id,
            comment=comment,
            valid_from=NOW - timedelta(days=3),
        )
        return self.sign(unsigned)

    def status_list(self, list_url: str, revoked: set[int], **overrides: Any) -> dict[str, Any]:
        settings: dict[str, Any] = {
            "list_url": list_url,
            "issuer_id": self.did,
            "set_indices": revoked,
            "valid_from": NOW - timedelta(days=1),
        }
        settings.update(overrides)
        return self.sign(issuing.build_status_list_credential(**settings))


def verify(document: dict[str, Any] | str | bytes, **options: Any) -> VerificationOutcome:
    """Verify through the public entry point, offline unless a test allows a loopback host."""
    settings: dict[str, Any] = {"now": NOW, "offline": True}
    settings.update(options)
    data = (
        document
        if isinstance(document, bytes)
        else (document.encode() if isinstance(document, str) else json.dumps(document).encode())
    )
    return verify_source(data, VerifyOptions(**settings))


def check(outcome: VerificationOutcome, check_id: str) -> tuple[str, str]:
    """(status, message) of the named check; AssertionError if it did not run."""
    for item in outcome.report.checks:
        if item.id == check_id:
            return item.status.value, item.message
    raise AssertionError(f"no {check_id!r} check in {[item.id for item in outcome.report.checks]}")
