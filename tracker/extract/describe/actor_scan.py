"""Where actors are mentioned in a stretch of text (the gazetteer and its patterns: `actors`)."""

from __future__ import annotations

import re
from functools import cache

from tracker.extract.describe.actors import (
    _CASE_SENSITIVE,
    GAZETTEER,
    _actor_patterns,
    _alias_index,
    canonical_actor,
)
from tracker.extract.folding import lowered


@cache
def _folded_pattern() -> tuple[re.Pattern[str], frozenset[str]]:
    """All aliases lowercased, for lowercased text (`lowered`): plain literals, which the regex
    engine tries several times faster; and those of them that are case-sensitive aliases."""
    aliases = {a.lower() for n, al in GAZETTEER.items() for a in (n, *al)}
    groups: dict[str, list[str]] = {}
    for alias in sorted(aliases, key=len, reverse=True):
        groups.setdefault(alias[0], []).append(re.escape(alias[1:]))
    body = "|".join(f"{re.escape(c)}(?:{'|'.join(r)})" for c, r in groups.items())
    insensitive = {
        a.lower() for n, al in GAZETTEER.items() for a in (n, *al) if a not in _CASE_SENSITIVE
    }
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])"), frozenset(aliases - insensitive)


def actor_mentions_in(text: str, low: int, high: int) -> tuple[tuple[int, int, str], ...]:
    """`actor_mentions` of `text[low:high]`, offsets into `text`: the same as for the whole text
    when no alias spans the range's ends (see `context.ActorIndex`).

    One scan of the lowercased text finds every alias, the case-sensitive ones too, which are
    kept where the case-sensitive pattern matches at the same place. The mentions of
    `_two_scans` (both scans, merged longest first): a case-sensitive alias is all letters, so
    no alias starts inside its match or just after it (the look-behind wants no letter before),
    and an insensitive alias matching at the same start is the longer one (a shorter one would
    end before a letter), which the one scan takes as the merge does. So a case-sensitive match,
    kept or not, hides nothing from the insensitive scan, and the insensitive matches hide the
    case-sensitive ones that the merge drops."""
    origin = max(low - 1, 0)  # one character more, for the look-behind
    segment = text[origin:high]
    if segment.isascii():  # (a constant-time test) no Kelvin sign, nothing lowered() refuses
        folded: str | None = segment.lower()
    else:
        folded = None if "\u212a" in segment else lowered(segment)  # Kelvin sign lowers to "k"
    if folded is None:
        return _two_scans(text, low, high)
    pattern, cased = _folded_pattern()
    sensitive = _actor_patterns()[1]
    names = _alias_index()
    mentions = []
    for match in pattern.finditer(folded, low - origin):
        alias = match.group()  # an alias lowercased: its own key in `names`
        start = origin + match.start()
        if alias not in cased or sensitive.match(text, start, high) is not None:
            mentions.append((start, origin + match.end(), names[alias]))
    return tuple(mentions)


def _two_scans(text: str, low: int, high: int) -> tuple[tuple[int, int, str], ...]:
    """The mentions in `text[low:high]`: the insensitive and the case-sensitive scan, merged."""
    insensitive, sensitive = _actor_patterns()
    hits = [
        (m.start(), m.end(), canonical_actor(m.group(0)))
        for m in insensitive.finditer(text, low, high)
    ]
    names = _alias_index()
    hits += [
        (m.start(), m.end(), names[m.group(0).lower()]) for m in sensitive.finditer(text, low, high)
    ]
    mentions: list[tuple[int, int, str]] = []
    covered_until = -1
    for start, end, name in sorted(hits, key=lambda h: (h[0], -h[1])):  # longest first
        if start < covered_until:
            continue
        covered_until = end
        mentions.append((start, end, name))
    return tuple(mentions)
