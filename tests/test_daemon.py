"""The warm daemon (`check --daemon`): the same bytes as in-process, safely, and no leftovers.

Every test runs its daemons in a socket folder under tmp_path and stops them at the end; the
idle time-out is short, so even a failed test leaves nothing running for long.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (
    "---\ntitle: Rhodiola\n---\n# Rhodiola for stress\n\n"
    "Rhodiola cures depression and treats anxiety in adults.\n\n"
    "Take 600 mg every morning.\n\n"
    "[Buy Rhodiola on Amazon](https://www.amazon.com/dp/B0TEST?tag=shop-20) today.\n"
)
PAGE = (
    "<html><body><h1>Kava</h1><p>Kava eliminates anxiety for good.</p>"
    '<p><a href="https://www.amazon.com/dp/B0KAVA?tag=shop-20">Get kava</a></p></body></html>'
)
NOTES = "Ginkgo reverses memory loss in mice, so it will work for you too.\n"
CONFIG = "fail_on: warning\nseverity: {fda.disease-claim: warning}\n"
STATUS = re.compile(r"daemon (\d+): .* (\d+) connections served")


def cli(
    *args: str, env: dict[str, str], cwd: Path, stdin: bytes = b""
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "lint", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def base_env(run_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "SUPPLINT_DAEMON")}
    env.update(PYTHONPATH=str(ROOT), SUPPLINT_DAEMON_DIR=str(run_dir), SUPPLINT_DAEMON_IDLE="30")
    env.update(extra)
    return env


def daemons(env: dict[str, str]) -> list[tuple[int, int]]:
    """(pid, connections served) of each running daemon; a status call is itself one."""
    out = cli("daemon", "status", env=env, cwd=ROOT).stdout.decode()
    return [(int(m[1]), int(m[2])) for m in STATUS.finditer(out)]


def wait_for(predicate, timeout: float = 90.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def running(pid: int) -> bool:
    """Alive and not a zombie (a daemon's parent is gone: init reaps it in its own time)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][0] != "Z"
    except OSError:
        return False


def stop_all(env: dict[str, str]) -> None:
    pids = [pid for pid, _ in daemons(env)]
    cli("daemon", "stop", env=env, cwd=ROOT)
    try:
        wait_for(lambda: not any(running(pid) for pid in pids), timeout=10)
    finally:
        for pid in pids:  # never leave one behind, even if `stop` were broken
            if running(pid):
                os.kill(pid, signal.SIGKILL)


def start(env: dict[str, str], cwd: Path, *args: str) -> int:
    """One in-process run starts the daemon; wait until it answers. Its pid."""
    cli("check", "--daemon", *args, env=env, cwd=cwd)
    wait_for(lambda: bool(daemons(env)))
    [(pid, _served)] = daemons(env)
    return pid


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    sub = root / "articles" / "sub"
    sub.mkdir(parents=True)
    (root / ".supplint.yaml").write_text(CONFIG, encoding="utf-8")
    (root / "articles" / "rhodiola.md").write_text(ARTICLE, encoding="utf-8")
    (root / "articles" / "kava.html").write_text(PAGE, encoding="utf-8")
    (sub / "notes.txt").write_text(NOTES, encoding="utf-8")
    return root


@pytest.fixture()
def run_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "run"
    yield folder
    stop_all(base_env(folder))


MATRIX: list[tuple[tuple[str, ...], str, bytes, dict[str, str]]] = [
    # (argv after `check --daemon`, cwd relative to the project, stdin, extra environment)
    (("articles",), ".", b"", {}),
    (("--format", "json", "articles"), ".", b"", {}),
    (("--format", "sarif", "articles/rhodiola.md"), ".", b"", {}),
    (("--format", "github", "articles"), ".", b"", {}),
    (("--format", "github", "articles"), ".", b"", {"GITHUB_WORKSPACE": "/elsewhere"}),
    (("--format", "concise", "articles"), ".", b"", {"NO_COLOR": "1", "TERM": "dumb"}),
    (("--select", "fda,ftc", "articles"), ".", b"", {}),
    (("--ignore", "ftc", "--fail-on", "error", "articles"), ".", b"", {}),
    (("--fail-on", "info", "articles/sub/notes.txt"), ".", b"", {}),
    (("--statistics", "articles"), ".", b"", {}),
    (("--statistics", "--format", "json", "articles"), ".", b"", {}),
    (("-", "--stdin-filename", "draft.md"), ".", ARTICLE.encode(), {}),
    (("-", "--stdin-filename", "page.html", "--format", "json"), ".", PAGE.encode(), {}),
    (("-",), ".", NOTES.encode(), {}),
    (("notes.txt",), "articles/sub", b"", {}),  # config found upward from a subfolder
    (("../rhodiola.md", "--show-settings"), "articles/sub", b"", {}),
    (("missing.md",), ".", b"", {}),  # exit 2, one line naming the file
    (("articles", "missing.md"), ".", b"", {}),
    (("--select", "fda.no-such-rule", "articles"), ".", b"", {}),  # usage error, exit 2
    (("--format", "yaml", "articles"), ".", b"", {}),  # argparse's own error
    (("--diff", "articles/rhodiola.md"), ".", b"", {}),
    (("--exit-zero", "articles"), ".", b"", {"CI": ""}),
]


def test_daemon_answers_with_the_same_bytes_as_in_process(project: Path, run_dir: Path) -> None:
    env = base_env(run_dir)
    start(env, project, "articles")
    [(pid, before)] = daemons(env)
    for args, where, stdin, extra in MATRIX:
        argv = ("check", "--daemon", *args)
        cwd = project / where
        warm = cli(*argv, env={**env, **extra}, cwd=cwd, stdin=stdin)
        cold = cli(*argv, env={**env, **extra, "SUPPLINT_DAEMON": "0"}, cwd=cwd, stdin=stdin)
        got = (warm.returncode, warm.stdout, warm.stderr)
        assert got == (cold.returncode, cold.stdout, cold.stderr), args
    [(same_pid, after)] = daemons(env)
    # every warm run above went through the daemon (and each status call is one connection)
    assert same_pid == pid and after - before == len(MATRIX) + 1


def test_fix_and_output_file_through_the_daemon(project: Path, run_dir: Path) -> None:
    env = base_env(run_dir)
    start(env, project, "articles")
    results = []
    for mode in ("1", "0"):
        copy = project / f"copy-{mode}"
        copy.mkdir()
        (copy / "draft.md").write_text(ARTICLE, encoding="utf-8")
        run_env = {**env, "SUPPLINT_DAEMON": mode}
        fixed = cli("check", "--fix", "draft.md", "-o", "out.txt", env=run_env, cwd=copy)
        written = ((copy / "draft.md").read_bytes(), (copy / "out.txt").read_bytes())
        results.append((fixed.returncode, fixed.stdout, fixed.stderr, written))
    assert results[0] == results[1]
    assert results[0][3][0] != ARTICLE.encode()  # the safe fixes were applied


def test_client_path_imports_no_spacy_numpy_or_rules(project: Path, run_dir: Path) -> None:
    env = base_env(run_dir)
    start(env, project, "articles")
    script = (
        "import sys\n"
        "sys.argv = ['supplint', 'check', '--daemon', 'articles']\n"
        "from lint.cli import main\n"
        "code = main()\n"
        "heavy = ('spacy', 'numpy', 'thinc', 'lint.engine', 'lint.rules.loader', 'ruamel')\n"
        "print(code, sorted(m for m in sys.modules if m.split('.')[0] in heavy"
        " or m in heavy))\n"
    )
    [(_pid, before)] = daemons(env)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, cwd=project, env=env, timeout=60
    )
    assert result.stdout.decode().splitlines()[-1] == "1 []"
    [(_pid, after)] = daemons(env)
    assert after - before == 2  # the run was answered by the daemon


