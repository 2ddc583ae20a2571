"""HTTP server for the calendar feed (/calendar.ics) and the timeline page (/), token-guarded.

stdlib `ThreadingHTTPServer`: one thread per request, each with its own database session.
"""

from __future__ import annotations

import hmac
import logging
import re
import signal
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine

from tracker.clock import Clock
from tracker.errors import DatabaseError, TrackerError
from tracker.models import STATUSES
from tracker.web.conditional import http_date, is_not_modified

logger = logging.getLogger(__name__)

_TOKEN_IN_PATH = re.compile(r"(token=)[^&\s]*")
_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    # The token is in the URL: never hand it to the article sites the page links to.
    "Referrer-Policy": "no-referrer",
}
_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


@dataclass(frozen=True)
class WebApp:
    """What the handlers need; `token` None means no check (`tracker serve --no-token`)."""

    engine: Engine
    clock: Clock
    leads: list[timedelta]
    tz: ZoneInfo
    token: str | None
    started_at: datetime | None = None  # set by make_server


@dataclass
class Response:
    status: HTTPStatus
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


class BadRequestError(ValueError):
    """A query parameter has a value we do not accept."""


class TrackerHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], app: WebApp) -> None:
        self.app = app
        if ":" in address[0]:  # an IPv6 literal such as ::1
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        return f"http://{f'[{host}]' if ':' in host else host}:{port}/"


class Handler(BaseHTTPRequestHandler):
    server: TrackerHTTPServer
    server_version = "tracker"
    timeout = 30  # a client that stops sending must not hold a thread forever

    def do_GET(self) -> None:
        self._respond(self._route(), send_body=True)

    def do_HEAD(self) -> None:
        self._respond(self._route(), send_body=False)

    def _route(self) -> Response:
        url = urlsplit(self.path)
        query = parse_qs(url.query, keep_blank_values=True)
        view = ROUTES.get(url.path)
        if view is None:
            return _text(HTTPStatus.NOT_FOUND, "not found")
        denied = check_token(self.server.app.token, query, self.headers.get("Authorization"))
        if denied is not None:
            return denied
        try:
            return view(self.server.app, query, self.headers)
        except BadRequestError as exc:
            return _text(HTTPStatus.BAD_REQUEST, str(exc))
        except DatabaseError as exc:
            logger.error("database unavailable: %s", exc)
            return _text(HTTPStatus.SERVICE_UNAVAILABLE, "database unavailable")
        except Exception:
            logger.exception("error while serving %s", url.path)
            return _text(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error")

    def _respond(self, response: Response, *, send_body: bool) -> None:
        self.send_response(response.status)
        headers = {**_SECURITY_HEADERS, **response.headers}
        if response.status != HTTPStatus.NOT_MODIFIED:
            headers["Content-Length"] = str(len(response.body))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if send_body and response.status != HTTPStatus.NOT_MODIFIED:
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: Any) -> None:
        # The stdlib writes the request line, token included, to stderr: redact and log it.
        message = _TOKEN_IN_PATH.sub(r"\1***", format % args)
        logger.info("%s %s", self.address_string(), message)


def check_token(
    expected: str | None, query: dict[str, list[str]], auth: str | None
) -> Response | None:
    """Return a 401/403 response unless the request carries the feed token (constant time)."""
    if expected is None:
        return None
    given = query.get("token", [""])[-1]
    if not given and auth and auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given:
        response = _text(HTTPStatus.UNAUTHORIZED, "token required: add ?token=...")
        response.headers["WWW-Authenticate"] = 'Bearer realm="tracker"'
        return response
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        return _text(HTTPStatus.FORBIDDEN, "wrong token")
    return None


def calendar_view(app: WebApp, query: dict[str, list[str]], headers: Any) -> Response:
    """GET /calendar.ics: the filtered calendar, or 304 when the client's copy is current.

    Last-Modified is the latest change to any item (an item that left the filter changed the
    feed too), and never before the server started: settings such as the reminder lead times
    change the events without changing an item, and they only change with a restart.
    """
    from tracker.services.calendar import calendar_name, export_calendar

    statuses, actors = _filters(query)
    feed = export_calendar(
        app.engine,
        leads=app.leads,
        now=app.clock.now(),
        statuses=statuses,
        actor_keys=_actor_keys(actors),
        name=calendar_name(statuses, actors),
    )
    last_modified = max(d for d in (feed.changed_at, app.started_at) if d is not None)
    cache = {
        "ETag": feed.etag,
        "Last-Modified": http_date(last_modified),
        "Cache-Control": "private, no-cache",
    }
    conditions = (headers.get("If-None-Match"), headers.get_all("If-Modified-Since") or [])
    if is_not_modified(*conditions, etag=feed.etag, last_modified=last_modified):
        return Response(HTTPStatus.NOT_MODIFIED, headers=cache)
    cache["Content-Type"] = "text/calendar; charset=utf-8"
    cache["Content-Disposition"] = 'inline; filename="tracker.ics"'
    return Response(HTTPStatus.OK, feed.body, cache)


def timeline_view(app: WebApp, query: dict[str, list[str]], headers: Any) -> Response:
    """GET /: the timeline page."""
    from tracker.services.calendar import timeline
    from tracker.web.timeline import Filters, render_timeline

    statuses, actors = _filters(query)
    today = app.clock.now().astimezone(app.tz).date()
    found = timeline(app.engine, today=today, statuses=statuses, actor_keys=_actor_keys(actors))
    token = query.get("token", [None])[-1] if app.token is not None else None
    page = render_timeline(
        found.items,
        found.events,
        today=today,
        filters=Filters(token, statuses, actors),
        more_before=found.more_before,
        more_after=found.more_after,
    )
    return Response(
        HTTPStatus.OK,
        page.encode("utf-8"),
        {
            "Content-Type": "text/html; charset=utf-8",
            "Content-Security-Policy": _PAGE_CSP,
            "Cache-Control": "private, no-store",
        },
    )


ROUTES: dict[str, Callable[[WebApp, dict[str, list[str]], Any], Response]] = {
    "/": timeline_view,
    "/calendar.ics": calendar_view,
}


def make_server(app: WebApp, host: str = "127.0.0.1", port: int = 8000) -> TrackerHTTPServer:
    """Bind the server (port 0: any free port; read it from `server.url`)."""
    if app.started_at is None:
        app = replace(app, started_at=app.clock.now())
    try:
        return TrackerHTTPServer((host, port), app)
    except OSError as exc:
        raise TrackerError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


def serve(server: TrackerHTTPServer) -> None:
    """Serve until Ctrl-C or SIGTERM, then close the socket; log requests to stderr."""
    if not logging.getLogger().handlers:  # nobody configured logging: show the request log
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        logger.info("stopping")
    finally:
        server.server_close()


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _filters(query: dict[str, list[str]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    statuses = tuple(s for s in query.get("status", []) if s)
    unknown = [s for s in statuses if s not in STATUSES]
    if unknown:
        raise BadRequestError(
            f"unknown status {unknown[0]!r} (expected one of {', '.join(STATUSES)})"
        )
    actors = tuple(a.strip() for a in query.get("actor", []) if a.strip())
    return statuses, actors


def _actor_keys(actors: tuple[str, ...]) -> list[str]:
    if not actors:
        return []
    from tracker.services.items import actor_keys

    return actor_keys(list(actors))


def _text(status: HTTPStatus, message: str) -> Response:
    return Response(
        status, (message + "\n").encode(), {"Content-Type": "text/plain; charset=utf-8"}
    )
