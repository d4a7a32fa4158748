"""Where a command's output goes: stdout or --output-file, and the one-line error messages."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO


def print_errors(errors: Iterable[str]) -> None:
    for error in errors:
        print(f"supplint: error: {error}", file=sys.stderr)


def output_target(output: Path | None, named: Sequence[str], files: list[str]) -> Path | None:
    """--output-file is never linted: an error if named as an article, else left out of the walk.

    A folder walk finds the output of the previous run (`check . -o lint.txt`): linting it, or
    refusing the run, would punish running the same command twice.
    """
    from lint.errors import UsageError

    if output is None:
        return None
    target = os.path.realpath(output)
    if os.path.isdir(target):
        raise UsageError(f"--output-file {output} is a folder")
    if any(os.path.realpath(path) == target for path in named if path != "-"):
        raise UsageError(f"--output-file {output} is one of the files being linted")
    files[:] = [path for path in files if os.path.realpath(path) != target]
    return output


def write_output(output: Path | None, text: str) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from lint.errors import InputError

    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as err:
        raise InputError(str(output), f"cannot write output: {err.strerror or err}") from None


def wants_color(choice: str, stream: TextIO | None) -> bool:
    """--color: always, never, or auto: NO_COLOR (set, not empty) turns it off, FORCE_COLOR
    turns it on, else colour only on a terminal that is not TERM=dumb. `stream` None: a file."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if stream is None or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stream
        return False
