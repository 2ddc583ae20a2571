"""Talking to the web: the address policy, per-host pacing, robots.txt and the polite fetcher."""

from __future__ import annotations
