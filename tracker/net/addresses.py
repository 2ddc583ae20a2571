"""The address policy for every outgoing request (watched sources and webhook channels).

Only http and https URLs are ever fetched. Unless `allow_private_addresses` is set, a URL whose
host is, or resolves to, a private, loopback, link-local or otherwise non-public address is
refused: every resolved address is checked, since one public and one internal answer is how
DNS tricks reach internal services. Callers check each redirect hop again.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from tracker.errors import UsageError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]
SCHEMES = ("http", "https")
ALLOW_HINT = "set TRACKER_ALLOW_PRIVATE_ADDRESSES=true to allow it"


class AddressRefusedError(UsageError):
    """The URL's scheme or address is not allowed."""


class UnresolvableHostError(UsageError):
    """The URL's host name does not resolve."""


def resolve_host(host: str, port: int) -> list[str]:
    """Return every address `host` resolves to (IPv4 and IPv6)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnresolvableHostError(f"cannot resolve host {host!r}: {exc}") from exc
    return sorted({str(info[4][0]) for info in infos})


def address_problem(address: IPAddress) -> str | None:
    """Return why `address` is not public (e.g. "a loopback address"), or None if it is."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is not None:
            return address_problem(embedded)
    checks = (
        (address.is_loopback, "a loopback address"),
        (address.is_unspecified, "an unspecified address"),
        (address.is_link_local, "a link-local address"),
        (address.is_multicast, "a multicast address"),
        (address.is_private, "a private address"),
        (address.is_reserved, "a reserved address"),
        (not address.is_global, "not a public address"),
    )
    return next((reason for failed, reason in checks if failed), None)


def split_url(url: str, *, what: str = "URL") -> tuple[str, str, int]:
    """Return (scheme, host, port) of an http(s) URL; anything else is refused."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise UsageError(f"invalid {what} {url!r}: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        shown = f"{scheme}://" if scheme else "no scheme"
        raise AddressRefusedError(f"refused {what} {url!r}: {shown} is not allowed (http or https)")
    if not parts.hostname:
        raise UsageError(f"invalid {what} {url!r}: no host")
    return scheme, parts.hostname, port or (443 if scheme == "https" else 80)


def check_url(
    url: str,
    *,
    allow_private: bool,
    resolver: Resolver = resolve_host,
    must_resolve: bool = True,
    what: str = "URL",
) -> None:
    """Raise AddressRefusedError unless `url` may be requested under the policy.

    With `must_resolve=False` (adding a channel or source while DNS may be unavailable) a name
    that does not resolve passes; it is checked again before every request.
    """
    _scheme, host, port = split_url(url, what=what)
    if allow_private:
        return
    try:
        addresses: Iterable[str] = [str(ipaddress.ip_address(host))]
    except ValueError:
        try:
            addresses = resolver(host, port)
        except UnresolvableHostError:
            if must_resolve:
                raise
            return
    for text in addresses:
        problem = address_problem(ipaddress.ip_address(text.split("%", 1)[0]))
        if problem is not None:
            shown = host if host == text else f"{host} ({text})"
            raise AddressRefusedError(f"refused {what} {url!r}: {shown} is {problem}; {ALLOW_HINT}")
