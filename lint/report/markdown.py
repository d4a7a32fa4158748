"""The Markdown report (templates/report.md): a summary table and the findings, for PR comments."""

from __future__ import annotations

from typing import Any

import jinja2

from lint.report import Report
from lint.report.templating import environment, render_template
from lint.report.views import build_context


def render_markdown(
    report: Report,
    env: jinja2.Environment | None = None,
    template: str = "report.md",
    **options: Any,
) -> str:
    """`options` go to build_context (title, hrefs)."""
    return render_template(env or environment(), template, build_context(report, **options))


def render(report: Report, style: str = "md") -> str:
    return render_markdown(report)
