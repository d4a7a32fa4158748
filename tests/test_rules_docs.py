"""docs/rules.md is enough to write a house rule: its YAML examples load and pass test-rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from lint.rules.loader import load_rules

DOCS = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
BLOCKS = [
    block
    for block in re.findall(r"```yaml\n(.*?)```", DOCS, re.DOTALL)
    if re.search(r"^(?:- )?(?:id|override): ", block, re.MULTILINE) and "..." not in block
]


def test_docs_have_rule_and_override_examples() -> None:
    kinds = set(re.findall(r"^kind: (\w+)", "\n".join(BLOCKS), re.MULTILINE))
    assert kinds >= {"phrase", "pattern", "regex", "requires"}
    assert sum("override:" in block for block in BLOCKS) == 3


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_every_docs_rule_loads(tmp_path: Path, index: int) -> None:
    (tmp_path / "rule.yaml").write_text(BLOCKS[index], encoding="utf-8")
    ruleset = load_rules([tmp_path], validate_all=True)
    assert [r for r in ruleset.rules if not r.builtin] or ruleset.overrides


def test_first_house_rule_walkthrough(tmp_path: Path) -> None:
    """The page's first example, as a new user would use it: test-rules, then check."""
    [first] = [block for block in BLOCKS if "id: house.no-cure" in block]
    (tmp_path / "house-rules").mkdir()
    (tmp_path / "house-rules" / "no-cure.yaml").write_text(first, encoding="utf-8")
    (tmp_path / ".supplint.yaml").write_text("rule_dirs: [house-rules]\n", encoding="utf-8")
    tested = run_cli("test-rules", "house-rules", cwd=tmp_path)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    (tmp_path / "post.md").write_text("Reishi cures stress.\n", encoding="utf-8")
    checked = run_cli("check", "post.md", "--select", "house", cwd=tmp_path)
    assert checked.returncode == 1
    assert b"post.md:1:8: house.no-cure" in checked.stdout
