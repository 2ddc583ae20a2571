"""Email delivery: an RFC 5322 message (text, HTML, .ics) sent over SMTP."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import default
from email.utils import format_datetime
from typing import ClassVar

from tracker.config import Secret
from tracker.notify.base import DeliveryError, Message
from tracker.notify.events import render_message


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    sender: str
    user: str | None = None
    password: Secret | None = None
    starttls: bool = False
    timeout: float = 30.0


def message_id(idempotency_key: str, sender: str) -> str:
    """Return a Message-ID derived from the reminder's key, so a resend carries the same one."""
    domain = sender.rpartition("@")[2].strip(" >") or "tracker.invalid"
    return f"<{idempotency_key}@{domain}>"


def ics_attachment(message: Message) -> bytes | None:
    """Return the item's iCalendar, None for a digest or an undated item (icalendar lazily)."""
    if message.item is None or message.item.due is None:
        return None
    from tracker.export.ics import item_to_ics

    return item_to_ics(message.item, now=message.now, leads=list(message.leads))


def build_email(message: Message, *, sender: str) -> EmailMessage:
    """Build the email: plain text first, then HTML, then the item's .ics attachment.

    The subject says what the message is (a reminder, a new item, a changed due date, a
    change pending review, a digest); `X-Tracker-Event` says it to filters.
    """
    rendered = render_message(message)
    email = EmailMessage(policy=default)
    email["Subject"] = rendered.subject
    email["From"] = sender
    email["To"] = Address(addr_spec=message.target)
    email["Date"] = format_datetime(message.now)
    email["Message-ID"] = message_id(message.reminder.idempotency_key, sender)
    email["Auto-Submitted"] = "auto-generated"
    email["X-Tracker-Event"] = message.event
    if message.item is not None:
        email["X-Tracker-Item"] = str(message.item.id)
    email["X-Tracker-Reminder"] = message.reminder.idempotency_key
    email.set_content(rendered.text)
    email.add_alternative(rendered.html, subtype="html")
    ics = ics_attachment(message)
    if ics is not None and message.item is not None:
        email.add_attachment(
            ics, maintype="text", subtype="calendar", filename=f"item-{message.item.id}.ics"
        )
    return email


def _smtp_error(exc: smtplib.SMTPException, server: str) -> DeliveryError:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        permanent = bool(codes) and all(code >= 500 for code in codes)
        return DeliveryError(f"{server}: recipient refused: {exc.recipients}", permanent=permanent)
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        # A configuration problem: retry, so reminders go out once the password is fixed.
        return DeliveryError(f"{server}: SMTP login failed: {exc.smtp_code} {exc.smtp_error!r}")
    if isinstance(exc, smtplib.SMTPResponseException):
        reason = f"{server}: SMTP {exc.smtp_code} {exc.smtp_error!r}"
        return DeliveryError(reason, permanent=exc.smtp_code >= 500)
    return DeliveryError(f"{server}: SMTP error: {exc!r}")


class EmailNotifier:
    """Sends each reminder as one email; a new SMTP connection per message."""

    kind: ClassVar[str] = "email"

    def __init__(self, config: SmtpConfig) -> None:
        self._config = config

    def send(self, message: Message) -> None:
        email = build_email(message, sender=self._config.sender)
        server = f"{self._config.host}:{self._config.port}"
        try:
            self._deliver(email)
        except smtplib.SMTPException as exc:
            raise _smtp_error(exc, server) from exc
        except OSError as exc:  # refused, unreachable, timed out
            raise DeliveryError(f"cannot reach the SMTP server {server}: {exc!r}") from exc

    def _deliver(self, email: EmailMessage) -> None:
        config = self._config
        with smtplib.SMTP(config.host, config.port, timeout=config.timeout) as smtp:
            if config.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if config.user:
                password = config.password.get_secret_value() if config.password else ""
                smtp.login(config.user, password)
            smtp.send_message(email)

    def close(self) -> None:
        return None
