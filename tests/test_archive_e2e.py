"""The issue's acceptance run: a 500-post WordPress export and a 5,000-row JSON Lines file audited
end to end, the second run served from the cache, and a baseline that hides the old findings
and shows a newly added claim."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from archive_data import posts, write_jsonl, write_wxr


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """conftest's run_cli with room for 5,500 articles on a busy 2-core machine."""
    command = [sys.executable, "-m", "lint", *args]
    return subprocess.run(command, capture_output=True, cwd=cwd, timeout=900, check=False)


NEW_CLAIM = "One reader wrote that it is a natural alternative to Ritalin."


@pytest.mark.slow
def test_wxr_500_and_jsonl_5000_audit_cache_and_baseline(tmp_path: Path) -> None:
    write_wxr(tmp_path / "export.xml", posts(500))
    rows = list(posts(5000, seed=5))
    write_jsonl(tmp_path / "posts.jsonl", rows)
    check = ("check", "--format", "json", "--cache-dir", "cache", "export.xml", "posts.jsonl")

    started = time.perf_counter()
    first = run_cli(*check, cwd=tmp_path)
    cold = time.perf_counter() - started
    assert first.returncode == 1, first.stderr.decode()[-1000:]
    data = json.loads(first.stdout)
    assert data["summary"]["files"] == 5500 and data["summary"]["unreadable"] == 0
    paths = {f["path"].split("#")[0] for f in data["findings"]}
    assert paths == {"export.xml", "posts.jsonl"}
    assert list((tmp_path / "cache" / "results").glob("*.sqlite3"))

    started = time.perf_counter()
    second = run_cli(*check, cwd=tmp_path)
    warm = time.perf_counter() - started
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    assert warm < cold / 3, f"cold {cold:.1f}s, warm {warm:.1f}s"

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
