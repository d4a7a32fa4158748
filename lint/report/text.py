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
# ANSI styles for --color (Ruff's choices: bold path, the rule and carets in the severity's colour)
BOLD, GUTTER, RESET = "\x1b[1m", "\x1b[1;34m", "\x1b[0m"
SEVERITY_STYLE = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}


def render(report: Report, style: str = "text", footer: bool = True, color: bool = False) -> str:
    """`footer`: the summary and the fixable hint (-q leaves them out); `color`: ANSI styles."""
    out: list[str] = []
    indexes: dict[str, LineIndex] = {}
    for finding in report.findings:
        text = report.sources.get(finding.path)
        index = None
        if style == "text" and text is not None:
            index = indexes.get(finding.path)
            if index is None:  # not setdefault: that built a LineIndex for every finding
                index = indexes[finding.path] = LineIndex(text)
        out.extend(finding_lines(finding, style, text, index, color))
    if not footer:
        return "".join(f"{line}\n" for line in out)
    out.append(summary(report))
    from lint.fixes.apply import fixable_hint  # "[*] N fixable with --fix", like ruff

    hint = fixable_hint(report.findings)
    if hint:
        out.append(hint)
    return "\n".join(out) + "\n"


def finding_lines(
    finding: Finding, style: str, text: str | None, index: LineIndex | None, color: bool = False
) -> list[str]:
    """One finding's header line and, in the `text` style, its source line with carets."""
    lines = [_header(finding, color)]
    if style != "text" or text is None or index is None:
        return lines
    if 1 <= finding.line <= index.line_count():  # a forged cache row may say otherwise
        excerpt = _excerpt(index, text, finding)
        lines.extend(_paint_excerpt(excerpt, finding.severity) if color else excerpt)
    return lines


def result_lines(
    findings: list[Finding], style: str, text: str | None, color: bool = False
) -> list[str]:
    """The lines of one file's findings, from that file's own text (lint.report.stream)."""
    index = LineIndex(text) if style == "text" and text is not None and findings else None
    return [
        line for finding in findings for line in finding_lines(finding, style, text, index, color)
    ]


def _header(finding: Finding, color: bool) -> str:
    path, message = printable(finding.path), printable(finding.message)
    where = f"{finding.line}:{finding.column}"
    if not color:
        return f"{path}:{where}: {finding.rule_id} [{finding.severity}] {message}"
    paint = SEVERITY_STYLE.get(finding.severity, BOLD)
    return (
        f"{BOLD}{path}{RESET}:{where}: {paint}{finding.rule_id}{RESET} "
        f"[{paint}{finding.severity}{RESET}] {message}"
    )


def _paint_excerpt(lines: list[str], severity: str) -> list[str]:
    """The excerpt's gutter in blue and its carets in the severity's colour (text unchanged)."""
    paint = SEVERITY_STYLE.get(severity, BOLD)
    painted = []
    for line in lines:
        gutter, bar, rest = line.partition(" |")
        if not bar:  # the blank line after an excerpt, or "= suggestion"
            painted.append(line)
            continue
        if rest.strip() and set(rest.strip()) == {"^"}:
            rest = rest.replace("^", f"{paint}^", 1) + RESET
        painted.append(f"{GUTTER}{gutter}{bar}{RESET}{rest}")
    return painted


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
    return summary_line(len(report.results), report.counts(), len(report.errors))


def summary_line(files: int, counts: dict[str, int], unreadable: int) -> str:
    total = sum(counts.values())
    noun = "file" if files == 1 else "files"
    if not total and not unreadable:
        return f"All checks passed ({files} {noun})."
    parts = [
        f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info")
    ]
    line = (
        f"Found {total} finding{'s' if total != 1 else ''} ({', '.join(parts)}) in {files} {noun}."
    )
    if unreadable:
        line += f" {unreadable} file{'s' if unreadable != 1 else ''} could not be read."
    return line
