"""The archive summary (`supplint report` over WXR/JSONL/CSV exports): counts per rule, article,
author and month, as sortable HTML or Markdown."""

from __future__ import annotations

import base64
import hashlib
from typing import TYPE_CHECKING, Any

from lint.archives.summary import SEVERITY_ORDER, ArchiveSummary

if TYPE_CHECKING:
    from jinja2 import Environment


def render_summary(
    summary: ArchiveSummary,
    env: Environment,
    title: str,
    fmt: str = "html",
    downloads: list[tuple[str, str]] | None = None,
) -> str:
    from lint import __version__
    from lint.report.templating import render_template

    totals = {s: summary.totals[s] for s in SEVERITY_ORDER}
    flagged = summary.flagged
    context: dict[str, Any] = {
        "title": title,
        "version": __version__,
        "severities": SEVERITY_ORDER,
        "totals": {**totals, "all": sum(totals.values())},
        "articles_total": len(summary.articles),
        "flagged_total": sum(1 for a in flagged if a.total),
        "unreadable": sum(1 for a in summary.articles if a.error),
        "clean": len(summary.articles) - len(flagged),
        "flagged": flagged,
        "rules": summary.rules,
        "severity": summary.severity,
        "authors": summary.authors,
        "months": summary.months,
        "downloads": [{"href": href, "label": label} for href, label in downloads or []],
    }
    if fmt == "html":
        script = render_template(env, "archive.js", {})
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        from markupsafe import Markup

        context.update(script=Markup(script), script_hash=f"sha256-{digest}")
        return render_template(env, "archive.html", context)
    return render_template(env, "archive.md", context)
