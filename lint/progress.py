"""A progress bar on stderr for long runs, only where a person watches it.

Shown when stderr is a terminal and the run has at least MIN_FILES inputs (a folder of
articles, an archive); never in pipes, files or CI logs (`CI` set, `TERM=dumb`, NO_COLOR does
not matter: the bar has no colour). tqdm is imported only then: start-up stays as it was.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import IO, TypeVar

T = TypeVar("T")
MIN_FILES = 50


def wanted(total: int | None, stream: IO[str]) -> bool:
    if total is not None and total < MIN_FILES:
        return False
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


def progress(items: Iterable[T], total: int | None, stream: IO[str] | None = None) -> Iterator[T]:
    stream = stream or sys.stderr
    if not wanted(total, stream):
        yield from items
        return
    from tqdm import tqdm

    # leave=False: the bar is erased at the end, so the terminal keeps only the findings
    yield from tqdm(items, total=total, file=stream, unit="file", leave=False, dynamic_ncols=True)
