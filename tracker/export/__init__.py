"""Exporters: iCalendar (ics.py)."""

from __future__ import annotations
