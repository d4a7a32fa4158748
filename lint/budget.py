"""A time budget per file: a pathological file ends as one error line, never a stalled run.

On POSIX, in a process's main thread (the CLI, and each `--jobs` worker), `setitimer` arms
SIGALRM and its handler raises `BudgetExceeded` where the work stands: no thread is left
running, and the next file starts clean. A single C call (one regex search, one tokenizer or
Matcher call) finishes first; every scan in supplint is linear, so that is bounded by the
file's size. Elsewhere (Windows, a thread such as the language server's or a Dask worker's),
or when someone else already owns the interval timer, the budget is checked between stages
(`check()`): a slow stage still ends the file, after that stage. The same checks stop a lint
whose text went stale (`cancel_when`, the language server's superseded versions).
"""

from __future__ import annotations

import contextvars
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from lint.errors import InputError

DEFAULT_SECONDS = 60.0  # generous: a 20 MB article takes about a minute


class BudgetExceeded(Exception):
    """The file's time budget ran out."""


class Cancelled(Exception):
    """The text being linted was replaced (the language server's newer version): stop."""


class TimeBudgetError(InputError):
    """The error line for a file that ran out of its budget (exit code 2, as any input error)."""

    def __init__(self, path: str, seconds: float | None):
        super().__init__(
            path,
            f"took longer than {seconds:g} s to check; skipped (the per-file time budget: "
            "raise it with --timeout SECONDS or `timeout:` in the config)",
        )


class Deadline:
    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.at = time.monotonic() + seconds if seconds else None

    def check(self) -> None:
        """Raise BudgetExceeded if the budget has run out (the fallback's only check)."""
        if self.at is not None and time.monotonic() >= self.at:
            raise BudgetExceeded


_CURRENT: contextvars.ContextVar[Deadline | None] = contextvars.ContextVar(
    "supplint_deadline", default=None
)


_STALE: contextvars.ContextVar[Callable[[], bool] | None] = contextvars.ContextVar(
    "supplint_stale", default=None
)


def check() -> None:
    """The check between stages: raise if the current file's budget ran out, or if what is
    being linted has gone stale (`cancel_when`)."""
    deadline = _CURRENT.get()
    if deadline is not None:
        deadline.check()
    stale = _STALE.get()
    if stale is not None and stale():
        raise Cancelled


@contextmanager
def cancel_when(stale: Callable[[], bool]) -> Iterator[None]:
    """Raise Cancelled at the next check inside the block once `stale()` is true: a lint of
    a version the editor has already replaced stops between checkers instead of holding the
    worker (and the newest version's lint) for its whole run."""
    token = _STALE.set(stale)
    try:
        yield
    finally:
        _STALE.reset(token)


@contextmanager
def time_budget(seconds: float | None) -> Iterator[Deadline]:
    """Raise BudgetExceeded inside the block once `seconds` have passed (None or 0: never)."""
    deadline = Deadline(seconds)
    token = _CURRENT.set(deadline)
    try:
        if not seconds or not _can_alarm():
            yield deadline
        else:
            with _alarm(seconds):
                yield deadline
    finally:
        _CURRENT.reset(token)


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:  # even if the alarm fired just now, inside this finally
            signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)


def _can_alarm() -> bool:
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # nobody else's timer running
    )


def _expire(signum: int, frame: FrameType | None) -> None:
    raise BudgetExceeded
