"""`supplint report`: lint, render, write atomically; never an input, never outside the output.

One file (or stdout): rendered in memory, then written through a temporary file and os.replace.
A folder of reports: each page is written as soon as it is rendered, into a staging folder beside
the output, and the pages move into place only once every one has rendered: memory holds one page
plus the findings the index needs (not every page: 100k articles once took 1.6 GB), and nothing
is written if any page fails. Page names come from article paths and archive ids, sanitised and
cut with a hash suffix (report_names), so they stay inside the folder whatever an id holds.
An output folder inside a linted directory is not linted: its files are left out of the run, and
a marker file in it (MARKER, see lint.sources.walk) keeps later runs out of it too.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from lint.commands.options import ReportOptions, report_options
from lint.commands.output import print_errors
from lint.commands.report_files import (
    MARKER_TEXT,
    Output,
    ReportNames,
    Staging,
    guard_inputs,
    real_path,
    write_atomic,
)
from lint.commands.run import Prepared, exit_code, prepare
from lint.report import Report
from lint.sources import OUTPUT_MARKER

if TYPE_CHECKING:
    from jinja2 import Environment

    from lint.archives.model import ArticleMeta
    from lint.archives.summary import ArchiveSummary
    from lint.config import Config
    from lint.engine import Engine, FileResult
    from lint.rules.model import Rule

SUFFIX = {"html": ".html", "md": ".md"}


@dataclass
class Run:
    """What a report is made from: results as they come, the rules, and what the index needs."""

    results: Iterator[FileResult]
    rules: dict[str, Rule]
    archive: bool = False
    meta: dict[str, ArticleMeta] | None = None


def command(options: ReportOptions) -> int:
    prepared = prepare(options)
    files = without_output(list(dict.fromkeys(prepared.files)), options)  # `report d d/a.md`: once
    run = archive_run(options, prepared, files) or lint_run(options, prepared, files)
    head = list(itertools.islice(run.results, 2))  # is `-o name` one report or a folder?
    run.results = itertools.chain(head, run.results)
    if options.output != "-" and is_folder_target(options.output, len(head)):
        kept = write_folder(run, options)
    else:
        kept = write_single(run, options)
    return exit_code(kept, options.fail_on or prepared.config.fail_on)


def lint_run(options: ReportOptions, prepared: Prepared, files: list[str]) -> Run:
    from lint.config_tree import lint_by_config  # each file's nearest config, as `check`
    from lint.parallel import lint_files

    def lint(engine: Engine, part: Sequence[str], _config: Config) -> Iterator[FileResult]:
        return lint_files(engine, list(part), options.inputs.jobs)

    def results() -> Iterator[FileResult]:
        yield from prepared.missing_results()
        yield from lint_by_config(prepared.parts(files), files, lint)

    return Run(results(), prepared.rules)


def archive_run(options: ReportOptions, prepared: Prepared, files: list[str]) -> Run | None:
    """The report's inputs when one is an archive (results streamed in input order), else None
    (the report command then goes its usual way)."""
    from lint.archives.check import has_archives, lint_inputs

    if not has_archives(options.inputs, files, prepared.config):
        return None
    from lint.config_tree import lint_by_config

    meta: dict[str, ArticleMeta] = {}

    def lint(engine: Engine, part: Sequence[str], config: Config) -> Iterator[FileResult]:
        return lint_inputs(engine, part, options.inputs, config, meta)

    def results() -> Iterator[FileResult]:
        yield from prepared.missing_results()
        yield from lint_by_config(prepared.parts(files), files, lint)

    return Run(results(), prepared.rules, archive=True, meta=meta)


def without_output(files: list[str], options: ReportOptions) -> list[str]:
    """An output folder inside a linted folder is not linted (the last run's pages would be
    findings again): its files are left out, and the user is told once."""
    output = options.output
    if output == "-" or (Path(output).suffix and not os.path.isdir(output)):
        return files  # one report file: never an article, guard_inputs refuses otherwise
    folder = real_path(output) + os.sep
    if any(os.path.isdir(p) and folder.startswith(real_path(p) + os.sep) for p in options.paths):
        print(
            f"supplint: note: {output} is inside the linted paths; it is not linted",
            file=sys.stderr,
        )
    return [f for f in files if f == "-" or not real_path(f).startswith(folder)]


def is_folder_target(output: str, articles: int) -> bool:
    if output.endswith(("/", os.sep)) or os.path.isdir(output):
        return True
    return articles > 1 and not Path(output).suffix


def write_single(run: Run, options: ReportOptions) -> list[FileResult]:
    """One report file (or stdout), rendered in memory: it holds every article anyway."""
    results = list(run.results)
    report = Report(results, run.rules, {r.path: r.source for r in results if r.source})
    if run.archive:
        outputs = plan_summary(report, run.meta or {}, options)
    else:
        outputs = plan(report, options)
    guard_inputs(outputs, report)
    _print_errors(results)
    for output in outputs:
        if output.path is None:
            sys.stdout.write(output.text)
        else:
            write_atomic(output.path, output.text)
    _say_written([o.path for o in outputs if o.path is not None])
    return results


def plan(report: Report, options: ReportOptions) -> list[Output]:
    """The one report, to stdout or to the file named."""
    from lint.report.templating import environment

    env = environment(options.template_dir)
    render = _renderer(options.format)
    text = render(report, env, title=options.title or "supplint report")
    return [Output(None if options.output == "-" else Path(options.output), text)]


def write_folder(run: Run, options: ReportOptions) -> list[FileResult]:
    """A page per article (per flagged article for archives) as it comes, then the index."""
    from lint.report.templating import environment

    env = environment(options.template_dir)
    suffix = SUFFIX[options.format]
    names = ReportNames(suffix)
    kept: list[FileResult] = []
    inputs: set[str] = set()
    with Staging(Path(options.output)) as staging:
        for result in run.results:
            if result.path not in ("-", "<stdin>"):
                inputs.add(real_path(result.path.partition("#")[0] if run.archive else result.path))
            wanted = result.error is None and (result.findings or not run.archive)
            if wanted:
                name = names.add(result.path)
                staging.write(name, _page(run, result, env, options))
            kept.append(replace(result, source=None))  # the index needs findings, not text
        _print_errors(kept)
        if run.archive:
            extra = summary_index(kept, run.meta or {}, names.names, env, options)
        else:
            extra = [(f"index{suffix}", _index(kept, run.rules, names.names, env, options))]
        for name, text in extra:
            staging.write(name, text)
        staging.write(OUTPUT_MARKER, MARKER_TEXT, counted=False)
        written = staging.commit(inputs)
    _say_written(written)
    return kept


def _page(run: Run, result: FileResult, env: Environment, options: ReportOptions) -> str:
    source = {result.path: result.source} if result.source is not None else {}
    title = result.path if run.archive else options.title or "supplint report"
    return str(_renderer(options.format)(Report([result], run.rules, source), env, title=title))


def _index(
    results: list[FileResult],
    rules: dict[str, Rule],
    hrefs: dict[str, str],
    env: Environment,
    options: ReportOptions,
) -> str:
    suffix = SUFFIX[options.format]
    title = options.title or "supplint reports"
    render = _renderer(options.format)
    return render(
        Report(results, rules, {}), env, template=f"index{suffix}", title=title, hrefs=hrefs
    )


def _print_errors(results: Iterable[FileResult]) -> None:
    print_errors(result.error for result in results if result.error)


def _say_written(written: list[Path]) -> None:
    if written:
        what = written[0] if len(written) == 1 else f"{len(written)} files to {written[0].parent}"
        print(f"supplint: wrote {what}", file=sys.stderr)


def _renderer(fmt: str) -> Callable[..., str]:
    if fmt == "html":
        from lint.report.html import render_html

        return render_html
    from lint.report.markdown import render_markdown

    return render_markdown


def plan_summary(
    report: Report, meta: dict[str, ArticleMeta], options: ReportOptions
) -> list[Output]:
    """An archive's summary to stdout, or to one file with its two CSV files beside it."""
    from lint.archives.summary import build_summary
    from lint.report.archive import render_summary
    from lint.report.templating import environment

    env = environment(options.template_dir)
    summary = build_summary(report.results, meta)
    title = options.title or "supplint archive summary"
    if options.output == "-":
        return [Output(None, render_summary(summary, env, title, options.format))]
    target = Path(options.output)
    csvs = _csv_outputs(report.results, summary, meta, f"{target.stem}-")
    downloads = [(name, label) for name, _, label in csvs]
    text = render_summary(summary, env, title, options.format, downloads=downloads)
    return [Output(target, text), *(Output(target.parent / name, body) for name, body, _ in csvs)]


