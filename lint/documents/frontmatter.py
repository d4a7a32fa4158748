"""YAML front matter at the top of a Markdown file: read safely, masked out of prose."""

from __future__ import annotations

import re
from typing import Any

from lint.errors import InputError
from lint.yaml_nodes import MAX_ALIAS_VALUES, alias_bomb_line

_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
MAX_FRONT_MATTER = 64 * 1024  # larger front matter is not a real article header


def split_front_matter(path: str, text: str) -> tuple[dict[str, Any], int]:
    """Return (front matter mapping, source offset where the body starts)."""
    opening = _OPEN.match(text)
    if not opening:
        return {}, 0
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        return {}, 0
    raw = text[opening.end() : closing.start()]
    body_start = closing.end()
    if len(raw) > MAX_FRONT_MATTER:
        raise InputError(path, f"front matter is larger than {MAX_FRONT_MATTER} bytes", 1)
    return _load(path, raw), body_start


def _load(path: str, raw: str) -> dict[str, Any]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="safe", pure=True)
    try:
        bomb = alias_bomb_line(yaml.compose(raw))
        if bomb is not None:  # line 1 is the opening ---
            message = f"front matter: YAML aliases expand to more than {MAX_ALIAS_VALUES} values"
            raise InputError(path, message, bomb + 2)
        data = yaml.load(raw)
    except MarkedYAMLError as err:
        line = err.problem_mark.line + 2 if err.problem_mark else 1
        raise InputError(path, f"front matter is not valid YAML: {err.problem}", line) from None
    except (YAMLError, RecursionError, ValueError) as err:
        raise InputError(path, f"front matter is not valid YAML: {err}", 1) from None
    return data if isinstance(data, dict) else {}
