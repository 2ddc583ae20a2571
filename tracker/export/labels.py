"""PURE: a short readable name for where a piece of evidence came from.

A document's recorded source is an absolute file path ("/home/ana/texts/a.txt"), a JSON Lines
line ("/srv/batch.jsonl:3"), "<stdin>", or a name given with --source ("dpa"). None of the paths
belongs in a calendar or on a page others read: they show the site of the document's URL, else
the file's name, else the name as given.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import unquote, urlsplit

STDIN_NAME = "<stdin>"
# Relative paths stored by older versions ("../texts/a.txt") are recognised by their suffix.
_DOCUMENT_FILE = re.compile(r"\.(txt|text|md|markdown|html?|xhtml|jsonl|ndjson)(:\d+)?$", re.I)
_WINDOWS_PATH = re.compile(r"^[A-Za-z]:\\")


def source_label(source: str, url: str | None = None) -> str:
    """Return the site of `url` (without www.), else the file name of a path, else `source`."""
    site = _site(url)
    if site:
        return site
    return file_label(source)


def file_label(source: str) -> str:
    """Return the file name when `source` is a path (or file:// URL), else `source` unchanged."""
    if source == STDIN_NAME:
        return "stdin"
    if source.startswith("file://"):
        return PurePosixPath(unquote(urlsplit(source).path)).name or source
    if _WINDOWS_PATH.match(source):
        return PureWindowsPath(source).name or source
    is_path = source.startswith(("/", "./", "../", "~/")) or (
        "/" in source and _DOCUMENT_FILE.search(source) is not None
    )
    return (PurePosixPath(source).name or source) if is_path else source


def _site(url: str | None) -> str | None:
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts.hostname.removeprefix("www.")
