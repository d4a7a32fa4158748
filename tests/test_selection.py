"""A selector or config that names nothing is an error, never a silent "All checks passed"."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

CLAIM = "Bacopa is a natural treatment for ADHD in children.\n"  # fda findings only


def article(folder: Path) -> Path:
    path = folder / "a.md"
    path.write_text(CLAIM, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("option", "value", "hint"),
    [
        ("--select", "fdaa", "'fda'"),
        ("--ignore", "evidence.overclaimz", "'evidence.overclaim'"),
        ("--select", "fda,ftcc", "'ftc'"),
    ],
)
def test_unknown_cli_selector_is_a_usage_error(
    tmp_path: Path, option: str, value: str, hint: str
) -> None:
    result = run_cli("check", option, value, str(article(tmp_path)))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.count("\n") == 1, err
    assert f"did you mean {hint}?" in err
    assert result.stdout == b""


@pytest.mark.parametrize(
    ("config", "line", "message"),
    [
        ("fail_on: error\nselect: [fdaa]\n", 2, "'select': unknown rule or family 'fdaa'"),
        ("ignore:\n  - ftc\n  - safetyy\n", 1, "'ignore': unknown rule or family 'safetyy'"),
        ("severity: {fda.disease-claims: warning}\n", 1, "'severity': unknown rule or family"),
    ],
)
def test_unknown_config_selector_names_file_and_line(
    tmp_path: Path, config: str, line: int, message: str
) -> None:
    (tmp_path / ".supplint.yaml").write_text(config, encoding="utf-8")
    result = run_cli("check", str(article(tmp_path)))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert f".supplint.yaml:{line}: {message}" in err, err
    assert err.count("\n") == 1


def test_known_selectors_still_select(tmp_path: Path) -> None:
    path = article(tmp_path)
    assert run_cli("check", "--select", "ALL", str(path)).returncode == 1
    assert run_cli("check", "--select", "fda", "--ignore", "fda", str(path)).returncode == 0
    assert run_cli("check", "--select", "suppression", str(path)).returncode == 0


def test_broken_pyproject_is_an_error_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "site"\n\n[tool.supplint\nselect = ["fda"]\n', encoding="utf-8"
    )
    result = run_cli("check", str(article(tmp_path)))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "pyproject.toml:4:" in err and "invalid TOML" in err, err
    assert "Traceback" not in err


def test_pyproject_table_is_parsed_not_searched(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.supplint]\nselect = ["evidence"]\n', encoding="utf-8"
    )
    assert run_cli("check", str(article(tmp_path))).returncode == 0  # fda not selected
    (tmp_path / "pyproject.toml").write_text(
        "# see [tool.supplint] in the docs\n[tool.other]\nx = 1\n", encoding="utf-8"
    )
    assert run_cli("check", str(article(tmp_path))).returncode == 1  # no config: all rules
