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


def complete(script: Path, *words: str) -> list[str]:
    import subprocess

    line = " ".join(words)
    program = (
        f"source {script}; COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}; "
        f'COMP_LINE="{line}"; COMP_POINT=${{#COMP_LINE}}; _shtab_supplint; '
        'printf "%s\\n" "${COMPREPLY[@]}"'
    )
    done = subprocess.run(["bash", "-c", program], capture_output=True, text=True, check=True)
    return done.stdout.split()


def test_bash_completion_completes_commands_and_options(tmp_path: Path) -> None:
    result = run_cli("completion", "bash")
    assert result.returncode == 0
    script = tmp_path / "supplint.bash"
    script.write_bytes(result.stdout)
    assert complete(script, "supplint", "ex") == ["explain"]
    assert "--select" in complete(script, "supplint", "check", "--sel")
    assert "--statistics" in complete(script, "supplint", "check", "--stat")


def test_completion_is_not_imported_by_check() -> None:
    import subprocess
    import sys

    probe = "import sys, lint.cli; lint.cli.build_parser(); print('shtab' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout.strip() == "False"


def test_output_file_in_the_linted_folder_is_not_linted(tmp_path: Path) -> None:
    article(tmp_path)
    first = run_cli("check", ".", "-o", "lint.txt", cwd=tmp_path)
    again = run_cli("check", ".", "-o", "lint.txt", cwd=tmp_path)
    assert first.returncode == again.returncode == 1, again.stderr
    assert "a.md:1:8: fda.disease-claim" in (tmp_path / "lint.txt").read_text(encoding="utf-8")
    shown = run_cli("check", ".", "-o", "lint.txt", "--show-files", cwd=tmp_path)
    assert [Path(p) for p in shown.stdout.decode().split()] == [Path("a.md")]


def test_show_settings_and_files(tmp_path: Path) -> None:
    article(tmp_path)
    (tmp_path / "notes.txt").write_text("Plain notes.\n", encoding="utf-8")
    (tmp_path / ".supplint.yaml").write_text(
        "select: [fda]\nexclude: [notes.txt]\n", encoding="utf-8"
    )
    files = run_cli("check", ".", "--show-files", cwd=tmp_path)
    assert files.returncode == 0
    assert [Path(p) for p in files.stdout.decode().split()] == [Path("a.md")]
    settings = json.loads(run_cli("check", ".", "--show-settings", cwd=tmp_path).stdout)
    assert settings["config"] == str((tmp_path / ".supplint.yaml").resolve())
    assert settings["settings"]["select"] == ["fda"]
    assert settings["rules"] == [
        "fda.disease-claim",
        "fda.drug-comparison",
        "fda.missing-disclaimer",
    ]


def test_options_between_paths_are_accepted(tmp_path: Path) -> None:
    """As Ruff: `check a.md -q b.md` lints both files quietly (argparse alone stops the paths
    at the first option and rejects b.md)."""
    first = article(tmp_path)
    second = tmp_path / "b.md"
    second.write_text("Bacopa cures ADHD.\n", encoding="utf-8")
    result = run_cli("check", "a.md", "-q", "b.md", "--format", "concise", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    paths = {line.split(":", 1)[0] for line in result.stdout.decode().splitlines()}
    assert paths == {first.name, second.name}  # both linted; -q: no summary line
    listed = run_cli("check", "b.md", "--show-files", "a.md", cwd=tmp_path)
    assert listed.stdout.decode().splitlines() == ["b.md", "a.md"]
    dashed = run_cli("check", "--show-files", "--", "-q", cwd=tmp_path)  # after --: a path
    assert dashed.returncode == 2 and b"-q: no such file" in dashed.stderr


def test_intermixed_parsing_of_every_path_command() -> None:
    from lint.commands.parser import build_parser

    parse = build_parser().parse_args
    assert parse(["check", "a.md", "-q", "b.md"]).paths == ["a.md", "b.md"]
    assert parse(["check", "-q"]).paths == ["."]  # the default stays
    report = parse(["report", "a.md", "-o", "r.html", "b.md"])
    assert (report.paths, report.output) == (["a.md", "b.md"], "r.html")
    tested = parse(["test-rules", "pack", "-v", "more"])
    assert [str(t) for t in tested.targets] == ["pack", "more"] and tested.verbose
    review = parse(["review", "a.md", "--no-open", "b.md"])
    assert review.paths == ["a.md", "b.md"] and review.no_open
