"""Streamed check output (lint/report/stream.py): the same bytes as the whole-run renderers,
written per file, with nothing of a finished file kept."""

from __future__ import annotations

import gc
import io
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import run_cli

from lint.engine import FileResult
from lint.finding import Finding
from lint.report.stream import stream_results

ARTICLES = {
    "a.md": "# Focus\n\nThis blend is clinically proven to help.\n\nIt is a natural alternative "
    "to Adderall for exams.\n",
    "b.html": "<p>Students call it a legal Ritalin.</p><p>Sleep is still the basics.</p>",
    "c.txt": "Nothing here is guaranteed.\n\nThe capsules are risk-free, the label says.\n",
    "d.md": "Plain notes about magnesium and sleep, with no claims at all.\n",
}


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "bad.md").write_bytes(b"caf\xe9 is not UTF-8\n")
    return folder


@pytest.mark.parametrize("fmt", ["text", "concise", "github"])
@pytest.mark.parametrize("extra", [[], ["--fail-on", "error"], ["--select", "evidence"]])
def test_streamed_output_is_the_whole_run_output(
    corpus: Path, tmp_path: Path, fmt: str, extra: list[str]
) -> None:
    whole = tmp_path / "whole.txt"  # --output-file takes the whole-run path
    streamed = run_cli("check", str(corpus), "--format", fmt, "--jobs", "1", *extra)
    written = run_cli(
        "check", str(corpus), "--format", fmt, "--jobs", "1", "-o", str(whole), *extra
    )
    assert streamed.stdout == whole.read_bytes()
    assert streamed.stderr == written.stderr
    assert streamed.returncode == written.returncode == 2  # bad.md is unreadable
    assert b"bad.md: not valid UTF-8" in streamed.stderr


@pytest.mark.parametrize("fmt", ["text", "concise", "github"])
@pytest.mark.parametrize(
    "extra",
    [
        ["-q"],
        ["-qq"],
        ["--color", "always"],
        ["--color", "always", "-q"],
        ["--color", "never"],
        ["--color", "always", "--select", "evidence"],
    ],
)
def test_streamed_quiet_and_color_are_the_whole_run_bytes(
    corpus: Path, tmp_path: Path, fmt: str, extra: list[str]
) -> None:
    whole = tmp_path / "whole.txt"  # --output-file takes the whole-run path
    written = run_cli(
        "check", str(corpus), "--format", fmt, "--jobs", "1", "-o", str(whole), *extra
    )
    streamed = run_cli("check", str(corpus), "--format", fmt, "--jobs", "1", *extra)
    # -qq: nothing on stdout (a file named is still written, with the findings only)
    assert streamed.stdout == (b"" if "-qq" in extra else whole.read_bytes())
    assert written.stdout == b""
    assert streamed.stderr == written.stderr
    assert streamed.returncode == written.returncode == 2
    if "-qq" in extra:
        assert streamed.stdout == b""
    if "-q" in extra and fmt != "github":
        assert b"Found " not in streamed.stdout and b"fixable" not in streamed.stdout
        assert streamed.stdout  # the findings are still there
    if "always" in extra and fmt != "github":
        assert b"\x1b[1m" in streamed.stdout
    if "never" in extra or fmt == "github":
        assert b"\x1b[" not in streamed.stdout


def test_streamed_exit_codes_follow_fail_on(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Results are guaranteed within a week.\n", encoding="utf-8")  # info only
    assert run_cli("check", str(article)).returncode == 1
    assert run_cli("check", str(article), "--fail-on", "warning").returncode == 0
    assert run_cli("check", str(article), "--exit-zero").returncode == 0


def _finding(path: str, line: int) -> Finding:
    return Finding(
        path=path,
        rule_id="evidence.overclaim",
        severity="info",
        message="Absolute claim",
        line=line,
        column=1,
        end_line=line,
        end_column=5,
        excerpt="Sure",
        family="evidence",
        start_offset=0,
        end_offset=4,
    )


def test_each_file_is_written_before_the_next_is_linted_and_not_kept() -> None:
    out = io.StringIO()
    alive: list[weakref.ref[FileResult]] = []

    def result(n: int) -> FileResult:
        made = FileResult(f"f{n}.txt", [_finding(f"f{n}.txt", 1)], source="Sure thing.\n")
        alive.append(weakref.ref(made))
        return made

    def results() -> Iterator[FileResult]:
        for n in range(3):
            if n:  # the previous file's lines are out, and its result is gone
                assert f"f{n - 1}.txt:1:1:" in out.getvalue()
                gc.collect()
                assert alive[-1]() is None
            yield result(n)

    tally = stream_results(results(), "text", out)
    assert tally.files == 3 and tally.counts["info"] == 3
    assert out.getvalue().endswith("Found 3 findings (0 errors, 0 warnings, 3 infos) in 3 files.\n")


def test_an_excerpt_comes_from_its_own_row_when_two_rows_share_an_id(tmp_path: Path) -> None:
    # regression: excerpts were looked up by path, so the first row showed the second's line
    table = tmp_path / "rows.csv"
    table.write_text(
        "id,body\n7,Results are guaranteed by week one.\n7,A calm note on sleep and tea.\n",
        encoding="utf-8",
    )
    out = run_cli("check", str(table), "--no-cache", "--select", "evidence.overclaim")
    assert b"Results are guaranteed by week one." in out.stdout
    assert b"A calm note on sleep and tea." not in out.stdout
