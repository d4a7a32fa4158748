"""Hierarchical config, as Ruff: without --config, each file is linted with the nearest config
above it. Each named path is walked with its nearest config's walk settings (include, exclude,
respect_gitignore: lint.commands.run.collect_inputs); the run's exit settings (fail_on, jobs)
come from the config of the first path; rule settings (select, ignore, severity, rule_dirs,
per-file-ignores, site_domains, timeout, fix wording) from each file's own."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from lint.config import Config, discover, load_config

Lint = Callable[[Any, Sequence[str], Config], Iterator[Any]]  # (engine, files, config) -> results


def groups(
    files: Sequence[str], config: Config, named: Path | None, stdin_filename: str | None = None
) -> list[tuple[Config, list[int]]]:
    """(config, indexes of the files it applies to), the run's own config first. Stdin ("-")
    takes the config nearest its --stdin-filename, as Ruff, else the run's."""
    if named is not None:
        return [(config, list(range(len(files))))]
    nearest: dict[str, Path | None] = {}  # folder -> its config file (one search per folder)
    loaded: dict[Path | None, Config] = {config.path: config}
    members: dict[Path | None, list[int]] = {config.path: []}
    for index, path in enumerate(files):
        if path == "-":
            found = _nearest(stdin_filename, nearest) if stdin_filename else config.path
        else:
            found = _nearest(path, nearest)
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


Part = tuple[Any, Config, list[int]]  # (engine, config, indexes of its files)


def engine_parts(
    files: Sequence[str],
    config: Config,
    named: Path | None,
    engine: Any,
    make_engine: Callable[[Config], Any],
    made: dict[Path | None, Any] | None = None,
    stdin_filename: str | None = None,
) -> list[Part]:
    """groups() with each config's engine: the run's own `engine` for the run's config, one
    made per other config (kept in `made`, by config file, so a second call reuses it)."""
    made = {} if made is None else made
    made.setdefault(config.path, engine)
    parts: list[Part] = []
    for part_config, indexes in groups(files, config, named, stdin_filename):
        if part_config.path not in made:
            made[part_config.path] = make_engine(part_config)
        parts.append((made[part_config.path], part_config, indexes))
    return parts


def lint_by_config(parts: list[Part], files: Sequence[str], lint: Lint) -> Iterator[Any]:
    """Results of every file, in the order of `files`, each from its own config's engine
    (`parts`: engine_parts of `files`). One config (the usual case): one engine, results
    streamed as they come."""
    if len(parts) == 1:
        engine, part_config, _ = parts[0]
        yield from lint(engine, files, part_config)
        return
    results: list[list[Any]] = [[] for _ in files]
    for engine, part_config, indexes in parts:
        part = [files[i] for i in indexes]
        found = list(lint(engine, part, part_config))
        if len(found) == len(part):  # one result a file
            for index, result in zip(indexes, found, strict=True):
                results[index].append(result)
            continue
        for index, result in zip(_owners(part, indexes, found), found, strict=True):
            results[index].append(result)  # an archive's articles: FILE#ID, in file order
    for each in results:
        yield from each


def _owners(part: list[str], indexes: list[int], found: list[Any]) -> Iterator[int]:
    """The file index of each result, when archives give a result per article (`FILE#ID`)."""
    at = 0
    for result in found:
        while at + 1 < len(part) and not _belongs(result.path, part[at]):
            at += 1
        yield indexes[at]


def _belongs(path: str, file: str) -> bool:
    return path == file or path.startswith(file + "#")


def rules_of(engines: Iterable[Any]) -> dict[str, Any]:
    """Rule id -> rule over every engine of a run (a multi-config report lists them all); a
    rule in several configs is shown as the first engine has it."""
    rules: dict[str, Any] = {}
    for engine in engines:
        for rule in engine.rules:
            rules.setdefault(rule.id, rule)
    return rules
