"""Cheap language detection (German or English) by counting stopwords."""

from __future__ import annotations

import re


def _words(*lines: str) -> frozenset[str]:
    return frozenset(" ".join(lines).split())


_WORD = re.compile(r"[a-zäöüß]+")
_DE = _words(
    "der die das und ist nicht mit von den dem des ein eine einer zu im auf für sich",
    "auch wird werden wurde hat haben sind bei nach über wie oder aber noch nur so",
    "dass bis",
)
_EN = _words(
    "the and of to in is are was were be by for with on that this from at as will",
    "shall has have it its an which or not their been after",
)


def detect_language(text: str, default: str = "en") -> str:
    """Return "de" or "en" by which language's stopwords are more frequent."""
    words = _WORD.findall(text[:20000].lower())
    german = sum(1 for w in words if w in _DE)
    english = sum(1 for w in words if w in _EN)
    if german == english:
        return default
    return "de" if german > english else "en"
