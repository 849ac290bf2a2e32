"""Helpers for wallet service tests: learners, signed OB 3.0 badge bytes, and fast seeded rows."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from typing import Any

from PIL import Image
from sqlmodel import Session

from tests.ob3_issuer import NOW, Ob3Issuer
from wallet_app.credentials import issuing
from wallet_app.models import Badge
from wallet_app.services import accounts

PASSWORD = "correct horse battery"


def register(session: Session, email: str = "ana@example.org") -> accounts.UserView:
    user = accounts.register(session, email, PASSWORD, "Ana", PASSWORD)
    session.commit()
    return user


def ob3_badge(issuer: Ob3Issuer, recipient: str | None, **overrides: Any) -> bytes:
    """A signed OB 3.0 badge for a plaintext email (``None``: hashed for learner@example.org)."""
    if recipient is not None:
        overrides.setdefault("subject", {"identifier": [issuing.identity_object(recipient)]})
    return json.dumps(issuer.credential(**overrides)).encode()


def png_image(color: str = "teal") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), color).save(buffer, format="PNG")
    return buffer.getvalue()


def seeded_badge(user_id: int, number: int, **overrides: Any) -> Badge:
    """A stored badge row without verifying anything, for listing tests at scale."""
    settings: dict[str, Any] = {
        "user_id": user_id,
        "content_sha256": f"{user_id:08d}{number:056d}",
        "original": b"{}",
        "original_media_type": "application/json",
        "spec": "ob3",
        "format": "ob3-json",
        "name": f"Badge {number:04d}",
        "issuer_name": f"Issuer {number % 7}",
        "description": "Seeded for listing tests.",
        "issued_on": NOW - timedelta(days=number),
        "credential_json": "{}",
        "report_json": '{"checks": []}',
        "verdict": "valid",
        "recipient_status": "confirmed",
        "status": "verified",
    }
    settings.update(overrides)
    return Badge(**settings)
