"""YAML front matter at the top of a Markdown file: read safely, masked out of prose."""

from __future__ import annotations

import re
from typing import Any

from lint.errors import InputError

_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
MAX_FRONT_MATTER = 64 * 1024  # larger front matter is not a real article header
# 64 KB of YAML holds at most ~32,000 values; more can only come from aliases repeating
# anchors (a "billion laughs" bomb), which would make every walk of the mapping exponential.
MAX_VALUES = 50_000


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
        data = yaml.load(raw)
    except MarkedYAMLError as err:
        line = err.problem_mark.line + 2 if err.problem_mark else 1
        raise InputError(path, f"front matter is not valid YAML: {err.problem}", line) from None
    except (YAMLError, RecursionError, ValueError) as err:
        raise InputError(path, f"front matter is not valid YAML: {err}", 1) from None
    if _expanded_size(data) > MAX_VALUES:
        raise InputError(
            path, f"front matter expands to more than {MAX_VALUES} values (YAML aliases)", 1
        )
    return data if isinstance(data, dict) else {}


def _expanded_size(data: Any) -> int:
    """Values a full walk of `data` visits, counting shared (aliased) nodes every time they
    appear, as every consumer that walks it will. Stops just past the limit, so it is cheap."""
    count, stack = 0, [data]
    while stack and count <= MAX_VALUES:
        node = stack.pop()
        count += 1
        if isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, (list, tuple, set)):
            stack.extend(node)
    return count
