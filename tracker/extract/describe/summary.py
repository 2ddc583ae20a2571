"""Short descriptions: the clause of a sentence that says what is promised or what happened.

Built by general rules on the sentence, never by lookup: keep the segment holding the finding,
drop attributions ("sagte X", "officials said"), leading connectors ("Parallel dazu",
"Meanwhile"), markdown links, asides in brackets and the time expressions themselves, then put
the clause in headline form ("X shall submit" -> "X to submit", "... wird erwartet" ->
"... erwartet") and cut it at a word boundary.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from operator import itemgetter

from tracker.extract.dates import TimeExpression, find_dates
from tracker.extract.describe.headline import (
    FOCUS,
    HOLE,
    KEEP_END,
    complete_anaphor,
    english_headline,
    german_headline,
)
from tracker.extract.describe.holes import DOUBLE_COMMA, SPACE_BEFORE_PUNCT, ref_length, strip_holes
from tracker.extract.describe.keys import normalise
from tracker.extract.patterns import SPEECH_STEMS, has_any

LIMIT = 90
_FOCUS = FOCUS  # where the finding sits; survives every cleaning step, removed at the end
_HOLE = HOLE  # where a time expression was
_KEEP_END = KEEP_END  # end of a kept compound ("60-day action plan")

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_BRACKETS = re.compile(r"\([^()\x01]*\)|\[[^\]\x01]*\]")  # an aside, without the space before
_LABEL = re.compile(
    r"^(?:DATES|SUMMARY|ACTION|AGENCY|Effective date|Comments|Frist|Deadline)\s*:\s*", re.I
)
# " – ", "; ", " - " or a colon after a word and before a space; every alternative starts with the
# one character in front (a class the engine can skip ahead to) and looks back at it.
_SEGMENT = re.compile(r"[\s;:](?:(?<=\s)[–—]\s|(?<=;)\s|(?<=\s)-\s|(?<=\w:)\s)")
# What every `_SEGMENT` match holds once the only whitespace is the space (after `_clean`).
_SEGMENT_CUES = (" – ", " — ", "; ", " - ", ": ")
_SPEECH = (
    r"(?:sagte|sagten|sagt|erklärte|erklärten|erklärt|betonte|betonten|betont|meinte|"
    r"hieß\s+es|heißt\s+es|ergänzte|unterstrich|teilte\s+(?:[\w-]+\s+)?mit|fügte\s+hinzu|said|says|"
    r"stated|told\s+[\w ]{1,30}?|added|noted|explained)"
)
_TRAIL_ATTRIBUTION = re.compile(
    rf",\s+(?:(?:so|laut)\s+[^,]{{1,60}}|{_SPEECH}\b[^,]{{0,80}}|according\s+to\s+[^,]{{1,80}}|"
    rf"teilte\s+[^,]{{1,60}}\s+mit|(?:[\w.'’-]+\s+){{1,6}}{_SPEECH}[^,]{{0,40}})$"
)
_LEAD_ATTRIBUTION = re.compile(
    rf"^[^\x01]{{0,140}}?\b{_SPEECH}(?:\s+(?:am|on|in)\s+\w+)?(?:,\s+(?:dass\s+)?|\s+that\s+|,\s+|"
    r"\s+(?=(?:the|a|an|it|they|we|he|she|its|their|this|these)\s))"
)
_LEAD_SOURCE = re.compile(
    r"^(?:According\s+to\s+[^,\x01]{1,80},\s+|(?:Laut|Nach\s+Angaben)\s+(?:(?:von|des|der|dem|den|die)\s+)?"
    r"(?:[a-zäöü]+\s+){0,2}[A-ZÄÖÜ][\w.-]*(?:\s+[A-ZÄÖÜ][\w.-]*)*,?\s+)"
)
_CONNECTOR = re.compile(
    r"^(?:(?:Parallel|Zeitgleich|Gleichzeitig|Zugleich)\s+dazu|Damit|Dabei|Zudem|Außerdem|"
    r"Darüber\s+hinaus|Ferner|Auch|Deshalb|Daher|Deswegen|Dafür|Dazu|Hierzu|So|Zugleich|"
    r"Gleichzeitig|Unterdessen|Inzwischen|Indes|Nun|Jetzt|Dann|Anschließend|Danach|Künftig|"
    r"Zusätzlich|Bereits|Schon|Erst|Allerdings|Jedoch|Aber|Und|Doch|Demnach|Ebenso|Weiterhin|Konkret|Insbesondere|"
    r"Meanwhile|In\s+addition|Additionally|Also|Furthermore|Moreover|However|Separately|"
    r"In\s+parallel|At\s+the\s+same\s+time|Finally|First|Second|Third|Further|Similarly|Likewise|"
    r"In\s+turn|To\s+that\s+end|In\s+particular|Specifically|Then|Thus|Therefore|Accordingly|"
    r"In\s+Kürze|Demnächst|Bald|In\s+(?:den\s+)?(?:kommenden|nächsten)\s+(?:Wochen|Monaten)|Soon|"
    r"Shortly|In\s+the\s+(?:coming|next\s+few)\s+(?:weeks|months)|"
    r"(?:Under|As\s+part\s+of|In\s+line\s+with|Following|After|In)\s+(?:the|this|that|its|their)"
    r"\s+[\w-]+(?:\s+[\w-]+)?)\b,?\s*"
)
_NOMINAL = re.compile(
    r"(?:geplant|vorgesehen|angekündigt|beabsichtigt|angestrebt)\w*\s+[A-ZÄÖÜ]|Vorschlag\w*\s|"
    r"(?:planned|proposed|upcoming|anticipated|envisaged|intended)\s+[a-z]"
)
_RELATIVE = re.compile(
    r",\s+(?:(?:an|in|bei|mit|für|über|von|zu|nach)\s+)?(?:dem|der|denen|deren|dessen|die|das|"
    r"welche[rsm]?|which|who|whose|where)\s|,\s+(?:except|with\s+the\s+exception|ausgenommen|"
    r"mit\s+Ausnahme)\b"
)
# "trotz internationaler Spannungen", "despite opposition from farmers,": not part of the promise.
_CONCESSIVE = re.compile(
    r"\s+(?:trotz|ungeachtet)\s+(?:[a-zäöüß]+\s+){0,3}[A-ZÄÖÜ][\w-]*(?=\s)"
    r"|,?\s+(?:despite|in\s+spite\s+of|notwithstanding)\s+[^,\x01]{1,60},"
)
# Clock times belong to the deadline, not to the promise: "at 11:59 p.m. EST", "um 12:00 Uhr".
_CLOCK = re.compile(
    r"(?:\b(?:at|by|um|bis)\s+)?\b\d{1,2}[:.]\d{2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b|Uhr\b)?"
    r"(?:\s*\(?(?:EST|EDT|ET|CET|CEST|MEZ|MESZ|UTC|GMT|Brussels\s+time)\)?)?"
)
_PLANNED = re.compile(
    r"^(\x01?)(geplant|vorgesehen|angekündigt|beabsichtigt|angestrebt)(?:en|er|es|em)\b"
)
_PREDICATE_CUE = re.compile(r"(?i:effective|wirksam)")
_PREDICATE_INITIALS = "EeWw"  # what a `_PREDICATE_CUE` match starts with (no other case forms)
# Whether `\d[:.]\d\d` occurs: one pattern per separator, each starting with that literal (the
# engine skips ahead to a literal much faster than to a member of a class).
_CLOCK_DOT, _CLOCK_COLON = re.compile(r"\.(?<=\d\.)\d\d"), re.compile(r":(?<=\d:)\d\d")
_CONCESSIVE_WORDS = ("trotz", "ungeachtet", "spite", "notwithstanding")  # "spite": "despite" too
_TRAIL_CUES = (", so ", ", laut ", "according")  # besides the speech verbs
_COMPOUND = re.compile(r"\d[\w.]*[-‑]\w+[-‑ ]\w|\w+[-‑](?:day|week|month|year)\s+\w", re.I)
_DANGLING = {"und", "oder", "der", "die", "das", "den", "dem", "des", "ein", "eine", "mit", "zu"}
_DANGLING |= {"für", "von", "in", "the", "a", "an", "and", "or", "of", "to", "for", "with", "on"}
_FUTURE = re.compile(
    r"\b(?:will|shall|must|wird|werden|soll|sollen|solle|plans?\s+to|is\s+to|are\s+to)\b"
)

_ANY_DAY = date(2000, 1, 1)  # the anchor when only the spans of time expressions matter


def summarise(
    sentence: str,
    focus: int,
    *,
    lang: str,
    keep: tuple[int, int] | None = None,
    context: str = "",
    is_event: bool = False,
    timexes: tuple[TimeExpression, ...] | None = None,
    offset: int = 0,
) -> str:
    """Describe what the sentence promises (or reports) around character `focus`.

    `keep` is a span (relative to the sentence) that must stay even when it is a time expression
    (a "60-Tage-Aktionsplan" names the deliverable); `context` is the earlier text of the same
    paragraph, used to complete an anaphoric noun ("eine entsprechende Absichtserklärung").
    `timexes` are the sentence's time expressions with offsets into a text where the sentence
    starts at `offset` (found here when not given; only their spans count, not their days).
    """
    found = find_dates(sentence, anchor=_ANY_DAY, lang=lang) if timexes is None else timexes
    spans = _spans(found, 0 if timexes is None else offset)
    return _summarise(sentence, focus, lang, keep, context[-600:], is_event, spans)


def _spans(
    timexes: tuple[TimeExpression, ...] | list[TimeExpression], offset: int
) -> tuple[_Span, ...]:
    """(start, end, is_compound, cue_is_predicate) of each time expression, sentence-relative.

    A reference ("of this order") is part of the span; so is its cue ("bis zum"). A bare length
    ("eine Übergangsfrist von 18 Monaten") is part of what is described, no hole."""
    return tuple(
        (
            t.span[0] - offset,
            (t.ref_span[1] if t.ref_span else t.span[1]) - offset,
            t.span[1] - offset,
            bool(t.noun),
            t.cue[:1] in _PREDICATE_INITIALS and _PREDICATE_CUE.match(t.cue) is not None,
            t.core_start - offset,
        )
        for t in timexes
        if t.type != "duration" or t.cue or t.ref or t.noun
    )


_Span = tuple[int, int, int, bool, bool, int]
_POSITION = itemgetter(0, 1)  # cuts in order of (start, end); ties keep their order


@lru_cache(maxsize=1024)
def _summarise(
    sentence: str,
    focus: int,
    lang: str,
    keep: tuple[int, int] | None,
    context: str,
    is_event: bool,
    spans: tuple[_Span, ...],
) -> str:
    span = sentence[keep[0] : keep[1]] if keep is not None else ""
    # Both `_COMPOUND` alternatives need a hyphen: a cheap test before the backtracking pattern.
    is_np = ("-" in span or "‑" in span) and _COMPOUND.search(span) is not None
    text = _mark(sentence, focus, keep if is_np else None, lang, spans)
    text = _clean(text)
    text = _clause(text)
    is_nominal = _NOMINAL.match(sentence, focus) is not None
    if is_nominal:
        text = _nominal(text)
    np_mode = is_np and not _FUTURE.search(text)
    if lang == "de":
        text = german_headline(text, np_mode=np_mode, is_nominal=is_nominal)
    else:
        text = english_headline(text, np_mode=np_mode, is_event=is_event)
    text = complete_anaphor(text, context)
    return _finish(text)


def _nominal(text: str) -> str:
    """ "Der Schritt erfolgt vor einer geplanten Überprüfung des Abkommens" -> "Geplante
    Überprüfung des Abkommens": the plan is the noun phrase the marker starts."""
    text = text[text.index(_FOCUS) :] if _FOCUS in text else text
    return _PLANNED.sub(r"\1\2e", text)


