"""Rules that turn time expressions and intent markers into commitments, plans and events."""

from __future__ import annotations
