"""The web side: the calendar feed and the timeline page (stdlib http.server, no framework)."""

from __future__ import annotations
