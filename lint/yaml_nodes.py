"""Helpers over ruamel.yaml's round-trip nodes, shared by every YAML reader (rules, config, KB),
and `parse_yaml`, the one safe way they read YAML text."""

from __future__ import annotations

from typing import Any

from lint.errors import ConfigError


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


def plain(value: Any, memo: dict[int, Any] | None = None) -> Any:
    """ruamel's commented containers -> plain dicts and lists (checkers and pickling want these).

    A container reached twice (a YAML alias: `*drug_words` in 40 patterns) becomes one plain
    object, as it is one in the YAML: copied, pickled, unpickled and walked once, not per use.
    Pass one `memo` to several calls to share across them (nothing mutates rule options: an
    override builds new containers)."""
    memo = {} if memo is None else memo
    if not isinstance(value, (dict, list)):
        return value
    found = memo.get(id(value))
    if found is None:
        if isinstance(value, dict):
            found = {str(k): plain(v, memo) for k, v in value.items()}
        else:
            found = [plain(v, memo) for v in value]
        memo[id(value)] = found  # the ruamel node outlives the call: its id is not reused
    return found


# Aliases let a few hundred bytes of YAML stand for billions of values ("billion laughs"):
# the parsed objects share structure, but every walk of them (plain(), validation, matching)
# pays the full expansion. Beyond this many values added by aliases a file is a bomb. The
# built-in drug comparisons alias their drug list in ~90 patterns (about 52,000 values); a
# bomb is orders of magnitude past this.
MAX_ALIAS_VALUES = 100_000


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


def parse_yaml(path: str, text: str) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="rt")
    try:
        root = yaml.compose(text)
        _reject_alias_bomb(path, root)
        _reject_foreign_tags(path, root)
        return yaml.load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise ConfigError(path, f"invalid YAML: {err.problem or err.context}", line, col) from None
    except (YAMLError, RecursionError) as err:
        raise ConfigError(path, f"invalid YAML: {err}") from None


def _reject_alias_bomb(path: str, root: Any) -> None:
    line = alias_bomb_line(root)
    if line is not None:
        raise ConfigError(
            path, f"YAML aliases expand to more than {MAX_ALIAS_VALUES} values", line + 1
        )


_CORE_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp", "merge")
}


def _reject_foreign_tags(path: str, root: Any) -> None:
    """The round-trip loader never runs `!!python/object/apply:os.system`, but it would hand
    the tagged value to the rule as if it were plain data; rules are untrusted, so any tag
    beyond the core schema is an error at its line."""
    stack, seen = [root] if root is not None else [], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:  # aliases share nodes
            continue
        seen.add(id(node))
        tag = str(node.tag)
        if tag not in _CORE_TAGS:
            mark = node.start_mark
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise ConfigError(
                path, f"YAML tag '{shown}' is not allowed", mark.line + 1, mark.column + 1
            )
        if isinstance(node.value, list):
            for item in node.value:
                stack.extend(item if isinstance(item, tuple) else (item,))
