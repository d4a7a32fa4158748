"""The check pipeline for archives, the result cache, baselines and engines: read -> cache ->
engine (local, pool or Dask) -> baseline. Plain article files go through lint.parallel instead.
The flags that drive it arrive as one InputOptions (lint.commands builds it from the command line).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.archives.detect import archive_format
from lint.archives.model import ArchiveOptions, ArticleMeta
from lint.errors import ConfigError, UsageError

if TYPE_CHECKING:
    from lint.config import Config
    from lint.engine import Engine, FileResult

COLUMN_FLAGS = ("id", "title", "body", "format", "author", "date")


@dataclass(frozen=True)
class InputOptions:
    """How the named inputs are read and linted (`check` and `report` flags; None: not given)."""

    input_format: str | None = None
    id_column: str | None = None
    title_column: str | None = None
    body_column: str | None = None
    format_column: str | None = None
    author_column: str | None = None
    date_column: str | None = None
    body_format: str | None = None
    no_cache: bool = False
    cache_dir: Path | None = None
    write_baseline: Path | None = None
    baseline: Path | None = None
    engine: str = "local"  # local | dask
    address: str | None = None
    jobs: int | None = None
    stdin_filename: str | None = None


def archive_options(inputs: InputOptions, config: Config) -> ArchiveOptions:
    overrides = {f"{name}_column": getattr(inputs, f"{name}_column") for name in COLUMN_FLAGS}
    overrides["input_format"] = inputs.input_format
    overrides["body_format"] = inputs.body_format
    settings = config.archive or {}
    known = set(vars(ArchiveOptions()))
    for key in settings:
        if key not in known:
            line = config.lines.get("archive")
            names = ", ".join(sorted(known))
            raise ConfigError(
                str(config.path), f"unknown archive key '{key}' (known: {names})", line
            )
    return ArchiveOptions.from_settings(settings, overrides)


def has_archives(inputs: InputOptions, files: Sequence[str], config: Config) -> bool:
    options = archive_options(inputs, config)
    return any(archive_format(path, options.input_format) for path in files)


def needs_pipeline(inputs: InputOptions, files: Sequence[str], options: ArchiveOptions) -> bool:
    if inputs.engine != "local" or inputs.baseline or inputs.write_baseline or inputs.address:
        return True
    return any(archive_format(path, options.input_format) for path in files)


def refuse_fixes(files: Sequence[str], inputs: InputOptions, config: Config) -> None:
    """--fix rewrites files; an article inside an export is fixed in the CMS, never here."""
    options = archive_options(inputs, config)
    for path in files:
        if archive_format(path, options.input_format):
            raise UsageError(
                f"{path} is an archive export: --fix/--diff cannot rewrite its articles"
            )


def lint_inputs(
    engine: Engine,
    files: Sequence[str],
    inputs: InputOptions,
    config: Config,
    meta: dict[str, ArticleMeta] | None = None,
) -> Iterator[FileResult]:
    """Plain article files go through lint.parallel as before; archives, baselines and other
    engines go through the archive pipeline."""
    options = archive_options(inputs, config)
    if not needs_pipeline(inputs, files, options):
        from lint.parallel import lint_files

        yield from lint_files(engine, files, inputs.jobs, inputs.stdin_filename)
        return
    yield from ArchiveCheck(engine, inputs, options, meta).run(files)


class ArchiveCheck:
    """One check: read -> cache -> engine (local, pool or Dask) -> baseline, in input order."""

    def __init__(
        self,
        engine: Engine,
        inputs: InputOptions,
        options: ArchiveOptions,
        meta: dict[str, ArticleMeta] | None = None,
    ):
        if inputs.address and inputs.engine != "dask":
            raise UsageError("--address needs --engine dask")
        self.engine, self.inputs, self.options, self.meta = engine, inputs, options, meta

    def _cache(self) -> Any:
        if self.inputs.no_cache:
            return None
        from lint.archives.cache import ResultCache, default_cache_dir, settings_digest

        folder = self.inputs.cache_dir or default_cache_dir()
        if folder is None:
            return None
        cache = ResultCache(folder, settings_digest(self.engine))
        if self.engine.config.per_file_ignores:  # findings that depend on the path: not shared
            from lint.config_ignores import SkipIgnoredPaths

            return SkipIgnoredPaths(cache, self.engine.config)
        return cache

    def run(self, files: Sequence[str]) -> Iterator[FileResult]:
        from lint.archives.inputs import read_inputs
        from lint.archives.run import ArchiveRun, lighten

        baseline = None
        if self.inputs.write_baseline:  # before any work: never a baseline over an input
            from lint.archives.baseline import guard_target

            guard_target(self.inputs.write_baseline, files)
        if self.inputs.baseline:  # read it first: a bad baseline fails before any work
            from lint.archives.baseline import Baseline

            baseline = Baseline(self.inputs.baseline)
        with ExitStack() as stack:
            cache = self._cache()
            if cache is not None:
                stack.callback(cache.close)
            archive_run = ArchiveRun(self._runner(stack, files), cache, self.meta)
            results = archive_run.results(
                read_inputs(files, self.options, self.inputs.stdin_filename)
            )
            if self.inputs.write_baseline:
                from lint.archives.baseline import recorded

                results = recorded(self.inputs.write_baseline, files, results)
            if baseline is not None:
                results = baseline.filter(results)
            yield from lighten(results)

    def _runner(self, stack: ExitStack, files: Sequence[str]) -> Any:
        from lint.archives.run import local_runner

        if self.inputs.engine == "dask":
            from lint.archives.distributed import connect, dask_runner

            client, cluster = connect(self.inputs.address, self.inputs.jobs)
            stack.callback(client.close)
            if cluster is not None:
                stack.callback(cluster.close)
            return dask_runner(self.engine, client)
        from lint.parallel import resolve_jobs

        jobs = resolve_jobs(self.inputs.jobs, 1 << 30)  # an archive's size is not known up front
        if jobs > 1 and "-" not in files:
            from lint.archives.distributed import pool_runner

            runner, pool = pool_runner(self.engine, jobs)
            stack.callback(pool.shutdown)
            return runner
        return local_runner(self.engine)
