"""Seed one learner's wallet for the page bench: real signed badges, then fast copies of their rows.

The demo learner's six OB 3.0 badges (signed with eddsa-rdfc-2022, baked into PNG artwork) are
imported through the normal importer; the rest of the wallet is bulk-inserted copies of those
rows with their own content hash, name, issuer and dates, a third of them without an image.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, select

from wallet_app.models import Badge
from wallet_app.services import demo

ISSUERS = [f"Bench College {letter}" for letter in "ABCDEFGHIJKLMNOPQ"]
STALE_AGE = timedelta(days=2)


def seed_wallet(session: Session, badge_count: int, now: datetime, *, stale: bool = False) -> int:
    """Give the demo learner ``badge_count`` badges; returns their user id.

    Every badge was checked at ``now`` (so a wallet visit queues no re-checks), or two days
    earlier when ``stale`` (so every visit re-checks some in the background).
    """
    demo.load_demo_data(session)
    templates = session.exec(select(Badge).order_by(Badge.id)).all()
    copies = [_copy(templates[number % len(templates)], number) for number in range(badge_count - len(templates))]
    if copies:
        session.execute(insert(Badge.__table__), copies)
    checked_at = now - STALE_AGE if stale else now
    session.execute(Badge.__table__.update().values(checked_at=checked_at))
    session.commit()
    return templates[0].user_id


def _copy(template: Badge, number: int) -> dict[str, Any]:
    row = {column.name: getattr(template, column.name) for column in Badge.__table__.columns if column.name != "id"}
    row["content_sha256"] = hashlib.sha256(f"bench-copy-{number}".encode()).hexdigest()
    row["name"] = f"{template.name} · cohort {number}"
    row["issuer_name"] = ISSUERS[number % len(ISSUERS)]
    row["issued_on"] = template.issued_on - timedelta(days=number) if template.issued_on else None
    if number % 3 == 0:
        row["image"], row["image_media_type"] = None, None
    return row