def test_a_killed_daemon_costs_one_warning_line_and_nothing_else(
    project: Path, run_dir: Path
) -> None:
    env = base_env(run_dir)
    pid = start(env, project, "articles")
    os.kill(pid, signal.SIGKILL)
    wait_for(lambda: not running(pid))
    cold = cli("check", "articles", env=env, cwd=project)
    warm = cli("check", "--daemon", "articles", env=env, cwd=project)
    assert (warm.returncode, warm.stdout) == (cold.returncode, cold.stdout)
    warning, *rest = warm.stderr.decode().splitlines(keepends=True)
    assert warning.startswith("supplint: warning: the supplint daemon stopped unexpectedly")
    assert "".join(rest).encode() == cold.stderr
    wait_for(lambda: bool(daemons(env)))  # and a new one took its place
    assert [p for p, _ in daemons(env)] != [pid]


def test_socket_and_folder_are_private_and_a_shared_folder_is_refused(
    project: Path, run_dir: Path, tmp_path: Path
) -> None:
    env = base_env(run_dir)
    start(env, project, "articles")
    [sock] = run_dir.glob("*.sock")
    assert stat.S_IMODE(run_dir.stat().st_mode) == 0o700
    assert stat.S_ISSOCK(sock.lstat().st_mode) and stat.S_IMODE(sock.lstat().st_mode) == 0o600
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    open_env = base_env(shared)
    result = cli("check", "--daemon", "articles", env=open_env, cwd=project)
    assert result.returncode == 1 and b"rhodiola.md" in result.stdout  # linted in-process
    time.sleep(1)
    assert list(shared.iterdir()) == []  # and no daemon, log or socket in a folder others share


