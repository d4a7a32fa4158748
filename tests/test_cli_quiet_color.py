"""`check -q/-qq`, `--color auto|always|never` (tty, NO_COLOR, FORCE_COLOR) and the stdin fix
summary, as Ruff users expect them (issue 15)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

CLAIM = "# Focus gummies\n\nThis blend cures anxiety.\n"  # one finding, with a fix for --unsafe
CLEAN = "# Notes\n\nZinc is a mineral found in seeds and shellfish.\n"
ANSI = re.compile(rb"\x1b\[[0-9;]*m")


def supplint(*args: str, stdin: bytes = b"", cwd: Path = ROOT, **env: str):
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environ.update(PYTHONPATH=str(ROOT), SUPPLINT_DAEMON="0", **env)
    return subprocess.run(
        [sys.executable, "-m", "lint", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=environ,
        timeout=120,
    )


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(CLAIM, encoding="utf-8")
    return path


def test_quiet_prints_the_findings_without_the_summary(article: Path) -> None:
    loud = supplint("check", str(article))
    quiet = supplint("check", "-q", str(article))
    lines = loud.stdout.decode().splitlines(keepends=True)
    assert lines[-1].startswith(("Found ", "[*] ")) and any(ln.startswith("Found ") for ln in lines)
    kept = [ln for ln in lines if not ln.startswith(("Found ", "[*] "))]
    assert quiet.stdout.decode() == "".join(kept)
    assert quiet.stdout.startswith(f"{article}:3:12: ".encode())
    assert (quiet.returncode, loud.returncode, quiet.stderr) == (1, 1, b"")


def test_quiet_on_a_clean_article_prints_nothing_and_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "clean.md"
    path.write_text(CLEAN, encoding="utf-8")
    assert supplint("check", str(path)).stdout == b"All checks passed (1 file).\n"
    quiet = supplint("check", "--quiet", str(path))
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, b"", b"")


def test_quiet_twice_prints_nothing_but_keeps_the_exit_code(article: Path) -> None:
    result = supplint("check", "-qq", str(article))
    assert (result.returncode, result.stdout, result.stderr) == (1, b"", b"")
    missing = supplint("check", "-qq", str(article), str(article.parent / "gone.md"))
    assert (missing.returncode, missing.stdout) == (2, b"")
    assert missing.stderr.decode().endswith("gone.md: no such file or directory\n")


def test_quiet_leaves_machine_formats_whole(article: Path) -> None:
    for fmt in ("json", "sarif", "github"):
        loud = supplint("check", "--format", fmt, str(article))
        assert supplint("check", "-q", "--format", fmt, str(article)).stdout == loud.stdout
        assert supplint("check", "-qq", "--format", fmt, str(article)).stdout == b""


def test_quiet_fix_drops_the_applied_line_but_still_fixes(article: Path) -> None:
    result = supplint("check", "-q", "--unsafe-fixes", str(article))
    assert article.read_text(encoding="utf-8") != CLAIM
    assert b"applied" not in result.stderr
    loud_copy = article.parent / "again.md"
    loud_copy.write_text(CLAIM, encoding="utf-8")
    loud = supplint("check", "--unsafe-fixes", str(loud_copy))
    assert loud.stderr.decode().startswith("supplint: applied ")
    assert result.returncode == loud.returncode


def test_fix_on_stdin_counts_the_article_as_one_file() -> None:
    args = ("check", "-", "--unsafe-fixes", "--stdin-filename", "draft.md")
    result = supplint(*args, stdin=CLAIM.encode())
    assert result.stdout != CLAIM.encode() and result.stdout.startswith(b"# Focus gummies\n")
    assert re.match(rb"supplint: applied [1-9]\d* fix\(es\) in 1 file\n", result.stderr)
    clean = supplint(*args, stdin=CLEAN.encode())
    assert clean.stdout == CLEAN.encode()
    assert clean.stderr.startswith(b"supplint: applied 0 fix(es) in 0 files\n")


def test_quiet_twice_fix_on_stdin_still_writes_the_article() -> None:
    args = ("check", "-", "-qq", "--unsafe-fixes", "--stdin-filename", "draft.md")
    result = supplint(*args, stdin=CLAIM.encode())
    loud = supplint(*args[:2], *args[3:], stdin=CLAIM.encode())
    assert result.stdout == loud.stdout != CLAIM.encode()
    assert result.stderr == b""
    assert result.returncode == loud.returncode


def test_color_always_paints_the_header_and_carets_only(article: Path) -> None:
    plain = supplint("check", "--color", "never", str(article))
    painted = supplint("check", "--color", "always", str(article))
    assert ANSI.sub(b"", painted.stdout) == plain.stdout
    header = painted.stdout.splitlines()[0]
    assert header.startswith(f"\x1b[1m{article}\x1b[0m:3:12: \x1b[1;33m".encode())
    assert b"[\x1b[1;33mwarning\x1b[0m]" in header
    caret_line = next(ln for ln in painted.stdout.splitlines() if b"^" in ln)
    assert caret_line.endswith(b"\x1b[1;33m" + b"^" * len("cures") + b"\x1b[0m")
    assert painted.returncode == plain.returncode == 1


def test_color_auto_in_a_pipe_follows_force_color_and_no_color(article: Path) -> None:
    assert not ANSI.search(supplint("check", str(article)).stdout)
    assert ANSI.search(supplint("check", str(article), FORCE_COLOR="1").stdout)
    assert not ANSI.search(supplint("check", str(article), FORCE_COLOR="1", NO_COLOR="1").stdout)
    assert not ANSI.search(supplint("check", str(article), FORCE_COLOR="").stdout)  # empty: unset
    # an explicit flag beats the environment either way
    assert ANSI.search(supplint("check", "--color", "always", str(article), NO_COLOR="1").stdout)
    never = supplint("check", "--color", "never", str(article), FORCE_COLOR="1")
    assert not ANSI.search(never.stdout)


def _on_a_terminal(article: Path, *args: str, **env: str) -> bytes:
    """stdout of `check` when stdout is a pseudo-terminal."""
    import pty

    leader, follower = pty.openpty()
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environ.update({"PYTHONPATH": str(ROOT), "SUPPLINT_DAEMON": "0", "TERM": "xterm", **env})
    child = subprocess.Popen(
        [sys.executable, "-m", "lint", "check", *args, str(article)],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env=environ,
        cwd=ROOT,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert child.wait(timeout=120) == 1
    return b"".join(chunks)


@pytest.mark.skipif(sys.platform == "win32", reason="pty is POSIX only")
def test_color_auto_on_a_terminal(article: Path, tmp_path: Path) -> None:
    assert ANSI.search(_on_a_terminal(article))
    assert not ANSI.search(_on_a_terminal(article, NO_COLOR="1"))
    assert not ANSI.search(_on_a_terminal(article, TERM="dumb"))
    out = tmp_path / "lint.txt"  # a file named with -o is not the terminal
    _on_a_terminal(article, "-o", str(out))
    assert out.read_bytes().startswith(f"{article}:3:12: ".encode())
    assert not ANSI.search(out.read_bytes())
