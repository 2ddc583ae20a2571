"""Readable source labels: never a local path in the calendar, the feed or the page."""

from __future__ import annotations

import pytest

from tracker.export.labels import STDIN_NAME, file_label, source_label
from tracker.sources import readers


@pytest.mark.parametrize(
    ("source", "url", "label"),
    [
        ("/home/ana/texts/zoelle.txt", None, "zoelle.txt"),
        ("/home/ana/texts/zoelle.txt", "https://www.example.org/news/1", "example.org"),
        ("../texts/a.txt", None, "a.txt"),  # stored relative by older versions
        ("texts/a.md", None, "a.md"),
        ("/srv/batch.jsonl:3", None, "batch.jsonl:3"),
        ("file:///home/ana/Pressemitteilung%20M%C3%A4rz.html", None, "Pressemitteilung März.html"),
        ("C:\\Users\\ana\\a.txt", None, "a.txt"),
        ("<stdin>", None, "stdin"),
        ("dpa", None, "dpa"),
        ("dpa/AFP", None, "dpa/AFP"),  # a name with a slash is still a name
        ("/home/ana/a.txt", "javascript:alert(1)", "a.txt"),  # only web URLs name a site
        ("Agentur", "not a url", "Agentur"),
    ],
)
def test_source_label(source, url, label):
    assert source_label(source, url) == label


def test_file_label_leaves_names_alone():
    assert file_label("Bundesregierung") == "Bundesregierung"


def test_stdin_name_is_the_one_readers_record():
    assert STDIN_NAME == readers.STDIN_NAME
