"""PURE: the timeline page (HTML) of events and deadlines; every text from articles is escaped."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from itertools import groupby
from urllib.parse import urlencode, urlsplit

from tracker.export.labels import source_label
from tracker.models import ACTIVE_STATUSES, STATUSES, EventView, ItemView, Source
from tracker.web.style import CSS


@dataclass(frozen=True)
class Filters:
    """The page's query: the token (kept in every link) and the status/actor filters."""

    token: str | None = None
    statuses: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()

    def href(
        self,
        path: str = "/",
        *,
        statuses: Sequence[str] | None = None,
        actors: Sequence[str] | None = None,
    ) -> str:
        """Return a link to `path` with these filters, or with the ones given instead."""
        pairs = [("token", self.token)] if self.token else []
        pairs += [("status", s) for s in (self.statuses if statuses is None else statuses)]
        pairs += [("actor", a) for a in (self.actors if actors is None else actors)]
        return path + ("?" + urlencode(pairs) if pairs else "")


@dataclass(frozen=True)
class _Entry:
    on: date
    order: int  # events before deadlines on the same day
    html: str


def render_timeline(
    items: Sequence[ItemView],
    events: Sequence[EventView],
    *,
    today: date,
    filters: Filters,
    more_before: bool = False,
    more_after: bool = False,
) -> str:
    """Render the whole page: summary, filters, the chronology around today, undated items.

    `more_before`/`more_after` say that older/later deadlines were left out (the feed has all).
    """
    entries = [_Entry(i.due, 1, _item_card(i, today, filters)) for i in items if i.due]
    entries += [_Entry(e.date, 0, _event_card(e)) for e in events]
    entries.sort(key=lambda e: (e.on, e.order))
    undated = [i for i in items if i.due is None]
    body = [
        _header(items, today, filters),
        _filter_bar(filters),
        _more("Older deadlines are left out here", filters) if more_before else "",
        _chronology(entries, today) if entries else _empty(),
        _more("Later deadlines are left out here", filters) if more_after else "",
        _undated(undated, today, filters) if undated else "",
    ]
    return _page("Tracker · timeline", "\n".join(body))


def _page(title: str, body: str) -> str:
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n"
        f'<body>\n<main class="wrap">\n{body}\n</main>\n</body>\n</html>\n'
    )


def _header(items: Sequence[ItemView], today: date, filters: Filters) -> str:
    active = [i for i in items if i.status in ACTIVE_STATUSES and i.due is not None]
    overdue = sum(1 for i in active if i.due and i.due < today)
    soon = sum(1 for i in active if i.due and 0 <= (i.due - today).days <= 30)
    counts = [
        ("overdue", overdue, "overdue"),
        ("due in 30 days", soon, "open"),
        ("met", sum(i.status == "met" for i in items), "met"),
        ("missed", sum(i.status == "missed" for i in items), "missed"),
    ]
    stats = "".join(
        f'<div class="stat s-{cls}"><b>{n}</b><span>{label}</span></div>'
        for label, n, cls in counts
    )
    feed = escape(filters.href("/calendar.ics"))
    return (
        '<header class="top"><div><h1>Policy deadlines</h1>'
        f'<p class="sub">Events and deadlines around <time datetime="{today}">'
        f"{today:%A, %-d %B %Y}</time></p></div>"
        f'<a class="feed" href="{feed}">Calendar feed (.ics)</a></header>'
        f'<section class="stats">{stats}</section>'
    )


def _filter_bar(filters: Filters) -> str:
    links = [_chip("all", filters.href(statuses=()), not filters.statuses)]
    links += [
        _chip(s, filters.href(statuses=[s]), filters.statuses == (s,), f"st-{s}") for s in STATUSES
    ]
    actors = ""
    if filters.actors:
        names = ", ".join(filters.actors)
        clear = escape(filters.href(actors=()))
        actors = f'<span class="actorfilter">actor: {escape(names)} <a href="{clear}">×</a></span>'
    return f'<nav class="filters">{"".join(links)}{actors}</nav>'


def _chip(label: str, href: str, is_on: bool, cls: str = "") -> str:
    state = " on" if is_on else ""
    return f'<a class="chip {cls}{state}" href="{escape(href)}">{escape(label)}</a>'


def _chronology(entries: list[_Entry], today: date) -> str:
    parts = ['<ol class="timeline">']
    marked = False
    for (year, month), group in groupby(entries, key=lambda e: (e.on.year, e.on.month)):
        parts.append(f'<li class="month">{date(year, month, 1):%B %Y}</li>')
        for entry in group:
            if not marked and entry.on >= today:
                parts.append(_today_marker(today))
                marked = True
            parts.append(entry.html)
    if not marked:
        parts.append(_today_marker(today))
    parts.append("</ol>")
    return "\n".join(parts)


