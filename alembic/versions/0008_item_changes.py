"""Follow-ups: change statements (pending, applied, rejected) and conflicts, and the text and
quote behind each history entry.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 14:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import tracker.store.types

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_UTC = tracker.store.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "item_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("context", sa.Text(), nullable=False),
        sa.Column("new_due", sa.Date(), nullable=True),
        sa.Column("old_due", sa.Date(), nullable=True),
        sa.Column("shift", sa.String(length=60), nullable=False),
        sa.Column("actors", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("decided_at", _UTC, nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_item_changes_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["items.id"],
            name=op.f("fk_item_changes_item_id_items"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_changes")),
        sa.UniqueConstraint(
            "document_id",
            "span_start",
            "kind",
            "item_id",
            name=op.f("uq_item_changes_document_id_span_start_kind_item_id"),
        ),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("item_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_item_changes_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_item_changes_document_id"), ["document_id"])
        batch_op.create_index(batch_op.f("ix_item_changes_item_id"), ["item_id"])
    with op.batch_alter_table("status_changes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("document_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("quote", sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f("ix_status_changes_document_id"), ["document_id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_status_changes_document_id_documents"),
            "documents",
            ["document_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("status_changes", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_status_changes_document_id_documents"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_status_changes_document_id"))
        batch_op.drop_column("quote")
        batch_op.drop_column("document_id")
    with op.batch_alter_table("item_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_changes_item_id"))
        batch_op.drop_index(batch_op.f("ix_item_changes_document_id"))
        batch_op.drop_index(batch_op.f("ix_item_changes_state"))
    op.drop_table("item_changes")
