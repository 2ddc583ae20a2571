"""robots.txt (RFC 9309, parsed by Protego): fetched once per site and kept for a day.

A 4xx answer (no robots.txt) allows everything; a 5xx or network failure means "assume
complete disallow" and is not cached, so the next fetch asks again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from tracker.net.pacing import HostPacer, Timer

AGENT = "tracker"
TTL_SECONDS = 24 * 3600
MAX_CRAWL_DELAY = 60.0


class RobotsUnavailableError(Exception):
    """robots.txt could not be fetched (server or network error)."""


# (status, text) of GET origin/robots.txt; raises RobotsUnavailableError on network failure.
RobotsFetch = Callable[[str], tuple[int, str]]


@dataclass(frozen=True)
class _Rules:
    parser: Protego | None  # None: no robots.txt, everything allowed
    expires_at: float


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class RobotsCache:
    """Answers "may we fetch this URL?" for the tracker user agent."""

    def __init__(self, fetch: RobotsFetch, *, pacer: HostPacer, timer: Timer) -> None:
        self._fetch = fetch
        self._pacer = pacer
        self._timer = timer
        self._rules: dict[str, _Rules] = {}
        self._lock = threading.Lock()

    def disallowed_reason(self, url: str) -> str | None:
        """Return why `url` may not be fetched, or None when it may."""
        try:
            rules = self._rules_for(origin(url))
        except RobotsUnavailableError as exc:
            return f"robots.txt unavailable ({exc}); not fetching until it answers"
        if rules.parser is None or rules.parser.can_fetch(url, AGENT):
            return None
        return "disallowed by robots.txt"

    def _rules_for(self, site: str) -> _Rules:
        with self._lock:
            cached = self._rules.get(site)
        if cached is not None and cached.expires_at > self._timer.monotonic():
            return cached
        status, text = self._fetch(f"{site}/robots.txt")
        if status >= 500 or status == 429:
            raise RobotsUnavailableError(f"HTTP {status}")
        parser = Protego.parse(text) if 200 <= status < 300 else None
        delay = parser.crawl_delay(AGENT) if parser is not None else None
        if delay:
            self._pacer.set_delay(urlsplit(site).hostname or "", min(delay, MAX_CRAWL_DELAY))
        rules = _Rules(parser, self._timer.monotonic() + TTL_SECONDS)
        with self._lock:
            self._rules[site] = rules
        return rules
