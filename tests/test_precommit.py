"""A real pre-commit run of this repository's hook against a temporary repo with drafts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def try_repo(repo: Path, *files: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "supplint", "--files", *files],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_hook_fails_on_a_bad_draft_and_passes_on_a_clean_one(tmp_path: Path) -> None:
    repo = tmp_path / "site"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "editor@example.test")
    git(repo, "config", "user.name", "Editor")
    (repo / "bad.md").write_text(
        "# Draft\n\nReaders call it a natural treatment for ADHD.\n", encoding="utf-8"
    )
    (repo / "good.md").write_text(
        "# Draft\n\nLion's mane is a mushroom sold as a powder.\n", encoding="utf-8"
    )
    git(repo, "add", ".")

    bad = try_repo(repo, "bad.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.md:3:27: fda.disease-claim" in bad.stdout

    good = try_repo(repo, "good.md")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
