"""badges: index (user_id, checked_at) so finding stale badges does not read the whole wallet

Revision ID: 0003_badge_checked_at
Revises: 0002_badges
Create Date: 2026-11-29 00:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003_badge_checked_at"
down_revision: str | Sequence[str] | None = "0002_badges"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("badge", schema=None) as batch_op:
        batch_op.create_index("ix_badge_user_checked_at", ["user_id", "checked_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("badge", schema=None) as batch_op:
        batch_op.drop_index("ix_badge_user_checked_at")
