"""Issue 15, hierarchical config everywhere and one rule for where config globs start:
`report` and `review` use each file's nearest config as `check` does, a multi-config report
lists every config's rules, `exclude` and per-file-ignores are relative to the config's folder
(as Ruff's), --force-exclude covers --stdin-filename, and a custom `disclaimer_text` added by
--fix satisfies fda.missing-disclaimer."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

CLAIM = "Ginkgo cures ADHD in children.\n"
DISEASE = "fda.disease-claim"
HOUSE_RULE = """\
id: house.dose-mention
kind: pattern
severity: warning
message: "A dose is named"
explain: |
  Our editors check every dose against the label.
patterns: [[{LIKE_NUM: true}, {LOWER: mg}]]
examples: {flag: ["Take 50 mg."], pass: ["Take some."]}
"""
UNUSED_RULE = HOUSE_RULE.replace("house.dose-mention", "house.unused").replace("mg}", "zzq}")


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


def _two_configs(root: Path) -> None:
    """The root config runs everything; sub/ has house rules and leaves fda out."""
    _write(
        root,
        {
            ".supplint.yaml": "severity: {fda.disease-claim: warning}\n",
            "a.md": CLAIM,
            "sub/.supplint.yaml": "rule_dirs: [house]\nignore: [fda]\n",
            "sub/house/dose.yaml": HOUSE_RULE,
            "sub/house/unused.yaml": UNUSED_RULE,
            "sub/b.md": "Take 50 mg daily. " + CLAIM,
        },
    )


def _sections(markdown: str) -> dict[str, str]:
    """A markdown report's article sections: path -> its table."""
    parts = markdown.split("\n### ")[1:]
    return {Path(p.split("\n", 1)[0]).as_posix(): p for p in parts}


