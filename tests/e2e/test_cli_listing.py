"""The listing commands end to end: the fast path's imports and output, status words, formats,
relative dates, pages, completion and source labels."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime

import pytest
import time_machine
from click.testing import CliRunner

from tests.conftest import SEEDS
from tests.envelope import json_data
from tracker.cli import cli
from tracker.store.migrate import downgrade
from tracker.store.revision import SCHEMA_REVISION
from tracker.store.session import create_db_engine, current_revision

AS_OF = "2026-03-10"  # the 2026-03-07 seed deadline is overdue, the 2026-04-06 one open
LISTINGS = [
    ["list", "--as-of", AS_OF],
    ["list", "--status", "open", "--to", "2026-06-30", "--as-of", AS_OF],
    ["upcoming", "--as-of", AS_OF, "--days", "60"],
    ["show", "1", "--as-of", AS_OF],
    ["show", "2", "--as-of", AS_OF],
    ["timeline", "--as-of", AS_OF],
]
HEAVY = ("sqlalchemy", "alembic", "pydantic", "pydantic_settings", "rich", "psycopg", "sqlite3")
IMPORTS = f"""
import sys
from tracker.cli import main
sys.argv = ["tracker", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    assert not exc.code, exc.code
print("IMPORTED", sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)
"""


@pytest.fixture
def run(db_url):
    runner = CliRunner()

    def invoke(*args, url=db_url, env=None):
        return runner.invoke(cli, ["--db", url, *args], env=env, catch_exceptions=False)

    return invoke


@pytest.fixture
def seeded(run):
    result = run("ingest", str(SEEDS))
    assert result.exit_code == 0, result.output
    return run


def _ok(result):
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("output", [[], ["--json"], ["--format", "tsv"]])
def test_listings_import_no_sqlalchemy_pydantic_or_rich(db_url, seeded, output):
    driver = "psycopg" if db_url.startswith("postgresql") else "sqlite3"
    for args in LISTINGS:
        result = subprocess.run(
            [sys.executable, "-c", IMPORTS, "--db", db_url, *args, *output],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert f"IMPORTED [{driver!r}]" in result.stderr, (args, result.stderr)
        assert result.stdout


def test_a_database_that_needs_migrating_goes_the_full_path_with_the_same_output(
    db_url, seeded, run
):
    cases = [[*args, *fmt] for args in LISTINGS for fmt in (["--json"], ["--format", "tsv"])]
    fast = [_ok(run(*args)) for args in cases]
    engine = create_db_engine(db_url)
    try:
        for args, expected in zip(cases, fast, strict=True):
            downgrade(engine, "0005")
            assert _ok(run(*args)) == expected, args  # migrates, then lists
            assert current_revision(engine) == SCHEMA_REVISION
    finally:
        engine.dispose()
    assert json_data(fast[0], "list")["items"][0]["anchor_kind"] == "publication"


def test_a_url_the_fast_path_leaves_alone_gives_byte_identical_output(sqlite_url, run):
    _ok(run("ingest", str(SEEDS), url=sqlite_url))
    unusual = f"{sqlite_url}?timeout=20"  # URL options: SQLAlchemy reads them (the full path)
    for args in LISTINGS:
        for fmt in (["--json"], ["--format", "tsv"], ["--format", "plain"]):
            full, fast = run(*args, *fmt, url=unusual), run(*args, *fmt, url=sqlite_url)
            assert _ok(full) == _ok(fast), (args, fmt)


def test_status_words_are_what_tables_show_and_filter_by(seeded):
    overdue = json_data(_ok(seeded("list", "--status", "overdue", "--as-of", AS_OF, "--json")))
    assert [(i["due"], i["status"], i["overdue"]) for i in overdue["items"]] == [
        ("2026-03-07", "open", True)
    ]
    opened = json_data(_ok(seeded("list", "--status", "open", "--as-of", AS_OF, "--json")))
    assert opened["items"]
    assert not any(i["overdue"] for i in opened["items"])
    assert "2026-03-07" not in {i["due"] for i in opened["items"]}
    plain = _ok(seeded("list", "--status", "overdue", "--as-of", AS_OF))
    assert [line.split()[2] for line in plain.splitlines()[1:]] == ["overdue"]
    words = ["--status", "overdue", "--status", "open"]
    both = json_data(_ok(seeded("list", *words, "--as-of", AS_OF, "--json")))
    assert len(both["items"]) == len(opened["items"]) + 1


def test_extended_can_be_set_back_and_overdue_never(seeded):
    assert _ok(seeded("extend", "2", "--due", "2026-05-06"))
    assert _ok(seeded("status", "2", "missed"))
    assert "item 2 is now extended" in _ok(seeded("status", "2", "extended"))
    listed = json_data(_ok(seeded("list", "--status", "extended", "--as-of", AS_OF, "--json")))
    assert [i["id"] for i in listed["items"]] == [2]
    refused = seeded("status", "1", "overdue")
    assert refused.exit_code == 2
    assert refused.stderr == "error: overdue follows from the due date and cannot be set\n"
    never = seeded("status", "1", "extended")
    assert never.exit_code == 2
    assert "item 1 was never extended: use `tracker extend ID --due DATE`" in never.stderr


def test_piped_output_is_plain_with_a_header_for_every_column(seeded):
    lines = _ok(seeded("upcoming", "--as-of", AS_OF, "--days", "60")).splitlines()
    assert lines[0] == "Overdue"
    header = lines[1].split()
    assert header == ["ID", "Due", "When", "Status", "Actors", "Source", "Commitment"]
    assert "3d ago" in lines[2]
    assert "overdue" in lines[2]
    assert lines[3:5] == ["", "Due 2026-03-10 to 2026-05-09"]
    table = _ok(seeded("upcoming", "--as-of", AS_OF, "--format", "table"))
    for column in ("ID", "Due", "When", "Status", "Actors", "Source", "Commitment"):
        assert column in table
    assert "┏" in table  # rich drew it


def test_tsv_has_a_header_and_whole_values(seeded):
    rows = [line.split("\t") for line in _ok(seeded("list", "--format", "tsv")).splitlines()]
    assert rows[0] == ["ID", "Due", "Precision", "Status", "Actors", "Source", "Commitment"]
    assert all(len(row) == 7 for row in rows)
    listed = json_data(_ok(seeded("list", "--json")))["items"]
    assert [row[6] for row in rows[1:]] == [i["description"] for i in listed]
    timeline = _ok(seeded("timeline", "--format", "tsv")).splitlines()
    assert timeline[0] == "Date\tKind\tWhat"


def test_nothing_found_says_so(run):
    assert _ok(run("list")) == "No items.\n"
    assert _ok(run("list", "--format", "tsv")).splitlines() == [
        "ID\tDue\tPrecision\tStatus\tActors\tSource\tCommitment"
    ]
    assert json_data(_ok(run("list", "--json")))["items"] == []
    upcoming = _ok(run("upcoming", "--as-of", AS_OF))
    assert upcoming == "No items due from 2026-03-10 to 2026-04-09, and none overdue.\n"
    assert _ok(run("timeline")) == "No events or items.\n"
    assert _ok(run("list", "--format", "table")) == "No items.\n"


def test_relative_dates_count_from_today(seeded):
    with time_machine.travel(datetime(2026, 3, 9, 12, tzinfo=UTC), tick=False):
        tomorrow = _ok(seeded("upcoming", "--as-of", "tomorrow", "--json"))
        in_four_weeks = _ok(
            seeded("list", "--to", "+4w", "--from", "-1m", "--as-of", AS_OF, "--json")
        )
        overdue = _ok(seeded("list", "--status", "overdue", "--json"))
    assert tomorrow == _ok(seeded("upcoming", "--as-of", AS_OF, "--json"))
    explicit = ["--to", "2026-04-06", "--from", "2026-02-09", "--as-of", AS_OF, "--json"]
    explicit = _ok(seeded("list", *explicit))
    assert in_four_weeks == explicit
    assert [i["due"] for i in json_data(overdue)["items"]] == ["2026-03-07"]
    bad = seeded("list", "--to", "+2x")
    assert bad.exit_code == 2
    assert "'+2x' is not a date (YYYY-MM-DD, today, tomorrow, yesterday" in bad.stderr


def test_sort_limit_and_offset(seeded):
    def ids(*args):
        return [i["id"] for i in json_data(_ok(seeded("list", *args, "--json")))["items"]]

    everything = ids()
    assert ids("--sort", "id") == sorted(everything)
    assert ids("--sort", "-id") == sorted(everything, reverse=True)
    assert ids("--limit", "3") == everything[:3]
    assert ids("--limit", "3", "--offset", "3") == everything[3:6]
    assert ids("--limit", "0", "--offset", "7") == everything[7:]
    page = json_data(_ok(seeded("list", "--limit", "3", "--json")))
    assert page["truncated"] is True
    more = seeded("list", "--limit", "3")
    assert "use --offset 3 for more" in more.stderr


def test_json_values_are_never_shortened(db_url, run):
    long = "The Commission will publish " + "a very detailed report " * 12 + "by 30 June 2026."
    done = CliRunner().invoke(
        cli, ["--db", db_url, "ingest", "-"], input=f"date 2026-02-04\n\n{long}\n"
    )
    assert done.exit_code == 0, done.output
    shown = json_data(_ok(run("show", "1", "--json")))["item"]
    assert shown["sources"][0]["quote"] == " ".join(long.split())
    assert "…" in _ok(run("list", "--format", "table"))  # tables shorten; JSON does not
    listed = json_data(_ok(run("list", "--json")))["items"][0]
    assert listed == shown


def test_source_labels_never_show_a_relative_path(db_url, run, tmp_path, monkeypatch):
    texts, work = tmp_path / "texts", tmp_path / "work"
    texts.mkdir()
    work.mkdir()
    (texts / "a.txt").write_text(
        "Berlin, 02.03.2026\n\nDie Kommission will binnen 30 Tagen einen Bericht vorlegen.\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(work)
    _ok(run("ingest", "../texts/a.txt"))
    for args in (
        ["list"],
        ["list", "--format", "tsv"],
        ["list", "--format", "table"],
        ["show", "1"],
    ):
        # (The history's "found in ..." note is ingest's text, kept as ingest wrote it.)
        output = _ok(run(*args)).split("\nHistory\n")[0]
        assert "a.txt" in output, output
        assert "../texts" not in output
    assert "a.txt 2026-03-02" in _ok(run("list"))
    assert "Evidence 1: a.txt (2026-03-02)" in _ok(run("show", "1"))


def test_shell_completion_offers_commands_and_status_words():
    runner = CliRunner()

    def complete(words, cword):
        env = {"_TRACKER_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": cword}
        return runner.invoke(cli, [], env=env, prog_name="tracker").output

    assert "plain,list" in complete("tracker li", "1").splitlines()
    words = complete("tracker list --status ", "3").splitlines()
    assert "plain,overdue" in words
    assert "plain,extended" in words
    script = runner.invoke(cli, [], env={"_TRACKER_COMPLETE": "bash_source"}, prog_name="tracker")
    assert "_tracker_completion" in script.output


def test_unknown_settings_are_named(run, isolated_home):
    env = run("list", env={"TRACKER_DATABSE_URL": "sqlite:///x.db"})
    assert env.exit_code == 3
    assert env.stderr == (
        "error: unknown setting TRACKER_DATABSE_URL in the environment"
        " (did you mean TRACKER_DATABASE_URL?)\n"
    )
    path = isolated_home / "config" / "tracker" / "config.toml"
    path.parent.mkdir(parents=True)
    path.write_text('time_zone = "Europe/Berlin"\n')
    file = run("list")
    assert file.exit_code == 3
    assert file.stderr == (
        f"error: unknown setting 'time_zone' in config file {path} (did you mean timezone?)\n"
    )


def test_show_formats(seeded):
    plain = _ok(seeded("show", "1", "--as-of", AS_OF))
    assert plain.startswith("#1 ")
    assert "Status:     overdue" in plain
    assert "Evidence 1: rohstoff-welt.de: US-Behörden" in plain
    assert "History\nWhen" in plain
    rows = _ok(seeded("show", "1", "--format", "tsv")).splitlines()
    assert len(rows) == 2
    assert rows[1].startswith("1\t2026-03-07\tday\t")
    table = _ok(seeded("show", "1", "--format", "table", "--as-of", AS_OF))
    assert "evidence" in table
    assert "History" in table
    assert json.loads(_ok(seeded("show", "1", "--json")))["command"] == "show"


def test_a_database_of_an_unknown_revision_is_one_line(sqlite_url, run):
    engine = create_db_engine(sqlite_url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    finally:
        engine.dispose()
    result = run("list", url=sqlite_url)
    assert result.exit_code == 6
    assert result.stderr == (
        "error: cannot migrate the database: Can't locate revision identified by '9999'"
        " (was it made by a newer tracker?)\n"
    )
