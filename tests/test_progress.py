"""The progress bar appears on a terminal for long runs and never in pipes or CI logs."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

from conftest import ROOT


def folder_of_articles(root: Path, count: int) -> Path:
    folder = root / "posts"
    folder.mkdir()
    for n in range(count):
        (folder / f"p{n:03}.md").write_text(f"Post {n} is about tea.\n", encoding="utf-8")
    return folder


def run(folder: Path, stderr_tty: bool, **env: str) -> tuple[int, str, bytes]:
    environ = {k: v for k, v in os.environ.items() if k != "CI"} | {"TERM": "xterm", **env}
    command = [sys.executable, "-m", "lint", "check", "--jobs", "1", str(folder)]
    if not stderr_tty:
        done = subprocess.run(command, capture_output=True, cwd=ROOT, env=environ, timeout=300)
        return done.returncode, done.stderr.decode(), done.stdout
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # 100 columns
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=follower, cwd=ROOT, env=environ
    ) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        stdout = process.stdout.read() if process.stdout else b""
    os.close(leader)
    return process.wait(), b"".join(chunks).decode(errors="replace"), stdout


def test_bar_on_a_terminal_for_a_long_run(tmp_path: Path) -> None:
    code, stderr, stdout = run(folder_of_articles(tmp_path, 60), stderr_tty=True)
    assert code == 0
    assert "/60" in stderr and "file" in stderr
    assert b"All checks passed (60 files)." in stdout  # the findings output is unchanged


def test_no_bar_in_pipes_in_ci_or_for_short_runs(tmp_path: Path) -> None:
    folder = folder_of_articles(tmp_path, 60)
    assert run(folder, stderr_tty=False)[1] == ""
    assert "/60" not in run(folder, stderr_tty=True, CI="true")[1]
    short = tmp_path / "short"
    short.mkdir()
    (short / "a.md").write_text("Tea.\n", encoding="utf-8")
    assert "/1" not in run(short, stderr_tty=True)[1]
