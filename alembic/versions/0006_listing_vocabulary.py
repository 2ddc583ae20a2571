"""Listings: anchor kinds by their public names, and items indexed by their last change.

"published" anchors are called "publication", as `tracker extract` names them; the index
serves `tracker list --sort updated` (and `-updated`) without sorting the whole table.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 07:30:00
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE items SET anchor_kind = 'publication' WHERE anchor_kind = 'published'")
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_items_updated_at"), ["updated_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_items_updated_at"))
    op.execute("UPDATE items SET anchor_kind = 'published' WHERE anchor_kind = 'publication'")
