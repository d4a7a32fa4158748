"""Terminal output like ruff: `path:line:col: rule-id [severity] message`, then the line."""

from __future__ import annotations

from lint.finding import Finding
from lint.positions import LineIndex
from lint.printable import printable
from lint.report import Report

# A source line up to SHORT_LINE code points is shown whole; a longer one (a Markdown
# paragraph on one line, a minified page) only around the finding, as Ruff does: CONTEXT
# code points either side of the span, and at most LONG_SPAN of the span itself, with an
# ellipsis where the line was cut. Output per finding stays bounded however long the line.
SHORT_LINE = 200
CONTEXT = 60
LONG_SPAN = 120
ELLIPSIS = "\u2026"


def render(report: Report, style: str = "text") -> str:
    out: list[str] = []
    indexes: dict[str, LineIndex] = {}
    for finding in report.findings:
        out.append(
            f"{printable(finding.path)}:{finding.line}:{finding.column}: {finding.rule_id} "
            f"[{finding.severity}] {printable(finding.message)}"
        )
        text = report.sources.get(finding.path)
        if style == "text" and text is not None:
            index = indexes.get(finding.path)
            if index is None:  # not setdefault: that built a LineIndex for every finding
                index = indexes[finding.path] = LineIndex(text)
            if 1 <= finding.line <= index.line_count():  # a forged cache row may say otherwise
                out.extend(_excerpt(index, text, finding))
    out.append(summary(report))
    from lint.fixes.apply import fixable_hint  # "[*] N fixable with --fix", like ruff

    hint = fixable_hint(report.findings)
    if hint:
        out.append(hint)
    return "\n".join(out) + "\n"


def _excerpt(index: LineIndex, text: str, finding: Finding) -> list[str]:
    start = index.line_start(finding.line)
    end = index.starts[finding.line] if finding.line < index.line_count() else len(text)
    while end > start and text[end - 1] in "\r\n":  # the line break (CR, LF or CRLF)
        end -= 1
    width = len(str(finding.line))
    length = end - start
    first = min(max(finding.column - 1, 0), length)
    last = finding.end_column - 1 if finding.end_line == finding.line else length
    shown, pad, span = _clip(text, start, length, first, min(max(last, first), length))
    lines = [
        f"{' ' * width} |",
        f"{finding.line} | {shown}",
        f"{' ' * width} | {' ' * pad}{'^' * max(1, span)}",
    ]
    if finding.suggestion:
        lines.append(f"{' ' * width} = suggestion: {printable(finding.suggestion)}")
    return [*lines, ""]


def _clip(text: str, start: int, length: int, first: int, last: int) -> tuple[str, int, int]:
    """(line as printed, columns before the carets, caret count) for the span [first, last)
    of the line of `length` code points at `start`.

    Only the shown part is sliced, escaped and measured: the cost is bounded per finding."""
    lo, hi, cut = 0, length, last
    if length > SHORT_LINE:
        cut = min(last, first + LONG_SPAN)
        lo, hi = max(0, first - CONTEXT), min(length, max(cut, first + 1) + CONTEXT)
    head = ELLIPSIS if lo > 0 else ""
    tail = ELLIPSIS if hi < length else ""
    before = _shown(text[start + lo : start + first])
    inside = _shown(text[start + first : start + cut])
    after = _shown(text[start + cut : start + hi])
    return head + before + inside + after + tail, _width(head + before), _width(inside)


def _shown(part: str) -> str:
    # a tab becomes one space, so a column is one code point (the columns findings report)
    return printable(part.replace("\t", " "))


def _width(part: str) -> int:
    """Terminal columns `part` takes: an emoji or CJK character two, a combining mark none
    (wcwidth), so the carets stand under the span. Findings still report code points."""
    if part.isascii():
        return len(part)
    from wcwidth import wcswidth, wcwidth  # only for lines that are not ASCII

    width = wcswidth(part)
    return width if width >= 0 else sum(max(wcwidth(char), 0) for char in part)


def summary(report: Report) -> str:
    counts = report.counts()
    files = len(report.results)
    total = sum(counts.values())
    noun = "file" if files == 1 else "files"
    if not total and not report.errors:
        return f"All checks passed ({files} {noun})."
    parts = [
        f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info")
    ]
    line = (
        f"Found {total} finding{'s' if total != 1 else ''} ({', '.join(parts)}) in {files} {noun}."
    )
    if report.errors:
        line += (
            f" {len(report.errors)} file{'s' if len(report.errors) != 1 else ''} could not be read."
        )
    return line
