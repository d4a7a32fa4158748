"""The pre-commit hook manifest selects articles only (identify's tags, as pre-commit does)."""

from __future__ import annotations

import pytest
from conftest import ROOT
from identify import identify
from ruamel.yaml import YAML

HOOKS = {hook["id"]: hook for hook in YAML(typ="safe").load(ROOT / ".pre-commit-hooks.yaml")}


def runs_on(hook_id: str, filename: str) -> bool:
    tags = identify.tags_from_filename(filename)
    return bool(tags & set(HOOKS[hook_id]["types_or"]))


@pytest.mark.parametrize("hook_id", ["supplint", "supplint-fix"])
@pytest.mark.parametrize("name", ["post.md", "post.markdown", "page.html", "page.htm", "a.txt"])
def test_articles_are_linted(hook_id: str, name: str) -> None:
    assert runs_on(hook_id, name)


@pytest.mark.parametrize("hook_id", ["supplint", "supplint-fix"])
@pytest.mark.parametrize(
    "name", ["banner.js", ".pre-commit-config.yaml", "config.toml", "style.css", "data.json"]
)
def test_other_text_files_are_not(hook_id: str, name: str) -> None:
    assert not runs_on(hook_id, name)


def test_every_hook_runs_once_for_all_files() -> None:
    assert all(hook["require_serial"] for hook in HOOKS.values())
    assert "--fix" in HOOKS["supplint-fix"]["entry"]
