"""The Markdown report (templates/report.md): a summary table and the findings, for PR comments."""

from __future__ import annotations

import jinja2

from lint.report import Report
from lint.report.templating import environment, render_template
from lint.report.views import build_context

COMMENT_LIMIT = 65_000  # GitHub refuses comments over 65,536 characters


def render_markdown(
    report: Report,
    env: jinja2.Environment | None = None,
    template: str = "report.md",
    title: str = "supplint report",
    hrefs: dict[str, str] | None = None,
) -> str:
    """`hrefs` maps an article path to its own report (the index of a folder of reports).

    A report longer than a pull-request comment can hold is rendered again with fewer finding
    rows (`row_limit`, the last finding number shown) until it fits.
    """
    env = env or environment()
    context = build_context(report, title, hrefs)
    context["row_limit"] = None
    text = render_template(env, template, context)
    total = len(context["findings"])
    for _ in range(20):  # a template that ignores row_limit cannot shrink: stop trying
        if len(text) <= COMMENT_LIMIT or total == 0:
            break
        total = min(total - 1, int(total * COMMENT_LIMIT / len(text) * 0.95))
        context["row_limit"] = max(total, 0)
        text = render_template(env, template, context)
    return text


def render(report: Report, style: str = "md") -> str:
    return render_markdown(report)
