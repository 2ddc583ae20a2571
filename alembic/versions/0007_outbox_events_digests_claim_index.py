"""Outbox: item events and digests per channel, replays, and an index the claim reads in order.

- channels: `events` (what the channel subscribes to: due, new), digest cadence and time.
- reminders: `event` (payload type), `detail` (JSON), `digest_at`, `replayed_at`; `due_on`
  becomes nullable (an event of an undated item).
- ix_reminders_waiting_next_attempt_at: a partial index over the waiting rows in claim order,
  so a claim reads one batch from the index instead of sorting every due row.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 07:06:46
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import tracker.store.types

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_WAITING = sa.text("state IN ('pending', 'failed')")
_UTC = tracker.store.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("channels", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("events", sa.String(length=40), server_default="due", nullable=False)
        )
        batch_op.add_column(sa.Column("digest", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("digest_time", sa.String(length=5), nullable=True))
        batch_op.add_column(sa.Column("digest_weekday", sa.Integer(), nullable=True))

    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "event",
                sa.String(length=30),
                server_default="deadline.reminder",
                nullable=False,
            )
        )
        batch_op.add_column(sa.Column("detail", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("digest_at", _UTC, nullable=True))
        batch_op.add_column(sa.Column("replayed_at", _UTC, nullable=True))
        batch_op.alter_column("due_on", existing_type=sa.DATE(), nullable=True)
        batch_op.create_index(
            "ix_reminders_waiting_next_attempt_at",
            ["next_attempt_at", "id"],
            unique=False,
            sqlite_where=_WAITING,
            postgresql_where=_WAITING,
        )


def downgrade() -> None:
    # Event rows have no place in the old schema (and undated ones no due date).
    op.execute("DELETE FROM reminders WHERE event <> 'deadline.reminder' OR due_on IS NULL")
    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_reminders_waiting_next_attempt_at",
            sqlite_where=_WAITING,
            postgresql_where=_WAITING,
        )
        batch_op.alter_column("due_on", existing_type=sa.DATE(), nullable=False)
        batch_op.drop_column("replayed_at")
        batch_op.drop_column("digest_at")
        batch_op.drop_column("detail")
        batch_op.drop_column("event")

    with op.batch_alter_table("channels", schema=None) as batch_op:
        batch_op.drop_column("digest_weekday")
        batch_op.drop_column("digest_time")
        batch_op.drop_column("digest")
        batch_op.drop_column("events")
