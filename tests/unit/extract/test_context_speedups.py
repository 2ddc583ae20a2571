"""The shortcuts of actors, sentences and metadata give the same results as the plain code."""

from __future__ import annotations

import random
import re
from itertools import pairwise

from tracker.extract.describe.actors import GAZETTEER, actor_mentions, canonical_actor
from tracker.extract.meta.document import _lines
from tracker.extract.patterns import has_any
from tracker.extract.rules import context
from tracker.extract.rules.context import ActorIndex, Paragraphs, actors_at
from tracker.extract.sentences import _ABBREVIATIONS, _INITIALS, _ORDINAL, _is_abbreviation

ALIASES = [alias for name, aliases in GAZETTEER.items() for alias in (name, *aliases)]
WORDS = [
    *("the", "und", ",", ".", ". ", "! ", "? ", ";", "(", ")", "\n", "\n\n", "-", "’", "'", "„"),
    *("sagte", "said", ", so ", "according to", "beide Seiten", "the two sides", "Kommentare"),
    *("written comments must be received", "Projekt", "Dr.", "U.S.", "J.", "3.", "123.", "z.B."),
    *("Stellungnahmen", "Alles", "Deadline", "Tag", "Anfang", "ſoll", "ıs", "İst", "\u212a"),
]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    vocabulary = [*ALIASES, *WORDS]
    texts = []
    for _ in range(count):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(0, 40))]
        text = rng.choice(["", " "]).join(words) if rng.random() < 0.2 else " ".join(words)
        texts.append("".join(c.swapcase() if rng.random() < 0.05 else c for c in text))
    return texts


def test_actor_index_knows_every_mention_whatever_was_asked_before():
    rng = random.Random(11)
    for text in _texts(400, 12):
        mentions = actor_mentions(text)
        index = ActorIndex(text, Paragraphs.of(text).starts)
        for _ in range(8):
            low = rng.randint(-2, len(text) + 1)
            high = rng.randint(low - 1, len(text) + 2)
            expected = dict.fromkeys(n for s, e, n in mentions if s >= low and e <= high)
            assert index.names(low, high) == list(expected)


def test_actor_mentions_name_what_canonical_actor_names():
    for text in _texts(300, 13):
        for start, end, name in actor_mentions(text):
            assert name == canonical_actor(text[start:end])


def _plain_actors_at(index, start, end, paragraph_start, deliverable):
    """`actors_at` as first written: every check in order, the paragraph asked first."""
    sentence = index.text[start:end]
    is_filing = has_any(sentence, (*context._FILING_WORDS, "ommentare")) and (
        context._FILING.search(sentence) is not None
    )
    if deliverable in context._THIRD_PARTY_KEYS or is_filing:
        return ["interested parties"], 0.9
    if deliverable == "applications" and context._PROJECT.search(sentence):
        return ["project promoters"], 0.9
    low, high = context._content_span(sentence)
    own = index.names(start + low, start + high)
    is_group = has_any(sentence, context._GROUP_WORDS) and (
        context._GROUP_ANAPHOR.search(sentence) is not None
    )
    if own and not is_group:
        return own, 1.0
    inherited = []
    if paragraph_start < start and index.names(paragraph_start, start):
        ends = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ\"„“])").finditer(
            index.text, paragraph_start, start
        )
        cuts = [paragraph_start, *(m.start() for m in ends), start]
        for left, right in reversed(list(pairwise(cuts))[-4:]):
            inherited = index.names(left, right)
            if inherited:
                break
    if own or inherited:
        merged = list(dict.fromkeys([*inherited, *own]))
        return merged, 1.0 if not inherited else context.CONTEXT_CONFIDENCE
    speaker = index.names(start, end)
    return speaker, context.SPEAKER_CONFIDENCE if speaker else 1.0


def test_actors_at_equals_the_plain_order_of_checks():
    rng = random.Random(14)
    keys = ["", "applications", "rebuttal comments", "report"]
    for text in _texts(400, 15):
        paragraphs = Paragraphs.of(text)
        fast, plain = ActorIndex(text, paragraphs.starts), ActorIndex(text, paragraphs.starts)
        for _ in range(4):
            start = rng.randint(0, len(text))
            end = rng.randint(start, len(text))
            args = (start, end, paragraphs.start_of(start), rng.choice(keys))
            assert actors_at(fast, *args) == _plain_actors_at(plain, *args)


def test_sentence_end_scan_equals_the_look_behind():
    plain = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ\"„“])")
    rng = random.Random(16)
    for text in _texts(300, 17):
        for _ in range(4):
            low = rng.randint(0, len(text))
            high = rng.randint(low, len(text))
            found = context._SENTENCE_END.finditer(text, max(low - 1, 0), high)
            assert [m.span(1) for m in found] == [m.span() for m in plain.finditer(text, low, high)]


def test_abbreviation_shortcut_equals_the_token_rules():
    def plain(text: str, dot: int) -> bool:
        token = re.split(r"[\s(\[/]", text[max(0, dot - 12) : dot])[-1].lower()
        return bool(
            token in _ABBREVIATIONS or _INITIALS.fullmatch(token) or _ORDINAL.fullmatch(token)
        )

    rng = random.Random(18)
    pieces = [
        "Dr",
        "U.S",
        "a",
        "Kelvin",
        "\u212a",
        "İİİİİİİ",
        "12",
        "2026",
        "etc",
        "approx",
        " ",
        "(",
    ]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) + "."
        assert _is_abbreviation(text, len(text) - 1) == plain(text, len(text) - 1)


def test_lines_are_those_of_split():
    for text in ["", "\n", "a", "a\nb", "a\n\nb\n", *_texts(100, 19)]:
        for limit in (0, 3, 1500):
            expected, position = [], 0
            for line in text[:limit].split("\n"):
                expected.append((position, line))
                position += len(line) + 1
            assert list(_lines(text, limit)) == expected
