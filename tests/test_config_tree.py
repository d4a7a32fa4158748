"""Hierarchical config, as Ruff: each file is linted with the nearest config above it (unless
--config names one), and `extend` inherits another config's settings."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

CLAIM = "Ginkgo is a natural treatment for ADHD in children.\n"  # fda findings only
DISCLAIMER = "fda.missing-disclaimer"


def _site(root: Path, sub_config: str) -> None:
    for rel in ("a.md", "sub/b.md", "sub/deeper/c.md"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(CLAIM, encoding="utf-8")
    (root / ".supplint.yaml").write_text(
        "severity: {fda.disease-claim: warning}\n", encoding="utf-8"
    )
    (root / "sub" / ".supplint.yaml").write_text(sub_config, encoding="utf-8")


def _found(result) -> dict[str, dict[str, str]]:
    """path -> rule id -> severity"""
    assert result.returncode in (0, 1), result.stderr
    rows = json.loads(result.stdout)["findings"]
    found: dict[str, dict[str, str]] = {}
    for row in rows:
        found.setdefault(Path(row["path"]).as_posix(), {})[row["rule_id"]] = row["severity"]
    return found


def test_each_file_uses_its_nearest_config(tmp_path: Path) -> None:
    _site(tmp_path, f"ignore: [{DISCLAIMER}]\n")
    for jobs in ("1", "2"):
        found = _found(run_cli("check", ".", "--format", "json", "--jobs", jobs, cwd=tmp_path))
        assert found["a.md"] == {"fda.disease-claim": "warning", DISCLAIMER: "warning"}
        # the nearest config replaces the one above (no merge without `extend`)
        assert found["sub/b.md"] == {"fda.disease-claim": "error"}
        assert found["sub/deeper/c.md"] == {"fda.disease-claim": "error"}


def test_results_keep_the_order_of_the_walk(tmp_path: Path) -> None:
    _site(tmp_path, f"ignore: [{DISCLAIMER}]\n")
    text = run_cli("check", ".", "--format", "concise", cwd=tmp_path).stdout.decode()
    paths = [Path(line.split(":", 1)[0]).as_posix() for line in text.splitlines() if ".md:" in line]
    assert paths == ["a.md", "a.md", "sub/b.md", "sub/deeper/c.md"]


def test_extend_inherits_and_overrides(tmp_path: Path) -> None:
    _site(tmp_path, f"extend: ../.supplint.yaml\nignore: [{DISCLAIMER}]\n")
    found = _found(run_cli("check", ".", "--format", "json", cwd=tmp_path))
    assert found["sub/b.md"] == {"fda.disease-claim": "warning"}  # severity from the base


def test_named_config_applies_to_every_file(tmp_path: Path) -> None:
    _site(tmp_path, f"ignore: [{DISCLAIMER}]\n")
    result = run_cli("check", ".", "--format", "json", "--config", ".supplint.yaml", cwd=tmp_path)
    assert _found(result)["sub/b.md"] == {"fda.disease-claim": "warning", DISCLAIMER: "warning"}


def test_show_settings_for_a_file_names_its_config(tmp_path: Path) -> None:
    _site(tmp_path, f"ignore: [{DISCLAIMER}]\n")
    shown = json.loads(run_cli("check", "sub/b.md", "--show-settings", cwd=tmp_path).stdout)
    assert shown["config"] == str((tmp_path / "sub" / ".supplint.yaml").resolve())
    assert DISCLAIMER not in shown["rules"]


def test_bad_extend_is_a_config_error_with_its_line(tmp_path: Path) -> None:
    cases = {
        "jobs: 1\nextend: missing.yaml\n": "sub/.supplint.yaml:2: extend: missing.yaml",
        "extend: .supplint.yaml\n": "sub/.supplint.yaml:1: extend: a config cannot extend itself",
        "extend: [a]\n": "sub/.supplint.yaml:1: 'extend' must be a string",
    }
    for text, message in cases.items():
        _site(tmp_path, text)
        result = run_cli("check", "sub/b.md", cwd=tmp_path)
        assert result.returncode == 2, text
        assert message in result.stderr.decode().replace("\\", "/"), result.stderr


def test_extend_cycle_is_an_error(tmp_path: Path) -> None:
    _site(tmp_path, "extend: ../.supplint.yaml\n")
    (tmp_path / ".supplint.yaml").write_text("extend: sub/.supplint.yaml\n", encoding="utf-8")
    result = run_cli("check", "a.md", cwd=tmp_path)
    assert result.returncode == 2
    assert b"extend: a cycle" in result.stderr


def _two_sites(root: Path) -> None:
    """Two folders, each with its own config: its own disclaimer wording for --fix."""
    for name in ("north", "south"):
        (root / name).mkdir()
        (root / name / "a.md").write_text(CLAIM, encoding="utf-8")
        (root / name / ".supplint.yaml").write_text(
            f"disclaimer_text: The {name} office has not had this evaluated.\n",
            encoding="utf-8",
        )


def test_fix_and_diff_use_each_files_own_config(tmp_path: Path) -> None:
    """As Ruff: --fix over files under several configs fixes each with its own config."""
    _two_sites(tmp_path)
    diff = run_cli("check", ".", "--diff", cwd=tmp_path)
    assert diff.returncode == 1, diff.stderr
    text = diff.stdout.decode()
    assert text.index("north/a.md") < text.index("+The north office") < text.index("south/a.md")
    assert text.index("south/a.md") < text.index("+The south office")
    assert (tmp_path / "north" / "a.md").read_text(encoding="utf-8") == CLAIM  # --diff: unchanged
    fixed = run_cli("check", ".", "--fix", "--format", "concise", cwd=tmp_path)
    assert fixed.returncode == 1, fixed.stderr  # the disease claim has no fix: it stays
    assert b"applied 2 fix(es) in 2 files" in fixed.stderr
    for name, other in (("north", "south"), ("south", "north")):
        after = (tmp_path / name / "a.md").read_text(encoding="utf-8")
        assert after.startswith(CLAIM) and f"The {name} office has not" in after
        assert f"The {other} office" not in after
    lines = fixed.stdout.decode().splitlines()
    left = [Path(line.split(":")[0]).as_posix() for line in lines if ".md:" in line]
    assert list(dict.fromkeys(left)) == ["north/a.md", "south/a.md"]  # in walk order


def test_write_baseline_across_several_configs(tmp_path: Path) -> None:
    _two_sites(tmp_path)
    (tmp_path / "south" / ".supplint.yaml").write_text(f"ignore: [{DISCLAIMER}]\n")
    wrote = run_cli("check", ".", "--write-baseline", "base.json", cwd=tmp_path)
    assert wrote.returncode == 0, wrote.stderr
    recorded = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    rules = sorted(json.dumps(recorded).count(rule) for rule in (DISCLAIMER,))
    assert rules == [1]  # north's disclaimer finding only: south's config ignores it
    again = run_cli("check", ".", "--baseline", "base.json", cwd=tmp_path)
    assert again.returncode == 0, again.stdout.decode() + again.stderr.decode()
