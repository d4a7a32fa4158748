"""`--template-dir` templates are bounded in time and memory, not only sandboxed: a huge loop,
string repetition, power or padding fails with one line naming the template, in bounded time,
and nothing is written."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from lint.report import templating
from lint.report.templating import TemplateError, environment, render_template

from .harness import run_supplint

HOSTILE = {
    "repeat": ("{{ 'x' * 10**10 }}", "SecurityError: repetition builds more than 10000000 items"),
    "repeat-list": ("{{ [1, 2] * 10**9 }}", "SecurityError: repetition builds more than"),
    "power": ("{{ 7 ** 1234567890 }}", "SecurityError: power has more than 100000 bits"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_report_template_fails_fast_with_one_line(tmp_path: Path, name: str):
    body, says = HOSTILE[name]
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "report.md").write_text(f"# Report\n{body}\n")
    (tmp_path / "post.md").write_text("A miracle cure.\n")
    run = run_supplint(
        "report",
        "post.md",
        "--format",
        "md",
        "--template-dir",
        "templates",
        "-o",
        "out.md",
        cwd=tmp_path,
        timeout=60,
    )
    assert not run.timed_out and not run.crashed, run.stderr[-2000:]
    assert run.returncode == 2
    (line,) = run.error_lines()
    assert line.startswith(f"supplint: error: templates/report.md:2: {says}"), line
    assert not (tmp_path / "out.md").exists()
    assert run.seconds < 20 and run.rss_mb < 600, (run.seconds, run.rss_mb)


def user_env(tmp_path: Path, body: str):
    (tmp_path / "report.md").write_text(body)
    return environment(tmp_path)


def test_endless_loop_stops_at_the_time_budget(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(templating, "TEMPLATE_SECONDS", 1.0)
    loop = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    env = user_env(tmp_path, loop)
    start = time.monotonic()
    with pytest.raises(TemplateError, match="template took more than 1 s"):
        render_template(env, "report.md", {})
    assert time.monotonic() - start < 5


def test_padding_filter_stops_at_the_memory_budget(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(templating, "TEMPLATE_MEMORY", 200 * 1024 * 1024)
    env = user_env(tmp_path, "{{ 'x'|center(10**10) }}")
    with pytest.raises(TemplateError, match="template needs more than 200 MB"):
        render_template(env, "report.md", {})
    # the limit is lifted again afterwards
    assert len(bytearray(300 * 1024 * 1024)) == 300 * 1024 * 1024


def test_ordinary_user_template_renders(tmp_path: Path):
    env = user_env(tmp_path, "{% for i in range(3) %}{{ 'ab' * 2 }}{{ 2 ** 10 }} {% endfor %}")
    assert render_template(env, "report.md", {}) == "abab1024 abab1024 abab1024 "


def test_an_outer_timer_is_given_back(tmp_path: Path):
    import signal

    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 50)
        render_template(user_env(tmp_path, "ok"), "report.md", {})
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 45 < left <= 50
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert not fired
