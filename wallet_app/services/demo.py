"""Demo data for `make run`: a learner you can sign in as straight away (see README)."""

from __future__ import annotations

from sqlmodel import Session, select

from wallet_app.models import User
from wallet_app.services import accounts, identities

DEMO_EMAIL = "demo@learner.example"
DEMO_PASSWORD = "demo-wallet-2026"
DEMO_NAME = "Dana Demo"
DEMO_ALUMNI_EMAIL = "dana.demo@alumni.kpu.example"


def load_demo_data(session: Session) -> bool:
    """Create the demo learner unless present; returns True when something was created."""
    if session.exec(select(User).where(User.email == DEMO_EMAIL)).first():
        return False
    user = accounts.register(session, DEMO_EMAIL, DEMO_PASSWORD, DEMO_NAME, DEMO_PASSWORD)
    identities.add_identity(session, user.id, "email", DEMO_ALUMNI_EMAIL)
    return True
