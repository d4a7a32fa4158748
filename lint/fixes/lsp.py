"""LSP code actions for `supplint server`: each finding's fix as a quick fix, a suppress
comment for it (Markdown and HTML), plus "fix all safe" (source.fixAll.supplint) for the whole
document. Quick fixes name the diagnostic they resolve, so editors list them on it.

Edits are code-point offsets into the document text; LSP wants 0-based lines and characters
in the negotiated units (UTF-16 by default), so every position goes through the server's codec.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from lint.finding import Edit, Finding
from lint.lsp_convert import Positions, rule_links, to_diagnostic, uri_to_path
from lint.positions import LINE_BREAK, split_lines
from lint.sources import format_for

if TYPE_CHECKING:
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer

FIX_ALL = "source.fixAll.supplint"
_INDENT = re.compile(r"[ \t]*")


def add_code_actions(server: LanguageServer, linter: Any) -> None:
    """Register textDocument/codeAction on a server built by lint.server.build_server."""
    from lsprotocol import types

    kinds = [types.CodeActionKind.QuickFix, FIX_ALL]

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=kinds)
    )
    def code_actions(ls: LanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        with linter.lock:  # the server's lint thread uses the same pipeline
            return _actions(ls, params, linter)


def _actions(ls: LanguageServer, params: types.CodeActionParams, linter: Any) -> list[Any]:

    uri = params.text_document.uri
    document = ls.workspace.get_text_document(uri)
    text, path = document.source, uri_to_path(uri)
    if linter.excluded(path):  # no diagnostics there (Linter.excluded): no fixes either
        return []
    findings = linter.findings(path, text, document.language_id)
    units = ls.workspace.position_codec.client_num_units
    positions = Positions(text, units)
    wanted = params.context.only
    actions = []
    if not wanted or any(str(k).startswith("quickfix") for k in wanted):
        lines = split_lines(text)
        links = rule_links(linter.engine_for(path)) if findings else {}

        def diagnostic(finding: Finding) -> types.Diagnostic:
            return to_diagnostic(finding, lines, units, links)

        actions += quick_fixes(uri, findings, params.range, positions, diagnostic)
        if "markdown" in (format_for(path), document.language_id) or "html" in (
            format_for(path),
            document.language_id,
        ):
            actions += suppress_actions(uri, findings, params.range, positions, diagnostic)
    if not wanted or any(str(k).startswith("source") for k in wanted):
        fix_all = fix_all_action(linter.engine_for(path), path, text, uri, positions)
        actions += [fix_all] if fix_all is not None else []
    return actions


def _touching(findings: list[Finding], wanted: types.Range, positions: Positions) -> list[Finding]:
    first, last = positions.offset(wanted.start), positions.offset(wanted.end)
    return [f for f in findings if not (f.end_offset < first or f.start_offset > last)]


def quick_fixes(
    uri: str,
    findings: list[Finding],
    wanted: types.Range,
    positions: Positions,
    diagnostic: Callable[[Finding], types.Diagnostic] | None = None,
) -> list[types.CodeAction]:
    """One action per finding with a fix whose span touches the requested range."""
    from lsprotocol import types

    actions = []
    for finding in _touching(findings, wanted, positions):
        fix = finding.fix
        if fix is None:
            continue
        label = "" if fix.safe else " (review: changes the meaning)"
        actions.append(
            types.CodeAction(
                title=f"supplint: {fix.description}{label}",
                kind=types.CodeActionKind.QuickFix,
                is_preferred=fix.safe,
                diagnostics=[diagnostic(finding)] if diagnostic else None,
                edit=types.WorkspaceEdit(
                    changes={uri: [positions.text_edit(edit) for edit in fix.edits]}
                ),
            )
        )
    return actions


def suppress_actions(
    uri: str,
    findings: list[Finding],
    wanted: types.Range,
    positions: Positions,
    diagnostic: Callable[[Finding], types.Diagnostic],
) -> list[types.CodeAction]:
    """`<!-- supplint: disable-next-line=RULE -->` on its own line above each finding's line,
    indented as that line and ended with the file's own line break (lint/suppression.py)."""
    from lsprotocol import types

    text, index = positions.text, positions.index
    actions, seen = [], set()
    for finding in _touching(findings, wanted, positions):
        if (finding.rule_id, finding.line) in seen:
            continue
        seen.add((finding.rule_id, finding.line))
        start = index.line_start(finding.line)
        found = _INDENT.match(text, start)
        indent = found.group() if found else ""
        brk = LINE_BREAK.search(text, start)
        comment = f"{indent}<!-- supplint: disable-next-line={finding.rule_id} -->"
        insert = Edit(start, start, comment + (brk.group() if brk else "\n"))
        actions.append(
            types.CodeAction(
                title=f"supplint: disable {finding.rule_id} for this line",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic(finding)],
                edit=types.WorkspaceEdit(changes={uri: [positions.text_edit(insert)]}),
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
