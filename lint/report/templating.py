"""Jinja2 environments for the report templates, and template errors as one clear line.

Built-in templates live in templates/ (lint/resources.py finds them in any install). With
`--template-dir`, the user's folder is searched first and the built-in one fills the gaps; the
whole environment is then an ImmutableSandboxedEnvironment, since those templates are not ours.
HTML and SVG templates are autoescaped; Markdown ones use the md_* filters below instead.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from lint.errors import SupplintError
from lint.printable import printable
from lint.resources import builtin_templates_dir

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")  # enough inside a paragraph or table cell
_BACKTICKS = re.compile(r"`+")


class TemplateError(SupplintError):
    """A report template that does not parse or fails while rendering."""

    def __init__(self, path: str, message: str, line: int | None = None):
        super().__init__(path, " ".join(message.split()), line)  # one line, always


# User templates run bounded (the sandbox alone stops attribute access, not a loop of 10^10
# steps or a 10 GB string): a repetition (`*`) may build at most MAX_REPEAT items, a power at
# most MAX_POWER_BITS bits; one render may take TEMPLATE_SECONDS and grow the process by
# TEMPLATE_MEMORY bytes of address space (where the platform lets us set those limits).
MAX_REPEAT = 10_000_000
MAX_POWER_BITS = 100_000
TEMPLATE_SECONDS = 30.0
TEMPLATE_MEMORY = 1024 * 1024 * 1024


class TemplateTimeout(Exception):
    def __init__(self) -> None:
        super().__init__(f"template took more than {TEMPLATE_SECONDS:g} s")


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The sandbox for user templates, with `*` and `**` checked before they run."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*" and _repeated_size(left, right) > MAX_REPEAT:
            raise SecurityError(f"repetition builds more than {MAX_REPEAT} items")
        if operator == "**" and _power_bits(left, right) > MAX_POWER_BITS:
            raise SecurityError(f"power has more than {MAX_POWER_BITS} bits")
        return super().call_binop(context, operator, left, right)


def _repeated_size(left: Any, right: Any) -> int:
    for seq, count in ((left, right), (right, left)):
        if isinstance(seq, (str, list, tuple, bytes)) and isinstance(count, int):
            return len(seq) * count
    return 0


def _power_bits(left: Any, right: Any) -> int:
    if isinstance(left, int) and isinstance(right, int) and abs(left) > 1:
        return right * abs(left).bit_length()
    return 0


def md_text(value: Any) -> str:
    """Inline Markdown text that renders literally, even inside a table cell."""
    text = printable(" ".join(str(value).split()))
    return _MD_SPECIAL.sub(r"\\\1", text)


def md_code(value: Any) -> str:
    """A code span for a table cell: fence longer than any backtick run, pipes escaped."""
    text = printable(" ".join(str(value).split())) or " "
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text.replace('|', chr(92) + '|')}{pad}{fence}"


def environment(template_dir: Path | None = None) -> jinja2.Environment:
    search = [str(builtin_templates_dir())]
    if template_dir is not None:
        if not template_dir.is_dir():
            raise TemplateError(str(template_dir), "template folder does not exist")
        search.insert(0, str(template_dir))
    options: dict[str, Any] = {
        "loader": jinja2.FileSystemLoader(search),
        "autoescape": jinja2.select_autoescape(("html", "htm", "xml", "svg"), default=False),
        "undefined": jinja2.StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
    }
    env = BoundedSandbox(**options) if template_dir is not None else jinja2.Environment(**options)
    env.filters["md_text"] = md_text
    env.filters["md_code"] = md_code
    return env


def render_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    try:
        if isinstance(env, BoundedSandbox):
            with _bounded():
                return env.get_template(name).render(context)
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as err:
        raise TemplateError(
            err.filename or err.name or name, err.message or "", err.lineno
        ) from None
    except jinja2.TemplateNotFound as err:
        raise TemplateError(str(err.name or name), "template not found") from None
    except Exception as err:  # user templates can fail in any way: name the template line
        where = _template_frame(err, env)
        bound = isinstance(err, (TemplateTimeout, MemoryError))
        if where is None and not bound:
            raise
        message = f"{type(err).__name__}: {err}"
        if isinstance(err, MemoryError):
            message = f"template needs more than {TEMPLATE_MEMORY // 2**20} MB"
        elif isinstance(err, TemplateTimeout):
            message = str(err)
        file, line = where or (name, None)
        raise TemplateError(file, message, line) from None


@contextlib.contextmanager
def _bounded() -> Iterator[None]:
    """A time and an address-space budget around one render (POSIX, main thread only)."""
    with contextlib.ExitStack() as stack:
        stack.enter_context(_time_budget())
        stack.enter_context(_memory_budget())
        yield


@contextlib.contextmanager
def _time_budget() -> Iterator[None]:
    import signal
    import threading

    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise TemplateTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, TEMPLATE_SECONDS)
    start = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # someone else's timer was running: give it back what is left of it
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - start), 0.001))


@contextlib.contextmanager
def _memory_budget() -> Iterator[None]:
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        with open("/proc/self/statm") as statm:  # Linux: size in pages
            used = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError, ValueError):
        yield
        return
    limit = used + TEMPLATE_MEMORY
    if soft != resource.RLIM_INFINITY and soft <= limit:
        yield  # already tighter than ours
        return
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _template_frame(err: BaseException, env: jinja2.Environment) -> tuple[str, int] | None:
    """The innermost traceback frame that is a template (Jinja maps it to the template line)."""
    loader = env.loader
    roots = [os.path.abspath(p) for p in getattr(loader, "searchpath", [])]
    found = None
    for frame in traceback.extract_tb(err.__traceback__):
        path = os.path.abspath(frame.filename)
        if any(path.startswith(root + os.sep) for root in roots) and frame.lineno:
            found = (frame.filename, frame.lineno)
    return found
