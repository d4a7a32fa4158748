"""Hover for `supplint server`: on a finding, its rule, message and the rule's `explain` text
(What it flags / Why it matters / Example), as Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lsprotocol import types

    from lint.finding import Finding
    from lint.rules.model import Rule


def hover_for(
    text: str,
    units: Any,
    findings: list[Finding],
    rules: dict[str, Rule],
    position: types.Position,
) -> types.Hover | None:
    from lsprotocol import types

    from lint.lsp_convert import Positions

    positions = Positions(text, units)
    offset = positions.offset(position)
    here = [f for f in findings if f.start_offset <= offset < max(f.end_offset, f.start_offset + 1)]
    if not here:
        return None
    sections = [_section(finding, rules.get(finding.rule_id)) for finding in here]
    first = min(here, key=lambda f: f.start_offset)
    last = max(here, key=lambda f: f.end_offset)
    span = types.Range(positions.position(first.start_offset), positions.position(last.end_offset))
    markdown = types.MarkupContent(
        kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(sections)
    )
    return types.Hover(contents=markdown, range=span)


def _section(finding: Finding, rule: Rule | None) -> str:
    lines = [f"**{finding.rule_id}** ({finding.severity}): {finding.message}"]
    if finding.suggestion:
        lines.append(f"*Suggestion:* {finding.suggestion}")
    explain = rule.explain.strip() if rule is not None else ""
    if explain:
        lines.append(explain)
    return "\n\n".join(lines)
