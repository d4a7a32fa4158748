"""`supplint report` over archives: an index of counts per rule, article, author and month
(sortable HTML, or Markdown), CSV files for spreadsheets, and in folder mode one annotated page
per flagged article (the report command's own renderer)."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lint.archives.detect import archive_format
from lint.archives.model import ArticleMeta
from lint.archives.summary import (
    SEVERITY_ORDER,
    ArchiveSummary,
    articles_csv,
    build_summary,
    findings_csv,
)
from lint.engine import FileResult
from lint.report import Report


def has_archives(args: Any, files: list[str], config: Any) -> bool:
    from lint.archives.cli import archive_options, with_defaults

    options = archive_options(with_defaults(args), config)
    return any(archive_format(path, options.input_format) for path in files)


def archive_run(args: Any, config: Any) -> Any:
    """The report's inputs when one is an archive (results streamed in input order), else None
    (the report command then goes its usual way)."""
    from lint.archives.cli import lint_inputs
    from lint.engine import Engine
    from lint.report.command import Run, without_output
    from lint.sources import DEFAULT_INCLUDE, collect

    files, missing = collect(
        args.paths, config.include or DEFAULT_INCLUDE, config.exclude, config.respect_gitignore
    )
    files = without_output(list(dict.fromkeys(files)), args)
    if not has_archives(args, files, config):
        return None
    engine = Engine(config, args.select, args.ignore)
    meta: dict[str, ArticleMeta] = {}

    def results() -> Iterator[FileResult]:
        yield from (FileResult(err.path, error=err.render()) for err in missing)
        yield from lint_inputs(engine, files, args, config, meta)

    return Run(results(), {rule.id: rule for rule in engine.rules}, archive=True, meta=meta)


def plan_single(report: Report, meta: dict[str, ArticleMeta], args: Any) -> list[Any]:
    """The summary to stdout, or to one file with its two CSV files beside it."""
    from lint.report.command import Output
    from lint.report.templating import environment

    env = environment(args.template_dir)
    summary = build_summary(report.results, meta)
    title = args.title or "supplint archive summary"
    if args.output == "-":
        return [Output(None, render_summary(summary, env, title, args.format))]
    target = Path(args.output)
    csvs = _csv_outputs(report.results, summary, meta, f"{target.stem}-")
    downloads = [(name, label) for name, _, label in csvs]
    text = render_summary(summary, env, title, args.format, downloads=downloads)
    return [Output(target, text), *(Output(target.parent / name, body) for name, body, _ in csvs)]


def folder_index(
    results: list[FileResult],
    meta: dict[str, ArticleMeta],
    hrefs: dict[str, str],
    env: Any,
    args: Any,
) -> list[tuple[str, str]]:
    """The CSV files and the summary index of a folder of reports (pages already written)."""
    from lint.report.command import SUFFIX

    summary = build_summary(results, meta)
    for row in summary.articles:
        row.href = hrefs.get(row.path)
    title = args.title or "supplint archive summary"
    csvs = _csv_outputs(results, summary, meta, "")
    downloads = [(name, label) for name, _, label in csvs]
    index = render_summary(summary, env, title, args.format, downloads=downloads)
    return [*((name, body) for name, body, _ in csvs), (f"index{SUFFIX[args.format]}", index)]


def _csv_outputs(
    results: list[FileResult], summary: ArchiveSummary, meta: dict[str, ArticleMeta], prefix: str
) -> list[tuple[str, str, str]]:
    return [
        (f"{prefix}articles.csv", articles_csv(summary), "articles (CSV)"),
        (f"{prefix}findings.csv", findings_csv(results, meta), "findings (CSV)"),
    ]


def render_summary(
    summary: ArchiveSummary,
    env: Any,
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
