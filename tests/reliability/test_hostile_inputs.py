"""`supplint check` on hostile inputs: a clean pass, or one error line naming the file and
exit 2; never a traceback, a hang or unbounded memory. Bounds: see README.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from .harness import Run, as_nobody, run_supplint
from .hostile import CASES, CLEAN, ERROR, PARAGRAPH, Case


def run_case(case: Case, folder: Path) -> tuple[list[str], Run]:
    folder.chmod(0o755)  # readable by `nobody` too (see the unreadable case)
    args = case.build(folder)
    prefix: tuple[str, ...] = ()
    if "chmod 000" in case.name:
        found = as_nobody()
        if found is None:
            pytest.skip("running as root without setpriv: cannot make a file unreadable to us")
        prefix = found
    return args, run_supplint("check", *args, cwd=folder, timeout=case.seconds * 2, prefix=prefix)


def assert_outcome(case: Case, args: list[str], run: Run) -> None:
    assert not run.timed_out, f"{case.name}: still running after {case.seconds * 2:.0f} s"
    assert not run.crashed, f"{case.name}: crashed\n{run.stderr[-2000:]}"
    if case.expect == CLEAN:
        assert run.returncode == 0, f"{case.name}: {run.stdout[-1500:]}{run.stderr[-1500:]}"
        assert run.stderr == ""
    else:
        assert run.returncode == 2, f"{case.name}: {run.stdout[-1500:]}{run.stderr[-1500:]}"
        lines = run.stderr.splitlines()
        assert len(lines) == len(args), f"{case.name}: want one line per path: {lines}"
        for line, path in zip(sorted(lines), sorted(args), strict=True):
            assert line.startswith(f"supplint: error: {path}"), line
    assert run.seconds < case.seconds, f"{case.name}: took {run.seconds:.1f} s"
    assert run.rss_mb < case.megabytes, f"{case.name}: peak RSS {run.rss_mb:.0f} MB"


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input(case: Case, tmp_path: Path):
    args, run = run_case(case, tmp_path)
    assert_outcome(case, args, run)


def test_good_files_still_reported_next_to_bad_ones(tmp_path: Path):
    """One bad file must not hide the others' findings: each bad file gets its line, exit 2."""
    (tmp_path / "good.md").write_text("This blend is clinically proven.\n")
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\x00\x00")
    (tmp_path / "fine.md").write_text(PARAGRAPH)
    run = run_supplint("check", "good.md", "bad.md", "fine.md", cwd=tmp_path)
    assert run.returncode == 2 and not run.crashed
    assert run.error_lines() == [
        "supplint: error: bad.md: file is UTF-16 encoded; supplint reads UTF-8 only"
    ]
    assert "good.md:1:15: evidence.overclaim" in run.stdout


def test_expected_outcomes_cover_both_kinds():
    kinds = {case.expect for case in CASES}
    assert kinds == {CLEAN, ERROR}