def test_report_uses_each_files_nearest_config(tmp_path: Path) -> None:
    _two_configs(tmp_path)
    result = run_cli("report", ".", "--format", "md", "-o", "-", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    sections = _sections(result.stdout.decode())
    assert "`fda.disease-claim`" in sections["a.md"]
    assert "house.dose-mention" not in sections["a.md"]
    assert "`house.dose-mention`" in sections["sub/b.md"]
    assert "fda." not in sections["sub/b.md"]  # the sub config ignores the family


def test_a_multi_config_sarif_lists_every_configs_rules(tmp_path: Path) -> None:
    _two_configs(tmp_path)
    result = run_cli("check", ".", "--format", "sarif", cwd=tmp_path)
    rules = {r["id"]: r for r in json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    assert DISEASE in rules
    # the sub config's house rules, described as the rule says, even one that found nothing
    assert rules["house.dose-mention"]["fullDescription"]["text"].startswith("Our editors check")
    assert "house.unused" in rules


def test_review_workspace_lints_each_file_with_its_nearest_config(tmp_path: Path) -> None:
    from lint.commands.run import load_settings
    from lint.engine import Engine
    from lint.review.command import ReviewOptions, engines_by_file
    from lint.review.store import Store
    from lint.review.workspace import Workspace, default_db

    _two_configs(tmp_path)
    files = [str(tmp_path / "a.md"), str(tmp_path / "sub" / "b.md")]
    options = ReviewOptions(paths=(str(tmp_path),))
    config = load_settings(None, str(tmp_path))
    store = Store(default_db(config.path, str(tmp_path)))
    workspace = Workspace(Engine(config), files, store, [], engines_by_file(files, config, options))
    workspace.lint()
    found = [{f.rule_id for f in article.result.findings} for article in workspace.articles]
    assert DISEASE in found[0] and "house.dose-mention" not in found[0]
    assert "house.dose-mention" in found[1] and DISEASE not in found[1]
    assert "house.dose-mention" in workspace.rules  # the review page can describe it
    workspace.lint([1])  # a re-lint of one article keeps its own config
    assert {f.rule_id for f in workspace.articles[1].result.findings} == found[1]


def _site_with_drafts(root: Path) -> None:
    _write(
        root,
        {
            ".supplint.yaml": (
                "exclude: [content/drafts]\n"
                "per-file-ignores: {'content/notes/*.md': [fda.missing-disclaimer]}\n"
            ),
            "content/a.md": CLAIM,
            "content/drafts/d.md": CLAIM,
            "content/notes/n.md": CLAIM,
        },
    )


def _linted(result) -> dict[str, set[str]]:
    assert result.returncode in (0, 1), result.stderr
    found: dict[str, set[str]] = {}
    for row in json.loads(result.stdout)["findings"]:
        found.setdefault(Path(row["path"]).name, set()).add(row["rule_id"])
    return found


def test_exclude_globs_are_relative_to_the_configs_folder(tmp_path: Path) -> None:
    _site_with_drafts(tmp_path)
    for cwd, path in ((tmp_path, "."), (tmp_path, "content"), (tmp_path / "content", ".")):
        found = _linted(run_cli("check", path, "--format", "json", cwd=cwd))
        assert set(found) == {"a.md", "n.md"}, (cwd, path)  # drafts left out however walked
        assert "fda.missing-disclaimer" not in found["n.md"], (cwd, path)
        assert "fda.missing-disclaimer" in found["a.md"]
        listed = run_cli("check", path, "--show-files", cwd=cwd).stdout.decode()
        assert "drafts" not in listed


def test_force_exclude_uses_the_same_globs_for_named_files(tmp_path: Path) -> None:
    _site_with_drafts(tmp_path)
    named = run_cli("check", "drafts/d.md", "--force-exclude", cwd=tmp_path / "content")
    assert named.returncode == 0, named.stdout
    assert run_cli("check", "drafts/d.md", cwd=tmp_path / "content").returncode == 1


def test_force_exclude_applies_to_stdin_filename(tmp_path: Path) -> None:
    _site_with_drafts(tmp_path)
    text = CLAIM.encode()

    def piped(*args: str):
        return run_cli("check", *args, "-", stdin=text, cwd=tmp_path)

    excluded = ("--force-exclude", "--stdin-filename", "content/drafts/x.md")
    result = piped(*excluded, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["findings"] == []
    assert piped(*excluded, "--format", "concise").returncode == 0
    # the same name without --force-exclude, or a name not excluded, is linted
    assert piped("--stdin-filename", "content/drafts/x.md").returncode == 1
    assert piped("--force-exclude", "--stdin-filename", "content/x.md").returncode == 1
    # --fix on an excluded buffer gives it back unchanged, and nothing else on stdout
    fixed = piped(*excluded, "--fix")
    assert (fixed.returncode, fixed.stdout) == (0, text)
    assert piped(*excluded, "--diff").returncode == 0


def test_fix_with_a_custom_disclaimer_leaves_no_finding_of_its_own(tmp_path: Path) -> None:
    wording = (
        "Nothing on this page has been checked by the FDA, and none of our products are "
        "meant to treat any illness."
    )
    _write(
        tmp_path,
        {
            ".supplint.yaml": f'disclaimer_text: "{wording}"\n',
            "a.md": "Citicoline supports memory and sharpens focus.\n",
            "b.html": "<html><body><p>Citicoline supports memory.</p></body></html>\n",
        },
    )
    for name in ("a.md", "b.html"):
        before = _linted(run_cli("check", name, "--format", "json", cwd=tmp_path))
        assert "fda.missing-disclaimer" in before[name]
        fixed = run_cli("check", name, "--fix", cwd=tmp_path)
        assert fixed.returncode in (0, 1), fixed.stderr
        assert wording in (tmp_path / name).read_text(encoding="utf-8")
        after = _linted(run_cli("check", name, "--format", "json", cwd=tmp_path))
        assert "fda.missing-disclaimer" not in after.get(name, set()), name


def test_stdin_takes_the_config_nearest_its_stdin_filename(tmp_path: Path) -> None:
    _two_configs(tmp_path)  # sub/ ignores fda; the root config runs it
    text = CLAIM.encode()

    def rule_ids(*args: str) -> list[str]:
        result = run_cli("check", *args, "--format", "json", stdin=text, cwd=tmp_path)
        assert result.returncode in (0, 1), result.stderr
        return sorted({f["rule_id"] for f in json.loads(result.stdout)["findings"]})

    assert DISEASE not in rule_ids("-", "--stdin-filename", "sub/new.md")
    assert DISEASE in rule_ids("-", "--stdin-filename", "new.md")
    # stdin after a file: each its own nearest config, as when both are files
    assert DISEASE in rule_ids("a.md", "-", "--stdin-filename", "sub/new.md")
    both = run_cli(
        "check", "a.md", "-", "--stdin-filename", "sub/new.md", "--format", "concise",
        stdin=text, cwd=tmp_path,
    )  # fmt: skip
    lines = both.stdout.decode().splitlines()
    assert any(line.startswith("a.md:") and DISEASE in line for line in lines)
    assert not any(line.startswith("sub/new.md:") and DISEASE in line for line in lines)


def test_fix_on_stdin_with_other_paths_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, {"a.md": CLAIM})
    text = CLAIM.encode()
    mixed = run_cli(
        "check", "a.md", "-", "--fix", "--stdin-filename", "b.md", stdin=text, cwd=tmp_path
    )
    assert mixed.returncode == 2 and mixed.stdout == b""
    assert mixed.stderr.decode().startswith("supplint: error: --fix on stdin ('-') takes no")
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == CLAIM  # nothing written
    diff = run_cli(
        "check", "a.md", "-", "--diff", "--stdin-filename", "b.md", stdin=text, cwd=tmp_path
    )
    assert diff.returncode == 1 and b"+++ a.md" in diff.stdout and b"+++ b.md" in diff.stdout


def test_each_path_is_walked_with_the_config_nearest_it(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "siteA/a.md": CLAIM,
            "siteB/.supplint.yaml": "exclude: [drafts]\n",
            "siteB/b.md": CLAIM,
            "siteB/drafts/d.md": CLAIM,
        },
    )

    def listed(*args: str) -> list[str]:
        result = run_cli("check", *args, "--show-files", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        return [Path(line).as_posix() for line in result.stdout.decode().splitlines()]

    # siteB's exclude applies to siteB whichever path comes first
    assert listed("siteA", "siteB") == ["siteA/a.md", "siteB/b.md"]
    assert listed("siteB", "siteA") == ["siteB/b.md", "siteA/a.md"]
    # --force-exclude from the command line reaches siteB's config too
    assert listed("siteA", "siteB/drafts/d.md", "--force-exclude") == ["siteA/a.md"]
    assert listed("siteA", "siteB/drafts/d.md") == ["siteA/a.md", "siteB/drafts/d.md"]
