"""TOML reading on every supported Python (config files and Hugo front matter)."""

from __future__ import annotations

from typing import Any


def toml_reader() -> Any:
    """tomllib, or tomli on Python 3.10 (the same API)."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    return tomllib
