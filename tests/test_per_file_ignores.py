"""per-file-ignores, as in Ruff: glob (relative to the config's folder, gitignore-style: a
pattern without / matches a file name at any depth) -> rule ids or families not reported."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

CLAIM = "Ginkgo is a natural treatment for ADHD in children.\n"  # fda findings only
DISCLAIMER = "fda.missing-disclaimer"


def _tree(root: Path) -> None:
    for rel in ("drafts/a.md", "drafts/deep/b.md", "posts/a.md", "notes.txt"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(CLAIM, encoding="utf-8")


def _rules_by_file(result) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for row in json.loads(result.stdout)["findings"]:
        found.setdefault(Path(row["path"]).as_posix(), set()).add(row["rule_id"])
    return found


def test_yaml_per_file_ignores(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / ".supplint.yaml").write_text(
        f'per-file-ignores:\n  "drafts/*.md": [{DISCLAIMER}]\n  "*.txt": [fda]\n',
        encoding="utf-8",
    )
    result = run_cli("check", ".", "--format", "json", "--jobs", "1", cwd=tmp_path)
    found = _rules_by_file(result)
    assert found["drafts/a.md"] == {"fda.disease-claim"}
    assert DISCLAIMER in found["drafts/deep/b.md"]  # * does not cross a /, as in git
    assert DISCLAIMER in found["posts/a.md"]
    assert "notes.txt" not in found  # the whole family, at any depth


def test_pyproject_per_file_ignores_and_double_star(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.supplint]\nper-file-ignores = {{"drafts/**" = ["{DISCLAIMER}"]}}\n',
        encoding="utf-8",
    )
    found = _rules_by_file(run_cli("check", ".", "--format", "json", cwd=tmp_path))
    assert found["drafts/a.md"] == found["drafts/deep/b.md"] == {"fda.disease-claim"}
    assert DISCLAIMER in found["posts/a.md"]


def test_per_file_ignores_from_another_folder_are_relative_to_the_config(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / ".supplint.yaml").write_text(
        f'per-file-ignores: {{"drafts/*.md": [{DISCLAIMER}]}}\n', encoding="utf-8"
    )
    result = run_cli("check", "a.md", "--format", "json", cwd=tmp_path / "drafts")
    assert _rules_by_file(result)["a.md"] == {"fda.disease-claim"}


def test_per_file_ignores_also_stop_fixes(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    draft = tmp_path / "drafts" / "a.md"
    draft.write_text(CLAIM, encoding="utf-8")
    (tmp_path / ".supplint.yaml").write_text(
        f'per-file-ignores: {{"drafts/*": [{DISCLAIMER}]}}\n', encoding="utf-8"
    )
    result = run_cli("check", "drafts", "--fix", cwd=tmp_path)
    assert result.returncode == 1, result.stderr  # the disease claim is still reported
    assert draft.read_text(encoding="utf-8") == CLAIM  # no disclaimer added


def test_show_settings_names_the_ignores_for_a_file(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / ".supplint.yaml").write_text(
        f'per-file-ignores: {{"drafts/*.md": [{DISCLAIMER}]}}\n', encoding="utf-8"
    )
    shown = json.loads(run_cli("check", "drafts/a.md", "--show-settings", cwd=tmp_path).stdout)
    assert shown["settings"]["per_file_ignores"] == {"drafts/*.md": [DISCLAIMER]}
    assert shown["ignored_for_file"] == [DISCLAIMER]
    assert DISCLAIMER not in shown["rules_for_file"] and "fda.disease-claim" in shown["rules"]


def test_bad_per_file_ignores_are_config_errors_with_their_line(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(CLAIM, encoding="utf-8")
    cases = {
        "jobs: 1\nper-file-ignores: {'drafts/*': [fdaa]}\n": (
            ".supplint.yaml:2: 'per-file-ignores': unknown rule or family 'fdaa', "
            "did you mean 'fda'?"
        ),
        "per-file-ignores: {'drafts/*': fda}\n": (
            ".supplint.yaml:1: per-file-ignores: 'drafts/*' must map to a list of rule ids "
            "or families"
        ),
        "per-file-ignores: [a]\n": ".supplint.yaml:1: 'per-file-ignores' must be a mapping",
    }
    for text, message in cases.items():
        (tmp_path / ".supplint.yaml").write_text(text, encoding="utf-8")
        result = run_cli("check", "a.md", cwd=tmp_path)
        assert result.returncode == 2, text
        assert result.stderr.decode().strip().endswith(message), result.stderr


def test_archive_articles_with_the_same_text_keep_their_own_ignores_across_cached_runs(
    tmp_path: Path,
) -> None:
    rows = [{"id": name, "body": CLAIM} for name in ("a", "b")]
    (tmp_path / "posts.jsonl").write_text(
        "".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8"
    )
    (tmp_path / ".supplint.yaml").write_text(
        "per-file-ignores: {'posts.jsonl#a': [fda]}\n", encoding="utf-8"
    )
    cache = str(tmp_path / "cache")
    for _ in range(2):  # the second run is answered from the cache
        result = run_cli(
            "check", "posts.jsonl", "--format", "json", "--cache-dir", cache, cwd=tmp_path
        )
        found = _rules_by_file(result)
        assert "posts.jsonl#a" not in found
        assert "fda.disease-claim" in found["posts.jsonl#b"]
