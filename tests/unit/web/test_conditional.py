"""Conditional GET decisions (RFC 9110 §13.1.1-13.1.3, §13.2.2)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tracker.web.conditional import http_date, is_not_modified, parse_http_date

CHANGED = datetime(2026, 2, 5, 11, 30, 15, 654321, tzinfo=UTC)
ETAG = '"abc123"'


def _decide(if_none_match=None, since=(), *, last_modified=CHANGED):
    return is_not_modified(if_none_match, list(since), etag=ETAG, last_modified=last_modified)


def test_http_date_is_an_imf_fixdate_in_whole_seconds():
    assert http_date(CHANGED) == "Thu, 05 Feb 2026 11:30:15 GMT"


@pytest.mark.parametrize(
    ("since", "expected"),
    [
        ("Thu, 05 Feb 2026 11:30:15 GMT", True),  # the Last-Modified echoed back
        ("Thu, 05 Feb 2026 11:30:14 GMT", False),  # one second older than the change
        ("Fri, 01 Jan 2100 00:00:00 GMT", True),  # a future date is at or after the change
        ("Thursday, 05-Feb-26 12:00:00 GMT", True),  # RFC 850
        ("Thu Feb  5 12:00:00 2026", True),  # asctime
        ("Thu Feb  5 11:00:00 2026", False),
        ("yesterday", False),  # not a date: ignored
        ("Thu, 05 Feb 2026 25:00:00 GMT", False),
        ("Thu, 05 Feb 2026 12:00:00 GMT, Fri, 06 Feb 2026 12:00:00 GMT", False),  # a list
        ("", False),
    ],
)
def test_if_modified_since(since, expected):
    assert _decide(since=[since]) is expected


def test_if_modified_since_twice_is_ignored():
    assert _decide(since=["Fri, 01 Jan 2100 00:00:00 GMT"] * 2) is False


def test_if_modified_since_without_a_modification_date_is_ignored():
    assert _decide(since=["Fri, 01 Jan 2100 00:00:00 GMT"], last_modified=None) is False


def test_if_none_match_takes_precedence():
    future = ["Fri, 01 Jan 2100 00:00:00 GMT"]
    assert _decide('"other"', future) is False  # a stale tag wins over a fresh date
    assert _decide(ETAG, ["Thu, 01 Jan 1970 00:00:00 GMT"]) is True


@pytest.mark.parametrize(
    ("header", "expected"),
    [(ETAG, True), (f"W/{ETAG}", True), (f'"x", {ETAG}', True), ("*", True), ('"x"', False)],
)
def test_if_none_match_weak_comparison(header, expected):
    assert _decide(header) is expected


def test_parse_http_date_is_utc():
    parsed = parse_http_date(["Thu, 05 Feb 2026 11:30:15 GMT"])
    assert parsed == CHANGED.replace(microsecond=0)
    assert parsed is not None
    assert parsed.utcoffset() == timedelta(0)
