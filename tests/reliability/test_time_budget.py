"""The per-file time budget (issue 13): a file over it is one error line, the others are
reported, with or without --jobs; the budget never leaves a timer or a handler behind."""

from __future__ import annotations

import json
import signal
import threading
import time
from pathlib import Path

import pytest

from lint import budget
from lint.config import Config, load_config
from lint.engine import Engine
from lint.errors import ConfigError
from lint.sources import Source

from .harness import run_supplint

PARAGRAPH = (
    "Magnesium glycinate is a mineral salt that some adults take in the evening. A small "
    "trial reported modest changes in sleep onset [2]. This product is clinically proven.\n\n"
)


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "big.md").write_text("# Notes\n\n" + PARAGRAPH * 16_000)  # ~20 s unbounded
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text("# Small\n\n" + PARAGRAPH * 2)
    return tmp_path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_over_budget_is_one_error_line_and_the_others_are_reported(tmp_path, jobs):
    folder = _folder(tmp_path)
    run = run_supplint(
        "check", ".", "--timeout", "1", "--jobs", jobs, "--format", "json", cwd=folder
    )
    assert not run.crashed and not run.timed_out, run.stderr[-500:]
    assert run.returncode == 2
    assert run.error_lines() == [
        "supplint: error: ./big.md: took longer than 1 s to check; skipped (the per-file time "
        "budget: raise it with --timeout SECONDS or `timeout:` in the config)"
    ]
    paths = {finding["path"] for finding in json.loads(run.stdout)["findings"]}
    assert paths == {"./a.md", "./b.md", "./c.md"}


def test_the_budget_comes_from_the_config_and_the_flag_overrides_it(tmp_path):
    folder = _folder(tmp_path)
    (folder / ".supplint.yaml").write_text("timeout: 0.5\n")
    run = run_supplint("check", "big.md", "a.md", "--format", "concise", cwd=folder)
    assert run.error_lines()[0].startswith("supplint: error: big.md: took longer than 0.5 s")
    run = run_supplint("check", "a.md", "--timeout", "30", "--format", "concise", cwd=folder)
    assert run.returncode == 1 and run.error_lines() == []


@pytest.mark.parametrize(
    ("value", "message"),
    [("true", "'timeout' must be a number"), ("-2", "timeout must be 0 (no limit) or more")],
)
def test_a_bad_timeout_in_the_config_is_an_error_with_its_line(tmp_path, value, message):
    path = tmp_path / ".supplint.yaml"
    path.write_text(f"select: [fda]\ntimeout: {value}\n")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert err.value.line == 2 and message in err.value.message


def test_a_bad_timeout_flag_is_a_usage_error(tmp_path):
    run = run_supplint("check", ".", "--timeout", "soon", cwd=tmp_path)
    assert run.returncode == 2
    assert "argument --timeout: expected 0 or more seconds, got 'soon'" in run.stderr


def test_the_engine_skips_a_slow_file_and_goes_on(monkeypatch):
    import lint.engine

    real_parse = lint.engine.parse

    def parse(source):
        if source.path == "slow.md":
            time.sleep(30)  # interrupted by the budget's alarm
        return real_parse(source)

    monkeypatch.setattr(lint.engine, "parse", parse)
    engine = Engine(Config(timeout=0.3))
    start = time.monotonic()
    slow, fast = engine.lint_sources(
        [Source("slow.md", PARAGRAPH, "markdown"), Source("fast.md", PARAGRAPH, "markdown")]
    )
    assert time.monotonic() - start < 10
    assert slow.error is not None and slow.error.startswith("slow.md: took longer than 0.3 s")
    assert fast.error is None and [f.rule_id for f in fast.findings] == ["evidence.overclaim"]


def test_no_timer_or_handler_is_left_behind():
    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(budget.BudgetExceeded), budget.time_budget(0.2):
        while True:
            pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before
    with budget.time_budget(5):
        pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_without_the_alarm_the_deadline_is_checked_between_stages():
    outcome: list[str] = []

    def in_thread() -> None:  # no signals outside the main thread
        with budget.time_budget(0.1):
            budget.check()  # not yet
            time.sleep(0.3)
            try:
                budget.check()
            except budget.BudgetExceeded:
                outcome.append("expired")
        budget.check()  # no budget outside the block

    worker = threading.Thread(target=in_thread)
    worker.start()
    worker.join()
    assert outcome == ["expired"]


def test_zero_means_no_budget():
    with budget.time_budget(0):
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        budget.check()
