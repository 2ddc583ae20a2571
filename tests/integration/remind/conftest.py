"""Real receivers on loopback: an SMTP server (aiosmtpd) and raw sockets for broken HTTP."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from typing import Any

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class StoringHandler:
    """aiosmtpd handler that keeps every message; RCPT to `refuse@...` is refused with 550."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address.startswith("refuse@"):
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append(message_from_bytes(envelope.content, policy=default))
        return "250 Message accepted for delivery"


class SmtpServer:
    def __init__(self, port: int) -> None:
        self.port = port
        self.handler = StoringHandler()
        self._controller: Any = None

    def start(self, **smtp_options: Any) -> None:
        from aiosmtpd.controller import Controller

        self._controller = Controller(
            self.handler, hostname="127.0.0.1", port=self.port, **smtp_options
        )
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """An SMTP server on a free loopback port, not yet started (tests start it)."""
    server = SmtpServer(free_port())
    yield server
    server.stop()


@pytest.fixture
def closing_server() -> Iterator[str]:
    """An HTTP 'server' that reads the request and closes the connection without answering."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stopped = threading.Event()

    def serve() -> None:
        while not stopped.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(1)
                with contextlib.suppress(OSError):
                    conn.recv(65536)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/hook"
    stopped.set()
    thread.join()
    listener.close()
