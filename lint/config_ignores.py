"""per-file-ignores: glob -> rule ids or families not reported for matching files (Ruff's key).

Globs are relative to the config file's folder and read with gitignore rules (pathspec): a
glob without a / matches a file name at any depth, `*` stays inside one folder, `**` crosses
them. A file outside the config's folder matches nothing.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.errors import ConfigError
from lint.relpaths import config_base, relative_to

if TYPE_CHECKING:
    from lint.config import Config


def validate(path: Path, value: dict[str, Any], line: int | None) -> dict[str, list[str]]:
    """The mapping as plain strings, or a ConfigError at the key's line."""
    checked: dict[str, list[str]] = {}
    for glob, selectors in value.items():
        if not isinstance(selectors, list) or not all(isinstance(s, str) for s in selectors):
            message = f"per-file-ignores: '{glob}' must map to a list of rule ids or families"
            raise ConfigError(str(path), message, line)
        if not str(glob).strip() or str(glob).startswith("!"):
            message = f"per-file-ignores: '{glob}' is not a file glob (no negation, not empty)"
            raise ConfigError(str(path), message, line)
        try:
            _spec(str(glob))
        except (ValueError, TypeError) as err:
            raise ConfigError(
                str(path), f"per-file-ignores: bad glob '{glob}': {err}", line
            ) from None
        checked[str(glob)] = [str(s) for s in selectors]
    return checked


def ignored_for(
    per_file: dict[str, list[str]], config_path: Path | None, file_path: str
) -> list[str]:
    """The selectors per-file-ignores turns off for `file_path` (config order, no repeats)."""
    if not per_file:
        return []
    rel = relative_to(file_path, config_base(config_path))  # as exclude (lint.relpaths)
    if rel is None:
        return []
    found: list[str] = []
    for glob, selectors in per_file.items():
        if _spec(glob).match_file(rel):
            found.extend(s for s in selectors if s not in found)
    return found


@lru_cache(maxsize=256)
def _spec(glob: str) -> Any:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines([glob])


class SkipIgnoredPaths:
    """A result cache that leaves out files per-file-ignores apply to: the cache shares entries
    by text alone, and their findings also depend on their path."""

    def __init__(self, cache: Any, config: Config):
        self.cache, self.config = cache, config

    def get_all(self, source: Any) -> Any:
        return None if self.config.ignored_for(source.path) else self.cache.get_all(source)

    def put_many(self, entries: list[tuple[Any, ...]]) -> None:
        self.cache.put_many([e for e in entries if not self.config.ignored_for(e[0].path)])

    def close(self) -> None:
        self.cache.close()
