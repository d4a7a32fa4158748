"""`supplint report` over archives: an index of counts per rule, article, author and month
(sortable HTML, or Markdown), CSV files for spreadsheets, and in folder mode one annotated page
per flagged article (the report command's own renderer)."""

from __future__ import annotations

import base64
import hashlib
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


def archive_report(args: Any, config: Any) -> tuple[Report, list[Any]] | None:
    """The report and its planned outputs when an input is an archive, else None (the report
    command then goes its usual way)."""
    from lint.archives.cli import lint_inputs
    from lint.engine import Engine
    from lint.sources import DEFAULT_INCLUDE, collect

    files, missing = collect(args.paths, config.include or DEFAULT_INCLUDE, config.exclude)
    results: list[FileResult] = [FileResult(err.path, error=err.render()) for err in missing]
    files = list(dict.fromkeys(files))
    if not has_archives(args, files, config):
        return None
    engine = Engine(config, args.select, args.ignore)
    meta: dict[str, ArticleMeta] = {}
    results.extend(lint_inputs(engine, files, args, config, meta))
    report = Report(
        results,
        {rule.id: rule for rule in engine.rules},
        {r.path: r.source for r in results if r.source is not None},
    )
    return report, plan(report, meta, args)


def plan(report: Report, meta: dict[str, ArticleMeta], args: Any) -> list[Any]:
    from lint.report.command import SUFFIX, Output, is_folder_target, report_names
    from lint.report.templating import environment

    env = environment(args.template_dir)
    summary = build_summary(report.results, meta)
    title = args.title or "supplint archive summary"
    if args.output == "-":
        return [Output(None, render_summary(summary, env, title, args.format))]
    if not is_folder_target(args.output, len(report.results)):
        target = Path(args.output)
        csvs = _csv_outputs(report, summary, meta, target.parent, f"{target.stem}-")
        downloads = [(o.path.name, label) for o, label in csvs]
        text = render_summary(summary, env, title, args.format, downloads=downloads)
        return [Output(target, text), *(o for o, _ in csvs)]
    folder = Path(args.output)
    suffix = SUFFIX[args.format]
    flagged = [r for r in report.results if r.error is None and r.findings]
    names = report_names([r.path for r in flagged], suffix)
    for row in summary.articles:
        row.href = names.get(row.path)
    pages = [
        Output(folder / names[r.path], _article_page(report, r, env, args, title)) for r in flagged
    ]
    csvs = _csv_outputs(report, summary, meta, folder, "")
    downloads = [(o.path.name, label) for o, label in csvs]
    index = render_summary(summary, env, title, args.format, downloads=downloads)
    return [*pages, *(o for o, _ in csvs), Output(folder / f"index{suffix}", index)]


def _csv_outputs(
    report: Report, summary: ArchiveSummary, meta: dict[str, ArticleMeta], folder: Path, prefix: str
) -> list[tuple[Any, str]]:
    from lint.report.command import Output

    return [
        (Output(folder / f"{prefix}articles.csv", articles_csv(summary)), "articles (CSV)"),
        (
            Output(folder / f"{prefix}findings.csv", findings_csv(report.results, meta)),
            "findings (CSV)",
        ),
    ]


def _article_page(report: Report, result: FileResult, env: Any, args: Any, title: str) -> str:
    from lint.report.command import _renderer, _single

    return str(_renderer(args.format)(_single(report, result), env, title=result.path))


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
