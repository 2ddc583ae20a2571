"""The polite HTTP client of watched sources: one GET, checked at every step.

Every hop (the URL and each redirect target) passes the address policy and robots.txt and
waits for its host's turn; answers are read as a stream and cut off past the size limit;
conditional GET validators make an unchanged resource cost one empty 304.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urljoin, urlsplit

import httpx

from tracker.net.addresses import (
    AddressRefusedError,
    Resolver,
    UnresolvableHostError,
    check_url,
    resolve_host,
)
from tracker.net.pacing import HostPacer
from tracker.net.robots import RobotsCache, RobotsUnavailableError

logger = logging.getLogger(__name__)
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
    "text/html;q=0.8, application/xhtml+xml;q=0.8, */*;q=0.1"
)
ROBOTS_MAX_BYTES = 500_000  # RFC 9309 lets crawlers stop reading at 500 KiB
_RETRYABLE = frozenset({408, 425, 429, 500, 502, 503, 504})


class FetchError(Exception):
    """A URL could not be fetched.

    `permanent`: asking again soon gives the same answer (refused address, robots.txt, too
    large, a 4xx); else it may pass later (network, timeout, 5xx). `is_gone`: HTTP 410.
    """

    def __init__(
        self,
        reason: str,
        *,
        status: int | None = None,
        retry_after: timedelta | None = None,
        is_gone: bool = False,
        permanent: bool = False,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after
        self.is_gone = is_gone
        self.permanent = permanent or is_gone


@dataclass(frozen=True)
class FetchLimits:
    timeout: float = 20.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    content_type: str | None = None
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """GETs URLs for the watcher; one connection pool, one pacer and robots cache per worker."""

    def __init__(
        self,
        *,
        user_agent: str,
        limits: FetchLimits,
        allow_private: bool,
        pacer: HostPacer | None = None,
        resolver: Resolver = resolve_host,
        address_check: Callable[[str], None] | None = None,
    ) -> None:
        self.user_agent = user_agent
        self.limits = limits
        self.pacer = pacer or HostPacer()
        # The policy applied to every hop (tests narrow it to trust their own server only).
        self._address_check = address_check or functools.partial(
            check_url, allow_private=allow_private, resolver=resolver
        )
        self.robots = RobotsCache(self._fetch_robots, pacer=self.pacer, timer=self.pacer.timer)
        self._client = httpx.Client(
            timeout=httpx.Timeout(limits.timeout),
            follow_redirects=False,
            headers={"user-agent": user_agent},
        )

    def close(self) -> None:
        self._client.close()

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Response:
        """GET `url`, following redirects within limits; anything but 2xx or 304 is a FetchError."""
        headers = {"accept": ACCEPT}
        if etag:
            headers["if-none-match"] = etag
        if last_modified:
            headers["if-modified-since"] = last_modified
        return self._follow(url, headers, max_bytes=self.limits.max_bytes, use_robots=True)

    def _follow(
        self, url: str, headers: dict[str, str], *, max_bytes: int, use_robots: bool
    ) -> Response:
        seen: list[str] = []
        while True:
            self._check(url, use_robots=use_robots)
            if url in seen:
                raise FetchError(f"redirect loop at {url}", permanent=True)
            seen.append(url)
            response = self._request(url, headers, max_bytes=max_bytes)
            location = response.headers.get("location") if response.is_redirect else None
            if location is None:
                return self._result(url, response)
            if len(seen) > self.limits.max_redirects:
                raise FetchError(
                    f"too many redirects (more than {self.limits.max_redirects})", permanent=True
                )
            url = urljoin(url, location)

    def _check(self, url: str, *, use_robots: bool) -> None:
        try:
            self._address_check(url)
        except AddressRefusedError as exc:
            raise FetchError(exc.message, permanent=True) from exc
        except UnresolvableHostError as exc:
            raise FetchError(exc.message) from exc
        if use_robots:
            reason = self.robots.disallowed_reason(url)
            if reason is not None:
                raise FetchError(f"{url}: {reason}", permanent=reason.startswith("disallowed"))

    def _request(self, url: str, headers: dict[str, str], *, max_bytes: int) -> _Read:
        try:
            with (
                self.pacer.turn(urlsplit(url).hostname or ""),
                self._client.stream("GET", url, headers=headers) as stream,
            ):
                return _Read.from_stream(stream, max_bytes=max_bytes)
        except httpx.TimeoutException as exc:
            raise FetchError(f"timed out after {self.limits.timeout:g}s: {url}") from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"connection failed: {url}: {exc}") from exc

    def _result(self, url: str, read: _Read) -> Response:
        status = read.status
        if status == 304 or 200 <= status < 300:
            return Response(
                url=url,
                status=status,
                content_type=read.headers.get("content-type"),
                body=read.body,
                etag=read.headers.get("etag"),
                last_modified=read.headers.get("last-modified"),
            )
        reason = f"HTTP {status} {read.reason}".strip() + f" from {url}"
        if status == 410:
            raise FetchError(reason + " (gone)", status=status, is_gone=True)
        retry_after = _retry_after(read.headers.get("retry-after"))
        if status in _RETRYABLE:
            raise FetchError(reason, status=status, retry_after=retry_after)
        raise FetchError(reason, status=status, permanent=True)

    def _fetch_robots(self, robots_url: str) -> tuple[int, str]:
        try:
            read = self._follow_robots(robots_url)
        except FetchError as exc:
            if exc.status is not None:
                return exc.status, ""
            raise RobotsUnavailableError(exc.reason) from exc
        return read.status, read.body.decode("utf-8", errors="replace")

    def _follow_robots(self, robots_url: str) -> Response:
        return self._follow(robots_url, {}, max_bytes=ROBOTS_MAX_BYTES, use_robots=False)


@dataclass(frozen=True)
class _Read:
    """A response read up to the size limit (redirects and errors have their bodies dropped)."""

    status: int
    reason: str
    headers: httpx.Headers
    body: bytes
    is_redirect: bool

    @classmethod
    def from_stream(cls, stream: httpx.Response, *, max_bytes: int) -> _Read:
        body = b""
        if 200 <= stream.status_code < 300:
            body = _read_capped(stream, max_bytes)
        return cls(
            status=stream.status_code,
            reason=stream.reason_phrase,
            headers=stream.headers,
            body=body,
            is_redirect=stream.is_redirect,
        )


def _read_capped(stream: httpx.Response, max_bytes: int) -> bytes:
    declared = stream.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(
            f"response too large ({int(declared):,} bytes, limit {max_bytes:,})", permanent=True
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in stream.iter_bytes():  # decompressed: the limit also stops gzip bombs
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"response too large (more than {max_bytes:,} bytes)", permanent=True)
        chunks.append(chunk)
    return b"".join(chunks)


def _retry_after(value: str | None) -> timedelta | None:
    if value and value.strip().isdigit():
        return timedelta(seconds=int(value.strip()))
    return None
