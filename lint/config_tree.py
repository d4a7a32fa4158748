"""Hierarchical config, as Ruff: without --config, each file is linted with the nearest config
above it. The run's walk and exit settings (include, exclude, respect_gitignore, fail_on, jobs)
come from the config of the first path; rule settings (select, ignore, severity, rule_dirs,
per-file-ignores, site_domains, timeout, fix wording) from each file's own."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from lint.config import Config, discover, load_config

Lint = Callable[[Any, Sequence[str], Config], Iterator[Any]]  # (engine, files, config) -> results


def groups(
    files: Sequence[str], config: Config, named: Path | None
) -> list[tuple[Config, list[int]]]:
    """(config, indexes of the files it applies to), the run's own config first."""
    if named is not None:
        return [(config, list(range(len(files))))]
    nearest: dict[str, Path | None] = {}  # folder -> its config file (one search per folder)
    loaded: dict[Path | None, Config] = {config.path: config}
    members: dict[Path | None, list[int]] = {config.path: []}
    for index, path in enumerate(files):
        found = config.path if path == "-" else _nearest(path, nearest)
        if found not in loaded:
            loaded[found] = load_config(found)
            members[found] = []
        members[found].append(index)
    return [(loaded[key], indexes) for key, indexes in members.items() if indexes]


def _nearest(path: str, nearest: dict[str, Path | None]) -> Path | None:
    folder = os.path.dirname(os.path.abspath(path))
    if folder not in nearest:
        nearest[folder] = discover(Path(folder))
    return nearest[folder]


def lint_by_config(
    files: Sequence[str],
    config: Config,
    named: Path | None,
    engine: Any,
    make_engine: Callable[[Config], Any],
    lint: Lint,
) -> Iterator[Any]:
    """Results of every file, in the order of `files`, each from its own config's engine.
    One config (the usual case): one engine, results streamed as they come."""
    parts = groups(files, config, named)
    if len(parts) == 1:
        yield from lint(engine, files, config)
        return
    results: list[Any] = [None] * len(files)
    for part_config, indexes in parts:
        part_engine = engine if part_config is config else make_engine(part_config)
        part = [files[i] for i in indexes]
        for index, result in zip(indexes, lint(part_engine, part, part_config), strict=True):
            results[index] = result
    yield from results
