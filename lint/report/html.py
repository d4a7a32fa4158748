"""The annotated HTML report: one self-contained page from templates/report.html."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

import jinja2
from markupsafe import Markup

from lint.report import Report
from lint.report.templating import environment, render_template
from lint.report.views import build_context


def script_context(env: jinja2.Environment) -> dict[str, Any]:
    """The page script, and its hash for the Content-Security-Policy.

    The policy allows only this exact script, so even markup that slipped past escaping could
    not run: escaping keeps article text inert, the hash is the second lock.
    """
    script = render_template(env, "report.js", {})
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    return {"script": Markup(script), "script_hash": f"sha256-{digest}"}


def render_html(
    report: Report,
    env: jinja2.Environment | None = None,
    template: str = "report.html",
    title: str = "supplint report",
    hrefs: dict[str, str] | None = None,
) -> str:
    """`hrefs` maps an article path to its own report (the index of a folder of reports)."""
    env = env or environment()
    context = build_context(report, title, hrefs)
    context.update(script_context(env))
    return render_template(env, template, context)


def render(report: Report, style: str = "html") -> str:
    return render_html(report)