def _today_marker(today: date) -> str:
    return f'<li class="today" id="today"><span>Today · {today:%-d %B}</span></li>'


def _item_card(item: ItemView, today: date, filters: Filters) -> str:
    due = item.due
    is_overdue = due is not None and item.status in ACTIVE_STATUSES and due < today
    classes = f"entry item st-{item.status}"
    classes += (" overdue" if is_overdue else "") + (" past" if due and due < today else "")
    return (
        f'<li class="{classes}" id="item-{item.id}">{_date_cell(due)}'
        '<div class="card"><div class="meta">'
        f'<span class="id">#{item.id}</span>{_badges(item, today)}</div>'
        f"<h2>{escape(item.description)}</h2>"
        f"{_actors(item.actors, filters)}{_sources(item.sources)}</div></li>"
    )


def _date_cell(due: date | None) -> str:
    if due is None:
        return '<span class="date nodate">–</span>'
    return f'<time class="date" datetime="{due}"><b>{due:%-d}</b>{due:%a}</time>'


def _badges(item: ItemView, today: date) -> str:
    badges = [f'<span class="badge st-{item.status}">{item.status}</span>']
    due, is_active = item.due, item.status in ACTIVE_STATUSES
    if due is not None and is_active and due < today:
        badges.append(f'<span class="badge overdue">overdue · {_days((today - due).days)}</span>')
    elif due is not None and is_active:
        badges.append(f'<span class="when">{_relative(due, today)}</span>')
    if due is not None and item.due_precision not in (None, "day"):
        badges.append(f'<span class="when">by end of {escape(str(item.due_precision))}</span>')
    moves = [h.due_before for h in item.history if h.due_before and h.due_before != h.due_after]
    if moves and moves[0] is not None:
        badges.append(f'<span class="when">first due {moves[0]:%-d %b %Y}</span>')
    return "".join(badges)


def _event_card(event: EventView) -> str:
    label = f"{event.date:%B %Y}" if event.date_precision == "month" else f"{event.date:%-d}"
    return (
        f'<li class="entry event" id="event-{event.id}">'
        f'<time class="date" datetime="{event.date}"><b>{label}</b>{event.date:%a}</time>'
        '<div class="card"><div class="meta"><span class="badge ev">event</span></div>'
        f"<h2>{escape(event.description)}</h2>{_sources(event.sources)}</div></li>"
    )


def _actors(actors: Sequence[str], filters: Filters) -> str:
    if not actors:
        return ""
    chips = "".join(
        f'<a class="actor" href="{escape(filters.href(actors=[a]))}">{escape(a)}</a>'
        for a in actors
    )
    return f'<div class="actors">{chips}</div>'


def _sources(sources: Sequence[Source]) -> str:
    if not sources:
        return ""
    rows = "".join(
        f"<li><blockquote>{escape(s.quote)}</blockquote><cite>{_source_link(s)}"
        f" · {s.published:%-d %b %Y}</cite></li>"
        for s in sources
    )
    return f'<ul class="sources">{rows}</ul>'


def _source_link(source: Source) -> str:
    where = source_label(source.source, source.url)  # never a local path on the page
    label = escape(source.title or where)
    outlet = f' <span class="outlet">{escape(where)}</span>' if source.title else ""
    # Only web links are clickable: a javascript: or data: URL from an article must stay text.
    if source.url and urlsplit(source.url).scheme in ("http", "https"):
        href = escape(source.url, quote=True)
        return f'<a href="{href}" rel="noopener noreferrer" target="_blank">{label}</a>{outlet}'
    return f"{label}{outlet}"


def _undated(items: Sequence[ItemView], today: date, filters: Filters) -> str:
    cards = "".join(_item_card(i, today, filters) for i in items)
    return (
        f'<section class="undated"><h2>No date yet</h2><ol class="timeline">{cards}</ol></section>'
    )


def _more(message: str, filters: Filters) -> str:
    feed = escape(filters.href("/calendar.ics"))
    return f'<p class="more">{message}; the <a href="{feed}">calendar feed</a> has them all.</p>'


def _empty() -> str:
    return (
        '<p class="empty">Nothing tracked yet. Ingest articles with '
        "<code>tracker ingest FILE</code>, then reload.</p>"
    )


def _relative(due: date, today: date) -> str:
    days = (due - today).days
    if days == 0:
        return "due today"
    if days == 1:
        return "due tomorrow"
    return f"in {_days(days)}"


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"