def _mark(
    sentence: str, focus: int, keep: tuple[int, int] | None, lang: str, spans: tuple[_Span, ...]
) -> str:
    """Put the focus mark into the sentence and replace its time expressions by holes."""
    focus = min(max(focus, 0), len(sentence))
    cuts: list[tuple[int, int, str]] = [(focus, focus, _FOCUS)]
    if keep is not None:
        cuts.append((keep[1], keep[1], _KEEP_END))
    if _CLOCK_DOT.search(sentence) or _CLOCK_COLON.search(sentence):
        cuts.extend((m.start(), m.end(), _HOLE) for m in _CLOCK.finditer(sentence))
    for cue_start, ref_end, end, is_compound, is_predicate, start in spans:
        if cue_start < 0 or ref_end > len(sentence):
            continue
        hole_end = end + ref_length(sentence[end:ref_end], lang) if ref_end > end else end
        hole_start = start if is_predicate else cue_start
        if is_compound or (keep is not None and hole_start < keep[1] and keep[0] < hole_end):
            continue
        if hole_start <= focus < hole_end:
            cuts[0] = (hole_start, hole_start, _FOCUS)
        cuts.append((hole_start, hole_end, _HOLE))
    out, position = [], 0
    for start, end, mark in sorted(cuts, key=_POSITION):
        if start < position:
            if mark == _HOLE and end > position:
                position = end  # a time expression around a clock time: one hole
            continue
        out.append(sentence[position:start] + mark)
        position = end
    out.append(sentence[position:])
    return "".join(out)


