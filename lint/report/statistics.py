"""`check --statistics`: one row per rule with its count, as `ruff check --statistics`.

Rows are sorted by count (most first), then rule id, so the noisiest rule leads. `[*]` marks a
rule whose findings all carry a safe fix, `[-]` one with some fix (safe or not).
"""

from __future__ import annotations

import json
from collections import Counter

from lint.finding import Finding
from lint.report import Report


def rows(findings: list[Finding]) -> list[dict[str, object]]:
    counts = Counter(f.rule_id for f in findings)
    severity = {f.rule_id: f.severity for f in findings}
    fixes: dict[str, list[bool]] = {}
    for finding in findings:
        fixes.setdefault(finding.rule_id, []).append(finding.fix is not None and finding.fix.safe)
    has_fix = {f.rule_id for f in findings if f.fix is not None}
    ordered = sorted(counts, key=lambda rule_id: (-counts[rule_id], rule_id))
    return [
        {
            "rule": rule_id,
            "count": counts[rule_id],
            "severity": severity[rule_id],
            "fixable": all(fixes[rule_id]),
            "some_fixable": rule_id in has_fix,
        }
        for rule_id in ordered
    ]


def render(report: Report, style: str = "text") -> str:
    table = rows(report.findings)
    if style == "json":
        return json.dumps(table, indent=2) + "\n"
    if not table:
        return ""
    width = max(len(str(row["count"])) for row in table)
    id_width = max(len(str(row["rule"])) for row in table)  # columns aligned, no tabs
    lines = []
    for row in table:
        mark = "[*]" if row["fixable"] else "[-]" if row["some_fixable"] else "   "
        lines.append(
            f"{row['count']:>{width}}  {row['rule']:<{id_width}}  {mark}  {row['severity']}"
        )
    return "\n".join(lines) + "\n"
