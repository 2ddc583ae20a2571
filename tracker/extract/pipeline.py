"""The extraction pipeline: sentences -> time expressions -> rules -> models."""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date
from typing import Any

from tracker.extract.dates import TimeExpression, find_dates
from tracker.extract.describe.keys import EVENT_KEYS, first_key, nearest_key
from tracker.extract.guard import guarded, is_strict
from tracker.extract.meta.document import FoundMeta, is_metadata_line
from tracker.extract.rules.anchors import ORDER_OF, SIGNING_SCAN, AnchorBook
from tracker.extract.rules.changes import FoundChange, find_changes
from tracker.extract.rules.durations import is_duration, resolve_duration
from tracker.extract.rules.findings import Context, Finding
from tracker.extract.rules.fixed import resolve_fixed, split_spanning
from tracker.extract.rules.restated import IN_FORCE, join_restated
from tracker.extract.rules.undated import find_undated, marker_positions
from tracker.extract.sentences import Sentence, split_sentences

logger = logging.getLogger(__name__)


def find_all(text: str, published: date, meta: FoundMeta, lang: str = "en") -> list[Finding]:
    """Run every rule over the text and return the findings in text order."""
    return scan(text, published, meta, lang)[0]


def scan(
    text: str, published: date, meta: FoundMeta, lang: str = "en"
) -> tuple[list[Finding], list[FoundChange]]:
    """Run every rule over the text: the findings in text order, and the change statements.

    1. Split sentences; skip the dateline, the title and date-only lines.
    2. Resolve dates and periods (events and absolute deadlines); note signing dates.
    3. Resolve durations against the anchors found in step 2.
    4. Add undated plans for sentences that carry no dated commitment.
    5. Read the sentences that say an earlier commitment changed (rules.changes).
    """
    sentences = split_sentences(text)
    if meta.dateline is not None:
        sentences = [_after_dateline(s, meta.dateline) for s in sentences]
    expressions = find_dates(text, anchor=published, lang=lang, strict=is_strict())
    timexes = split_spanning([t for t in expressions if not _in_meta(t, meta, text)], published)
    buckets = _bucket(sentences, timexes)
    findings = _findings(text, published, meta, lang, sentences, buckets)
    kept = [(s, b) for s, b in zip(sentences, buckets, strict=True) if not _is_skipped(s, meta)]
    changes = find_changes([s for s, _ in kept], [b for _, b in kept], published, lang)
    return findings, changes


def _findings(
    text: str,
    published: date,
    meta: FoundMeta,
    lang: str,
    sentences: list[Sentence],
    buckets: list[list[TimeExpression]],
) -> list[Finding]:
    book = AnchorBook(published)
    per_sentence: list[tuple[Context, list[TimeExpression], list[Finding], bool]] = []
    markers = marker_positions(text)
    for sentence, timexes in zip(sentences, buckets, strict=True):
        has_marker = bisect_left(markers, sentence.start) < bisect_left(markers, sentence.end)
        # A sentence with neither a time expression nor an intent marker yields nothing, skipped
        # or not; one with a marker only is checked once it yields a plan (few do).
        if not (timexes or has_marker) or (timexes and _is_skipped(sentence, meta)):
            continue
        ctx = Context(text, sentence, published, lang)
        fixed = _fixed_findings(ctx, timexes, book) if timexes else []
        per_sentence.append((ctx, timexes, fixed, has_marker))
    findings: list[Finding] = []
    for ctx, timexes, fixed, has_marker in per_sentence:
        sentence = ctx.sentence
        found = [*fixed]
        if timexes:
            found.extend(_duration_findings(ctx, timexes, book, fixed))
            found = join_restated(found, timexes, book, text)
        if not (found or has_marker):
            continue
        # Headlines and titles keep only events, so they need no undated plan.
        only_events = _is_headline(text, sentence) or _in_span(sentence.start, meta.title_span)
        if has_marker and not only_events and not any(_is_plan(f) for f in found):
            plan = _safely(find_undated, sentence)
            if plan and (timexes or not _is_skipped(sentence, meta)):
                found.append(plan)
        if only_events:
            found = [f for f in found if f.kind == "event"]
        for finding in found:
            finding.timexes = tuple(timexes)
        findings.extend(found)
    for finding in findings:
        _label(finding, text)
    return sorted(findings, key=lambda f: (f.start, f.end))


def _is_plan(finding: Finding) -> bool:
    return finding.kind in ("commitment", "undated")


def _after_dateline(sentence: Sentence, dateline: tuple[int, int] | None) -> Sentence:
    """Trim a leading dateline ("date 2025-11-18 Die ...") off the sentence it starts."""
    if dateline is None or not dateline[0] <= sentence.start < dateline[1] < sentence.end:
        return sentence
    rest = sentence.text[dateline[1] - sentence.start :]
    start = sentence.end - len(rest.lstrip())
    return Sentence(start, sentence.end, rest.strip())


def _bucket(sentences: list[Sentence], timexes: list[TimeExpression]) -> list[list[TimeExpression]]:
    """Give each sentence the time expressions that lie wholly inside it."""
    starts = [s.start for s in sentences]
    buckets: list[list[TimeExpression]] = [[] for _ in sentences]
    for timex in timexes:
        index = bisect_right(starts, timex.span[0]) - 1
        if index >= 0 and timex.span[1] <= sentences[index].end:
            buckets[index].append(timex)
    return buckets


