"""The review database (SQLite, and PostgreSQL when a server is there) and the decision logic:
migrations, keys, triage, check, export."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lint.engine import Engine, FileResult
from lint.errors import InputError, UsageError
from lint.review import store as store_module
from lint.review.database import Connection, connect
from lint.review.keys import FindingKey, finding_keys
from lint.review.store import MIGRATIONS, Store, migrate, open_existing, schema_version
from lint.review.triage import triage
from lint.sources import Source
from tests.conftest import ROOT, run_cli
from tests.review_databases import column_names, db_target, postgres_url, table_names

__all__ = ["db_target", "postgres_url"]  # fixtures, used by name

ARTICLE = (
    "# Ginkgo notes\n\n"
    "Our team tried a new tea this spring and liked its taste.\n\n"
    "Ginkgo treats ADHD in children.\n\n"
    "We took 120 mg of ginkgo every morning with breakfast. Avoid ginkgo during pregnancy.\n"
)


def lint_as(engine: Engine, text: str, path: str) -> FileResult:
    return next(iter(engine.lint_sources([Source(path, text, "markdown")])))


def keyed(engine: Engine, text: str, store: Store, path: str):
    return list(finding_keys(lint_as(engine, text, path), store.path_key()))


def claim(pairs, rule="fda.disease-claim"):
    return next(key for finding, key in pairs if finding.rule_id == rule)


def states(engine: Engine, store: Store, text: str, path: str) -> dict[str, str]:
    items = triage(keyed(engine, text, store, path), store.current())
    return {item.finding.rule_id: item.state for item in items}


@pytest.fixture()
def store(db_target: str | Path, tmp_path: Path) -> Store:
    return Store(db_target, project=tmp_path)


def test_new_database_has_every_migration(store: Store) -> None:
    with store.connect() as conn:
        assert schema_version(conn) == len(MIGRATIONS) == 2
        columns = column_names(conn, "decisions")
    assert {"fingerprint", "surround", "status", "reason", "author", "decided_at"} <= columns


def test_upgrade_from_v1_keeps_the_decisions(db_target: str | Path, tmp_path: Path) -> None:
    conn = connect(db_target)
    assert migrate(conn, MIGRATIONS[:1]) == 1
    assert "surround" not in column_names(conn, "decisions")
    conn.execute(
        "INSERT INTO decisions (path, rule_id, fingerprint, excerpt, status, reason, note,"
        " author, decided_at) VALUES ('a.md', 'fda.x', 'abc', 'cures', 'dismissed', 'quote',"
        " '', 'ed', '2026-01-01T00:00:00+00:00')"
    )
    conn.close()
    store = Store(db_target, project=tmp_path)  # opening upgrades to the latest version
    with store.connect() as c:
        assert schema_version(c) == 2
    (decision,) = store.current().values()
    assert (decision.path, decision.fingerprint, decision.status, decision.reason) == (
        "a.md",
        "abc",
        "dismissed",
        "quote",
    )
    assert decision.surround == ""  # the new column's default for old rows
    key = FindingKey("b.md", "fda.y", "def", "heals", "s")
    assert store.record(key, "accepted").id > decision.id  # ids go on after the old rows


def test_database_newer_than_the_code_is_refused(db_target: str | Path) -> None:
    Store(db_target)
    conn = connect(db_target)
    conn.execute("INSERT INTO schema_version (version) VALUES (99)")
    conn.close()
    with pytest.raises(UsageError, match="version 99"):
        Store(db_target)


def test_a_file_that_is_not_a_database_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    path.write_text("not sqlite at all, just words\n" * 20)
    with pytest.raises(InputError, match="not a usable review database"):
        Store(path)


def test_failed_migration_step_leaves_the_previous_version(db_target: str | Path) -> None:
    def broken(conn: Connection) -> None:
        conn.execute("CREATE TABLE half (x TEXT)")
        raise RuntimeError("boom")

    conn = connect(db_target)
    with pytest.raises(RuntimeError):
        migrate(conn, [store_module._v1, broken])
    assert schema_version(conn) == 1
    assert "half" not in table_names(conn) and "decisions" in table_names(conn)
    conn.close()


def test_latest_decision_wins_and_undo_reopens(
    engine: Engine, store: Store, tmp_path: Path
) -> None:
    key = claim(keyed(engine, ARTICLE, store, str(tmp_path / "a.md")))
    store.record(key, "accepted", author="ann")
    store.record(key, "dismissed", reason="quoting the seller", author="bob")
    (current,) = store.current().values()
    assert (current.status, current.reason, current.author) == (
        "dismissed",
        "quoting the seller",
        "bob",
    )
    assert current.path == "a.md"  # relative to the project folder
    store.record(key, "open", author="bob")
    assert store.current() == {}
    assert [d.status for d in store.history()] == ["open", "dismissed", "accepted"]
    assert [d.status for d in store.history("a.md", limit=1)] == ["open"]
    assert store.history("b.md") == []


def test_decision_survives_moved_line_and_edit_elsewhere(
    engine: Engine, store: Store, tmp_path: Path
) -> None:
    path = str(tmp_path / "a.md")
    store.record(claim(keyed(engine, ARTICLE, store, path)), "dismissed", reason="quote")
    moved = ARTICLE.replace("# Ginkgo notes\n\n", "# Ginkgo notes\n\nA new intro.\n\nMore.\n\n")
    edited = moved.replace("liked its taste", "loved its flavour")
    for text in (moved, edited):
        pairs = keyed(engine, text, store, path)
        assert next(f for f, _ in pairs if f.rule_id == "fda.disease-claim").line == 9
        assert states(engine, store, text, path)["fda.disease-claim"] == "dismissed"


def test_changed_span_needs_a_new_look(engine: Engine, store: Store, tmp_path: Path) -> None:
    path = str(tmp_path / "a.md")
    store.record(claim(keyed(engine, ARTICLE, store, path)), "dismissed", reason="quote")
    changed = ARTICLE.replace("treats ADHD", "treats autism")
    items = triage(keyed(engine, changed, store, path), store.current())
    (item,) = [i for i in items if i.finding.rule_id == "fda.disease-claim"]
    assert item.state == "stale" and item.decision is None
    assert item.previous is not None and item.previous.excerpt == "treats ADHD"
    assert item.needs_action


def test_decision_is_per_article(engine: Engine, store: Store, tmp_path: Path) -> None:
    store.record(claim(keyed(engine, ARTICLE, store, str(tmp_path / "a.md"))), "dismissed")
    other = states(engine, store, ARTICLE, str(tmp_path / "b.md"))
    assert other["fda.disease-claim"] == "open"


@pytest.fixture()
def decided(engine: Engine, tmp_path: Path) -> dict[str, Path]:
    """An article folder with a review database: the claim dismissed, the caution accepted."""
    folder = tmp_path / "site"
    folder.mkdir()
    article = folder / "a.md"
    article.write_text(ARTICLE, encoding="utf-8")
    store = Store(folder / ".supplint" / "review.db")
    pairs = keyed(engine, ARTICLE, store, str(article))
    store.record(claim(pairs), "dismissed", reason="=HYPERLINK(evil)", author="ann")
    store.record(claim(pairs, "safety.missing-interaction-caution"), "accepted", author="bob")
    return {"folder": folder, "article": article, "db": store.path}


def test_check_review_db_hides_dismissed_and_reports_decided(decided: dict[str, Path]) -> None:
    folder = decided["folder"]
    plain = run_cli("check", "a.md", "--format", "concise", cwd=folder)
    done = run_cli(
        "check", "a.md", "--format", "concise", "--review-db", ".supplint/review.db", cwd=folder
    )
    assert b"fda.disease-claim" in plain.stdout
    assert b"fda.disease-claim" not in done.stdout
    assert b"safety.missing-interaction-caution" in done.stdout  # accepted: still to fix
    assert done.returncode == 1
    assert b"1 dismissed finding(s) hidden; 1 accepted and 0 marked fixed still present" in (
        done.stderr
    )
    # everything but the hidden finding is byte-identical to a plain run
    kept = [line for line in plain.stdout.splitlines() if b"fda.disease-claim" not in line]
    assert done.stdout.splitlines()[:-2] == kept[:-2]


def test_check_review_db_missing_file_is_exit_2(decided: dict[str, Path]) -> None:
    done = run_cli("check", "a.md", "--review-db", "nope.db", cwd=decided["folder"])
    assert done.returncode == 2
    assert done.stderr.decode().strip() == (
        "supplint: error: nope.db: review database does not exist"
    )


def test_check_review_db_with_fix_is_a_usage_error(decided: dict[str, Path]) -> None:
    before = decided["article"].read_bytes()
    done = run_cli(
        "check", "a.md", "--fix", "--review-db", ".supplint/review.db", cwd=decided["folder"]
    )
    assert done.returncode == 2
    assert b"--review-db cannot be combined with --fix" in done.stderr
    assert decided["article"].read_bytes() == before


def test_export_baseline_is_read_by_check_baseline(decided: dict[str, Path]) -> None:
    folder = decided["folder"]
    out = folder / "out"
    out.mkdir()
    done = run_cli(
        "review", "export", ".", "--baseline", "out/base.json", "--csv", "out/audit.csv", cwd=folder
    )
    assert done.returncode == 0, done.stderr
    data = json.loads((out / "base.json").read_text(encoding="utf-8"))
    assert list(data["articles"]) == ["../a.md"]  # relative to the baseline's folder
    assert [e["rule_id"] for e in data["articles"]["../a.md"]] == ["fda.disease-claim"]
    checked = run_cli(
        "check", "a.md", "--format", "concise", "--baseline", "out/base.json", cwd=folder
    )
    assert b"fda.disease-claim" not in checked.stdout
    assert b"safety.missing-interaction-caution" in checked.stdout
    rows = list(csv.DictReader((out / "audit.csv").open(encoding="utf-8", newline="")))
    assert [(r["status"], r["author"]) for r in rows] == [("dismissed", "ann"), ("accepted", "bob")]
    assert rows[0]["reason"] == "'=HYPERLINK(evil)"  # a spreadsheet never runs it as a formula
    assert rows[0]["excerpt"] == "treats ADHD" and rows[0]["path"] == "a.md"  # project-relative


def test_export_needs_an_output(decided: dict[str, Path]) -> None:
    done = run_cli("review", "export", ".", cwd=decided["folder"])
    assert done.returncode == 2
    assert b"review export needs --baseline FILE and/or --csv FILE" in done.stderr


def test_check_review_db_reports_fixed_findings_still_present(
    engine: Engine, decided: dict[str, Path]
) -> None:
    store = Store(decided["db"])
    pairs = keyed(engine, ARTICLE, store, str(decided["article"]))
    store.record(claim(pairs, "fda.missing-disclaimer"), "fixed", author="cy")
    done = run_cli("check", "a.md", "--review-db", ".supplint/review.db", cwd=decided["folder"])
    assert b"fda.missing-disclaimer" in done.stdout
    assert b"1 accepted and 1 marked fixed still present" in done.stderr


def test_a_server_database_serves_check_and_export(
    engine: Engine, postgres_url: str, tmp_path: Path
) -> None:
    """One PostgreSQL database for a newsroom: `review --db URL` starts on it, decisions taken
    in it hide findings in `check --review-db URL`, `review export --db URL` writes them."""
    folder = tmp_path
    (folder / ".supplint.yaml").write_text("select: [fda, safety]\n", encoding="utf-8")
    (folder / "a.md").write_text(ARTICLE, encoding="utf-8")
    store = Store(postgres_url, project=folder)  # what `review` does from this folder
    pairs = keyed(engine, ARTICLE, store, str(folder / "a.md"))
    store.record(claim(pairs), "dismissed", reason="quoting the seller", author="ann")
    assert [d.path for d in store.history()] == ["a.md"]  # relative to the config's folder
    args = ("check", "a.md", "--format", "concise")
    done = run_cli(*args, "--review-db", postgres_url, cwd=folder)
    assert b"fda.disease-claim" not in done.stdout
    assert b"safety.missing-interaction-caution" in done.stdout
    assert b"1 dismissed finding(s) hidden" in done.stderr
    export = run_cli("review", "export", "--db", postgres_url, "--baseline", "b.json", cwd=folder)
    assert export.returncode == 0, export.stderr
    data = json.loads((folder / "b.json").read_text(encoding="utf-8"))
    assert [e["rule_id"] for e in data["articles"]["a.md"]] == ["fda.disease-claim"]
    again = run_cli(*args, "--baseline", "b.json", cwd=folder)
    assert again.stdout == done.stdout


def test_a_server_database_without_the_review_tables_is_refused(postgres_url: str) -> None:
    with pytest.raises(InputError, match="not a supplint review database"):
        open_existing(postgres_url)
    conn = connect(postgres_url)
    assert table_names(conn) == set()  # check and export never create the tables
    conn.close()


def test_an_unreachable_server_is_one_line_exit_2(tmp_path: Path) -> None:
    pytest.importorskip("psycopg")
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    url = f"postgresql://editor:s3cret@/review?host={tmp_path}/no-socket-here"
    done = run_cli("check", "a.md", "--review-db", url, cwd=tmp_path)
    assert done.returncode == 2
    (line,) = done.stderr.decode().splitlines()
    assert line.startswith(
        f"supplint: error: postgresql://editor:***@/review?host={tmp_path}/no-socket-here: "
        "cannot connect to the review database: "
    )
    assert "s3cret" not in line  # the password never reaches the terminal


def test_without_psycopg_a_url_names_the_extra(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    blocker = tmp_path / "blocked"
    blocker.mkdir()
    (blocker / "psycopg.py").write_text("raise ImportError('blocked for the test')\n")
    env = {**os.environ, "PYTHONPATH": f"{blocker}{os.pathsep}{ROOT}"}
    command = [sys.executable, "-m", "lint", "check", "a.md", "--review-db", "postgresql:///x"]
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.decode().strip() == (
        "supplint: error: a PostgreSQL review database needs the postgres extra: "
        "pip install 'supplint[postgres]'"
    )
