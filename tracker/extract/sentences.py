"""Sentence splitting with character offsets (good enough for news and official texts)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise


def _words(*lines: str) -> frozenset[str]:
    return frozenset(" ".join(lines).split())


_ABBREVIATIONS = _words(
    "u.s u.k d.c a.m p.m no nr dr mr mrs ms st inc corp co vs etc e.g i.e z.b bzw ca",
    "mio mrd jan feb mar apr jun jul aug sep sept oct okt nov dec dez sec art abs",
    "vol prof gen rep sen gov dept approx fig ff ggf vgl usw s u.a d.h dt engl",
)
# A sentence end, a blank line, or a line break before a list item. Every alternative starts
# with its one character (the class in front), so the engine skips ahead to those characters.
_BOUNDARY = re.compile(
    r"[.!?…\n](?:(?<=[.!?…])[\"'»«“”’)\]]*\s+(?=[\"'„“«»(\[•\-–]*[A-ZÄÖÜ0-9(„“\"•])"
    r"|(?<=\n)[ \t]*\n\s*"
    r"|(?<=\n)(?=[ \t]*(?:[-•*▪]|\(\w{1,4}\)|\d{1,2}\.)\s))"
)
_SHORT_LINE = re.compile(r"\n")
_TOKEN_SEPARATOR = re.compile(r"[\s(\[/]")
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")
_ORDINAL = re.compile(r"\d{1,2}")
_LONGEST = max(map(len, _ABBREVIATIONS)) + 1  # so many letters or digits are no abbreviation
_HEAD = 12  # how far back from a period its token is looked for
assert _LONGEST <= _HEAD


@dataclass(frozen=True)
class Sentence:
    """A sentence and where it sits in the text."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split a text into sentences with offsets; short lines (headings, datelines) stand alone."""
    cuts = sorted({0, len(text), *_boundaries(text), *_line_breaks(text)})
    sentences = []
    for start, end in pairwise(cuts):
        head = text[start:end].lstrip()
        if head:
            stripped = head.rstrip()
            offset = end - len(head)
            sentences.append(Sentence(offset, offset + len(stripped), stripped))
    return sentences


def _boundaries(text: str) -> list[int]:
    return [
        match.end()
        for match in _BOUNDARY.finditer(text)
        if text[match.start()] != "." or not _is_abbreviation(text, match.start())
    ]


def _is_abbreviation(text: str, dot: int) -> bool:
    """Tell whether the period at `dot` ends an abbreviation, an initial or an ordinal number."""
    if dot >= _LONGEST and text[dot - _LONGEST : dot].isalnum():
        # Most periods end a word longer than any abbreviation: lowercased, such a token has no
        # "." for initials, and is too long for an abbreviation or an ordinal.
        return False
    head = text[max(0, dot - _HEAD) : dot]
    token = _TOKEN_SEPARATOR.split(head)[-1].lower()
    if token in _ABBREVIATIONS or _INITIALS.fullmatch(token):
        return True
    return bool(_ORDINAL.fullmatch(token))


def _line_breaks(text: str) -> list[int]:
    """Cut after short lines without final punctuation: headings, datelines, bylines."""
    cuts = []
    position = 0
    for line in text.split("\n"):
        position += len(line) + 1
        stripped = line.strip()
        if stripped and len(stripped) < 60 and stripped[-1] not in ",;-–(":
            cuts.append(min(position, len(text)))
    return cuts
