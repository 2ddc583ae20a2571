"""Notifier kinds (equal to the channel kinds) and how to build each from the settings."""

from __future__ import annotations

import threading
from collections.abc import Callable

from tracker.config import Settings
from tracker.notify.base import Notifier

KINDS: tuple[str, ...] = ("email", "webhook")


def _email(settings: Settings) -> Notifier:
    from tracker.notify.email import EmailNotifier, SmtpConfig

    return EmailNotifier(
        SmtpConfig(
            host=settings.smtp_host,
            port=settings.smtp_port,
            sender=settings.email_from,
            user=settings.smtp_user,
            password=settings.smtp_password,
            starttls=settings.smtp_starttls,
            timeout=settings.smtp_timeout,
        )
    )


def _webhook(settings: Settings) -> Notifier:
    from tracker.notify.webhook import WebhookNotifier

    return WebhookNotifier(
        timeout=settings.webhook_timeout, allow_private=settings.allow_private_addresses
    )


# Builders import their module on first use: httpx and smtplib load only when needed.
NOTIFIERS: dict[str, Callable[[Settings], Notifier]] = {"email": _email, "webhook": _webhook}


def build_notifier(kind: str, settings: Settings) -> Notifier:
    """Return a notifier for channel kind `kind`; KeyError for an unknown kind."""
    return NOTIFIERS[kind](settings)


class NotifierPool:
    """Builds each kind's notifier once per dispatch run and closes them all at the end."""

    def __init__(self, settings: Settings, *, overrides: dict[str, Notifier] | None = None) -> None:
        self._settings = settings
        self._notifiers: dict[str, Notifier] = dict(overrides or {})
        self._owned: set[str] = set()
        self._lock = threading.Lock()  # dispatch may deliver from several threads

    def get(self, kind: str) -> Notifier:
        with self._lock:
            if kind not in self._notifiers:
                self._notifiers[kind] = build_notifier(kind, self._settings)
                self._owned.add(kind)
            return self._notifiers[kind]

    def close(self) -> None:
        for kind in self._owned:
            self._notifiers[kind].close()
        for kind in self._owned:
            del self._notifiers[kind]
        self._owned.clear()
