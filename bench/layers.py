"""Import arrows between lint's top-level units (a module, or a package as one unit), from `ast`.

    python bench/layers.py [--root CHECKOUT]   # figures: units, arrows, cycles, back-arrows
    python bench/layers.py --arrows            # every arrow, `a -> b` (type-only ones marked)

Every `import lint.x` / `from lint.x import` counts, at module level or inside a function (a lazy
import is still a dependency); one under `if TYPE_CHECKING:` is type-only and kept apart.
A cycle is a strongly connected set over the runtime arrows, of units or of modules (the daemon's
client side, lint/daemon, is below the CLI; its process, lint/daemon_server, runs the CLI, above);
a back-arrow is a runtime arrow from a unit up to a higher tier of TIERS, the intended layering.
tests/test_layers.py holds the contract.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "lint"
# the intended layering, top first: a runtime arrow from a unit to a higher tier runs back up
TIERS = (  # front ends first (server_hover: the LSP server's hover, site15)
    (
        *("__main__", "daemon_server", "cli", "commands", "daemon"),
        *("server", "server_hover", "report_args", "authoring"),
    ),
    ("review", "testing"),  # the review workspace, `test-rules`
    ("fixes", "report"),  # after checking: fixes and renderers
    ("archives", "parallel", "progress"),  # how inputs are read and fanned out
    ("engine",),
)  # every other unit (config, sources, documents, analysis, rules, ...) is the core, below
Edge = tuple[str, str]


def unit_of(module: str) -> str | None:
    """`lint.report.text` -> `report`; None outside lint."""
    parts = module.split(".")
    if parts[0] != "lint":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def tier_of(unit: str) -> int:
    return next((i for i, tier in enumerate(TIERS) if unit in tier), len(TIERS))


def _modules(package: Path) -> Iterator[tuple[str, Path]]:
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package.parent).with_suffix("")
        yield ".".join(relative.parts).removesuffix(".__init__"), path


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, module: str, is_package: bool) -> Iterator[tuple[str, bool]]:
    """(imported module or name, type-only) for every import in `tree`."""
    package = module if is_package else module.rsplit(".", 1)[0]

    def walk(node: ast.AST, typed: bool) -> Iterator[tuple[str, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for inner in child.body:
                    yield from walk_one(inner, True)
                for inner in child.orelse:
                    yield from walk_one(inner, typed)
                continue
            yield from walk_one(child, typed)

    def walk_one(node: ast.AST, typed: bool) -> Iterator[tuple[str, bool]]:
        if isinstance(node, ast.Import):
            yield from ((alias.name, typed) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                up = parts[: len(parts) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            yield base, typed
            for alias in node.names:  # `from lint import cli` imports the module lint.cli
                yield f"{base}.{alias.name}", typed
        yield from walk(node, typed)

    yield from walk(tree, False)


def module_arrows(package: Path = PACKAGE) -> dict[Edge, bool]:
    """(module, module it imports) -> type-only (only if every such import is type-only)."""
    modules = dict(_modules(package))
    found: dict[Edge, bool] = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for imported, typed in _imports(tree, module, path.name == "__init__.py"):
            if imported not in modules or imported == module:
                continue  # outside lint, or a name rather than a module
            found[(module, imported)] = found.get((module, imported), True) and typed
    return found


def arrows(package: Path = PACKAGE) -> dict[Edge, bool]:
    """The same, between top-level units (a module, or a package as one unit)."""
    found: dict[Edge, bool] = {}
    for (a, b), typed in module_arrows(package).items():
        key = (unit_of(a) or a, unit_of(b) or b)
        if key[0] != key[1] and "__init__" not in key:
            found[key] = found.get(key, True) and typed
    return found


def units(package: Path = PACKAGE) -> set[str]:
    names = {p.stem for p in package.glob("*.py")} | {
        p.parent.name for p in package.glob("*/__init__.py")
    }
    return names - {"__init__"}


def cycles(edges: set[tuple[str, str]]) -> list[set[str]]:
    """Strongly connected sets of more than one unit (Tarjan)."""
    graph: dict[str, list[str]] = {}
    for a, b in edges:
        graph.setdefault(a, []).append(b)
        graph.setdefault(b, [])
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                item = stack.pop()
                on_stack.discard(item)
                group.add(item)
                if item == node:
                    break
            if len(group) > 1:
                found.append(group)

    sys.setrecursionlimit(10_000)
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def reach(edges: set[tuple[str, str]]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
        graph.setdefault(b, set())
    reached: dict[str, set[str]] = {}
    for start in graph:
        seen: set[str] = set()
        todo = [start]
        while todo:
            for nxt in graph[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        reached[start] = seen - {start}
    return reached


def back_arrows(found: dict[Edge, bool]) -> list[Edge]:
    return sorted(
        (a, b) for (a, b), typed in found.items() if not typed and tier_of(b) < tier_of(a)
    )


def figures(package: Path = PACKAGE) -> dict[str, object]:
    found = arrows(package)
    runtime = {edge for edge, typed in found.items() if not typed}
    modules = {edge for edge, typed in module_arrows(package).items() if not typed}
    return {
        "units": len(units(package)),
        "arrows": len(found),
        "type_only": len(found) - len(runtime),
        "unit_cycles": [sorted(g) for g in cycles(runtime)],
        "module_cycles": [sorted(g) for g in cycles(modules)],
        "back_arrows": back_arrows(found),
    }


if __name__ == "__main__":
    root = (
        Path(sys.argv[sys.argv.index("--root") + 1]) / "lint" if "--root" in sys.argv else PACKAGE
    )
    if "--arrows" in sys.argv:
        for (a, b), typed in sorted(arrows(root).items()):
            print(f"{a} -> {b}{'  (type-only)' if typed else ''}")
    else:
        for key, value in figures(root).items():
            print(f"{key}: {value}")
