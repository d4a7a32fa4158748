"""`supplint new-rule`: a starter that loads, validates and passes its own examples."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

from lint.rules.loader import load_rules
from lint.rules.registry import KINDS
from lint.rules.starter import STARTERS, starter_text

CORE_KINDS = ("phrase", "pattern", "regex", "requires")


def test_starters_load_and_pass_test_rules(tmp_path: Path) -> None:
    for kind in CORE_KINDS:
        result = run_cli(
            "new-rule", f"house.my-{kind}", "--kind", kind, "-o", str(tmp_path / f"{kind}.yaml")
        )
        assert result.returncode == 0, result.stderr
    rules = {r.id: r for r in load_rules([tmp_path], validate_all=True).rules if not r.builtin}
    assert set(rules) == {f"house.my-{kind}" for kind in CORE_KINDS}
    for rule in rules.values():
        assert rule.examples["flag"] and rule.examples["pass"], rule.id
    tested = run_cli("test-rules", str(tmp_path))
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert b"4 rules, " in tested.stdout and b" 0 failed" in tested.stdout


def test_starter_is_commented_and_names_the_rule() -> None:
    text = starter_text("house.no-cure", "phrase")
    assert text.splitlines()[3:5] == ["id: house.no-cure", "kind: phrase"]
    assert text.count("\n#") >= 3  # comments explain the keys
    assert set(CORE_KINDS) <= set(STARTERS)


def test_every_kind_gets_a_schema_valid_starter(tmp_path: Path) -> None:
    from ruamel.yaml import YAML

    from lint.rules.schema import validate_entry

    for kind in KINDS:
        node = YAML(typ="rt").load(starter_text(f"house.t-{kind}", kind))
        validate_entry(f"{kind}.yaml", node, f"kind-{kind}")  # raises on any schema error


def test_refuses_to_overwrite_and_rejects_bad_input(tmp_path: Path) -> None:
    target = tmp_path / "r.yaml"
    target.write_text("keep me\n", encoding="utf-8")
    result = run_cli("new-rule", "house.x", "--kind", "phrase", "-o", str(target))
    assert result.returncode == 2 and b"file exists; use --force" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep me\n"
    bad_kind = run_cli("new-rule", "house.x", "--kind", "phrse")
    assert bad_kind.returncode == 2 and b"did you mean 'phrase'?" in bad_kind.stderr
    bad_id = run_cli("new-rule", "NoFamily", "--kind", "phrase")
    assert bad_id.returncode == 2 and b"must look like family.name" in bad_id.stderr
    printed = run_cli("new-rule", "house.x", "--kind", "regex")
    assert printed.returncode == 0 and b"id: house.x\nkind: regex\n" in printed.stdout


def test_readme_example_creates_the_folder(tmp_path: Path) -> None:
    # README: `supplint new-rule house.no-cure --kind phrase -o house-rules/no-cure.yaml`
    result = run_cli(
        "new-rule",
        "house.no-cure",
        "--kind",
        "phrase",
        "-o",
        "house-rules/no-cure.yaml",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    written = tmp_path / "house-rules" / "no-cure.yaml"
    assert "id: house.no-cure" in written.read_text(encoding="utf-8")
    tested = run_cli("test-rules", str(written.parent), cwd=tmp_path)
    assert tested.returncode == 0, tested.stdout + tested.stderr
