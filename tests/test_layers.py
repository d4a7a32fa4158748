"""The layering contract (issue 16), read from the source by bench/layers.py: no import cycle
except type-only ones, no arrow running back up, and the command line seen only by lint.commands.
"""

from __future__ import annotations

import ast
import sys

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import layers

# the modules that run commands: the CLI itself, and the daemon that replays CLI invocations
FRONT_ENDS = {"lint.cli", "lint.__main__", "lint.daemon_server.server", "lint.daemon_server.child"}
FRONT_ENDS |= {"lint.daemon_server.warm"}
NO_COMMAND_LINE = ("archives", "fixes", "parallel", "report", "daemon", "review", "engine")


def test_no_arrow_runs_back_up() -> None:
    assert layers.back_arrows(layers.arrows()) == []


def test_no_import_cycle_except_type_only() -> None:
    runtime = {edge for edge, typed in layers.module_arrows().items() if not typed}
    assert layers.cycles(runtime) == []


def test_units_form_no_cycle() -> None:
    """Packages too: config, documents, rules and analysis read one way, and the daemon's
    client (lint/daemon, called by the CLI) is apart from its process (lint/daemon_server,
    which runs the CLI)."""
    runtime = {edge for edge, typed in layers.arrows().items() if not typed}
    assert layers.cycles(runtime) == []


def test_only_front_ends_import_the_command_layer() -> None:
    importers = {
        a
        for (a, b), typed in layers.module_arrows().items()
        if b.startswith("lint.commands") and not a.startswith("lint.commands")
    }
    assert importers <= FRONT_ENDS


def test_layers_below_commands_never_see_argparse() -> None:
    offenders = []
    for unit in NO_COMMAND_LINE:
        folder = ROOT / "lint" / unit
        files = sorted(folder.rglob("*.py")) if folder.is_dir() else [folder.with_suffix(".py")]
        for path in files:
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
                if isinstance(node, ast.ImportFrom):
                    names = [node.module or ""]
                if "argparse" in names:
                    offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_the_checker_sees_a_planted_back_arrow(tmp_path) -> None:
    """The contract can fail: a renderer importing the command layer is caught."""
    package = tmp_path / "lint"
    (package / "report").mkdir(parents=True)
    (package / "commands").mkdir()
    (package / "__init__.py").write_text("")
    (package / "commands" / "__init__.py").write_text("from lint.report import render\n")
    (package / "report" / "__init__.py").write_text(
        "def render():\n    from lint.commands import run\n"
    )
    found = layers.arrows(package)
    assert layers.back_arrows(found) == [("report", "commands")]
    modules = {edge for edge, typed in layers.module_arrows(package).items() if not typed}
    assert layers.cycles(modules) == [{"lint.commands", "lint.report"}]
