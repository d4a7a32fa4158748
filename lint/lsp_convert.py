"""Conversions between supplint's findings and positions and the LSP's types, with no server
state: document URIs to paths, code-point offsets to 0-based lines and characters in the
negotiated units (UTF-16 by default), findings to diagnostics. Below the server and its code
actions, which both use them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

from lint.positions import LineIndex

if TYPE_CHECKING:
    from lsprotocol import types

    from lint.engine import Engine
    from lint.finding import Edit, Finding


def uri_to_path(uri: str) -> str:
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return unquote(parsed.path)
    return uri  # untitled:..., still a stable name for the document


class Positions:
    """Code-point offsets <-> LSP positions (0-based line, character in client units)."""

    def __init__(self, text: str, units: Any):
        self.text = text
        self.index = LineIndex(text)
        self.units = units

    def position(self, offset: int) -> types.Position:
        from lsprotocol import types

        line, column = self.index.line_col(offset)
        start = self.index.line_start(line)
        return types.Position(line - 1, self.units(self.text[start : start + column - 1]))

    def offset(self, position: types.Position) -> int:
        line = min(position.line + 1, self.index.line_count())
        start = self.index.line_start(line)
        end = self.index.starts[line] if line < self.index.line_count() else len(self.text)
        column, units = 0, 0
        while start + column < end and units < position.character:
            units += self.units(self.text[start + column])
            column += 1
        return start + column

    def text_edit(self, edit: Edit) -> types.TextEdit:
        from lsprotocol import types

        span = types.Range(self.position(edit.start), self.position(edit.end))
        return types.TextEdit(range=span, new_text=edit.text)


def to_diagnostic(
    finding: Finding, lines: list[str], units: Any, rule_files: dict[str, str]
) -> types.Diagnostic:
    from lsprotocol import types

    def position(line: int, column: int) -> types.Position:
        text = lines[line - 1] if line - 1 < len(lines) else ""
        return types.Position(line - 1, units(text[: column - 1]))

    severity = {
        "error": types.DiagnosticSeverity.Error,
        "warning": types.DiagnosticSeverity.Warning,
        "info": types.DiagnosticSeverity.Information,
    }[finding.severity]
    message = finding.message
    if finding.suggestion:
        message += f"\nSuggestion: {finding.suggestion}"
    href = rule_files.get(finding.rule_id)
    return types.Diagnostic(
        range=types.Range(
            position(finding.line, finding.column), position(finding.end_line, finding.end_column)
        ),
        message=message,
        severity=severity,
        code=finding.rule_id,
        code_description=types.CodeDescription(href=href) if href else None,
        source="supplint",
        data={"explain": f"supplint explain {finding.rule_id}"},
    )


def rule_links(engine: Engine) -> dict[str, str]:
    """Rule id -> file URI of its YAML definition (what, why, example, references)."""
    links = {}
    for rule in engine.rules:
        path = Path(rule.file)
        if path.is_file():
            links[rule.id] = f"{path.resolve().as_uri()}#L{rule.line}"
    return links
