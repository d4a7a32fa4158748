"""The version users copy (README's pre-commit rev, the VS Code extension) is the package's."""

from __future__ import annotations

import json
import re

from conftest import ROOT

from lint import __version__


def test_readme_precommit_rev_is_the_package_version() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    revs = re.findall(r"^\s*rev:\s*(\S+)", readme, re.MULTILINE)
    assert revs == [f"v{__version__}"]


def test_vscode_extension_version_is_the_package_version() -> None:
    manifest = json.loads((ROOT / "editors/vscode/package.json").read_text(encoding="utf-8"))
    assert manifest["version"] == __version__
