"""YAML alias bombs ("billion laughs") in every YAML supplint reads: the config, house rule
files and front matter fail fast with one line naming the file and line, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.yaml_nodes import MAX_ALIAS_VALUES, alias_bomb_line

from .harness import run_supplint


def laughs(levels: int = 9) -> str:
    """A flow list of `levels` anchors, each nine aliases of the one before: 9**levels values."""
    parts = ["&l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels):
        parts.append(f"&l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    return "[" + ", ".join(parts) + "]"


ARTICLE = "Magnesium is a mineral that some adults take in the evening.\n"


def assert_bomb_refused(folder: Path, where: str, *args: str) -> None:
    run = run_supplint("check", *args, cwd=folder, timeout=60)
    assert not run.timed_out and not run.crashed, run.stderr[-2000:]
    assert run.returncode == 2, run.stdout[-1000:] + run.stderr[-1000:]
    assert run.error_lines() == [
        f"supplint: error: {where}: YAML aliases expand to more than {MAX_ALIAS_VALUES} values"
    ]
    assert run.seconds < 20 and run.rss_mb < 300, (run.seconds, run.rss_mb)


def test_select_bomb_in_config(tmp_path: Path):
    (tmp_path / ".supplint.yaml").write_text("fail_on: info\nselect: " + laughs() + "\n")
    (tmp_path / "a.md").write_text(ARTICLE)
    assert_bomb_refused(tmp_path, f"{tmp_path / '.supplint.yaml'}:2", "a.md")


def test_examples_bomb_in_house_rule(tmp_path: Path):
    (tmp_path / ".supplint.yaml").write_text("rule_dirs: [house]\n")
    (tmp_path / "house").mkdir()
    rule = (
        "id: house.bomb\nkind: regex\nseverity: warning\nmessage: m\nregex: 'zzz'\n"
        "examples:\n  flag: [zzz]\n  pass: " + laughs() + "\n"
    )
    (tmp_path / "house" / "bomb.yaml").write_text(rule)
    (tmp_path / "a.md").write_text(ARTICLE)
    assert_bomb_refused(tmp_path, f"{tmp_path / 'house' / 'bomb.yaml'}:8", "a.md")


def test_bomb_in_front_matter_names_its_line(tmp_path: Path):
    (tmp_path / "a.md").write_text("---\ntitle: Sleep\ntags: " + laughs() + "\n---\n" + ARTICLE)
    run = run_supplint("check", "a.md", cwd=tmp_path, timeout=60)
    assert run.returncode == 2 and not run.crashed
    assert run.error_lines() == [
        "supplint: error: a.md:3: front matter: YAML aliases expand to more than "
        f"{MAX_ALIAS_VALUES} values"
    ]


def compose(text: str):
    from ruamel.yaml import YAML

    return YAML(typ="rt").compose(text)


@pytest.mark.parametrize(
    "text",
    [
        "base: &b {author: Kim}\npost: *b\n",
        "defaults: &d {severity: warning}\nrule:\n  <<: *d\n  id: x.y\n",
        "a: " + laughs(4) + "\n",  # 9**4 = 6,561 values: within the limit
    ],
)
def test_ordinary_anchors_pass(text: str):
    assert alias_bomb_line(compose(text)) is None


def test_recursive_alias_is_a_bomb():
    assert alias_bomb_line(compose("a: &a [x, *a]\n")) == 0


def test_a_large_file_without_aliases_is_not_a_bomb():
    text = "".join(f"k{i}: [a, b, c]\n" for i in range(20_000))  # 100k values, no alias
    assert alias_bomb_line(compose(text)) is None
