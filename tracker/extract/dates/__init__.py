"""Time expressions: finding them in a text and reading their dates."""

from __future__ import annotations