def _is_skipped(sentence: Sentence, meta: FoundMeta) -> bool:
    """Skip the dateline, the title, date-only lines and headlines (deadlines only in a title)."""
    span = meta.dateline
    if span is not None and span[0] <= sentence.start and sentence.end <= span[1]:
        return True
    is_short = len(sentence.text) < 200 or sentence.text.startswith("date")
    return sentence.start < 1500 and is_short and is_metadata_line(sentence.text)


def _is_headline(text: str, sentence: Sentence) -> bool:
    """A short unpunctuated line of its own near the top: its deadlines restate the body."""
    if sentence.start >= 600 or len(sentence.text) >= 120 or ":" in sentence.text:
        return False
    is_own_line = (
        text[: sentence.start].rstrip(" \t").endswith("\n") or not text[: sentence.start].strip()
    )
    is_line_end = text[sentence.end :].lstrip(" \t")[:1] in ("\n", "")
    return is_own_line and is_line_end and sentence.text[-1] not in '.!?"“”»«)'


def _in_meta(timex: TimeExpression, meta: FoundMeta, text: str) -> bool:
    return _in_span(timex.core_start, meta.dateline) or is_inline_dateline(text, timex)


_LINE_PREFIX = re.compile(
    r"(?:^|\n)[ \t>*_]*(?:(?:[A-ZÄÖÜ][\w.'’/-]*(?:\s+[A-ZÄÖÜ][\w.'’/-]*){0,3}"
    r"(?:\s+\([\w/ ]{1,20}\))?,?\s*(?:(?:den|am|on)\s+)?)"
    r"|(?:By\s+[^|\n]{1,60}\|\s*)|(?:Published|Updated|Posted|Released|Issued|Veröffentlicht|"
    r"Aktualisiert|Erschienen|Stand|Datum|Date)(?:\s+(?:am|on))?\s*:?\s*)?"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+|(?:Montag|Dienstag|Mittwoch|Donnerstag|"
    r"Freitag|Samstag|Sonntag),?\s+)?$"
)
_LINE_SUFFIX = re.compile(r"^[ \t]*(?:[-–—|/(]|\n|$|,?\s+\d{1,2}[:.]\d{2}\b)")


_FULL_YEAR = re.compile(r"\d{4}|\d\.\d{2}(?!\d)")


def is_inline_dateline(text: str, timex: TimeExpression) -> bool:
    """Tell whether a full date opens a line as a dateline or byline ("WASHINGTON, March 3,
    2026 –", "Berlin, 02.03.2026 |", "Published: 3 March 2026"): the document's date, no event."""
    if timex.type != "date" or timex.form != "absolute" or not _FULL_YEAR.search(timex.text):
        return False
    cue_start = timex.span[0]
    line_start = text.rfind("\n", 0, cue_start) + 1
    prefix = text[max(line_start - 1, 0) : cue_start] if line_start else text[:cue_start]
    # (`match`, not `search`: the prefix holds no line break but its first character, so the
    # pattern, which starts at a line break or the text's start, can only match at its start.)
    if len(prefix) > 80 or not _LINE_PREFIX.match(prefix):
        return False
    return _LINE_SUFFIX.match(text[timex.span[1] : timex.span[1] + 12]) is not None


def _in_span(position: int, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= position < span[1]


def _fixed_findings(ctx: Context, timexes: list[TimeExpression], book: AnchorBook) -> list[Finding]:
    found = []
    for timex in timexes:
        if is_duration(timex):
            continue
        finding = _safely(resolve_fixed, timex, ctx)
        if finding is None:
            continue
        found.append(finding)
        book.dated.append(finding)
        _note_signing(ctx.text, timex, finding, book)
    return found


def _note_signing(text: str, timex: TimeExpression, finding: Finding, book: AnchorBook) -> None:
    if finding.on is not None and IN_FORCE.search(finding.sentence.text):
        book.in_force.append((finding.sentence.start, finding.on))
    if finding.kind != "event" or finding.on is None:
        return
    core = timex.core_start
    if ORDER_OF.search(text[max(0, core - 60) : core]) and book.order_date is None:
        book.order_date = finding.on
    elif SIGNING_SCAN.search(finding.sentence.text):
        book.signings.append((finding.sentence.start, finding.on))


def _duration_findings(
    ctx: Context, timexes: list[TimeExpression], book: AnchorBook, fixed: list[Finding]
) -> list[Finding]:
    events = [f for f in fixed if f.kind == "event" and f.precision == "day"]
    found = []
    for timex in timexes:
        if not is_duration(timex):
            continue
        finding = _safely(resolve_duration, timex, ctx, book, events)
        if finding is not None:
            found.append(finding)
    return found


def _label(finding: Finding, text: str) -> None:
    """Fill the canonical key: a deliverable for commitments and plans, an event key for events."""
    sentence = finding.sentence
    if finding.kind == "event":
        clause = text[finding.start : finding.end]
        finding.key = first_key(clause, EVENT_KEYS) or first_key(sentence.text, EVENT_KEYS)
    elif not finding.key:
        finding.key = nearest_key(sentence.text, finding.start - sentence.start)


def _safely(rule: Callable[..., Finding | None], *args: Any) -> Finding | None:
    """Run one rule on one expression; a failure (a bug) loses only its finding (guard)."""
    return guarded(getattr(rule, "__name__", "rule"), rule, *args)
