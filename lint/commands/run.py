"""The one assembly every linting command shares: settings -> engine -> files -> results -> Report,
the fail-on threshold and the exit codes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from lint.commands.options import CheckOptions, LintOptions

if TYPE_CHECKING:
    from lint.config import Config
    from lint.engine import Engine, FileResult
    from lint.errors import InputError
    from lint.report import Report
    from lint.rules.model import Rule

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def load_settings(config: Path | None, start: str | None = None) -> Config:
    """The config named, else the one found upward from the first path (or the working folder)."""
    from lint.config import discover, load_config

    path = config
    if path is None:
        first = start if start and start != "-" else "."
        path = discover(Path(first))
    return load_config(path)


@dataclass
class Prepared:
    """A run before any article is read: its settings, engine and the files to lint."""

    config: Config
    engine: Engine
    files: list[str]
    missing: list[InputError]

    @property
    def rules(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in self.engine.rules}

    def missing_results(self) -> Iterator[FileResult]:
        from lint.engine import FileResult

        return (FileResult(err.path, error=err.render()) for err in self.missing)


def prepare(options: LintOptions) -> Prepared:
    config = load_settings(options.config, options.paths[0])
    if options.respect_gitignore is not None:
        config.respect_gitignore = options.respect_gitignore
    if options.force_exclude is not None:
        config.force_exclude = options.force_exclude
    engine = engine_for(options, config)
    files, missing = collect_inputs(options.paths, config)
    return Prepared(config, engine, files, missing)


def collect_inputs(paths: Sequence[str], config: Config) -> tuple[list[str], list[InputError]]:
    """The files to lint under the run's config (walk settings, --force-exclude)."""
    import sys

    from lint.sources import DEFAULT_INCLUDE, collect, exclusion

    forced = None
    if config.force_exclude:
        forced = exclusion(config.exclude, config.respect_gitignore, config.path)
    include = config.include or DEFAULT_INCLUDE
    files, missing = collect(paths, include, config.exclude, config.respect_gitignore, forced)
    if forced is not None and not files and not missing:  # as Ruff: a warning, and exit 0
        print(
            "supplint: warning: no articles to lint: every path named is excluded "
            "(--force-exclude)",
            file=sys.stderr,
        )
    return files, missing


def engine_for(options: LintOptions, config: Config) -> Engine:
    """The engine for one config (the run's, or a file's nearest), with the command line's
    overrides."""
    from lint.engine import Engine

    if options.timeout is not None:
        config.timeout = options.timeout
    return Engine(config, *selection(options, config))


def selection(options: LintOptions, config: Config) -> tuple[list[str] | None, list[str] | None]:
    """(select, ignore) for the engine: --extend-select adds to --select or the config's."""
    select = list(options.select) if options.select is not None else None
    if options.extend_select:
        select = [*(options.select or config.select), *options.extend_select]
    return select, list(options.ignore) if options.ignore is not None else None


def run(options: CheckOptions, prepared: Prepared | None = None) -> Report:
    """`check` without fixes: every named input linted, in order, review decisions applied.
    Plain files go through lint.parallel; archives, caches and baselines through their pipeline."""
    ready = prepared or prepare(options)
    results = list(lint_all(options, ready))
    if options.review_db:
        from lint.review.check import apply_review_db  # decisions taken in `supplint review`
        from lint.review.keys import project_folder

        project = project_folder(ready.config.path, options.paths[0])  # server paths: relative
        results = apply_review_db(options.review_db, results, project)
    return report_of(results, ready.rules)


def lint_all(options: CheckOptions, ready: Prepared) -> Iterator[FileResult]:
    """The missing inputs' error results, then every file's, as each is linted (in order)."""
    from functools import partial

    from lint.archives.check import lint_inputs
    from lint.config_tree import groups, lint_by_config  # each file's nearest config
    from lint.progress import progress

    inputs = options.inputs
    several = len(groups(ready.files, ready.config, options.config)) > 1
    if inputs.write_baseline and several:  # one baseline for every group: recorded here
        inputs = replace(inputs, write_baseline=None)

    def lint(engine: Engine, files: Sequence[str], config: Config) -> Iterator[FileResult]:
        return lint_inputs(engine, files, inputs, config)

    yield from ready.missing_results()
    make_engine = partial(engine_for, options)
    each = lint_by_config(
        ready.files, ready.config, options.config, ready.engine, make_engine, lint
    )
    if inputs is options.inputs:
        yield from progress(each, total=len(ready.files))
        return
    each = progress(each, total=len(ready.files))
    yield from baseline_of(options.inputs.write_baseline, ready.files, each)


def baseline_of(
    path: Path | None, files: Sequence[str], results: Iterator[FileResult]
) -> Iterator[FileResult]:
    """The results, recorded in one baseline file written once they are all in."""
    import sys

    from lint.archives.baseline import BaselineWriter

    assert path is not None
    writer = BaselineWriter(path, files)  # refuses a baseline over an input, before any work
    yield from writer.record(results)
    count = writer.write()
    print(f"supplint: wrote {count} finding(s) to baseline {path}", file=sys.stderr)


def report_of(results: list[FileResult], rules: dict[str, Rule], texts: bool = True) -> Report:
    from lint.report import Report

    sources = {r.path: r.source for r in results if r.source is not None} if texts else {}
    return Report(results, rules, sources)


def exit_code(results: Iterable[FileResult], fail_on: str, exit_zero: bool = False) -> int:
    """2 for any unreadable input, else 1 when a finding reaches `fail_on` (never with
    `exit_zero`: --exit-zero, or recording a baseline, which is how a team adopts the linter)."""
    from lint.finding import SEVERITY_RANK

    results = list(results)
    ranks = (SEVERITY_RANK[f.severity] for result in results for f in result.findings)
    unreadable = any(result.error for result in results)
    return exit_status(unreadable, max(ranks, default=-1), fail_on, exit_zero)


def exit_status(unreadable: bool, worst: int, fail_on: str, exit_zero: bool = False) -> int:
    """exit_code from what a streamed run keeps: any unreadable input, the worst SEVERITY_RANK
    seen (-1 for no finding)."""
    from lint.finding import SEVERITY_RANK

    if unreadable:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    return EXIT_FINDINGS if worst >= SEVERITY_RANK[fail_on] else EXIT_CLEAN
