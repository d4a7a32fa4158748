"""Run `supplint` in a child process and measure it: exit code, output, seconds, peak RSS.

The peak comes from peak.py, a small runner between pytest and the child: Linux keeps a
process's peak RSS across exec, so a child started straight from pytest would report
pytest's own peak (400 MB and more late in a suite run) rather than its own.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    rss_mb: float
    timed_out: bool

    @property
    def crashed(self) -> bool:
        """A traceback, an internal error, or death by a signal: never acceptable."""
        return (
            self.returncode < 0
            or self.returncode not in (0, 1, 2)
            or "Traceback" in self.stderr
            or "internal error" in self.stderr
        )

    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("supplint: error:")]


def run_supplint(
    *args: str,
    cwd: Path | str,
    timeout: float = 120.0,
    env: dict[str, str] | None = None,
    prefix: tuple[str, ...] = (),
) -> Run:
    """`python -m lint ARGS` in `cwd`; killed (timed_out=True) after `timeout` seconds.
    `prefix` runs it through a wrapper such as `setpriv` (see as_nobody)."""
    child_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    runner = (sys.executable, "-S", "-I", str(Path(__file__).with_name("peak.py")))
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory() as scratch,
    ):
        peak = Path(scratch, "peak")
        start = time.monotonic()
        process = subprocess.Popen(
            [*runner, str(peak), *prefix, sys.executable, "-m", "lint", *args],
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=child_env,
            start_new_session=True,
        )
        timer = threading.Timer(timeout, _kill_group, (process.pid,))
        timer.start()
        try:
            _pid, status, _usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        return Run(
            process.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            seconds,
            _peak_kib(peak) / 1024,
            seconds >= timeout,
        )


def _peak_kib(path: Path) -> float:
    """The child's peak in KiB; infinite when the runner was killed before writing it."""
    try:
        return float(path.read_text())
    except (OSError, ValueError):
        return float("inf")


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def as_nobody() -> tuple[str, ...] | None:
    """Under root, a command prefix that runs the child as `nobody`, or None if impossible.

    Root reads a chmod 000 file anyway, so unreadability is tested as `nobody`. setpriv keeps
    root's capabilities until exec, so Python under /root still starts; the article is then
    read without them. (subprocess's `user=` drops them first and cannot exec that Python.)
    """
    import shutil

    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return (setpriv, "--reuid=65534", "--regid=65534", "--clear-groups")
