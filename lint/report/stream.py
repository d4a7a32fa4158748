"""Streamed `check` output: text, concise and GitHub lines written per file, as files finish.

The whole-run renderers get every FileResult, with its source text, at the end; over 5,000
articles that kept ~0.065 MB an article until the report was written. These three formats
need nothing from a later file to print an earlier one: each file's lines are written as
soon as it is linted and only counts are kept, for the summary and the fixable hint.

Same bytes as the whole-run renderers (tests/test_stream.py compares them), with one
difference that is a fix: an excerpt is cut from the file's own text. The whole-run text
renderer looks texts up by path, so two archive rows with the same id showed the second
row's line under the first row's findings.

-q (no summary or fixable hint), -qq (nothing on stdout) and --color are honoured as the
whole-run text renderer honours them, byte for byte.

Not streamed (the whole-run path as before): JSON and SARIF (a summary or rule table comes
first), --statistics, --review-db (decisions filter the whole run), fix runs, --output-file
(written whole, so a failed run never leaves a partial file), and a progress bar drawn on
the same terminal as the findings.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from lint.engine import FileResult
from lint.finding import SEVERITY_RANK

STREAMED = ("text", "concise", "github")


class Tally:
    """What the end of a streamed run needs: counts, and the unreadable files' messages."""

    def __init__(self) -> None:
        self.files = 0
        self.counts = {"error": 0, "warning": 0, "info": 0}
        self.errors: list[tuple[str, str]] = []  # (path, message)
        self.safe_fixes = 0
        self.unsafe_fixes = 0
        self.worst = -1  # the highest SEVERITY_RANK seen, -1 for none

    def add(self, result: FileResult) -> None:
        self.files += 1
        if result.error:
            self.errors.append((result.path, result.error))
        for finding in result.findings:
            self.counts[finding.severity] += 1
            self.worst = max(self.worst, SEVERITY_RANK[finding.severity])
            if finding.fix is not None:
                if finding.fix.safe:
                    self.safe_fixes += 1
                else:
                    self.unsafe_fixes += 1


def streams(fmt: str, statistics: bool, review_db: bool, output: Path | None) -> bool:
    """Whether this `check` run writes its findings per file (see the module docstring)."""
    if fmt not in STREAMED or statistics or review_db or output is not None:
        return False
    from lint.progress import wanted

    return not (wanted(None, sys.stderr) and _isatty(sys.stdout))


def stream_results(
    results: Iterable[FileResult],
    style: str,
    out: IO[str] | None = None,
    *,
    quiet: int = 0,
    color: bool = False,
) -> Tally:
    """Write each result's lines to `out` (stdout) as it comes; then the end of the output.
    `quiet` 1 leaves out the summary and fixable hint, 2 writes nothing; `color`: ANSI styles.

    The unreadable files' `supplint: error:` lines go to stderr after the last file, as the
    whole-run path prints them after linting, before the summary."""
    out = out or sys.stdout
    tally = Tally()
    lines = _lines_for(style, color)
    for result in results:
        tally.add(result)
        chunk = lines(result) if quiet < 2 else None
        if chunk:
            out.write("".join(line + "\n" for line in chunk))
        del result, chunk  # not held while the next file is linted
    for _path, error in tally.errors:
        print(f"supplint: error: {error}", file=sys.stderr)
    if quiet < 2:
        out.write(_end(tally, style, footer=quiet == 0))
    return tally


def _lines_for(style: str, color: bool) -> Any:
    if style == "github":
        from lint.report.github import finding_line

        return lambda result: [finding_line(finding) for finding in result.findings]
    from lint.report.text import result_lines

    return lambda result: result_lines(result.findings, style, result.source, color)


def _end(tally: Tally, style: str, footer: bool) -> str:
    if style == "github":  # the unreadable files, after every finding, as github.render
        from lint.report.github import _file, annotation

        return "".join(
            annotation("error", error, file=_file(path), title="supplint: unreadable") + "\n"
            for path, error in tally.errors
        )
    if not footer:  # -q: the findings only, as text.render(footer=False)
        return ""
    from lint.fixes.apply import fixable_hint_for
    from lint.report.text import summary_line

    lines = [summary_line(tally.files, tally.counts, len(tally.errors))]
    hint = fixable_hint_for(tally.safe_fixes, tally.unsafe_fixes)
    if hint:
        lines.append(hint)
    return "".join(line + "\n" for line in lines)


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
