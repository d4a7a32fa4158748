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


# Aliases let a few hundred bytes of YAML stand for billions of values ("billion laughs"):
# the parsed objects share structure, but every walk of them (plain(), validation, matching)
# pays the full expansion. Beyond this many values added by aliases a file is a bomb.
MAX_ALIAS_VALUES = 50_000


def alias_bomb_line(root: Any) -> int | None:
    """0-based line of the node where alias expansion first passes MAX_ALIAS_VALUES, or None.

    `root` is a composed node graph (`YAML().compose(text)`): aliased nodes are shared
    objects there, so sizes are computed once per distinct node (linear in the file).
    A recursive alias (`&a [*a]`) expands forever and counts as a bomb."""
    if root is None:
        return None
    sizes = _expanded_sizes(root)
    total = sizes.get(id(root), _INFINITE)
    if total - len(sizes) <= MAX_ALIAS_VALUES:
        return None
    node, path = root, {id(root)}
    while True:  # descend to the deepest node still over the limit: the bomb's own line
        over = [c for c in _children(node) if sizes[id(c)] > MAX_ALIAS_VALUES]
        if not over or id(over[0]) in path:
            return int(node.start_mark.line)
        node = over[0]
        path.add(id(node))


_INFINITE = 1 << 62


def _children(node: Any) -> list[Any]:
    value = node.value
    if not isinstance(value, list):
        return []
    return [part for item in value for part in (item if isinstance(item, tuple) else (item,))]


def _expanded_sizes(root: Any) -> dict[int, int]:
    """id(node) -> values a full walk under it visits, aliases counted every time they appear."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            open_nodes.discard(key)
            total = 1 + sum(sizes[id(child)] for child in _children(node))
            sizes[key] = min(total, _INFINITE)
            continue
        if key in sizes:
            continue
        if key in open_nodes:  # reached again while its own children are pending: a cycle
            sizes[key] = _INFINITE
            continue
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
    return sizes
