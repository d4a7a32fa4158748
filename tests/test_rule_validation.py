"""Broken house rule files: one line naming file:line:col and the problem, exit 2, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from lint.errors import ConfigError
from lint.rules.loader import load_rules

GOOD = """\
id: house.no-cure
kind: phrase
severity: error
message: "Never '{match}'"
phrases: [cure]
"""


def house(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "house"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    (tmp_path / ".supplint.yaml").write_text("rule_dirs: [house]\n", encoding="utf-8")
    return folder


# (file text, 1-based line, column, message) -- each a mistake a rule author makes
CLI_CASES = {
    "unknown kind": (
        GOOD.replace("kind: phrase", "kind: phrse"),
        2,
        7,
        "unknown kind 'phrse', did you mean 'phrase'?",
    ),
    "unknown key": (
        GOOD.replace("phrases:", "phrazes:"),
        5,
        1,
        "unknown key 'phrazes' for kind 'phrase', did you mean 'phrases'?",
    ),
    "wrong type": (GOOD + "lemma: often\n", 6, 8, "'lemma' must be a boolean"),
    "regex RE2 cannot run": (
        GOOD.replace("kind: phrase", "kind: regex").replace(
            "phrases: [cure]", "regex: '(?<!not )cures'"
        ),
        5,
        1,
        "regex cannot run on RE2 (linear-time engine; no backreferences or lookaround)",
    ),
    "bad spaCy pattern": (
        GOOD.replace("kind: phrase", "kind: pattern").replace(
            "phrases: [cure]", "patterns:\n  - [{LOWR: cures}]"
        ),
        6,
        7,
        "unknown key 'LOWR' in 'patterns.0.0', did you mean 'LOWER'?",
    ),
    "invalid YAML": (GOOD + "explain: [unclosed\n", 7, 1, "invalid YAML:"),
    "backtracking REGEX in a token pattern": (
        GOOD.replace("kind: phrase", "kind: pattern").replace(
            "phrases: [cure]", "patterns:\n  - [{TEXT: {REGEX: '(a+)+$'}}]"
        ),
        6,
        14,
        "REGEX inside a token pattern runs on a backtracking engine",
    ),
}


@pytest.mark.parametrize("case", sorted(CLI_CASES))
def test_cli_reports_rule_error_with_line_and_exit_2(tmp_path: Path, case: str) -> None:
    text, line, column, message = CLI_CASES[case]
    folder = house(tmp_path, {"rule.yaml": text})
    result = run_cli("rules", "--config", str(tmp_path / ".supplint.yaml"))
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert f"{folder / 'rule.yaml'}:{line}:{column}: {message}" in stderr


def test_check_with_broken_house_rule_exits_2(tmp_path: Path) -> None:
    house(tmp_path, {"rule.yaml": CLI_CASES["unknown kind"][0]})
    article = tmp_path / "post.md"
    article.write_text("Ginkgo is a tree.\n", encoding="utf-8")
    result = run_cli("check", str(article))
    assert result.returncode == 2
    assert b"unknown kind 'phrse', did you mean 'phrase'?" in result.stderr
    assert b"Traceback" not in result.stderr


def load_error(tmp_path: Path, files: dict[str, str]) -> ConfigError:
    folder = house(tmp_path, files)
    with pytest.raises(ConfigError) as caught:
        load_rules([folder])
    return caught.value


def test_duplicate_id_across_house_files(tmp_path: Path) -> None:
    err = load_error(tmp_path, {"a.yaml": GOOD, "b.yaml": GOOD})
    assert err.path.endswith("b.yaml")
    assert (err.line, err.column) == (1, 1)
    assert "duplicate rule id 'house.no-cure'" in err.message
    assert "a.yaml:1" in err.message


def test_duplicate_of_builtin_id(tmp_path: Path) -> None:
    err = load_error(tmp_path, {"a.yaml": GOOD.replace("house.no-cure", "evidence.overclaim")})
    assert "duplicate rule id 'evidence.overclaim'" in err.message
    assert "overclaim.yaml" in err.message


@pytest.mark.parametrize(
    ("replace", "by", "line", "message"),
    [
        ("severity: error", "severity: eror", 3, "expected one of info, warning, error"),
        ("id: house.no-cure", "id: NoCure", 1, "must look like family.name"),
        ("phrases: [cure]", "phrases: []", 5, "'phrases' must not be empty"),
        ("phrases: [cure]", "phrases: [cure]\nunless: [negatd]", 6, "did you mean 'negated'?"),
        (
            "phrases: [cure]",
            "phrases: [cure]\nexamples: {flags: [x]}",
            6,
            "unknown key 'flags' in 'examples', did you mean 'flag'?",
        ),
        (
            "phrases: [cure]",
            "phrases: [cure]\nexamples:\n  flag:\n    - {text: x, format: pdf}",
            8,
            "expected one of",
        ),
    ],
)
def test_common_key_errors(tmp_path: Path, replace: str, by: str, line: int, message: str) -> None:
    err = load_error(tmp_path, {"r.yaml": GOOD.replace(replace, by)})
    assert err.line == line, err.render()
    assert message in err.message


REQUIRES = """\
id: house.dose-doctor
kind: requires
severity: warning
message: "Dose '{match}' without a doctor"
when: {regex: '\\d+ mg'}
must: {phrases: [your doctor]}
scope: paragraph
"""


@pytest.mark.parametrize(
    ("replace", "by", "line", "message"),
    [
        ("scope: paragraph", "scope: paragrph", 7, "did you mean 'paragraph'?"),
        ("must: {phrases: [your doctor]}\n", "", 1, "missing key 'must'"),
        ("{phrases: [your doctor]}", "{phrase: [your doctor]}", 6, "did you mean 'phrases'?"),
        ("{phrases: [your doctor]}", "{lemma: true}", 6, "'must' needs one of"),
        ("'\\d+ mg'", "'(\\d+) mg \\1'", 5, "regex cannot run on RE2"),
        (
            "{phrases: [your doctor]}",
            "{patterns: [[{LOWER: doctor, OP: often}]]}",
            6,
            "'must.patterns.0.0.OP'",
        ),
    ],
)
def test_requires_errors(tmp_path: Path, replace: str, by: str, line: int, message: str) -> None:
    err = load_error(tmp_path, {"r.yaml": REQUIRES.replace(replace, by)})
    assert err.line == line, err.render()
    assert message in err.message, err.render()


def test_rule_list_and_rules_key_forms_load(tmp_path: Path) -> None:
    second = GOOD.replace("house.no-cure", "house.no-heal").replace("cure]", "heal]")
    listed = "- " + GOOD.replace("\n", "\n  ").rstrip() + "\n"
    folder = house(
        tmp_path,
        {"a.yaml": listed, "b.yaml": "rules:\n  - " + second.replace("\n", "\n    ").rstrip()},
    )
    ids = {rule.id for rule in load_rules([folder]).rules if not rule.builtin}
    assert ids == {"house.no-cure", "house.no-heal"}


def test_missing_rule_folder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="rule folder does not exist"):
        load_rules([tmp_path / "nowhere"])
