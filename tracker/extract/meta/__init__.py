"""Document metadata: publication date, title, URL, language."""

from __future__ import annotations
