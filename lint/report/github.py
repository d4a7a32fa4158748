"""GitHub Actions workflow commands: one `::error file=...,line=...::message` per finding.

GitHub parses `key=value` pairs split on `,` and ends the properties at `::`, so property
values escape `%`, CR, LF, `:` and `,`; the message escapes `%`, CR and LF. Other control
characters (ESC sequences the log viewer would interpret) are shown as `\\x1b` escapes.
"""

from __future__ import annotations

import os
from pathlib import PurePath

from lint.finding import Finding
from lint.printable import printable
from lint.report import Report

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    value = printable(value, newlines=True)  # CR and LF have their own escapes just below
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(command: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{command} {props}::{escape_data(message)}"


def _file(path: str) -> str:
    """Relative to the repository root: GitHub maps only such paths to the diff."""
    root = os.environ.get("GITHUB_WORKSPACE") or os.getcwd()
    if os.path.isabs(path):
        relative = os.path.relpath(path, root)
        if not relative.startswith(".."):
            path = relative
    return PurePath(path).as_posix()


def finding_line(finding: Finding) -> str:
    message = finding.message
    if finding.suggestion:
        message += f"\nSuggestion: {finding.suggestion}"
    return annotation(
        COMMANDS[finding.severity],
        message,
        file=_file(finding.path),
        line=finding.line,
        col=finding.column,
        endLine=finding.end_line,
        endColumn=finding.end_column,
        title=f"{finding.rule_id} ({finding.severity})",
    )


def render(report: Report, style: str = "github") -> str:
    lines = [finding_line(finding) for finding in report.findings]
    lines += [
        annotation("error", result.error, file=_file(result.path), title="supplint: unreadable")
        for result in report.results
        if result.error
    ]
    return "".join(line + "\n" for line in lines)
