"""Undated mentions of specific happenings (for linking a second source to a dated event)."""

from __future__ import annotations

from tracker.extract.rules.mentions import find_mentions, is_linkable


def test_find_mentions_de_and_en():
    text = (
        "Die Pläne wurden nach einem Ministertreffen in Washington bekannt gegeben. "
        "Officials met after the ministerial meeting on minerals."
    )
    found = find_mentions(text, "ministerial meeting")
    assert [m.trigger for m in found] == ["Ministertreffen", "ministerial meeting"]
    for m in found:
        assert text[m.span[0] : m.span[1]] == m.trigger
    assert found[0].quote.startswith("Die Pläne wurden")


def test_find_mentions_needs_a_linkable_key():
    text = "The minister announced a meeting."
    assert not is_linkable("announcement")
    assert find_mentions(text, "announcement") == []
    assert find_mentions(text, "meeting") == []


def test_find_mentions_nothing_in_unrelated_text():
    assert find_mentions("Die Zölle steigen im Juli.", "reserve announcement") == []
