"""Which date a relative deadline counts from: publication, signing, a stated date, an event."""

from __future__ import annotations

from datetime import date

from tests.unit.extract.conftest import dated, run, undated

PUBLISHED = date(2026, 2, 5)  # Thursday


def test_anchor_defaults_to_publication_de_en():
    c = dated(run("Ein Bericht wird binnen 10 Tagen erwartet.", PUBLISHED, "de"))["binnen 10 Tagen"]
    assert (c.anchor, c.anchor_kind, c.due) == (PUBLISHED, "published", date(2026, 2, 15))
    c = dated(run("A report is expected within 10 days.", PUBLISHED, "en"))["within 10 days"]
    assert (c.anchor, c.anchor_kind) == (PUBLISHED, "published")


def test_anchor_announcement_weekday_in_same_sentence_de_en():
    c = dated(
        run(
            "Das Ministerium kündigte am Dienstag an, binnen 30 Tagen zu entscheiden.",
            PUBLISHED,
            "de",
        )
    )
    assert c["binnen 30 Tagen"].anchor == date(2026, 2, 3)
    assert c["binnen 30 Tagen"].anchor_kind == "explicit"
    assert c["binnen 30 Tagen"].due == date(2026, 3, 5)
    c = dated(
        run(
            "The ministry announced on Wednesday that it will decide within 30 days.",
            PUBLISHED,
            "en",
        )
    )
    assert c["within 30 days"].anchor == date(2026, 2, 4)


def test_anchor_signing_on_monday_counts_for_later_sentences_de_en():
    text = (
        "Die Minister haben am Montag ein Abkommen unterzeichnet. "
        "Beide Seiten werden in den nächsten sechs Monaten investieren."
    )
    c = dated(run(text, PUBLISHED, "de"))["in den nächsten sechs Monaten"]
    assert (c.anchor, c.anchor_kind, c.due) == (date(2026, 2, 2), "signing", date(2026, 8, 2))
    text = (
        "The leaders on Monday signed a framework. "
        "Both will invest $1 billion over the next six months."
    )
    c = dated(run(text, PUBLISHED, "en"))["over the next six months"]
    assert (c.anchor, c.anchor_kind) == (date(2026, 2, 2), "signing")


def test_anchor_date_of_this_order_is_the_order_date_en():
    text = (
        "Executive Order 15000 of January 20, 2026\n\n"
        "Sec. 2. Within 90 days of the date of this order, the Secretary shall submit a report."
    )
    c = dated(run(text, PUBLISHED, "en"))["Within 90 days of the date of this order"]
    assert (c.anchor, c.anchor_kind, c.due) == (date(2026, 1, 20), "signing", date(2026, 4, 20))


def test_anchor_counted_from_a_dated_event_en():
    text = (
        "March 10–11, 2026: Public hearing. "
        "Seven calendar days after the last day of the public hearing: rebuttal comments are due."
    )
    c = dated(run(text, PUBLISHED, "en"))
    due = next(v for k, v in c.items() if k.startswith("Seven"))
    assert (due.anchor, due.anchor_kind, due.due) == (date(2026, 3, 11), "event", date(2026, 3, 18))


def test_anchor_counted_from_an_undated_event_is_undated_de_en():
    x = run("30 Tage nach Inkrafttreten müssen Unternehmen berichten.", PUBLISHED, "de")
    assert x.commitments == []
    assert undated(x)[0].reason.startswith("counted from an event")
    x = run(
        "Within 180 days of the date that the Secretary publishes a list, agencies shall report.",
        PUBLISHED,
        "en",
    )
    assert x.commitments == []
    assert undated(x)[0].trigger.startswith("Within 180 days of the date that")


def test_anchor_ordinal_day_after_undated_publication_is_undated_de_en():
    x = run(
        "Die Verordnung tritt am zwanzigsten Tag nach ihrer Veröffentlichung in Kraft.",
        PUBLISHED,
        "de",
    )
    assert x.commitments == []
    assert undated(x)[0].trigger.startswith("am zwanzigsten Tag nach")
    x = run("It enters into force on the twentieth day following its publication.", PUBLISHED, "en")
    assert x.commitments == []
    assert undated(x)[0].trigger.startswith("on the twentieth day following")
    assert run("On the first day of the summit the leaders met.", PUBLISHED, "en").undated == []
