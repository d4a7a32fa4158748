"""The VS Code extension (editors/vscode): its manifest, how it starts `supplint server`, and
that `vsce` packages it (when Node.js and npm are on the machine)."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from lint.cli import COMMANDS

EXTENSION = ROOT / "editors" / "vscode"
MANIFEST = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")


def test_manifest_activates_on_the_formats_supplint_lints() -> None:
    assert (EXTENSION / MANIFEST["main"]).is_file()
    languages = {event.split(":", 1)[1] for event in MANIFEST["activationEvents"]}
    assert languages == {"markdown", "html", "plaintext"}
    assert MANIFEST["engines"]["vscode"].startswith("^1.")
    properties = MANIFEST["contributes"]["configuration"]["properties"]
    assert properties["supplint.path"]["default"] == "supplint"
    assert "server" in COMMANDS  # the subcommand the extension starts


def activate(settings: dict[str, object]) -> dict[str, object]:
    script = ROOT / "tests" / "data" / "vscode" / "activate.js"
    done = subprocess.run(
        ["node", str(script), str(EXTENSION / "extension.js"), json.dumps(settings)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return dict(json.loads(done.stdout))


@needs_node
def test_extension_starts_the_language_server_over_stdio() -> None:
    started = activate({})
    assert started["server"] == {"command": "supplint", "args": ["server"], "transport": 0}
    selector = {entry["language"] for entry in started["client"]["documentSelector"]}
    assert selector == {"markdown", "html", "plaintext"}
    assert started["running"] is True and started["subscriptions"] == 1
    custom = activate({"supplint.path": ".venv/bin/supplint", "supplint.args": ["--x"]})
    assert custom["server"]["command"] == ".venv/bin/supplint"
    assert custom["server"]["args"] == ["server", "--x"]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("npm") is None, reason="npm is not installed")
def test_vsce_packages_the_extension(tmp_path: Path) -> None:
    work = tmp_path / "vscode"
    shutil.copytree(EXTENSION, work, ignore=shutil.ignore_patterns("node_modules", "*.vsix"))
    npm = {"capture_output": True, "text": True, "cwd": work, "timeout": 600}
    installed = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], **npm)
    if installed.returncode != 0 and "ENOTFOUND" in installed.stderr + installed.stdout:
        pytest.skip("the npm registry is not reachable")
    assert installed.returncode == 0, installed.stderr
    packaged = subprocess.run(["npm", "run", "package"], **npm)
    assert packaged.returncode == 0, packaged.stdout + packaged.stderr
    with zipfile.ZipFile(work / "supplint.vsix") as vsix:
        names = set(vsix.namelist())
        manifest = json.loads(vsix.read("extension/package.json"))
    assert {"extension/extension.js", "extension/readme.md"} <= {n.lower() for n in names}
    assert "extension/node_modules/vscode-languageclient/package.json" in names
    assert manifest["version"] == MANIFEST["version"]
