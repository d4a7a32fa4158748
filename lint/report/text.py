"""Terminal output like ruff: `path:line:col: rule-id [severity] message`, then the line."""

from __future__ import annotations

from lint.finding import Finding
from lint.positions import LineIndex
from lint.report import Report


def render(report: Report, style: str = "text") -> str:
    out: list[str] = []
    indexes: dict[str, LineIndex] = {}
    for finding in report.findings:
        out.append(
            f"{finding.path}:{finding.line}:{finding.column}: {finding.rule_id} "
            f"[{finding.severity}] {finding.message}"
        )
        text = report.sources.get(finding.path)
        if style == "text" and text is not None:
            index = indexes.get(finding.path)
            if index is None:  # not setdefault: that built a LineIndex for every finding
                index = indexes[finding.path] = LineIndex(text)
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
    line = text[start:end].rstrip("\r\n").expandtabs(1)
    width = len(str(finding.line))
    last = finding.end_column if finding.end_line == finding.line else len(line) + 1
    carets = "^" * max(1, last - finding.column)
    lines = [
        f"{' ' * width} |",
        f"{finding.line} | {line}",
        f"{' ' * width} | {' ' * (finding.column - 1)}{carets}",
    ]
    if finding.suggestion:
        lines.append(f"{' ' * width} = suggestion: {finding.suggestion}")
    return [*lines, ""]


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
