"""Sentence splitting with character offsets (good enough for news and official texts)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise


def _words(*lines: str) -> frozenset[str]:
    return frozenset(" ".join(lines).split())


_ABBREVIATIONS = _words(
    "u.s u.k d.c a.m p.m no nr dr mr mrs ms st inc corp co vs etc e.g i.e z.b bzw ca",
    "mio mrd jan feb mar apr jun jul aug sep sept oct okt nov dec dez sec art abs",
    "vol prof gen rep sen gov dept approx fig ff ggf vgl usw s u.a d.h dt engl",
)
# A sentence end, a blank line, or a line break before a list item: the matches of one scan
#   [.!?…\n](?:(?<=[.!?…])<_AFTER_MARK>|(?<=\n)[ \t]*\n\s*|(?<=\n)(?=<list item>))
# done as one scan per first character (a literal first character the engine finds several
# times faster than a class). The same matches: a mark's match is the mark, closing quotes and a
# whole run of white space (\s+ is greedy and the look-ahead needs no space after it), and a
# line's match is white space only, so no mark starts inside either: the marks' matches are
# those of the one scan. A line match starting inside a mark's match is skipped by the one scan
# (`_boundaries` drops it), and it ends inside that match (at the end of its white space at
# most): it hides no other line match, so the rest are the one scan's line matches.
_AFTER_MARK = r"[\"'»«“”’)\]]*\s+(?=[\"'„“«»(\[•\-–]*[A-ZÄÖÜ0-9(„“\"•])"
_MARK_ENDS = {mark: re.compile(re.escape(mark) + _AFTER_MARK) for mark in ".!?…"}
_LINE_END = re.compile(r"\n(?:[ \t]*\n\s*|(?=[ \t]*(?:[-•*▪]|\(\w{1,4}\)|\d{1,2}\.)\s))")
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
    """Where the matches of the one boundary scan end (see `_MARK_ENDS`), unless they follow an
    abbreviation's period."""
    ends = []
    spans: list[tuple[int, int]] = []  # the marks' matches
    for mark, pattern in _MARK_ENDS.items():
        if mark in text:
            spans += (match.span() for match in pattern.finditer(text))
    spans.sort()
    starts = [start for start, _ in spans]
    for start, end in spans:
        if text[start] != "." or not _is_abbreviation(text, start):
            ends.append(end)
    for match in _LINE_END.finditer(text):
        at = bisect_right(starts, match.start()) - 1
        if at < 0 or spans[at][1] <= match.start():  # not inside a mark's match
            ends.append(match.end())
    return ends


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
