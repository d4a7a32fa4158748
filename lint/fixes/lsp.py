"""LSP code actions for `supplint server`: each finding's fix as a quick fix, plus
"fix all safe" (source.fixAll.supplint) for the whole document.

Edits are code-point offsets into the document text; LSP wants 0-based lines and characters
in the negotiated units (UTF-16 by default), so every position goes through the server's codec.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lint.finding import Edit, Finding
from lint.positions import LineIndex

if TYPE_CHECKING:
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer

FIX_ALL = "source.fixAll.supplint"


def add_code_actions(server: LanguageServer, linter: Any) -> None:
    """Register textDocument/codeAction on a server built by lint.server.build_server."""
    from lsprotocol import types

    kinds = [types.CodeActionKind.QuickFix, FIX_ALL]

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=kinds)
    )
    def code_actions(ls: LanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        from lint.server import uri_to_path

        uri = params.text_document.uri
        document = ls.workspace.get_text_document(uri)
        text, path = document.source, uri_to_path(uri)
        findings = linter.findings(path, text, document.language_id)
        positions = Positions(text, ls.workspace.position_codec.client_num_units)
        wanted = params.context.only
        actions = []
        if not wanted or any(str(k).startswith("quickfix") for k in wanted):
            actions += quick_fixes(uri, findings, params.range, positions)
        if not wanted or any(str(k).startswith("source") for k in wanted):
            fix_all = fix_all_action(linter.engine_for(path), path, text, uri, positions)
            actions += [fix_all] if fix_all is not None else []
        return actions


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


def quick_fixes(
    uri: str, findings: list[Finding], wanted: types.Range, positions: Positions
) -> list[types.CodeAction]:
    """One action per finding with a fix whose span touches the requested range."""
    from lsprotocol import types

    first, last = positions.offset(wanted.start), positions.offset(wanted.end)
    actions = []
    for finding in findings:
        fix = finding.fix
        if fix is None or finding.end_offset < first or finding.start_offset > last:
            continue
        label = "" if fix.safe else " (review: changes the meaning)"
        actions.append(
            types.CodeAction(
                title=f"supplint: {fix.description}{label}",
                kind=types.CodeActionKind.QuickFix,
                is_preferred=fix.safe,
                edit=types.WorkspaceEdit(
                    changes={uri: [positions.text_edit(edit) for edit in fix.edits]}
                ),
            )
        )
    return actions


def fix_all_action(
    engine: Any, path: str, text: str, uri: str, positions: Positions
) -> types.CodeAction | None:
    """Every safe fix, re-linted until stable, as one edit over the changed middle part."""
    from lsprotocol import types

    from lint.fixes.command import fix_source
    from lint.sources import Source, format_for

    fixed = fix_source(engine, Source(path, text, format_for(path)), unsafe=False)
    if not fixed.changed:
        return None
    edit = minimal_edit(text, fixed.text)
    return types.CodeAction(
        title=f"supplint: apply {fixed.applied} safe fix(es)",
        kind=FIX_ALL,
        edit=types.WorkspaceEdit(changes={uri: [positions.text_edit(edit)]}),
    )


def minimal_edit(before: str, after: str) -> Edit:
    """One replacement covering only what differs (common prefix and suffix kept)."""
    prefix = 0
    limit = min(len(before), len(after))
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < limit - prefix
        and before[len(before) - 1 - suffix] == after[len(after) - 1 - suffix]
    ):
        suffix += 1
    return Edit(prefix, len(before) - suffix, after[prefix : len(after) - suffix])