def summary_index(
    results: list[FileResult],
    meta: dict[str, ArticleMeta],
    hrefs: dict[str, str],
    env: Environment,
    options: ReportOptions,
) -> list[tuple[str, str]]:
    """The CSV files and the summary index of a folder of archive reports (pages written)."""
    from lint.archives.summary import build_summary
    from lint.report.archive import render_summary

    summary = build_summary(results, meta)
    for row in summary.articles:
        row.href = hrefs.get(row.path)
    title = options.title or "supplint archive summary"
    csvs = _csv_outputs(results, summary, meta, "")
    downloads = [(name, label) for name, _, label in csvs]
    index = render_summary(summary, env, title, options.format, downloads=downloads)
    return [*((name, body) for name, body, _ in csvs), (f"index{SUFFIX[options.format]}", index)]


def _csv_outputs(
    results: list[FileResult],
    summary: ArchiveSummary,
    meta: dict[str, ArticleMeta],
    prefix: str,
) -> list[tuple[str, str, str]]:
    from lint.archives.summary import articles_csv, findings_csv

    return [
        (f"{prefix}articles.csv", articles_csv(summary), "articles (CSV)"),
        (f"{prefix}findings.csv", findings_csv(results, meta), "findings (CSV)"),
    ]


def main(namespace: argparse.Namespace) -> int:
    return command(report_options(namespace))
