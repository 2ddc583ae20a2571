# ruff: noqa: E501 (pairs of test sentences read best one per line)
"""What a deliverable is about, and when two commitments are about different things."""

from __future__ import annotations

import pytest

from tracker.extract.describe.subject import same_subject, subject_of


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Bundesregierung legt einen Bericht über Mikroplastik vor", "Bundesregierung legt einen Bericht zur Lkw-Maut vor", False),
        ("Bundesregierung legt einen Bericht über Mikroplastik vor", "Das Ministerium legt den Mikroplastikbericht vor", True),
        ("The ministry will publish a report on microplastics", "Das Ministerium legt einen Bericht über Mikroplastik vor", True),
        ("Agency to present a report on truck tolls", "Agency to present a report on heat pumps", False),
        ("Agency to present a truck toll report", "Agency to present a report on truck tolls", True),
        ("Kommission legt einen Bericht vor", "Kommission legt einen Bericht über Trinkwasser vor", True),
    ],
)  # fmt: skip
def test_reports_on_different_subjects_are_different(one: str, other: str, same: bool) -> None:
    assert same_subject(subject_of(one, "report"), subject_of(other, "report")) is same


def test_a_report_without_a_subject_names_none() -> None:
    assert subject_of("Die Kommission legt einen Bericht vor", "report") == frozenset()
    assert subject_of("The agency will report back", "memorandum of intent") == frozenset()
