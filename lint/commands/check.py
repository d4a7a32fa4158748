"""`supplint check`: lint, fix or diff the inputs, then render the findings left."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lint.commands.options import CheckOptions, check_options
from lint.commands.output import output_target, print_errors, wants_color, write_output
from lint.commands.run import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    Prepared,
    exit_code,
    exit_status,
    lint_all,
    prepare,
    report_of,
    run,
)

if TYPE_CHECKING:
    from lint.fixes.command import FixRequest
    from lint.report import Report


def command(options: CheckOptions) -> int:
    prepared = prepare(options)
    output = output_target(options.output_file, options.paths, prepared.files)
    if options.show_files or options.show_settings:
        return show(options, prepared)
    if options.fixes is not None:
        return fix(options, options.fixes, prepared, output)
    from lint.report.stream import streams

    if streams(options.format, options.statistics, bool(options.review_db), output):
        return streamed(options, prepared)
    report = run(options, prepared)
    return finish(options, prepared, report, output)


def streamed(options: CheckOptions, prepared: Prepared) -> int:
    """text/concise/github written per file as it is linted: only counts are kept."""
    from lint.report.stream import stream_results

    color = wants_color(options.color, sys.stdout)
    results = lint_all(options, prepared)
    tally = stream_results(results, options.format, quiet=options.quiet, color=color)
    fail_on = options.fail_on or prepared.config.fail_on
    lenient = bool(options.inputs.write_baseline) or options.exit_zero
    return exit_status(bool(tally.errors), tally.worst, fail_on, lenient)


def finish(options: CheckOptions, prepared: Prepared, report: Report, output: Path | None) -> int:
    """Errors on stderr, the rendered report on stdout (or --output-file), the exit code."""
    print_errors(report.errors)
    if output is not None or options.quiet < 2:  # -qq: nothing on stdout; a file named is written
        color = wants_color(options.color, sys.stdout if output is None else None)
        write_output(output, render(report, options, color))
    fail_on = options.fail_on or prepared.config.fail_on
    lenient = bool(options.inputs.write_baseline) or options.exit_zero
    return exit_code(report.results, fail_on, lenient)


def fix(options: CheckOptions, request: FixRequest, prepared: Prepared, output: Path | None) -> int:
    from lint.archives.check import refuse_fixes
    from lint.fixes.command import run_fixes

    if options.review_db:  # a fix run's output would ignore the decisions
        from lint.errors import UsageError

        raise UsageError("--review-db cannot be combined with --fix, --unsafe-fixes or --diff")
    refuse_fixes(prepared.files, options.inputs, prepared.config)  # exports are fixed in the CMS
    if not request.diff and "-" in options.paths and len(options.paths) > 1:
        from lint.errors import UsageError  # stdout is the fixed buffer: nothing else fits there

        raise UsageError(
            "--fix on stdin ('-') takes no other path: the fixed article is written to stdout "
            "(fix the files in a run of their own, or see every fix with --diff)"
        )
    if prepared.stdin_excluded and not request.diff:
        echo_excluded_stdin()
        if not prepared.files and not prepared.missing:
            return EXIT_CLEAN  # nothing else on stdout: it is the article
    from lint.fixes.groups import fix_by_config  # each file fixed with its nearest config

    results = list(prepared.missing_results())
    outcome = fix_by_config(run_fixes, request, prepared.files, prepared.parts(), results)
    if options.quiet < 2:
        for warning in outcome.warnings:  # files left unfixed, and why
            print(f"supplint: warning: {warning}", file=sys.stderr)
    if outcome.mode == "diff":
        if options.quiet < 2:
            sys.stdout.write(outcome.diff)
        print_errors(r.error for r in results if r.error)
        if any(r.error for r in results):
            return EXIT_ERROR
        return EXIT_FINDINGS if outcome.diff else EXIT_CLEAN
    if options.quiet == 0:
        print(f"supplint: {outcome.applied()}", file=sys.stderr)
    if outcome.mode == "piped":  # the fixed article is on stdout: the findings go to stderr
        report = report_of(results, prepared.rules, texts=False)
        if options.quiet < 2:
            sys.stderr.write(render_format(report, options, wants_color(options.color, sys.stderr)))
        print_errors(report.errors)
        return exit_code(results, options.fail_on or prepared.config.fail_on)
    return finish(options, prepared, report_of(results, prepared.rules), output)


def echo_excluded_stdin() -> None:
    """`--fix --force-exclude --stdin-filename EXCLUDED -`: the text back unchanged on stdout,
    as Ruff does: an editor or formatter hook replaces its buffer with what it reads there."""
    sys.stdout.buffer.write(sys.stdin.buffer.read())
    sys.stdout.flush()


def render(report: Report, options: CheckOptions, color: bool = False) -> str:
    if options.statistics:
        from lint.report import statistics

        return statistics.render(report, "json" if options.format == "json" else "text")
    return render_format(report, options, color)


def render_format(report: Report, options: CheckOptions, color: bool = False) -> str:
    """The findings in --format; text and concise honour -q (no summary) and --color."""
    fmt = options.format
    if fmt in ("text", "concise"):
        from lint.report import text

        return text.render(report, fmt, footer=options.quiet == 0, color=color)
    from lint.report import renderer

    return renderer(fmt)(report, fmt)


def show(options: CheckOptions, prepared: Prepared) -> int:
    """--show-files / --show-settings: what a run would do, without linting anything."""
    print_errors(error.render() for error in prepared.missing)
    if options.show_files:
        sys.stdout.write("".join(f"{path}\n" for path in prepared.files))
    if options.show_settings:
        import json

        from lint.config import settings_view

        named = [path for path in options.paths if os.path.isfile(path)]
        one = named[0] if len(named) == len(options.paths) == 1 else None
        shown = settings_view(prepared.config, prepared.engine.rules, one)
        print(json.dumps(shown, indent=2, default=str))
    return EXIT_ERROR if prepared.missing else EXIT_CLEAN


def main(namespace: argparse.Namespace) -> int:
    return command(check_options(namespace))
