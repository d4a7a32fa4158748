"""supplint never writes to an input; `report -o` replaces the old report whole or not at all."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .harness import ROOT, run_supplint
from .hostile import PARAGRAPH

ARTICLES = {
    "posts/sleep.md": "---\ntitle: Sleep\n---\n# Sleep\n\nThis blend is clinically proven.\r\n",
    "posts/focus.html": "<p>A natural alternative to Adderall &amp; more.</p><script>x()</script>",
    "posts/notes.txt": "Notes\n\nMagnesium is guaranteed to work.\n",
    "posts/bom.md": "\ufeffZinc is a miracle.\n",
    "posts/clean.md": PARAGRAPH,
}


def corpus(folder: Path) -> Path:
    for name, text in ARTICLES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8-sig" if name.endswith("bom.md") else "utf-8"))
    (folder / "posts" / "bad.md").write_bytes(b"\xff\xfe\x00broken")
    return folder / "posts"


def snapshot(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every file under `folder`: content hash, mode and mtime (ns)."""
    state = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            info = path.stat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            state[str(path.relative_to(folder))] = (digest, info.st_mode, info.st_mtime_ns)
    return state


@pytest.mark.parametrize(
    "args",
    [
        ("check", "posts"),
        ("check", "--format", "json", "posts"),
        ("check", "--jobs", "2", "posts"),
        ("report", "posts", "-o", "../out/report.html"),
        ("report", "posts", "--format", "md", "-o", "../out/report.md"),
        ("report", "posts", "-o", "../out/site/"),
    ],
)
def test_inputs_are_byte_identical_after_a_run(tmp_path: Path, args):
    posts = corpus(tmp_path / "in")
    before = snapshot(posts)
    run = run_supplint(*args, cwd=posts.parent)
    assert not run.crashed and run.returncode == 2, run.stderr  # bad.md is reported
    assert snapshot(posts) == before


def test_report_refuses_to_overwrite_an_input(tmp_path: Path):
    posts = corpus(tmp_path)
    before = snapshot(posts)
    run = run_supplint("report", "posts/sleep.md", "-o", "posts/sleep.md", cwd=tmp_path)
    assert run.returncode == 2 and not run.crashed
    assert snapshot(posts) == before


def test_template_error_mid_render_leaves_the_old_report(tmp_path: Path):
    posts = corpus(tmp_path)
    templates = tmp_path / "templates"
    templates.mkdir()
    # renders part of the page, then fails on an undefined name (StrictUndefined)
    (templates / "report.html").write_text("<html>{{ title }}{{ no_such_name.x }}</html>\n")
    old = tmp_path / "report.html"
    old.write_text("old report\n")
    run = run_supplint(
        "report", "posts", "--template-dir", "templates", "-o", "report.html", cwd=tmp_path
    )
    assert run.returncode == 2 and not run.crashed, run.stderr
    assert old.read_text() == "old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["posts", "report.html", "templates"]
    del posts


def test_sigkill_mid_run_leaves_the_old_report_or_the_whole_new_one(tmp_path: Path):
    posts = tmp_path / "posts"
    posts.mkdir()
    for i in range(40):
        (posts / f"p{i}.md").write_text(f"# Post {i}\n\nThis is clinically proven.\n\n" * 40)
    old = tmp_path / "report.html"
    old.write_text("old report\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for delay in (0.5, 1.5, 3.0):
        process = subprocess.Popen(
            [sys.executable, "-m", "lint", "report", "posts", "-o", "report.html", "--jobs", "1"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        text = old.read_text()
        assert text == "old report\n" or text.rstrip().endswith("</html>"), text[-200:]
        old.write_text("old report\n")
