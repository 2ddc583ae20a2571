"""PURE rendering of item events and digests: payload types, subjects, attachments."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.unit.notify.conftest import item_view, message, reminder_ref
from tracker.notify.base import Entry, Message
from tracker.notify.email import build_email
from tracker.notify.webhook import build_payload

AT = datetime(2026, 3, 28, 9, 0, tzinfo=UTC)


def _event(event: str, **detail: object) -> Message:
    ref = reminder_ref(kind="event", days_before=0, event=event, fire_at=AT, detail=detail)
    return message(reminder=ref, target="desk@example.org")


def test_payload_type_names_the_event():
    changed = build_payload(
        _event("item.due_changed", due_before="2026-03-30", due_after="2026-04-14")
    )
    assert changed["type"] == "item.due_changed"
    assert changed["data"]["event"] == {
        "type": "item.due_changed",
        "at": AT.isoformat(),
        "due_before": "2026-03-30",
        "due_after": "2026-04-14",
    }
    assert changed["data"]["item"]["id"] == 7
    assert "reminder" not in changed["data"]
    assert build_payload(message())["type"] == "deadline.reminder"


def test_email_subjects_say_which_event():
    subjects = {
        event: build_email(_event(event, **detail), sender="t@example.org")["Subject"]
        for event, detail in [
            ("item.created", {}),
            ("item.due_changed", {"due_before": "2026-03-30", "due_after": "2026-04-14"}),
            ("change.pending", {"summary": "due 2026-04-30 in a new source"}),
        ]
    }
    assert subjects["item.created"].startswith("[tracker] New item (due 2026-03-30): ")
    assert subjects["item.due_changed"].startswith(
        "[tracker] Due date changed: 2026-03-30 -> 2026-04-14: "
    )
    assert subjects["change.pending"].startswith(
        "[tracker] Change pending review: due 2026-04-30 in a new source: "
    )


def test_new_undated_item_email_has_no_calendar_attachment():
    undated = message(item=item_view(due=None, due_precision=None), target="d@example.org")
    ref = reminder_ref(kind="event", days_before=0, due_on=None, event="item.created")
    email = build_email(Message(**{**undated.__dict__, "reminder": ref}), sender="t@example.org")
    assert "(no due date yet)" in email["Subject"]
    assert [part.get_content_type() for part in email.iter_attachments()] == []


def test_digest_lists_every_entry_once_without_attachment():
    entries = (
        Entry(reminder_ref(kind="event", event="item.created", fire_at=AT), item_view(id=1)),
        Entry(reminder_ref(), item_view(id=2)),
        Entry(reminder_ref(kind="event", event="item.created", fire_at=AT), item_view(id=3)),
    )
    digest_ref = reminder_ref(
        kind="digest", idempotency_key="digest-c2-20260329T0600Z-1", event="digest", due_on=None,
        fire_at=datetime(2026, 3, 29, 6, 0, tzinfo=UTC), days_before=0,
    )  # fmt: skip
    digest = Message(
        **{
            **message(target="d@example.org").__dict__,
            "reminder": digest_ref,
            "item": None,
            "entries": entries,
        }
    )
    email = build_email(digest, sender="t@example.org")
    assert str(email["Subject"]).strip() == (
        "[tracker] Digest 2026-03-29 08:00 CEST: 2 new items, 1 reminder"
    )
    assert email["X-Tracker-Event"] == "digest"
    assert "X-Tracker-Item" not in email
    text = email.get_body(("plain",)).get_content()
    assert [line[:4] for line in text.splitlines() if line.startswith("- ")] == [
        "- Ne",
        "- Du",
        "- Ne",
    ]
    assert "(#2)" in text
    assert list(email.iter_attachments()) == []
    payload = build_payload(digest)
    assert payload["type"] == "digest"
    assert [e["type"] for e in payload["data"]["entries"]] == [
        "item.created",
        "deadline.reminder",
        "item.created",
    ]
    assert payload["data"]["entries"][1]["reminder"]["kind"] == "lead"
