"""A real pre-commit run of this repository's hooks against temporary site repositories, offline
(tests/precommit_offline.py: pre-commit's own run, with the hook environment built without pip).
The README's pre-commit section is used as written: its config is the site's
.pre-commit-config.yaml and its uncommented hook is the one run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from ruamel.yaml import YAML

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]

DRIVER = Path(__file__).with_name("precommit_offline.py")
CLAIM = "Readers call it a natural treatment for ADHD.\n"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def try_repo(repo: Path, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
    """`pre-commit try-repo ROOT HOOK` in `repo`: on the staged files, or on `files`."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CI")}
    env.update(
        PRE_COMMIT_COLOR="never",
        SUPPLINT_DAEMON="0",  # supplint-fast runs in-process: no daemon outlives the test
        XDG_CACHE_HOME=str(repo.parent / "cache"),
    )
    selected = ["--files", *files] if files else []
    return subprocess.run(
        [sys.executable, str(DRIVER), "try-repo", str(ROOT), hook, *selected],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def new_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "site"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "editor@example.test")
    git(repo, "config", "user.name", "Editor")
    return repo


def readme_config() -> str:
    """The YAML block of the README's pre-commit section, as a user copies it."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Pre-commit", 1)[1]
    found = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert found, "the README's pre-commit section has no yaml block"
    return found[1]


def readme_hook() -> str:
    (repo,) = YAML(typ="safe").load(readme_config())["repos"]
    (hook,) = repo["hooks"]  # the one left uncommented
    return str(hook["id"])


def test_readme_config_is_valid_and_names_shipped_hooks(tmp_path: Path) -> None:
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(readme_config(), encoding="utf-8")
    checked = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(config)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    shipped = {hook["id"] for hook in YAML(typ="safe").load(ROOT / ".pre-commit-hooks.yaml")}
    named = re.findall(r"- id: ([\w-]+)", readme_config())  # the commented ones too
    assert readme_hook() in shipped and set(named) <= shipped


def test_readme_hook_on_a_hugo_site_lints_only_the_drafts(tmp_path: Path) -> None:
    """A Hugo site with everything a commit stages: drafts, a JS file, the pre-commit config,
    and a built public/ that .gitignore names but that was force-added (or committed by a
    deploy script). pre-commit names every staged file; only the drafts are linted."""
    repo = new_repo(tmp_path)
    files = {
        ".gitignore": "public/\n",
        ".pre-commit-config.yaml": readme_config(),
        "content/posts/bad.md": "---\ntitle: Focus\n---\n\n" + CLAIM,
        "content/posts/good.md": "+++\ntitle = 'Mushrooms'\n+++\n\nLion's mane is a mushroom.\n",
        "static/banner.js": f"// {CLAIM}",
        "public/index.html": f"<p>{CLAIM}</p>\n",
        "public/posts/bad/index.html": f"<p>{CLAIM}</p>\n",
        "notes.txt": "Ginkgo cures anxiety.\n",
    }
    for rel, text in files.items():
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text(text, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "add", "-f", "public")
    staged = subprocess.run(
        ["git", "diff", "--cached", "--name-only"], cwd=repo, capture_output=True, text=True
    ).stdout.split()
    assert "public/index.html" in staged and "static/banner.js" in staged

    run = try_repo(repo, readme_hook())
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    linted = set(re.findall(r"^([\w./-]+):\d+:\d+: ", run.stdout, re.MULTILINE))
    assert linted == {"content/posts/bad.md", "notes.txt"}, out
    assert "content/posts/bad.md:5:27: fda.disease-claim" in run.stdout

    git(repo, "rm", "-q", "--cached", "content/posts/bad.md", "notes.txt")
    clean = try_repo(repo, readme_hook())  # public/ and banner.js still staged: they pass
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout


def test_hook_fails_on_a_bad_draft_and_passes_on_a_clean_one(tmp_path: Path) -> None:
    repo = new_repo(tmp_path)
    (repo / "bad.md").write_text("# Draft\n\n" + CLAIM, encoding="utf-8")
    (repo / "good.md").write_text(
        "# Draft\n\nLion's mane is a mushroom sold as a powder.\n", encoding="utf-8"
    )
    git(repo, "add", ".")

    bad = try_repo(repo, "supplint", "bad.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.md:3:27: fda.disease-claim" in bad.stdout

    good = try_repo(repo, "supplint", "good.md")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
