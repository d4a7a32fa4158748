"""The one assembly every linting command shares: settings -> engine -> files -> results -> Report,
the fail-on threshold and the exit codes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from lint.commands.options import CheckOptions, LintOptions

if TYPE_CHECKING:
    from lint.config import Config
    from lint.config_tree import Part
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
    """A run before any article is read: its settings, engine and the files to lint.
    Without --config (`named`), each file is linted with its nearest config (parts)."""

    config: Config
    engine: Engine
    files: list[str]
    missing: list[InputError]
    named: Path | None = None
    make_engine: Callable[[Config], Engine] | None = None
    _engines: dict[Path | None, Engine] = field(default_factory=dict, repr=False)
    _parts: list[Part] | None = field(default=None, repr=False)
    stdin_excluded: bool = False  # "-" left out: --stdin-filename is excluded (excludes_stdin)
    stdin_filename: str | None = None  # stdin's config is the one nearest this name

    def parts(self, files: Sequence[str] | None = None) -> list[Part]:
        """(engine, config, indexes) for `files` (default: the run's), at least one part;
        each config's engine is made once per run."""
        from lint.config_tree import engine_parts

        if files is None and self._parts is not None:
            return self._parts
        make = self.make_engine or (lambda config: self.engine)
        chosen = self.files if files is None else files
        parts = engine_parts(
            chosen, self.config, self.named, self.engine, make, self._engines, self.stdin_filename
        )
        parts = parts or [(self.engine, self.config, [])]
        if files is None:
            self._parts = parts
        return parts

    @property
    def rules(self) -> dict[str, Rule]:
        """Every rule of the run: the run's config's first, then those only other configs have."""
        from lint.config_tree import rules_of

        return rules_of(engine for engine, _, _ in self.parts())

    def missing_results(self) -> Iterator[FileResult]:
        from lint.engine import FileResult

        return (FileResult(err.path, error=err.render()) for err in self.missing)


def first_path(options: LintOptions) -> str:
    """Where the run's settings are discovered from: the first path, or for stdin its
    --stdin-filename (as Ruff: `--stdin-filename posts/a.md` reads posts/'s config)."""
    first = options.paths[0]
    return (options.inputs.stdin_filename or first) if first == "-" else first


def prepare(options: LintOptions) -> Prepared:
    config = load_settings(options.config, first_path(options))
    walk_flags = {
        key: value
        for key, value in (
            ("respect_gitignore", options.respect_gitignore),
            ("force_exclude", options.force_exclude),
        )
        if value is not None
    }
    config = with_flags(config, walk_flags)  # the command line's walk flags over the config's
    engine = engine_for(options, config)
    paths = options.paths
    stdin_excluded = excludes_stdin(paths, options.inputs.stdin_filename, config)
    if stdin_excluded:
        paths = tuple(path for path in paths if path != "-")
    files, missing = collect_inputs(
        paths, config, warn=not stdin_excluded, named=options.config, flags=walk_flags
    )
    make_engine = partial(engine_for, options)
    return Prepared(
        config,
        engine,
        files,
        missing,
        options.config,
        make_engine,
        stdin_excluded=stdin_excluded,
        stdin_filename=options.inputs.stdin_filename,
    )


def excludes_stdin(paths: Sequence[str], stdin_filename: str | None, config: Config) -> bool:
    """--force-exclude with --stdin-filename, as Ruff: stdin named as an excluded file is not
    linted (no findings, exit 0), so an editor or hook piping every buffer gets nothing."""
    from lint.gitignore import NamedIgnores
    from lint.sources import exclusion

    if "-" not in paths or not stdin_filename or not config.force_exclude:
        return False
    forced = exclusion(config.exclude, config.respect_gitignore, config.path)
    return forced.excludes(stdin_filename, NamedIgnores())


def collect_inputs(
    paths: Sequence[str],
    config: Config,
    warn: bool = True,
    named: Path | None = None,
    flags: dict[str, bool] | None = None,
) -> tuple[list[str], list[InputError]]:
    """The files to lint: each path walked with the walk settings (include, exclude,
    respect_gitignore, --force-exclude) of the config nearest it, as Ruff (`check siteA/
    siteB/` walks siteB with its own excludes); with --config (`named`), all with that one."""
    import sys

    files: list[str] = []
    missing: list[InputError] = []
    configs: dict[Path | None, Config] = {_key(config.path): config}
    for path in paths:
        if named is not None or path == "-":
            walk = config
        else:
            walk = _walk_config(path, configs, flags or {})
        found, lost = _collect([path], walk)
        files.extend(found)
        missing.extend(lost)
    forced = config.force_exclude or any(c.force_exclude for c in configs.values())
    if warn and forced and not files and not missing:  # as Ruff: a warning, exit 0
        print(
            "supplint: warning: no articles to lint: every path named is excluded "
            "(--force-exclude)",
            file=sys.stderr,
        )
    return files, missing


def _walk_config(path: str, configs: dict[Path | None, Config], flags: dict[str, bool]) -> Config:
    """The config nearest `path` (a folder's own, or its file's folder's), read once a run,
    with the command line's walk `flags` over it."""
    import os

    from lint.config import discover, load_config

    start = Path(path) if os.path.isdir(path) else Path(os.path.dirname(os.path.abspath(path)))
    key = _key(discover(start))
    if key not in configs:
        configs[key] = with_flags(load_config(key), flags)
    return configs[key]


def with_flags(config: Config, flags: dict[str, bool]) -> Config:
    """A copy of `config` with the command line's walk flags (respect_gitignore, force_exclude)."""
    copy = replace(config)
    for key, value in flags.items():
        setattr(copy, key, value)
    return copy


def _key(path: Path | None) -> Path | None:
    return path.resolve() if path is not None else None


def _collect(paths: Sequence[str], config: Config) -> tuple[list[str], list[InputError]]:
    from lint.relpaths import config_base
    from lint.sources import DEFAULT_INCLUDE, collect, exclusion

    forced = None
    if config.force_exclude:
        forced = exclusion(config.exclude, config.respect_gitignore, config.path)
    include = config.include or DEFAULT_INCLUDE
    base = config_base(config.path)  # globs are relative to the config's folder, as Ruff's
    return collect(paths, include, config.exclude, config.respect_gitignore, forced, base)


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
    from lint.archives.check import lint_inputs
    from lint.config_tree import lint_by_config  # each file's nearest config
    from lint.progress import progress

    inputs = options.inputs
    parts = ready.parts()
    if inputs.write_baseline and len(parts) > 1:  # one baseline for every group: recorded here
        inputs = replace(inputs, write_baseline=None)

    def lint(engine: Engine, files: Sequence[str], config: Config) -> Iterator[FileResult]:
        return lint_inputs(engine, files, inputs, config)

    yield from ready.missing_results()
    each = lint_by_config(parts, ready.files, lint)
    if inputs is options.inputs:
        yield from progress(each, total=len(ready.files))
        return
    each = progress(each, total=len(ready.files))
    from lint.archives.baseline import recorded

    assert options.inputs.write_baseline is not None
    yield from recorded(options.inputs.write_baseline, ready.files, each)


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
