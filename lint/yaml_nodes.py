"""Helpers over ruamel.yaml's round-trip nodes, shared by every YAML reader (rules, config, KB)."""

from __future__ import annotations

from typing import Any


def position(node: Any, key: str | None = None) -> tuple[int, int]:
    """1-based (line, column) of `key` in a mapping node, else of the node; (0, 0) if unknown."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return 0, 0
    if key is not None:
        try:
            line, col = lc.key(key)
            return line + 1, col + 1
        except (KeyError, TypeError):
            pass
    return lc.line + 1, lc.col + 1


def plain(value: Any) -> Any:
    """ruamel's commented containers -> plain dicts and lists (checkers and pickling want these)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
