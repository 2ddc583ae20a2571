"""Reading documents from files, folders, stdin, HTML and JSON Lines."""

from __future__ import annotations
