"""Report: one renderer module per output format, all over the same Finding type."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from lint.engine import FileResult
from lint.finding import Finding
from lint.rules.model import Rule

RENDERERS: dict[str, str] = {
    "text": "lint.report.text",
    "concise": "lint.report.text",
    "json": "lint.report.json",
    "sarif": "lint.report.sarif",
    "github": "lint.report.github",
    "md": "lint.report.markdown",
    "html": "lint.report.html",
}


@dataclass
class Report:
    """What every renderer receives: the results in order plus the rules that ran."""

    results: list[FileResult]
    rules: dict[str, Rule] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # path -> decoded text, when kept

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.results for f in result.findings]

    @property
    def errors(self) -> list[str]:
        return [result.error for result in self.results if result.error]

    def counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts


def renderer(name: str) -> Callable[[Report, str], str]:
    module = importlib.import_module(RENDERERS[name])
    render: Callable[[Report, str], str] = module.render
    return render
