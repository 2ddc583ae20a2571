"""The reminder email: headers, parts, .ics attachment, stable Message-ID."""

from __future__ import annotations

from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default

from tests.unit.notify.conftest import item_view, message
from tracker.notify.base import Message
from tracker.notify.email import build_email, message_id


def _parsed(msg: Message) -> EmailMessage:
    return message_from_bytes(
        build_email(msg, sender="Tracker <tracker@example.org>").as_bytes(), policy=default
    )


def test_build_email_headers():
    email = _parsed(message(target="ops@example.org"))
    assert email["To"] == "ops@example.org"
    assert email["Message-ID"] == "<r7-c2-lead-1d-20260330@example.org>"
    assert email["Auto-Submitted"] == "auto-generated"
    assert email["Date"] == "Sun, 29 Mar 2026 07:00:05 +0000"
    assert email["Subject"].startswith("[tracker] Due in 1 day (Mon 30 Mar 2026): Die Kommission")


def test_build_email_parts_text_html_and_ics():
    email = _parsed(message(target="ops@example.org"))
    assert email.get_content_type() == "multipart/mixed"
    text = email.get_body(preferencelist=("plain",))
    html = email.get_body(preferencelist=("html",))
    assert text is not None
    assert html is not None
    assert "bis zum 30. März 2026" in text.get_content()
    assert "<blockquote>" in html.get_content()
    [attachment] = list(email.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_filename() == "item-7.ics"
    ics = attachment.get_content()
    ics = ics.decode() if isinstance(ics, bytes) else ics
    assert "BEGIN:VCALENDAR" in ics
    assert "BEGIN:VEVENT" in ics
    assert "DTSTART;VALUE=DATE:20260330" in ics


def test_build_email_subject_injection_is_neutralised():
    item = item_view(description="Plan\r\nBcc: victim@example.org")
    raw = build_email(message(target="ops@example.org", item=item), sender="t@example.org")
    parsed = message_from_bytes(raw.as_bytes(), policy=default)
    assert parsed["Bcc"] is None
    assert "\n" not in parsed["Subject"]


def test_message_id_is_stable_per_key():
    assert message_id("r1-c1-due-0d-20260330", "tracker@example.org") == message_id(
        "r1-c1-due-0d-20260330", "Other <tracker@example.org>"
    )