def _clean(text: str) -> str:
    text = normalise(text)
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "(" in text or "[" in text:
        text = _without_asides(text)
    if has_any(text, _CONCESSIVE_WORDS):
        text = _CONCESSIVE.sub("", text)
    if not text.isascii():  # the quotes are not ASCII (and `isascii` only reads a flag)
        text = text.replace("«", "").replace("»", "").replace("„", "").replace("“", "")
    text = text.strip()
    return _LABEL.sub("", text) if ":" in text else text


def _without_asides(text: str) -> str:
    """`re.sub(r"\\s*(?:<brackets>)", "", text)` without trying every position as the start of a
    space: each aside goes with the whitespace before it (back to the end of the previous one)."""
    *pieces, last = _BRACKETS.split(text)
    return "".join([*(piece.rstrip() for piece in pieces), last])


def _clause(text: str) -> str:
    """Keep the segment holding the focus; drop attributions and leading connectors."""
    if has_any(text, _SEGMENT_CUES):  # exact: `_clean` leaves no whitespace but spaces
        text = next((p for p in _SEGMENT.split(text) if _FOCUS in p), text)
    if text.startswith(_FOCUS):
        text = text[1:]  # a focus at the start says nothing, and would hide the connectors
    text = text.rstrip(" .!?\"'”’")
    # The steps below only cut text out, never join letters: without a speech verb now, none later.
    speech = has_any(text, SPEECH_STEMS)
    for _ in range(2):
        before = text
        text = _strip_trailing_attribution(text, speech)
        if len(text) < len(before):
            speech = speech and has_any(text, SPEECH_STEMS)
        lead = (_LEAD_ATTRIBUTION.match(text) if speech else None) or (
            _LEAD_SOURCE.match(text) if text.startswith(("According", "Laut", "Nach")) else None
        )
        if lead and _FOCUS not in lead.group(0) and len(text) - lead.end() > 15:
            text = text[lead.end() :]
        text = strip_holes(text)
        connector = _CONNECTOR.match(text)
        if connector and _FOCUS not in connector.group(0) and connector.end() < len(text):
            text = text[connector.end() :]
        if text == before:  # a second round would change nothing either, nor would the final
            return text  # `strip_holes`: the steps only shorten the text, so each one kept it
        speech = speech and has_any(text, SPEECH_STEMS)
    return strip_holes(text)


