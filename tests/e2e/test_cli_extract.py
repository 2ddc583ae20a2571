"""`tracker extract` through click's CliRunner."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tests.conftest import SEEDS
from tests.envelope import json_data
from tracker.cli import cli

SEED_000 = str(SEEDS / "000_79dfbcf063f59fb9.txt")
SEED_002 = str(SEEDS / "002_c091acc1e5c239c4.txt")


def invoke(*args: str, stdin: str | bytes | None = None):
    return CliRunner().invoke(cli, ["extract", *args], input=stdin)


def test_cli_extract_json_for_seed_000():
    result = invoke(SEED_000, "--json")
    assert result.exit_code == 0, result.output
    data = json_data(result.stdout, "extract")
    assert data["document"]["published"] == "2026-02-05"
    assert data["document"]["lang"] == "de"
    assert data["document"]["url"].startswith("https://www.rohstoff-welt.de/")
    assert sorted(c["due"] for c in data["commitments"]) == ["2026-03-07", "2026-04-06"]
    first = data["commitments"][0]
    assert isinstance(first["span"], list)
    assert first["anchor_kind"] == "publication"


def test_cli_extract_table_lists_commitments_undated_and_events():
    result = invoke(SEED_002)
    assert result.exit_code == 0, result.output
    assert "Commitments: none" in result.stdout
    assert "Undated" in result.stdout
    assert "Events" in result.stdout
    assert "2026-02-02" in result.stdout
    assert "2026-02-04" in result.stdout


def test_cli_extract_reads_stdin_with_published_and_lang():
    result = invoke(
        "-",
        "--published",
        "2026-02-05",
        "--lang",
        "en",
        "--json",
        stdin="The agency will report within 30 days.",
    )
    assert result.exit_code == 0, result.output
    assert json_data(result.stdout)["commitments"][0]["due"] == "2026-03-07"


def test_cli_extract_falls_back_to_cp1252(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes(
        "Berlin, 02.03.2026\n\nDie Behörde prüft binnen 14 Tagen die Anträge.".encode("cp1252")
    )
    result = invoke(str(path), "--json")
    assert result.exit_code == 0, result.output
    assert json_data(result.stdout)["commitments"][0]["due"] == "2026-03-16"


def test_cli_extract_missing_file_is_one_line_error():
    result = invoke("does-not-exist.txt")
    assert result.exit_code != 0
    assert result.stderr.strip().startswith("error: does-not-exist.txt: cannot read")
    assert "Traceback" not in result.output


def test_cli_extract_without_date_is_a_clear_error():
    result = invoke("-", stdin="A text without any date in it.")
    assert result.exit_code != 0
    assert "No publication date" in result.stderr
    assert "Traceback" not in result.output


def test_cli_extract_bad_published_value_is_usage_error():
    result = invoke(SEED_000, "--published", "2026-13-01")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def test_cli_extract_jsonl_batch_keeps_order_and_reports_bad_lines():
    lines = [
        json.dumps(
            {
                "id": "a",
                "text": "Die Kommission legt binnen 30 Tagen einen Bericht vor.",
                "published": "2026-01-10",
                "lang": "de",
            }
        ),
        "not json",
        json.dumps({"id": "c", "text": "No date here."}),
        json.dumps({"id": "d"}),
        json.dumps(
            {"id": "e", "text": "Comments are due by June 1, 2026.", "published": "2026-02-05"}
        ),
    ]
    result = invoke("--format", "jsonl", stdin="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", 2, "c", "d", "e"]
    assert out[0]["commitments"][0]["due"] == "2026-02-09"
    assert out[0]["lang"] == "de"
    assert set(out[0]) == {
        "id", "lang", "published", "commitments", "undated", "events", "changes", "warnings"
    }  # fmt: skip
    assert out[0]["published"] == "2026-01-10"
    assert all("error" in o and "\n" not in o["error"] for o in out[1:4])
    assert out[4]["commitments"][0]["due"] == "2026-06-01"


def test_cli_extract_requires_a_source():
    result = invoke()
    assert result.exit_code == 2


def test_cli_extract_json_descriptions_are_short_clauses_for_seed_000():
    result = invoke(SEED_000, "--json")
    assert result.exit_code == 0, result.output
    data = json_data(result.stdout, "extract")
    descriptions = {c["due"]: c["description"] for c in data["commitments"]}
    assert descriptions["2026-04-06"] == "60-Tage-Aktionsplan der USA mit Mexiko"
    assert descriptions["2026-03-07"].startswith("Absichtserklärung")
    assert descriptions["2026-03-07"].endswith("erwartet")
    for item in [*data["commitments"], *data["undated"], *data["events"]]:
        assert len(item["description"]) <= 91
        assert "](" not in item["description"]
        assert 0.0 <= item["actors_confidence"] <= 1.0


def test_cli_extract_jsonl_says_which_publication_date_was_used():
    lines = [
        json.dumps({"id": "line", "text": "Report within 30 days.", "published": "2026-01-10"}),
        json.dumps({"id": "option", "text": "Report within 30 days."}),
    ]
    result = invoke("--format", "jsonl", "--published", "2026-03-01", stdin="\n".join(lines))
    assert result.exit_code == 0, result.output
    out = {o["id"]: o for o in map(json.loads, result.stdout.splitlines())}
    assert out["line"]["published"] == "2026-01-10"
    assert out["option"]["published"] == "2026-03-01"
    assert out["option"]["commitments"][0]["due"] == "2026-03-31"


def test_cli_extract_jsonl_fails_when_every_line_failed():
    lines = ["not json", json.dumps({"id": "x"}), json.dumps({"id": "y", "text": "No date."})]
    result = invoke("--format", "jsonl", stdin="\n".join(lines) + "\n")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 3
    assert result.stderr.strip() == "error: none of the 3 lines could be read"


def test_cli_extract_jsonl_refuses_an_unsupported_language():
    lines = [
        json.dumps(
            {"id": "fr", "text": "Rapport sous 30 jours.", "published": "2026-01-10", "lang": "fr"}
        ),
        json.dumps({"id": "en", "text": "Report within 30 days.", "published": "2026-01-10"}),
    ]
    result = invoke("--format", "jsonl", stdin="\n".join(lines))
    assert result.exit_code == 0, result.output
    out = {o["id"]: o for o in map(json.loads, result.stdout.splitlines())}
    assert out["fr"]["error"] == """unsupported "lang": 'fr' (use "de" or "en")"""
    assert out["en"]["lang"] == "en"


def test_cli_extract_and_ingest_word_the_same_bad_file_alike(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_DATABASE_URL", f"sqlite:///{tmp_path / 't.db'}")
    path = tmp_path / "undated.txt"
    path.write_text("A text without any date in it.", encoding="utf-8")
    extracted = invoke(str(path))
    ingested = CliRunner().invoke(cli, ["ingest", str(path)])
    assert extracted.exit_code == ingested.exit_code == 1
    message = "No publication date found in the text and none given (use --published YYYY-MM-DD)."
    assert extracted.stderr.strip() == f"error: {path}: {message}"
    assert extracted.stderr.strip() in ingested.stderr.splitlines()


def test_cli_extract_tables_are_plain_text_when_piped():
    result = invoke(SEED_000)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1] == "Commitments"
    assert lines[2].split() == ["due", "precision", "what", "actors", "anchor", "evidence"]
    assert lines[3].startswith("2026-03-07  day  ")
    assert not set("┏━┃│└─") & set(result.stdout)


def test_cli_extract_jsonl_file_streams_past_the_document_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_MAX_DOCUMENT_BYTES", "400")
    line = {"text": "The agency will report within 30 days.", "published": "2026-01-10"}
    batch = [json.dumps({"id": n, **line}) for n in range(40)]  # ~4 KB in all
    batch.insert(5, json.dumps({"id": "big", "text": "x " * 300}))
    path = tmp_path / "batch.jsonl"
    path.write_bytes(("\n".join(batch) + "\n").encode() + b'{"id": "latin", "text": "\xe9\xff"}\n')
    result = invoke("--format", "jsonl", str(path))
    assert result.exit_code == 0, result.output
    out = [json.loads(text) for text in result.stdout.splitlines()]
    assert len(out) == 42
    assert out[5] == {"id": 6, "error": out[5]["error"]}
    assert out[5]["error"].startswith("too large (more than max_document_bytes = 400 bytes)")
    assert [o["commitments"][0]["due"] for o in out[:5]] == ["2026-02-09"] * 5
    assert all(o.get("commitments") for o in out[6:41])
    assert out[41]["id"] == "latin"
