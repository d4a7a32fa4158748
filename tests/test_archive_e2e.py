"""The issue's acceptance run: a 500-post WordPress export and a 5,000-row JSON Lines file audited
end to end, the second run served from the cache, and a baseline that hides the old findings
and shows a newly added claim."""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from archive_data import posts, write_jsonl, write_wxr


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """conftest's run_cli with room for 5,500 articles on a busy 2-core machine."""
    command = [sys.executable, "-m", "lint", *args]
    return subprocess.run(command, capture_output=True, cwd=cwd, timeout=900, check=False)


def cached_rows(store: Path) -> tuple[int, str]:
    """(rows, digest of every row): what a second run must leave exactly as it found it."""
    digest = hashlib.sha256()
    with contextlib.closing(sqlite3.connect(store)) as db:
        rows = db.execute("SELECT key, findings, mac FROM results ORDER BY key").fetchall()
    for key, findings, mac in rows:
        digest.update(f"{key}\0{findings}\0".encode() + bytes(mac))
    return len(rows), digest.hexdigest()


NEW_CLAIM = "One reader wrote that it is a natural alternative to Ritalin."


@pytest.mark.slow
def test_wxr_500_and_jsonl_5000_audit_cache_and_baseline(tmp_path: Path) -> None:
    write_wxr(tmp_path / "export.xml", posts(500))
    rows = list(posts(5000, seed=5))
    write_jsonl(tmp_path / "posts.jsonl", rows)
    check = ("check", "--format", "json", "--cache-dir", "cache", "export.xml", "posts.jsonl")

    first = run_cli(*check, cwd=tmp_path)
    assert first.returncode == 1, first.stderr.decode()[-1000:]
    data = json.loads(first.stdout)
    assert data["summary"]["files"] == 5500 and data["summary"]["unreadable"] == 0
    paths = {f["path"].split("#")[0] for f in data["findings"]}
    assert paths == {"export.xml", "posts.jsonl"}
    stores = sorted((tmp_path / "cache" / "results").glob("*.sqlite3"))
    assert stores
    rows_after_first = [cached_rows(store) for store in stores]
    assert sum(count for count, _last in rows_after_first) == 5500

    # served from the cache (the speed-up is a bench figure, docs/archives.md; that the NLP
    # never runs is test_archive_cache's): same bytes, the cache left as it was
    second = run_cli(*check, cwd=tmp_path)
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    assert [cached_rows(store) for store in stores] == rows_after_first

    baseline = run_cli(*check, "--write-baseline", "baseline.json", cwd=tmp_path)
    assert baseline.returncode == 0
    clean = next(
        r for r in rows if r["id"] not in {f["path"].split("#")[1] for f in data["findings"]}
    )
    clean["body"] = clean["body"].replace("</p>", f" {NEW_CLAIM}</p>", 1)
    write_jsonl(tmp_path / "posts.jsonl", rows)
    after = run_cli(*check, "--baseline", "baseline.json", cwd=tmp_path)
    assert after.returncode == 1
    found = json.loads(after.stdout)["findings"]
    assert {f["path"] for f in found} == {f"posts.jsonl#{clean['id']}"}
    assert "alternative to Ritalin" in {f["excerpt"] for f in found}
