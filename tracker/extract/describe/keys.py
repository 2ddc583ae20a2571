"""Describe a finding: short description, canonical deliverable or event key, and actors."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import TypeAlias

from tracker.extract.folding import split_alternatives

# Ordered (pattern, canonical key); the match nearest to the trigger wins.
DELIVERABLES: tuple[tuple[str, str], ...] = (
    (
        r"Absichtserklärung\w*|Absichtsabkommen\w*|memorandum of (?:intent|understanding)|"
        r"letters? of intent|Memorandum of Understanding",
        "memorandum of intent",
    ),
    (r"[Aa]ktionspl[aä]n\w*|action plans?", "action plan"),
    (r"requests? to appear|hearing appearance|appear at the hearing", "hearing request"),
    (r"rebuttal comments?", "rebuttal comments"),
    (r"[Üü]berprüfung|reviews?\b", "review"),
    (r"[Bb]ericht|reports?\b", "report"),
    (r"[Aa]nhörung|hearings?\b", "hearing"),
    (r"comments?\b|Stellungnahmen?|Kommentare?|Konsultation\w*|consultation", "comments"),
    (r"dockets?", "docket"),
    (r"information session|Informationsveranstaltung\w*|webinar", "information session"),
    (r"cut-off date|submissions?|applications?|Anträge|Antrag|Bewerbung\w*", "applications"),
    (
        r"Inkrafttreten|in Kraft|entry into force|enters? into force|effective|Vollanwendung|"
        r"gilt|applies|application",
        "entry into force",
    ),
    (r"[Aa]ussetzung|suspen\w+|[Pp]ause\b|truce|Waffenruhe|moratorium", "suspension"),
    (r"[Zz]oll\b|[Zz]ölle|tariffs?|duties|fees?|Gebühr", "tariff"),
    (r"[Ii]nvest\w*", "investment"),
    (r"Gesetzgebung|legislation|Verordnung|regulation|rule", "legislation"),
    (r"Zulassung\w*|authori[sz]ation|registrier\w*|registration", "authorisation"),
    (r"Handelsallianz|alliance|Allianz", "alliance"),
    (r"[Rr]eserve\b|stockpile", "reserve"),
    (r"Gespräche\w*|Verhandlungen|talks|negotiat\w+", "talks"),
    (r"[Aa]bkommen|agreements?|framework|Vereinbarung|deal", "agreement"),
    (r"[Ss]trateg\w+", "strategy"),
    (r"Treffen|Sitzung|meeting|[Ss]ummit|Gipfel", "meeting"),
    (r"[Pp]lan\b|plans?\b", "plan"),
    (r"[Ff]rist|deadline", "deadline"),
)
EVENT_KEYS: tuple[tuple[str, str], ...] = (
    (r"Ministertreffen|ministerial", "ministerial meeting"),
    (
        r"Reserve.{0,120}(?:angekündigt|announced|ankündig)|(?:announced|angekündigt).{0,80}reserve",
        "reserve announcement",
    ),
    (r"Exportkontrollen|export controls?", "export controls"),
    (r"Handelsabkommen|Handelsdeal\w*|trade (?:deal|agreement)", "trade agreement"),
    (r"unterzeichnet\w*|unterschrieb\w*|\bsigned\b", "signing"),
    (r"Proklamation\w*|[Pp]roclamations?", "proclamation"),
    (r"Executive Order", "executive order"),
    (r"initiated the investigation|Untersuchung eingeleitet|investigation", "investigation"),
    (r"\bcall\b|Telefonat", "phone call"),
    (r"Treffen|zusammengekommen|meeting|\bmet\b", "meeting"),
    (r"is effective|in Kraft|took effect|effective", "entry into force"),
    (r"published|veröffentlicht|notice", "publication"),
    (r"freigeschaltet\w*|launched|opened", "launch"),
    (r"angekündigt|ankündig\w*|kündigte|announced|announcement|teilte mit", "announcement"),
    (r"took (?:targeted )?action|Maßnahme", "action"),
)
_LINE_HYPHEN = re.compile(r"(\w)-\n(\w)")
_LABEL = re.compile(r"^(?:DATES|SUMMARY|ACTION|AGENCY|Effective date|Comments):\s*", re.IGNORECASE)


@cache
def _compiled(table: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), key) for pattern, key in table)


@cache
def _stems(table: tuple[tuple[str, str], ...]) -> tuple[tuple[str, ...] | None, ...]:
    """Lowercase literal stems per entry: a cheap `in` test that must pass before the regex runs.

    None means "no usable stem, always run the regex".
    """
    result: list[tuple[str, ...] | None] = []
    for pattern, _ in table:
        stems = tuple(_stem(alternative) for alternative in split_alternatives(pattern))
        result.append(None if any(len(s) < 3 for s in stems) else stems)
    return tuple(result)


_Entry = tuple[re.Pattern[str], str]
# table -> (entries, stem finder, ranks of each stem's prefix stems, ranks without a usable stem)
_Prepared = tuple[tuple[_Entry, ...], re.Pattern[str], dict[str, frozenset[int]], frozenset[int]]
_PREPARED: dict[int, tuple[tuple[tuple[str, str], ...], _Prepared]] = {}


def _prepared(table: tuple[tuple[str, str], ...]) -> _Prepared:
    """The compiled entries of a table and their stems, found by the table's identity (hashing a
    table of 25 entries on every call costs more than the look-up saves)."""
    found = _PREPARED.get(id(table))
    if found is None or found[0] is not table:
        stems = _stems(table)
        listed = [(stem, rank) for rank, s in enumerate(stems) if s is not None for stem in s]
        prefixes = {
            stem: frozenset(rank for other, rank in listed if stem.startswith(other))
            for stem, _ in listed
        }
        always = frozenset(rank for rank, s in enumerate(stems) if s is None)
        finder = re.compile(literal_trie(prefixes))
        found = _PREPARED[id(table)] = (table, (_compiled(table), finder, prefixes, always))
    return found[1]


_Node: TypeAlias = dict[str, "_Node"]  # a trie node: the next characters ("" ends a word)


def literal_trie(words: Iterable[str]) -> str:
    """A regex for a set of literal words that, where several start, matches the longest.

    Words that start at one place are prefixes of one another; the trie tries to go on before
    it stops at a word's end (a greedy `?`), and only one branch fits the next character.
    """
    root: _Node = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Node) -> str:
        branches = [re.escape(char) + emit(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _candidates(table: tuple[tuple[str, str], ...], lowered: str) -> list[int]:
    """The ranks, in order, whose stems occur in `lowered` (or that have no usable stem).

    One regex finds, at each place where stems start, the longest of them; the others starting
    there are its prefixes, so `prefixes` gives all their ranks. Searching again one character
    after each hit visits every place where a stem starts (hits may overlap). The same ranks as
    testing `stem in lowered` for every stem (test_describe_scans.py), in fewer steps.
    """
    _, finder, prefixes, always = _prepared(table)
    ranks = set(always)
    hit = finder.search(lowered)
    while hit is not None:
        ranks |= prefixes[hit.group()]
        hit = finder.search(lowered, hit.start() + 1)
    return sorted(ranks)


def _stem(alternative: str) -> str:
    """The literal lowercase prefix of one alternative ("[Aa]ktionspl[aä]n" -> "aktionspl")."""
    text = re.sub(r"^(?:\\b)?\[(.)[^\]]*\]", r"\1", alternative).removeprefix("\\b").lower()
    cut = re.search(r"[\[(\\.*+{|]|.\?", text)
    return text[: cut.start()] if cut else text


@lru_cache(maxsize=2048)
def nearest_key(text: str, position: int, table: tuple[tuple[str, str], ...] = DELIVERABLES) -> str:
    """Return the key whose pattern matches nearest to `position` in `text` ("" when none)."""
    low = max(0, position - 150)
    window = text[low : position + 150]
    position -= low
    best: tuple[int, int] | None = None
    entries = _prepared(table)[0]
    for rank in _candidates(table, window.lower()):
        for match in entries[rank][0].finditer(window):
            distance = (
                0
                if match.start() <= position < match.end()
                else min(abs(match.start() - position), abs(match.end() - position))
            )
            if best is None or (distance, rank) < best:
                best = (distance, rank)
    return table[best[1]][1] if best else ""


def first_key(text: str, table: tuple[tuple[str, str], ...] = EVENT_KEYS) -> str:
    """Return the key of the first pattern (in table order) that matches anywhere in `text`."""
    entries = _prepared(table)[0]
    for rank in _candidates(table, text.lower()):
        pattern, key = entries[rank]
        if pattern.search(text):
            return key
    return ""


@lru_cache(maxsize=512)
def normalise(text: str) -> str:
    """Collapse whitespace and repair words hyphenated across line breaks."""
    if "-\n" in text:
        text = _LINE_HYPHEN.sub(r"\1\2", text)
    return " ".join(text.split())


@lru_cache(maxsize=512)
def describe(sentence: str, limit: int = 160) -> str:
    """Return a short description: the sentence without labels, cut at a word boundary."""
    text = _LABEL.sub("", normalise(sentence))
    text = _LABEL.sub("", text)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
