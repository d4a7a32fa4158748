"""The per-article result cache: a second run over an unchanged archive does no NLP work, gives
the same output, and is invalidated when a rule file changes."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

import pytest
from archive_data import posts, write_jsonl, write_wxr

from lint.cli import main
from lint.engine import Engine

HOUSE_RULE = """id: house.banned-word
kind: phrase
severity: warning
message: "House style avoids '{match}'"
phrases: ["{word}"]
examples:
  flag: ["The powder is {word} here."]
  pass: ["The powder is fine here."]
"""


def cached_rows(cache: Path) -> int:
    total = 0
    for database in (cache / "results").glob("*.sqlite3"):
        with contextlib.closing(sqlite3.connect(database)) as db:
            total += db.execute("SELECT count(*) FROM results").fetchone()[0]
    return total


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", "--jobs", "1", "--format", "json", *args])
    return code, capsys.readouterr().out


def test_second_run_is_served_from_the_cache_without_nlp(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    export = write_wxr(tmp_path / "export.xml", posts(120))
    cache = ["--cache-dir", str(tmp_path / "cache")]
    first_code, first = run(capsys, str(export), *cache)
    assert first_code == 1 and json.loads(first)["findings"]
    assert cached_rows(tmp_path / "cache") == 120

    def no_nlp(*_args: object, **_kw: object) -> None:
        raise AssertionError("the NLP pipeline ran on a cached article")

    real_lint_sources = Engine.lint_sources
    monkeypatch.setattr(Engine, "lint_sources", no_nlp)
    monkeypatch.setattr("lint.nlp.get_nlp", no_nlp)
    second_code, second = run(capsys, str(export), *cache)
    assert (second_code, second) == (first_code, first)

    # one article edited: only that one is linted again
    monkeypatch.undo()
    linted: list[str] = []

    def counting(self: Engine, items: list) -> object:
        linted.extend(item.path for item in items)
        return real_lint_sources(self, items)

    monkeypatch.setattr(Engine, "lint_sources", counting)
    text = export.read_text(encoding="utf-8")
    export.write_text(text.replace("kept a short diary", "kept a longer diary", 1), "utf-8")
    third_code, third = run(capsys, str(export), *cache)
    assert len(linted) == 1 and linted[0].startswith(f"{export}#post-")
    assert (third_code, third) == run(capsys, str(export), "--no-cache")


def test_cache_is_invalidated_when_a_rule_file_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "house"
    rules.mkdir()
    rule = rules / "banned.yaml"
    rule.write_text(HOUSE_RULE.replace("{word}", "lemon"), encoding="utf-8")
    (tmp_path / ".supplint.yaml").write_text("rule_dirs: [house]\n", encoding="utf-8")
    dump = write_jsonl(tmp_path / "posts.jsonl", posts(30))
    args = [str(dump), "--config", str(tmp_path / ".supplint.yaml")]
    args += ["--select", "house", "--cache-dir", str(tmp_path / "cache")]
    _, before = run(capsys, *args)
    excerpts = {f["excerpt"] for f in json.loads(before)["findings"]}
    assert excerpts == {"lemon"}
    rule.write_text(HOUSE_RULE.replace("{word}", "diary"), encoding="utf-8")
    _, after = run(capsys, *args)
    assert {f["excerpt"] for f in json.loads(after)["findings"]} == {"diary"}


def test_damaged_cache_entries_are_misses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = write_jsonl(tmp_path / "posts.jsonl", posts(20))
    cache = ["--cache-dir", str(tmp_path / "cache")]
    _, first = run(capsys, str(dump), *cache)
    [database] = (tmp_path / "cache" / "results").glob("*.sqlite3")
    with sqlite3.connect(database) as db:
        db.execute("""UPDATE results SET findings = '{"findings": [{"rule_id": 1'""")
    _, second = run(capsys, str(dump), *cache)
    assert second == first
    _, uncached = run(capsys, str(dump), "--no-cache")
    assert uncached == first


def test_concurrent_runs_share_one_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two processes filling the same cache at once: both right, and the cache usable after."""
    import subprocess
    import sys

    from conftest import ROOT

    dump = write_jsonl(tmp_path / "posts.jsonl", posts(300))
    command = [sys.executable, "-m", "lint", "check", "--format", "json", "--jobs", "1"]
    command += ["--cache-dir", str(tmp_path / "cache"), str(dump)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, cwd=ROOT) for _ in range(2)]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert [run.returncode for run in runs] == [1, 1]
    assert outputs[0] == outputs[1]
    assert cached_rows(tmp_path / "cache") == 300
    monkeypatch.setattr("lint.nlp.get_nlp", lambda: pytest.fail("cache miss after a shared fill"))
    code, out = run(capsys, str(dump), "--cache-dir", str(tmp_path / "cache"))
    assert (code, out.encode()) == (1, outputs[0])


def test_an_article_that_breaks_the_engine_is_one_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = list(posts(10))
    rows[4]["body"] += "<p>BOOM</p>"
    dump = write_jsonl(tmp_path / "posts.jsonl", rows)
    real_check = Engine._check

    def fragile(self: Engine, analysis, checkers):  # type: ignore[no-untyped-def]
        if "BOOM" in analysis.source_text:
            raise RuntimeError("checker fell over")
        return real_check(self, analysis, checkers)

    monkeypatch.setattr(Engine, "_check", fragile)
    code, out = run(capsys, str(dump), "--no-cache")
    data = json.loads(out)
    assert code == 2
    assert data["errors"] == [
        {
            "path": f"{dump}#1005",
            "message": f"{dump}#1005: internal error: RuntimeError: checker fell over",
        }
    ]
    assert data["summary"]["files"] == 10 and data["findings"]
