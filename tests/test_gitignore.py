"""Folder walks honour .gitignore (root, nested, .git/info/exclude), as Ruff and git do: a Hugo
site's built public/ is not linted. A path named on the command line is always linted."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

from lint.sources import collect, walk

CLAIM = "Ginkgo cures ADHD in children.\n"


def _site(tmp_path: Path) -> Path:
    """A Hugo-style repository: content/ written by people, public/ built from it."""
    (tmp_path / ".git" / "info").mkdir(parents=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("scratch.md\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("# built site\npublic/\n*.tmp.md\n", encoding="utf-8")
    for rel in (
        "content/posts/a.md",
        "content/posts/b.tmp.md",
        "content/drafts/keep.md",
        "content/drafts/old.md",
        "public/posts/a/index.html",
        "scratch.md",
    ):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(CLAIM, encoding="utf-8")
    # a nested .gitignore: its patterns are relative to its folder, and may re-include
    (tmp_path / "content" / "drafts" / ".gitignore").write_text("*.md\n!keep.md\n")
    return tmp_path


def _rel(root: Path, files: list[str]) -> list[str]:
    return [Path(f).relative_to(root).as_posix() for f in files]


def test_walk_skips_gitignored_paths_nested_and_info_exclude(tmp_path) -> None:
    root = _site(tmp_path)
    assert _rel(root, list(walk(str(root)))) == ["content/drafts/keep.md", "content/posts/a.md"]


def test_walk_from_a_subfolder_still_reads_the_ignore_files_above_it(tmp_path) -> None:
    root = _site(tmp_path)
    found = _rel(root, list(walk(str(root / "content"))))
    assert found == ["content/drafts/keep.md", "content/posts/a.md"]


def test_respect_gitignore_off_walks_everything(tmp_path) -> None:
    root = _site(tmp_path)
    found = _rel(root, list(walk(str(root), respect_gitignore=False)))
    assert "public/posts/a/index.html" in found and "scratch.md" in found
    assert len(found) == 6


def test_paths_named_on_the_command_line_are_linted_even_if_ignored(tmp_path) -> None:
    root = _site(tmp_path)
    files, errors = collect([str(root / "scratch.md"), str(root / "public")], ["*.html"], [])
    assert errors == []
    assert _rel(root, files) == ["scratch.md", "public/posts/a/index.html"]


def test_without_a_git_folder_the_walked_folders_gitignore_still_counts(tmp_path) -> None:
    (tmp_path / ".gitignore").write_text("public/\n", encoding="utf-8")
    for rel in ("a.md", "public/a.html"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(CLAIM, encoding="utf-8")
    assert _rel(tmp_path, list(walk(str(tmp_path)))) == ["a.md"]


def test_check_does_not_lint_a_hugo_public_folder(tmp_path) -> None:
    root = _site(tmp_path)
    shown = run_cli("check", ".", "--show-files", cwd=root)
    listed = [Path(p).as_posix() for p in shown.stdout.decode().split()]
    assert listed == ["content/drafts/keep.md", "content/posts/a.md"]
    result = run_cli("check", ".", "--jobs", "1", cwd=root)
    assert result.returncode == 1
    assert b"public/" not in result.stdout and b"content/posts/a.md:1:" in result.stdout


def test_no_respect_gitignore_flag_and_config_key(tmp_path) -> None:
    root = _site(tmp_path)
    shown = run_cli("check", ".", "--show-files", "--no-respect-gitignore", cwd=root)
    assert "public/posts/a/index.html" in shown.stdout.decode()
    (root / ".supplint.yaml").write_text("respect_gitignore: false\n", encoding="utf-8")
    shown = run_cli("check", ".", "--show-files", cwd=root)
    assert "scratch.md" in shown.stdout.decode()
    shown = run_cli("check", ".", "--show-files", "--respect-gitignore", cwd=root)
    assert "scratch.md" not in shown.stdout.decode()
    (root / ".supplint.yaml").write_text("respect-gitignore: [no]\n", encoding="utf-8")
    bad = run_cli("check", ".", "--show-files", cwd=root)
    assert bad.returncode == 2
    assert b".supplint.yaml:1: 'respect-gitignore' must be a" in bad.stderr


def test_an_unreadable_or_odd_gitignore_does_not_stop_the_walk(tmp_path) -> None:
    (tmp_path / ".gitignore").write_bytes(b"\xff\xfe bad bytes\n[\n\\\n")
    (tmp_path / "a.md").write_text(CLAIM, encoding="utf-8")
    assert _rel(tmp_path, list(walk(str(tmp_path)))) == ["a.md"]


def test_force_exclude_applies_ignores_and_excludes_to_named_paths(tmp_path) -> None:
    """As Ruff's --force-exclude (what the pre-commit hooks pass, since pre-commit names every
    staged file): .gitignore, `exclude` and the default excludes also skip paths named on the
    command line, a file inside an ignored folder included."""
    root = _site(tmp_path)
    (root / ".supplint.yaml").write_text("exclude: [content/drafts]\n", encoding="utf-8")
    (root / "_site").mkdir()
    (root / "_site" / "index.html").write_text(CLAIM, encoding="utf-8")
    named = [
        "content/posts/a.md",
        "public/posts/a/index.html",  # under an ignored folder
        "scratch.md",  # .git/info/exclude
        "content/posts/b.tmp.md",  # an ignored file name
        "content/drafts/keep.md",  # the config's exclude
        "_site/index.html",  # a default exclude (Jekyll's output)
    ]
    plain = run_cli("check", *named, "--show-files", cwd=root)
    assert [Path(p).as_posix() for p in plain.stdout.decode().split()] == named
    forced = run_cli("check", *named, "--show-files", "--force-exclude", cwd=root)
    assert forced.returncode == 0, forced.stderr
    assert forced.stdout.decode().split() == ["content/posts/a.md"]
    result = run_cli("check", *named, "--force-exclude", "--format", "concise", "-q", cwd=root)
    assert result.returncode == 1
    assert {line.split(":")[0] for line in result.stdout.decode().splitlines()} == {
        "content/posts/a.md"
    }
    folder = run_cli(
        "check", "public", "content/posts", "--show-files", "--force-exclude", cwd=root
    )
    assert folder.stdout.decode().split() == ["content/posts/a.md"]  # a named folder, too
    no_git = run_cli(
        "check", *named, "--show-files", "--force-exclude", "--no-respect-gitignore", cwd=root
    )
    assert "public/posts/a/index.html" in no_git.stdout.decode().split()


def test_force_exclude_with_nothing_left_passes_with_a_warning(tmp_path) -> None:
    root = _site(tmp_path)
    (root / ".supplint.yaml").write_text("force_exclude: true\n", encoding="utf-8")
    result = run_cli("check", "public/posts/a/index.html", cwd=root)
    assert result.returncode == 0, result.stderr
    assert b"public/" not in result.stdout
    assert b"warning: no articles to lint: every path named is excluded" in result.stderr
    off = run_cli("check", "public/posts/a/index.html", "--no-force-exclude", cwd=root)
    assert off.returncode == 1 and b"public/posts/a/index.html:1:" in off.stdout
    (root / ".supplint.yaml").write_text("force-exclude: yes please\n", encoding="utf-8")
    bad = run_cli("check", "content", cwd=root)
    assert bad.returncode == 2
    assert b".supplint.yaml:1: 'force-exclude' must be a boolean" in bad.stderr


def test_jekyll_site_output_is_a_default_exclude(tmp_path) -> None:
    for rel in ("_posts/a.md", "_site/a/index.html"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(CLAIM, encoding="utf-8")
    assert _rel(tmp_path, list(walk(str(tmp_path)))) == ["_posts/a.md"]
    assert _rel(tmp_path, list(walk(str(tmp_path / "_site")))) == ["_site/a/index.html"]
