"""Where config globs start: `exclude`, --force-exclude and per-file-ignores are all matched
relative to the config file's folder (the working folder without a config), as Ruff does,
whatever folder was named on the command line. One rule for all three, so they agree."""

from __future__ import annotations

import os
from pathlib import Path


def config_base(config_path: Path | None) -> str:
    """The folder a config's globs are relative to: its own, resolved (symlinks included)."""
    return os.path.realpath(config_path.parent if config_path else os.getcwd())


def folder_relative(folder: str, base: str) -> str | None:
    """A folder relative to `base` (a config_base) with / separators ("." for base itself);
    None when outside it. The folder is resolved as the base is, so a symlinked temporary or
    home folder cannot make them differ."""
    rel = os.path.relpath(os.path.realpath(folder), base)
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return None
    return rel.replace(os.sep, "/")


def relative_to(path: str, base: str) -> str | None:
    """A file or folder relative to `base`, None outside it. Only the folder holding it is
    resolved: a symlinked article is matched where it appears, not where it points."""
    absolute = os.path.abspath(path)
    if absolute == base or os.path.realpath(absolute) == base:
        return "."
    head, name = os.path.split(absolute)
    folder = folder_relative(head, base)
    if folder is None:
        return None
    return name if folder == "." else f"{folder}/{name}"
