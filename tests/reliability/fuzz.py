"""Byte-level fuzzing of the whole read -> report path, shared by the pytest and summary.py.

Each example is written to a real file and linted through Engine.lint_paths (the same read
code as `check`). Outcome per input: ok (findings with exact spans, or one error line naming
the file), crash (any exception, or an error line that is not one clean line), or hang.
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass, field

from hypothesis import strategies as st

from lint.engine import Engine

from .invariants import check_finding
from .strategies import html_documents, markdown_documents, text_documents

HANG_SECONDS = 10.0  # one small input taking longer than this counts as a hang

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "latin-1", "cp1252"]


@st.composite
def mangled(draw: st.DrawFn) -> bytes:
    """A generated article, encoded some way, then cut, spliced with junk bytes, re-broken."""
    text = draw(st.one_of(markdown_documents(), html_documents(), text_documents()))
    encoding = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, "replace")
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        junk = draw(
            st.one_of(
                st.binary(max_size=8),
                st.sampled_from([b"\x00", b"\xff", b"\xc0\xaf", b"\xed\xa0\x80", b"\r", b"\r\n"]),
            )
        )
        data = data[:at] + junk + data[at:]
    return data


raw_inputs = st.one_of(st.binary(max_size=600), mangled())
SUFFIXES = st.sampled_from([".md", ".html", ".txt"])


@dataclass
class Tally:
    tried: int = 0
    crashes: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)


def lint_bytes(engine: Engine, data: bytes, suffix: str, tally: Tally) -> None:
    """Lint `data` as a file; record the outcome in `tally` instead of raising."""
    tally.tried += 1
    folder = tempfile.mkdtemp(prefix="supplint-fuzz-")
    path = os.path.join(folder, "article" + suffix)
    with open(path, "wb") as handle:
        handle.write(data)
    start = time.monotonic()
    try:
        results = list(engine.lint_paths([path]))
        problem = _problem(path, results)
    except Exception as err:  # the point: nothing may escape
        problem = f"{type(err).__name__}: {err}"
    finally:
        os.unlink(path)
        os.rmdir(folder)
    if problem:
        tally.crashes.append(f"{problem} <- {data[:80]!r}")
    if time.monotonic() - start > HANG_SECONDS:
        tally.hangs.append(f"{time.monotonic() - start:.1f} s <- {data[:80]!r}")


def _problem(path: str, results: list) -> str | None:
    if len(results) != 1:
        return f"{len(results)} results for one file"
    result = results[0]
    if result.error is not None:
        one_line = "\n" not in result.error and result.error.startswith(path + ":")
        return None if one_line and "internal error" not in result.error else result.error
    text = result.source or ""
    try:
        for finding in result.findings:
            check_finding(text, finding)
    except AssertionError as err:
        return f"bad finding span: {err}"
    return None