def test_a_changed_key_starts_a_fresh_daemon_and_stop_ends_all(
    project: Path, run_dir: Path
) -> None:
    env = base_env(run_dir)
    first = start(env, project, "articles")
    other = {**env, "PYTHONHASHSEED": "7"}  # read at start-up: a warm process cannot take it on
    cli("check", "--daemon", "articles", env=other, cwd=project)
    wait_for(lambda: len(daemons(env)) == 2)
    stopped = cli("daemon", "stop", env=env, cwd=ROOT)
    pids = sorted(int(p) for p in re.findall(rb"stopped daemon (\d+)", stopped.stdout))
    assert first in pids and len(pids) == 2
    wait_for(lambda: not any(running(pid) for pid in pids), timeout=10)
    assert list(run_dir.glob("*.sock")) == []
    status = cli("daemon", "status", env=env, cwd=ROOT)
    assert status.stdout == b"no supplint daemon is running\n" and status.returncode == 0


def test_idle_daemon_exits_and_removes_its_socket(project: Path, run_dir: Path) -> None:
    env = base_env(run_dir, SUPPLINT_DAEMON_IDLE="1")
    cli("check", "--daemon", "articles", env=env, cwd=project)
    wait_for(lambda: bool(list(run_dir.glob("*.sock"))))
    wait_for(lambda: not list(run_dir.glob("*.sock")), timeout=30)


def test_no_daemon_in_ci_or_when_switched_off(project: Path, run_dir: Path) -> None:
    for extra in ({"CI": "true"}, {"SUPPLINT_DAEMON": "0"}):
        result = cli("check", "--daemon", "articles", env=base_env(run_dir, **extra), cwd=project)
        assert result.returncode == 1 and b"rhodiola.md" in result.stdout
    plain = cli("check", "articles", env=base_env(run_dir), cwd=project)  # no flag: no daemon
    assert plain.returncode == 1
    time.sleep(1)
    assert not run_dir.exists() or list(run_dir.glob("*.sock")) == []


def test_fast_hook_is_the_plain_hook_with_the_daemon() -> None:
    from ruamel.yaml import YAML

    hooks = {hook["id"]: hook for hook in YAML(typ="safe").load(ROOT / ".pre-commit-hooks.yaml")}
    plain, fast = hooks["supplint"], hooks["supplint-fast"]
    assert fast["entry"].split() == [
        "supplint",
        "check",
        "--daemon",
        "--force-exclude",
        "--fail-on",
        "warning",
    ]
    assert fast["entry"].replace(" --daemon", "") == plain["entry"]
    assert fast["types_or"] == plain["types_or"] and fast["require_serial"] is True


HOUSE_RULE = (
    "id: house.banned\nkind: phrase\nseverity: warning\nmessage: '{message}: {{match}}'\n"
    "phrases: [miracle]\nexamples: {{flag: ['A miracle tea.'], pass: ['A tea.']}}\n"
)


def test_an_edited_house_rule_is_read_on_the_next_daemon_run(tmp_path: Path, run_dir: Path) -> None:
    """The warm daemon keeps a loaded rule set for its files' exact content, so an edit (here
    the message) shows on the next run, and the daemon's bytes stay the in-process ones."""
    site = tmp_path / "house-site"
    (site / "house").mkdir(parents=True)
    (site / ".supplint.yaml").write_text("rule_dirs: [house]\n", encoding="utf-8")
    (site / "a.md").write_text("A miracle tea for calm evenings.\n", encoding="utf-8")
    rule = site / "house" / "banned.yaml"
    rule.write_text(HOUSE_RULE.format(message="first wording"), encoding="utf-8")
    env = base_env(run_dir)
    start(env, site, "--select", "house", "a.md")
    for message in ("first wording", "second wording"):
        rule.write_text(HOUSE_RULE.format(message=message), encoding="utf-8")
        argv = ("check", "--select", "house", "a.md")
        warm = cli(argv[0], "--daemon", *argv[1:], env=env, cwd=site)
        here = cli(*argv, env=env, cwd=site)
        assert (warm.returncode, warm.stdout, warm.stderr) == (
            here.returncode,
            here.stdout,
            here.stderr,
        )
        assert f"{message}: miracle".encode() in warm.stdout, warm.stdout
    [(_pid, served)] = daemons(env)
    assert served >= 3  # both runs (and the status calls) went to the daemon


def test_stop_right_after_requests_ends_the_daemon(project: Path, run_dir: Path) -> None:
    """A stop that arrives while the daemon forks its next spare child still stops it."""
    env = base_env(run_dir)
    for _ in range(2):
        pid = start(env, project, "articles")
        cli("check", "--daemon", "articles/sub/notes.txt", env=env, cwd=project)
        cli("daemon", "stop", env=env, cwd=ROOT)
        wait_for(lambda: not running(pid), timeout=10)  # noqa: B023 - called at once
        assert list(run_dir.glob("*.sock")) == []
