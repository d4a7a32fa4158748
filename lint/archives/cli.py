"""`supplint check` options for archives, cache, baselines and engines, and the pipeline they
drive. lint/cli.py only adds these arguments and calls `lint_inputs`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.archives.detect import INPUT_FORMATS, archive_format
from lint.archives.model import BODY_FORMATS, ArchiveOptions, ArticleMeta
from lint.errors import ConfigError, UsageError

if TYPE_CHECKING:  # the parser is built on every start: keep its imports light
    from lint.engine import Engine, FileResult

COLUMN_FLAGS = ("id", "title", "body", "format", "author", "date")


def add_arguments(check: argparse.ArgumentParser, report: bool = False) -> None:
    """The archive options of `check` (and, without --write-baseline, of `report`)."""
    group = check.add_argument_group("archives (WordPress WXR, JSON Lines, CSV)")
    group.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        default=None,
        help="read every named file as this archive format (default: auto, by suffix/content)",
    )
    for name in COLUMN_FLAGS:
        group.add_argument(
            f"--{name}-column",
            default=None,
            metavar="NAME",
            help=f"JSONL/CSV column holding the article {name} (default: {name})",
        )
    group.add_argument(
        "--body-format",
        choices=BODY_FORMATS,
        default=None,
        help="format of JSONL/CSV bodies without a format column (default: auto)",
    )
    group.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    group.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="result cache folder (default: $XDG_CACHE_HOME/supplint or ~/.cache/supplint)",
    )
    if not report:
        group.add_argument(
            "--write-baseline",
            type=Path,
            default=None,
            metavar="FILE",
            help="record today's findings in FILE and exit 0",
        )
    group.add_argument(
        "--baseline",
        type=Path,
        default=None,
        metavar="FILE",
        help="report only findings not recorded in FILE",
    )
    group.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="where articles are linted (dask needs: pip install 'supplint[dask]')",
    )
    group.add_argument(
        "--address",
        default=None,
        metavar="URL",
        help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: start a local cluster)",
    )


def with_defaults(args: Any) -> argparse.Namespace:
    """`args` plus every archive option it lacks (the report command has no --write-baseline,
    --stdin-filename, ...), at its default."""
    parser = argparse.ArgumentParser(add_help=False)
    add_arguments(parser)
    defaults = {**vars(parser.parse_args([])), "jobs": None, "stdin_filename": None}
    return argparse.Namespace(**{**defaults, **vars(args)})


def archive_options(args: Any, config: Any) -> ArchiveOptions:
    overrides = {f"{name}_column": getattr(args, f"{name}_column", None) for name in COLUMN_FLAGS}
    overrides["input_format"] = getattr(args, "input_format", None)
    overrides["body_format"] = getattr(args, "body_format", None)
    settings = getattr(config, "archive", None) or {}
    known = set(vars(ArchiveOptions()))
    for key in settings:
        if key not in known:
            line = config.lines.get("archive")
            names = ", ".join(sorted(known))
            raise ConfigError(
                str(config.path), f"unknown archive key '{key}' (known: {names})", line
            )
    return ArchiveOptions.from_settings(settings, overrides)


def needs_pipeline(args: Any, files: Sequence[str], options: ArchiveOptions) -> bool:
    if args.engine != "local" or args.baseline or args.write_baseline or args.address:
        return True
    return any(archive_format(path, options.input_format) for path in files)


def refuse_fixes(files: Sequence[str], args: Any, config: Any) -> None:
    """--fix rewrites files; an article inside an export is fixed in the CMS, never here."""
    options = archive_options(with_defaults(args), config)
    for path in files:
        if archive_format(path, options.input_format):
            raise UsageError(
                f"{path} is an archive export: --fix/--diff cannot rewrite its articles"
            )


def lint_inputs(
    engine: Engine,
    files: Sequence[str],
    args: Any,
    config: Any,
    meta: dict[str, ArticleMeta] | None = None,
) -> Iterator[FileResult]:
    """Plain article files go through lint.parallel as before; archives, baselines and other
    engines go through the archive pipeline."""
    args = with_defaults(args)
    options = archive_options(args, config)
    if not needs_pipeline(args, files, options):
        from lint.parallel import lint_files

        yield from lint_files(engine, files, args.jobs, args.stdin_filename)
        return
    yield from ArchiveCheck(engine, args, options, meta).run(files)


class ArchiveCheck:
    """One check: read -> cache -> engine (local, pool or Dask) -> baseline, in input order."""

    def __init__(
        self,
        engine: Engine,
        args: Any,
        options: ArchiveOptions,
        meta: dict[str, ArticleMeta] | None = None,
    ):
        if args.address and args.engine != "dask":
            raise UsageError("--address needs --engine dask")
        self.engine, self.args, self.options, self.meta = engine, args, options, meta

    def _cache(self) -> Any:
        if self.args.no_cache:
            return None
        from lint.archives.cache import ResultCache, default_cache_dir, settings_digest

        folder = self.args.cache_dir or default_cache_dir()
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
        if self.args.write_baseline:  # before any work: never a baseline over an input
            from lint.archives.baseline import guard_target

            guard_target(self.args.write_baseline, files)
        if self.args.baseline:  # read it first: a bad baseline fails before any work
            from lint.archives.baseline import Baseline

            baseline = Baseline(self.args.baseline)
        with ExitStack() as stack:
            cache = self._cache()
            if cache is not None:
                stack.callback(cache.close)
            archive_run = ArchiveRun(self._runner(stack, files), cache, self.meta)
            results = archive_run.results(
                read_inputs(files, self.options, self.args.stdin_filename)
            )
            writer = None
            if self.args.write_baseline:
                from lint.archives.baseline import BaselineWriter

                writer = BaselineWriter(self.args.write_baseline, files)
                results = writer.record(results)
            if baseline is not None:
                results = baseline.filter(results)
            yield from lighten(results)
            if writer is not None:
                count = writer.write()
                print(
                    f"supplint: wrote {count} finding(s) to baseline {self.args.write_baseline}",
                    file=sys.stderr,
                )

    def _runner(self, stack: ExitStack, files: Sequence[str]) -> Any:
        from lint.archives.run import local_runner

        if self.args.engine == "dask":
            from lint.archives.distributed import connect, dask_runner

            client, cluster = connect(self.args.address, self.args.jobs)
            stack.callback(client.close)
            if cluster is not None:
                stack.callback(cluster.close)
            return dask_runner(self.engine, client)
        from lint.parallel import resolve_jobs

        jobs = resolve_jobs(self.args.jobs, 1 << 30)  # an archive's size is not known up front
        if jobs > 1 and "-" not in files:
            from lint.archives.distributed import pool_runner

            runner, pool = pool_runner(self.engine, jobs)
            stack.callback(pool.shutdown)
            return runner
        return local_runner(self.engine)
