"""`--fix` writes only files that are plainly the user's own to rewrite, never outside the tree,
and a fix that feeds on its own output is dropped instead of written."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from conftest import run_cli

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
HOUSE = """id: house.superfood
kind: regex
severity: warning
message: "Avoid '{match}'"
regex: "superfood"
fix: "nutrient-dense food"
"""
ARTICLE = "Kale is a superfood for breakfast.\n"
FIXED = ARTICLE.replace("superfood", "nutrient-dense food")


def site(tmp_path: Path, rule: str = HOUSE) -> Path:
    root = tmp_path / "repo"
    (root / "house").mkdir(parents=True)
    (root / "house" / "rule.yaml").write_text(rule, "utf-8")
    (root / ".supplint.yaml").write_text("rule_dirs: [house]\nselect: [house]\n", "utf-8")
    (root / "posts").mkdir()
    return root


def fix(root: Path, *paths: str):
    return run_cli("check", "--fix", *(paths or ("posts",)), cwd=root)


def warnings(run) -> list[str]:
    return [line for line in run.stderr.decode().splitlines() if "warning" in line]


def test_a_symlink_out_of_the_tree_is_not_written_through(tmp_path: Path):
    root = site(tmp_path)
    victim = tmp_path / "victim" / "bashrc"
    victim.parent.mkdir()
    victim.write_text(ARTICLE, "utf-8")
    (root / "posts" / "readme.md").symlink_to(Path("..", "..", "victim", "bashrc"))
    (root / "posts" / "own.md").write_text(ARTICLE, "utf-8")
    run = fix(root)
    assert victim.read_text("utf-8") == ARTICLE  # untouched
    assert (root / "posts" / "readme.md").is_symlink()
    assert (root / "posts" / "own.md").read_text("utf-8") == FIXED  # the others still fixed
    [warning] = warnings(run)
    assert "posts/readme.md: is a symbolic link; not fixed" in warning
    assert run.returncode == 1  # the link's finding is still reported
    assert b"posts/readme.md:1:11: house.superfood" in run.stdout


def test_a_named_symlink_is_not_written_through_either(tmp_path: Path):
    root = site(tmp_path)
    (tmp_path / "outside.md").write_text(ARTICLE, "utf-8")
    (root / "posts" / "link.md").symlink_to(tmp_path / "outside.md")
    run = fix(root, "posts/link.md", "--config", ".supplint.yaml")
    assert (tmp_path / "outside.md").read_text("utf-8") == ARTICLE
    assert len(warnings(run)) == 1 and run.returncode == 1


def test_a_hard_linked_file_is_reported_not_split(tmp_path: Path):
    root = site(tmp_path)
    post = root / "posts" / "post.md"
    post.write_text(ARTICLE, "utf-8")
    os.link(post, tmp_path / "other-name.md")
    run = fix(root)
    assert post.read_text("utf-8") == ARTICLE
    assert os.stat(post).st_ino == os.stat(tmp_path / "other-name.md").st_ino
    [warning] = warnings(run)
    assert "posts/post.md: has 2 hard links; not fixed" in warning


def test_a_read_only_file_is_not_rewritten_even_by_root(tmp_path: Path):
    root = site(tmp_path)
    post = root / "posts" / "post.md"
    post.write_text(ARTICLE, "utf-8")
    post.chmod(0o444)
    run = fix(root)
    assert post.read_text("utf-8") == ARTICLE
    assert stat.S_IMODE(post.stat().st_mode) == 0o444
    [warning] = warnings(run)
    assert "posts/post.md: is read-only; not fixed" in warning


def test_a_rewrite_keeps_the_mode(tmp_path: Path):
    root = site(tmp_path)
    post = root / "posts" / "post.md"
    post.write_text(ARTICLE, "utf-8")
    post.chmod(0o640)
    run = fix(root)
    assert post.read_text("utf-8") == FIXED and run.returncode == 0
    assert stat.S_IMODE(post.stat().st_mode) == 0o640
    assert not warnings(run)


@pytest.mark.skipif(not IS_ROOT, reason="only root can give a file to another user")
def test_root_does_not_take_ownership_of_another_users_file(tmp_path: Path):
    root = site(tmp_path)
    post = root / "posts" / "post.md"
    post.write_text(ARTICLE, "utf-8")
    os.chown(post, 65534, 65534)
    run = fix(root)
    assert post.read_text("utf-8") == ARTICLE
    assert (post.stat().st_uid, post.stat().st_gid) == (65534, 65534)
    [warning] = warnings(run)
    assert "posts/post.md: is owned by another user (uid 65534); not fixed" in warning


@pytest.mark.skipif(not IS_ROOT, reason="needs a group the file can be given to")
def test_a_rewrite_keeps_the_group(tmp_path: Path):
    root = site(tmp_path)
    post = root / "posts" / "post.md"
    post.write_text(ARTICLE, "utf-8")
    os.chown(post, -1, 65534)
    fix(root)
    assert post.read_text("utf-8") == FIXED
    assert (post.stat().st_uid, post.stat().st_gid) == (0, 65534)


def test_directory_walk_does_not_follow_a_symlinked_folder(tmp_path: Path):
    root = site(tmp_path)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "post.md").write_text(ARTICLE, "utf-8")
    (root / "posts" / "linked").symlink_to(outside, target_is_directory=True)
    (root / "posts" / "loop").symlink_to("..", target_is_directory=True)
    (root / "posts" / "own.md").write_text(ARTICLE, "utf-8")
    run = fix(root)
    assert (outside / "post.md").read_text("utf-8") == ARTICLE
    assert (root / "posts" / "own.md").read_text("utf-8") == FIXED
    assert b"elsewhere" not in run.stdout + run.stderr and b"linked" not in run.stdout


RUNAWAY = """id: house.zz
kind: regex
severity: warning
message: "zz"
regex: "zz+"
fix: "{match}{match}"
"""


def test_a_fix_that_feeds_on_its_own_output_is_dropped(tmp_path: Path):
    root = site(tmp_path, RUNAWAY)
    post = root / "posts" / "post.md"
    text = "".join(f"Line {n} says zz here.\n\n" for n in range(60))
    post.write_text(text, "utf-8")
    run = fix(root)
    assert post.read_text("utf-8") == text  # nothing written
    [warning] = warnings(run)
    assert "posts/post.md: fixes by house.zz grow it without settling" in warning
    assert "not fixed" in warning
    assert run.returncode == 1 and run.stdout.count(b"house.zz") == 60  # the original findings


def test_a_runaway_fix_is_not_shown_as_a_diff_or_piped(tmp_path: Path):
    root = site(tmp_path, RUNAWAY)
    text = "A zz line.\n" * 400
    (root / "posts" / "post.md").write_text(text, "utf-8")
    diff = run_cli("check", "--diff", "posts", cwd=root)
    assert diff.stdout == b"" and diff.returncode == 0
    piped = run_cli(
        "check", "--fix", "-", "--stdin-filename", "post.md", cwd=root, stdin=text.encode()
    )
    assert piped.stdout == text.encode()


def test_fix_symlinks_fixes_a_target_inside_the_named_paths(tmp_path: Path):
    root = site(tmp_path)
    (root / "posts" / "shared").mkdir()
    real = root / "posts" / "shared" / "real.md"
    real.write_text(ARTICLE, "utf-8")
    (root / "posts" / "alias.md").symlink_to(Path("shared", "real.md"))
    run = run_cli("check", "--fix", "--fix-symlinks", "posts/alias.md", "posts/shared", cwd=root)
    assert real.read_text("utf-8") == FIXED
    assert (root / "posts" / "alias.md").is_symlink()  # the link is kept
    assert not warnings(run) and run.returncode == 0


def test_fix_symlinks_still_never_leaves_the_named_paths(tmp_path: Path):
    root = site(tmp_path)
    victim = tmp_path / "victim.md"
    victim.write_text(ARTICLE, "utf-8")
    (root / "posts" / "readme.md").symlink_to(victim)
    for named in ("posts", "posts/readme.md"):  # naming the link does not vouch for its target
        run = run_cli(
            "check", "--fix", "--fix-symlinks", named, "--config", ".supplint.yaml", cwd=root
        )
        assert victim.read_text("utf-8") == ARTICLE
        [warning] = warnings(run)
        assert "posts/readme.md: is a symbolic link to a file outside the paths named" in warning
