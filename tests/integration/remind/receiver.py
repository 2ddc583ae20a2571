"""A loopback webhook receiver (stdlib ThreadingHTTPServer) that records every delivery."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        return None  # a worker SIGKILLed mid-request resets its connection: expected here


class Receiver:
    """Answers 200 to every POST after `delay` seconds and records (webhook-id, received at)."""

    def __init__(self, *, delay: float = 0.0) -> None:
        self.delay = delay
        self.deliveries: list[tuple[str, float]] = []
        self._lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/hook"

    @property
    def count(self) -> int:
        with self._lock:
            return len(self.deliveries)

    def ids(self) -> list[str]:
        with self._lock:
            return [key for key, _ in self.deliveries]

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("content-length", 0)))
                with receiver._lock:
                    receiver.deliveries.append((self.headers["webhook-id"], time.time()))
                if receiver.delay:
                    time.sleep(receiver.delay)
                self.send_response(200)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                return None

        return Handler

    def start(self) -> Receiver:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
