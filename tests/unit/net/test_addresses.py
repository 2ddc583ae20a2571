"""The address policy: schemes, private and loopback addresses, every resolved address."""

from __future__ import annotations

import ipaddress

import pytest

from tracker.errors import UsageError
from tracker.net.addresses import (
    AddressRefusedError,
    UnresolvableHostError,
    address_problem,
    check_url,
)


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.9", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),  # cloud metadata services live here
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "not a public"),  # carrier-grade NAT
        ("fc00::1", "private"),
        ("fe80::1", "link-local"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
        ("224.0.0.1", "multicast"),
        ("93.184.215.14", None),
        ("2606:4700::1111", None),
    ],
)
def test_address_problem(address, problem):
    found = address_problem(ipaddress.ip_address(address))
    assert (found is None) if problem is None else (problem in (found or ""))


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://files.example.org/x", "gopher://x", "javascript:alert(1)"]
)
def test_other_schemes_are_never_allowed(url):
    with pytest.raises(AddressRefusedError, match="is not allowed"):
        check_url(url, allow_private=True)


def test_loopback_refused_unless_allowed_and_the_error_says_how():
    with pytest.raises(AddressRefusedError, match="TRACKER_ALLOW_PRIVATE_ADDRESSES=true"):
        check_url("http://127.0.0.1:8000/feed", allow_private=False)
    check_url("http://127.0.0.1:8000/feed", allow_private=True)


def test_every_resolved_address_is_checked():
    def resolver(host, port):
        return ["93.184.215.14", "10.0.0.7"]  # one public answer does not make it safe

    with pytest.raises(AddressRefusedError, match=r"feeds\.example\.org \(10\.0\.0\.7\)"):
        check_url("https://feeds.example.org/rss", allow_private=False, resolver=resolver)
    check_url(
        "https://feeds.example.org/rss",
        allow_private=False,
        resolver=lambda host, port: ["93.184.215.14"],
    )


def test_names_are_resolved_localhost_is_loopback():
    with pytest.raises(AddressRefusedError, match="loopback"):
        check_url("http://localhost/feed", allow_private=False)


def test_unresolvable_names_fail_at_send_time_but_may_be_added():
    def resolver(host, port):
        raise UnresolvableHostError(f"cannot resolve host {host!r}")

    with pytest.raises(UnresolvableHostError):
        check_url("https://nowhere.example.org/", allow_private=False, resolver=resolver)
    check_url(
        "https://nowhere.example.org/", allow_private=False, resolver=resolver, must_resolve=False
    )


@pytest.mark.parametrize("url", ["http://", "https://:80/x", "http://[::1/"])
def test_malformed_urls_are_usage_errors(url):
    with pytest.raises(UsageError):
        check_url(url, allow_private=True)


def test_user_agent_names_the_tool_and_the_contact():
    from tracker.config import Settings
    from tracker.services.sources import user_agent

    agent = user_agent(Settings(contact="ops@example.org"))
    assert agent.startswith("tracker/")
    assert agent.endswith("(policy deadline tracker; +ops@example.org)")
    assert "+" not in user_agent(Settings())
