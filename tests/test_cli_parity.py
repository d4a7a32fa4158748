"""Flags users type from habit with Ruff: --statistics, --exit-zero, -o, --extend-select."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

ARTICLE = (
    "Bacopa cures ADHD in children.\n\n"
    "Ashwagandha treats anxiety and insomnia.\n\n"
    "[Buy it on Amazon](https://www.amazon.com/dp/B000?tag=site-20) today.\n"
)


def article(folder: Path) -> Path:
    path = folder / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_statistics_counts_per_rule_most_first(tmp_path: Path) -> None:
    path = article(tmp_path)
    listed = json.loads(run_cli("check", "--format", "json", str(path)).stdout)
    expected: dict[str, int] = {}
    for finding in listed["findings"]:
        expected[finding["rule_id"]] = expected.get(finding["rule_id"], 0) + 1
    result = run_cli("check", "--statistics", str(path))
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    counts = {line.split()[1]: int(line.split()[0]) for line in lines}
    assert counts == expected
    assert [int(line.split()[0]) for line in lines] == sorted(counts.values(), reverse=True)
    assert "fda.disease-claim" in counts and "a.md:" not in result.stdout.decode()
    rows = json.loads(run_cli("check", "--statistics", "--format", "json", str(path)).stdout)
    assert {row["rule"]: row["count"] for row in rows} == expected


def test_exit_zero_keeps_output_and_input_errors(tmp_path: Path) -> None:
    path = article(tmp_path)
    result = run_cli("check", "--exit-zero", str(path))
    assert result.returncode == 0 and b"fda.disease-claim" in result.stdout
    missing = run_cli("check", "--exit-zero", str(tmp_path / "nope.md"))
    assert missing.returncode == 2


def test_output_file_gets_the_output_and_never_an_input(tmp_path: Path) -> None:
    path = article(tmp_path)
    out = tmp_path / "reports" / "lint.txt"
    result = run_cli("check", "--output-file", str(out), str(path))
    assert result.returncode == 1 and result.stdout == b""
    assert f"{path}:1:8: fda.disease-claim" in out.read_text(encoding="utf-8")
    refused = run_cli("check", "-o", str(path), str(path))
    assert refused.returncode == 2 and b"is one of the files being linted" in refused.stderr
    assert path.read_text(encoding="utf-8") == ARTICLE


def test_extend_select_adds_to_the_selection(tmp_path: Path) -> None:
    path = article(tmp_path)
    (tmp_path / ".supplint.yaml").write_text("select: [ftc]\n", encoding="utf-8")
    only_ftc = json.loads(run_cli("check", "--format", "json", str(path)).stdout)
    assert {f["rule_id"].split(".")[0] for f in only_ftc["findings"]} == {"ftc"}
    both = run_cli("check", "--format", "json", "--extend-select", "fda", str(path))
    families = {f["rule_id"].split(".")[0] for f in json.loads(both.stdout)["findings"]}
    assert families == {"ftc", "fda"}
    typo = run_cli("check", "--extend-select", "fdx", str(path))
    assert typo.returncode == 2 and b"did you mean 'fda'?" in typo.stderr
