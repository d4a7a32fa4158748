"""`supplint check --fix | --unsafe-fixes | --diff`: fix, re-lint until stable, write or diff.

--fix          apply safe fixes, write each changed file atomically, report what remains
--unsafe-fixes also apply unsafe fixes (rewordings); implies --fix unless --diff is given
--diff         print a unified diff of the fixes and change nothing; exit 1 if there is one
Read from stdin (`-`), the fixed article goes to stdout and the findings to stderr.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from lint.errors import InputError
from lint.fixes.apply import fix_findings, wanted_fixes
from lint.fixes.write import NotFixed, encode, write_atomic

if TYPE_CHECKING:
    from lint.engine import Engine, FileResult
    from lint.finding import Fix
    from lint.sources import Source

MAX_PASSES = 10  # a fix may enable another; more passes than this means fixes do not settle
GROWTH_SLACK = 4096  # characters: a short article may more than double with its disclaimer
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


@dataclass(frozen=True)
class FixRequest:
    """What `check --fix | --unsafe-fixes | --diff` was asked (lint.commands builds it)."""

    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    fix_symlinks: bool = False
    paths: tuple[str, ...] = ()  # as named: --fix-symlinks follows links only inside them
    stdin_filename: str | None = None
    input_format: str | None = None


@dataclass
class Fixed:
    """One article before and after fixing, with the findings that remain."""

    source: Source
    text: str
    result: FileResult
    applied: int = 0
    settled: bool = True
    note: str = ""  # why it did not settle
    before: FileResult | None = None  # the findings of the unfixed text

    @property
    def changed(self) -> bool:
        return self.text != self.source.text


@dataclass
class Summary:
    fixed: int = 0
    files: list[str] = field(default_factory=list)
    unsettled: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # files left as they were, and why


@dataclass(frozen=True)
class FixOutcome:
    """What run_fixes did, for the caller to report. `mode` says where the output goes:
    "report" (the caller reports the results as usual), "diff" (`diff` is the output) or
    "piped" (the fixed article from stdin is on stdout; the findings left belong on stderr)."""

    mode: str
    summary: Summary
    diff: str = ""

    @property
    def warnings(self) -> list[str]:
        return [*self.summary.unsettled, *self.summary.refused]

    def applied(self) -> str:
        files = len(self.summary.files)
        return (
            f"applied {self.summary.fixed} fix(es) in {files} {'file' if files == 1 else 'files'}"
        )


def lint_one(engine: Engine, source: Source) -> FileResult:
    return next(iter(engine.lint_sources([source])))


def growth_limit(length: int) -> int:
    """Fixes add a disclaimer, a disclosure, cautions, a hedge: never double an article. Past
    this, a fix is feeding on its own output (`fix: "{match}{match}"`)."""
    return 2 * length + GROWTH_SLACK


def fix_source(engine: Engine, source: Source, unsafe: bool) -> Fixed:
    """Apply fixes and re-lint the result, until no fix applies (or MAX_PASSES).

    Fixes that do not settle, or that grow the text past growth_limit, are dropped whole: the
    article is left as it was (`settled` False, `note` names the rules), so memory stays
    bounded by the limit and no runaway text is ever written.
    """
    text, applied = source.text, 0
    result = before = lint_one(engine, source)
    for _ in range(MAX_PASSES):
        if result.error is not None:
            break
        outcome = fix_findings(text, result.findings, unsafe)
        if not outcome.fixes:
            return Fixed(source, text, result, applied, before=before)
        if len(outcome.text) > growth_limit(len(source.text)):
            grown = f"{len(source.text):,} -> {len(outcome.text):,} characters"
            note = f"fixes by {_rules_of(outcome.fixes, result)} grow it without settling ({grown})"
            return Fixed(source, source.text, before, 0, False, note + "; not fixed", before)
        again = lint_one(engine, replace(source, text=outcome.text))
        if again.error is not None:  # a fix made the article unreadable: keep the last good text
            note = f"a fix broke it ({again.error})"
            return Fixed(source, text, result, applied, False, note, before)
        text, result, applied = outcome.text, again, applied + len(outcome.fixes)
    if not wanted_fixes(result.findings, unsafe):
        return Fixed(source, text, result, applied, before=before)
    rules = _rules_of(wanted_fixes(result.findings, unsafe), result)
    note = f"fixes by {rules} still change it after {MAX_PASSES} passes; not fixed"
    return Fixed(source, source.text, before, 0, False, note, before)


def _rules_of(fixes: list[Fix], result: FileResult) -> str:
    """The rule ids behind `fixes`, most text added first (the runaway one leads)."""
    growth: dict[str, int] = {}
    for finding in result.findings:
        fix = finding.fix
        if fix is not None and any(fix is wanted for wanted in fixes):
            added = sum(len(edit.text) - (edit.end - edit.start) for edit in fix.edits)
            growth[finding.rule_id] = max(growth.get(finding.rule_id, added), added)
    ranked = sorted(growth, key=lambda rule: (-growth[rule], rule))
    return ", ".join(ranked[:3]) + (" and others" if len(ranked) > 3 else "")


def run_fixes(
    request: FixRequest, engine: Engine, files: list[str], results: list[FileResult]
) -> FixOutcome:
    """Fix `files`; append their final results to `results` (the findings left)."""
    from lint.engine import FileResult

    summary, diffs, piped = Summary(), [], False
    for from_stdin, item in _sources(request, files):
        if isinstance(item, FileResult):
            results.append(item)
            continue
        fixed = fix_source(engine, item, request.unsafe_fixes)
        results.append(fixed.result)
        if not fixed.settled:
            summary.unsettled.append(f"{item.path}: {fixed.note}")
        if request.diff:
            if fixed.changed:
                diffs.append(unified_diff(item.path, item.text, fixed.text))
        elif from_stdin:
            piped = True
            sys.stdout.buffer.write(encode(fixed.text, item.bom))
            sys.stdout.flush()
            summary.fixed += fixed.applied
            if fixed.changed:  # the article from stdin is a file fixed, as Ruff counts it
                summary.files.append(item.path)
        elif fixed.changed:
            try:
                target = write_target(item.path, request)
                write_atomic(target, encode(fixed.text, item.bom), encode(item.text, item.bom))
            except NotFixed as err:  # a link, a hard link, another's or a read-only file
                summary.refused.append(err.render())
                results[-1] = fixed.before or fixed.result  # its findings, as it stays
                continue
            except InputError as err:
                results[-1] = FileResult(item.path, error=err.render())
                continue
            summary.fixed += fixed.applied
            summary.files.append(item.path)
    if request.diff:
        return FixOutcome("diff", summary, "".join(diffs))
    return FixOutcome("piped" if piped else "report", summary)


def write_target(path: str, request: FixRequest) -> str:
    """The file to rewrite: `path` itself, or with --fix-symlinks the file a symlink points at
    when that lies inside a path named on the command line (never outside the tree)."""
    if not request.fix_symlinks or not os.path.islink(path):
        return path
    target = os.path.realpath(path)
    named = [p for p in request.paths if p != "-"]
    folders = [os.path.realpath(p).rstrip(os.sep) + os.sep for p in named if os.path.isdir(p)]
    # a named file counts by its own name: a named link does not vouch for its own target
    files = {os.path.realpath(p) for p in named if os.path.isfile(p) and not os.path.islink(p)}
    if target in files or target.startswith(tuple(folders)):
        return target
    raise NotFixed(path, "is a symbolic link to a file outside the paths named; not fixed")


def _sources(
    request: FixRequest, files: Iterable[str]
) -> Iterator[tuple[bool, Source | FileResult]]:
    from lint.engine import FileResult
    from lint.sources import read_file, read_stdin

    for path in files:
        try:
            if path == "-":
                yield True, read_stdin(request.stdin_filename)
                continue
            if _is_archive(path, request.input_format):
                raise InputError(path, "archives cannot be fixed in place; fix the articles")
            yield False, read_file(path)
        except InputError as err:
            yield False, FileResult(err.path, error=err.render())


def _is_archive(path: str, input_format: str | None) -> bool:
    try:
        from lint.archives.detect import archive_format
    except ImportError:  # archives support not installed in this tree
        return False
    return archive_format(path, input_format or "auto") is not None


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff that keeps each line's own ending (CRLF stays CRLF)."""
    lines = difflib.unified_diff(
        _LINE.findall(before), _LINE.findall(after), fromfile=path, tofile=path
    )
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)
