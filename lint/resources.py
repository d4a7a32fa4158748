"""Find the data folders shipped with supplint, the same way in every kind of install.

A wheel carries them as lint/_data/{rules,templates} (hatch force-include); an editable
install or a source checkout finds them at the repository root, next to lint/.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    shipped = _PACKAGE / "_data" / name
    if shipped.is_dir():
        return shipped
    return _PACKAGE.parent / name


def builtin_rules_dir() -> Path:
    return _data_dir("rules")


def builtin_templates_dir() -> Path:
    return _data_dir("templates")