def _strip_trailing_attribution(text: str, speech: bool) -> str:
    """Drop ", sagte X" / ", officials said" (`speech`: whether `text` holds a speech verb)."""
    if "," not in text or not (speech or has_any(text, _TRAIL_CUES)):
        return text
    # No alternative of the pattern matches a comma after its first: only the last one can start it.
    match = _TRAIL_ATTRIBUTION.match(text, max(text.rfind(","), 0))
    if match and _FOCUS not in match.group(0):
        return text[: match.start()]
    return text


def _finish(text: str, limit: int = LIMIT) -> str:
    relative = _RELATIVE.search(text)
    if relative and len(text) > limit and text.find(_FOCUS) < relative.start():
        text = text[: relative.start()]
    text = text.replace(_FOCUS, "").replace(_HOLE, "").replace(_KEEP_END, "")
    text = " ".join(text.split()).strip(" ,;:-–\"'“”„»«")
    if " ," in text or " ;" in text or " ." in text:  # single spaces only, after the join
        text = SPACE_BEFORE_PUNCT.sub("", text)
    if ", ," in text or ",," in text:
        text = DOUBLE_COMMA.sub(",", text)
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:-– ")
    # Drop a dangling last word (what `\s+(?:und|...)$` removed): the only whitespace left is
    # single spaces, so such a match is the last space and the word after it.
    head, space, last = cut.rpartition(" ")
    if space and last in _DANGLING:
        cut = head
    return cut + "…"
