"""`tracker dates` through click's CliRunner."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tests.conftest import SEEDS
from tests.envelope import json_data
from tracker.cli import cli

SEED_000 = str(SEEDS / "000_79dfbcf063f59fb9.txt")


def invoke(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, ["dates", *args], input=stdin)


def test_cli_dates_json_reads_the_seed_against_its_publication_date():
    result = invoke(SEED_000, "--json")
    assert result.exit_code == 0, result.output
    data = json_data(result.stdout, "dates")
    assert data["document"] == {"published": "2026-02-05", "lang": "de"}
    within = next(d for d in data["dates"] if d["text"] == "innerhalb von 30 Tagen")
    assert (within["type"], within["due"], within["length"]) == (
        "duration",
        "2026-03-07",
        [[30, "day"]],
    )
    compound = next(d for d in data["dates"] if d["text"] == "60-Tage-Aktionsplan")
    assert (compound["form"], compound["due"]) == ("compound", "2026-04-06")


def test_cli_dates_table_from_stdin_with_published_and_lang():
    text = "Die Kommission hatte am Montag getagt und legt bis zum 31. März 2026 einen Plan vor."
    result = invoke("-", "--published", "2026-02-05", "--lang", "de", stdin=text)
    assert result.exit_code == 0, result.output
    assert "anchor 2026-02-05" in result.stdout
    assert "2026-02-02" in result.stdout
    assert "2026-03-31" in result.stdout


def test_cli_dates_without_an_anchor_is_a_clear_error():
    result = invoke("-", stdin="Bis zum 31. März soll der Plan stehen.")
    assert result.exit_code != 0
    assert result.stderr.startswith("error: <stdin>: No publication date")
    assert "Traceback" not in result.output


def test_cli_dates_jsonl_keeps_order_reports_bad_lines_and_fails_only_when_all_fail():
    lines = [
        json.dumps({"id": "a", "text": "binnen 30 Tagen", "published": "2026-02-05", "lang": "de"}),
        "not json",
        json.dumps({"id": "c", "text": "no anchor at all"}),
        json.dumps(
            {"id": "d", "text": "by June 1, 2026 and 50 countries", "published": "2026-02-05"}
        ),
    ]
    result = invoke("--format", "jsonl", stdin="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", 2, "c", "d"]
    assert out[0] == {
        "id": "a",
        "lang": "de",
        "published": "2026-02-05",
        "dates": [
            {
                "text": "binnen 30 Tagen", "span": [0, 15], "type": "duration", "value": None,
                "start": "2026-02-05", "end": "2026-03-07", "due": "2026-03-07", "grain": "day",
            }
        ],
    }  # fmt: skip
    assert "error" in out[1]
    assert "error" in out[2]
    assert [d["due"] for d in out[3]["dates"]] == ["2026-06-01"]
    failed = invoke("--format", "jsonl", stdin="not json\n[1]\n")
    assert failed.exit_code == 1
    assert failed.stderr.startswith("error: none of the 2 lines could be read")
    assert len(failed.stdout.splitlines()) == 2


def test_cli_dates_table_is_plain_text_when_piped():
    result = CliRunner().invoke(
        cli,
        ["dates", "-", "--published", "2026-02-05", "--lang", "en"],
        input="The agency will report within 30 days.",
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[2].split() == ["Span", "Type", "Days", "Due", "Grain", "Direction", "Text"]
    assert "2026-03-07" in lines[3]
    assert lines[3].endswith("within 30 days")
    assert not any(mark in result.stdout for mark in "┏┃│━…")
