"""The review database (SQLite) and the decision logic: migrations, keys, triage, check, export."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from lint.engine import Engine, FileResult
from lint.errors import InputError, UsageError
from lint.review import store as store_module
from lint.review.keys import finding_keys, path_key_for
from lint.review.store import MIGRATIONS, Store, migrate, schema_version
from lint.review.triage import triage
from lint.sources import Source
from tests.conftest import run_cli

ARTICLE = (
    "# Ginkgo notes\n\n"
    "Our team tried a new tea this spring and liked its taste.\n\n"
    "Ginkgo treats ADHD in children, according to the seller.\n\n"
    "We drank it every morning with breakfast.\n"
)


def lint_as(engine: Engine, text: str, path: str) -> FileResult:
    return next(iter(engine.lint_sources([Source(path, text, "markdown")])))


def keyed(engine: Engine, text: str, db: Path, path: str):
    return list(finding_keys(lint_as(engine, text, path), path_key_for(db)))


def claim(pairs, rule="fda.disease-claim"):
    return next(key for finding, key in pairs if finding.rule_id == rule)


def states(engine: Engine, store: Store, text: str, path: str) -> dict[str, str]:
    items = triage(keyed(engine, text, store.path, path), store.current())
    return {item.finding.rule_id: item.state for item in items}


def test_new_database_has_every_migration(tmp_path: Path) -> None:
    store = Store(tmp_path / ".supplint" / "review.db")
    with store.connect() as conn:
        assert schema_version(conn) == len(MIGRATIONS) == 2
        columns = {row[1] for row in conn.execute("PRAGMA table_info(decisions)")}
    assert {"fingerprint", "surround", "status", "reason", "author", "decided_at"} <= columns


def test_upgrade_from_v1_keeps_the_decisions(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    conn = sqlite3.connect(path)
    assert migrate(conn, MIGRATIONS[:1]) == 1
    conn.execute(
        "INSERT INTO decisions (path, rule_id, fingerprint, excerpt, status, reason, note,"
        " author, decided_at) VALUES ('a.md', 'fda.x', 'abc', 'cures', 'dismissed', 'quote',"
        " '', 'ed', '2026-01-01T00:00:00+00:00')"
    )
    conn.commit()
    conn.close()
    store = Store(path)  # opening upgrades to the latest version
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


def test_database_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    Store(path)
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_version (version) VALUES (99)")
    with pytest.raises(UsageError, match="version 99"):
        Store(path)


def test_a_file_that_is_not_a_database_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    path.write_text("not sqlite at all, just words\n" * 20)
    with pytest.raises(InputError, match="not a usable review database"):
        Store(path)


def test_failed_migration_step_leaves_the_previous_version(tmp_path: Path) -> None:
    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half (x)")
        raise sqlite3.OperationalError("boom")

    conn = sqlite3.connect(tmp_path / "review.db")
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, [store_module._v1, broken])
    assert schema_version(conn) == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half" not in tables


def test_latest_decision_wins_and_undo_reopens(engine: Engine, tmp_path: Path) -> None:
    store = Store(tmp_path / "review.db")
    key = claim(keyed(engine, ARTICLE, store.path, str(tmp_path / "a.md")))
    store.record(key, "accepted", author="ann")
    store.record(key, "dismissed", reason="quoting the seller", author="bob")
    (current,) = store.current().values()
    assert (current.status, current.reason, current.author) == (
        "dismissed",
        "quoting the seller",
        "bob",
    )
    store.record(key, "open", author="bob")
    assert store.current() == {}
    assert [d.status for d in store.history()] == ["open", "dismissed", "accepted"]


def test_decision_survives_moved_line_and_edit_elsewhere(engine: Engine, tmp_path: Path) -> None:
    store = Store(tmp_path / "review.db")
    path = str(tmp_path / "a.md")
    store.record(claim(keyed(engine, ARTICLE, store.path, path)), "dismissed", reason="quote")
    moved = ARTICLE.replace("# Ginkgo notes\n\n", "# Ginkgo notes\n\nA new intro.\n\nMore.\n\n")
    edited = moved.replace("liked its taste", "loved its flavour")
    for text in (moved, edited):
        pairs = keyed(engine, text, store.path, path)
        assert next(f for f, _ in pairs if f.rule_id == "fda.disease-claim").line == 9
        assert states(engine, store, text, path)["fda.disease-claim"] == "dismissed"


def test_changed_span_needs_a_new_look(engine: Engine, tmp_path: Path) -> None:
    store = Store(tmp_path / "review.db")
    path = str(tmp_path / "a.md")
    store.record(claim(keyed(engine, ARTICLE, store.path, path)), "dismissed", reason="quote")
    changed = ARTICLE.replace("treats ADHD", "treats autism")
    items = triage(keyed(engine, changed, store.path, path), store.current())
    (item,) = [i for i in items if i.finding.rule_id == "fda.disease-claim"]
    assert item.state == "stale" and item.decision is None
    assert item.previous is not None and item.previous.excerpt == "treats ADHD"
    assert item.needs_action


def test_decision_is_per_article(engine: Engine, tmp_path: Path) -> None:
    store = Store(tmp_path / "review.db")
    store.record(claim(keyed(engine, ARTICLE, store.path, str(tmp_path / "a.md"))), "dismissed")
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
    pairs = keyed(engine, ARTICLE, store.path, str(article))
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
    pairs = keyed(engine, ARTICLE, store.path, str(decided["article"]))
    store.record(claim(pairs, "fda.missing-disclaimer"), "fixed", author="cy")
    done = run_cli("check", "a.md", "--review-db", ".supplint/review.db", cwd=decided["folder"])
    assert b"fda.missing-disclaimer" in done.stdout
    assert b"1 accepted and 1 marked fixed still present" in done.stderr
