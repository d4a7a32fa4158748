"""The warm daemon's measures for bench/run.py (issue 17): warm and first runs, RSS over time.

    .venv/bin/python bench/daemon.py [--quick]   # these measures alone

Its daemons live in bench/out/daemon-run (SUPPLINT_DAEMON_DIR), apart from the user's, and are
stopped at the end. Whole processes, interleaved, as the rest of the benchmark.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUN_DIR = HERE / "out" / "daemon-run"  # bench/run.py's ENV points SUPPLINT_DAEMON_DIR here
PID = re.compile(r"daemon (\d+):")
Runner = Callable[[list[str]], dict[str, float]]
Measure = Callable[[dict[str, list[str]], int], dict[str, dict[str, float]]]


def daemon_pids(supplint: list[str], env: dict[str, str]) -> list[int]:
    out = subprocess.run([*supplint, "daemon", "status"], capture_output=True, env=env).stdout
    return [int(pid) for pid in PID.findall(out.decode())]


def wait_started(supplint: list[str], env: dict[str, str], timeout: float = 120) -> int:
    """The pid of the daemon, once it answers (its warm-up done)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pids = daemon_pids(supplint, env)
        if pids:
            return pids[0]
        time.sleep(0.2)
    raise SystemExit(f"the supplint daemon did not start (see {RUN_DIR}/*.log)")


def wait_stopped(supplint: list[str], env: dict[str, str], timeout: float = 30) -> None:
    """No daemon answers and none holds a socket: the next run is a first run."""
    deadline = time.monotonic() + timeout
    while list(RUN_DIR.glob("*.sock")) or daemon_pids(supplint, env):
        if time.monotonic() > deadline:
            raise SystemExit(f"a supplint daemon is still running in {RUN_DIR}")
        stop(supplint, env)
        time.sleep(0.2)


def stop(supplint: list[str], env: dict[str, str]) -> None:
    subprocess.run([*supplint, "daemon", "stop"], capture_output=True, env=env, check=True)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise SystemExit(f"no VmRSS for {pid}")


def measure_daemon(
    supplint: list[str],
    proselint: list[str],
    draft: Path,
    articles: list[Path],
    reps: int,
    tools: tuple[Measure, Runner],
    env: dict[str, str],
) -> dict[str, object]:
    """Warm runs vs proselint, first runs vs today's, the daemon's RSS after 10 and N files."""
    _measure, run_once = tools  # warm runs are `settled`, not back to back
    if RUN_DIR.exists():
        shutil.rmtree(RUN_DIR)
    hook = [*supplint, "check", "--daemon", "--fail-on", "warning"]  # the supplint-fast hook
    try:
        first = first_runs(supplint, hook, draft, reps, run_once, env)
        subprocess.run([*hook, str(draft)], capture_output=True, env=env)
        pid = wait_started(supplint, env)
        warm = settled(
            {"daemon": [*hook, str(draft)], "proselint": [*proselint, "check", str(draft)]},
            reps,
            run_once,
        )
        hooks = precommit_runs(supplint, proselint, draft, reps, run_once, env)
        memory = rss_growth(hook, articles, pid, run_once)
    finally:
        stop(supplint, env)
    return {
        "article_words": len(draft.read_text().split()),
        "first_run": first,
        "warm": warm,
        "hooks": hooks,
        "rss": memory,
    }


SETTLE = 2.0  # seconds between warm runs: commits are seconds apart, not back to back


def settled(commands: dict[str, list[str]], reps: int, run_once: Runner) -> dict[str, object]:
    """Each command `reps` times, interleaved, each run `SETTLE` s (untimed) after the last: the
    daemon's spare child, forked after each request, warms in that pause, as between commits."""
    from run import summarize

    for cmd in commands.values():
        run_once(cmd)
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
    for _ in range(reps):
        for name, cmd in commands.items():
            time.sleep(SETTLE)
            runs[name].append(run_once(cmd))
    return {name: summarize(samples) for name, samples in runs.items()}


HOOKS = """\
repos:
  - repo: local
    hooks:
      - {{id: supplint-fast, name: supplint-fast, language: system, types: [markdown],
         entry: '{supplint} check --daemon --fail-on warning'}}
      - {{id: proselint, name: proselint, entry: '{proselint} check', language: system,
         types: [markdown]}}
"""


def precommit_runs(
    supplint: list[str],
    proselint: list[str],
    draft: Path,
    reps: int,
    run_once: Runner,
    env: dict[str, str],
) -> dict[str, object]:
    """`pre-commit run HOOK --files draft.md` in a scratch repository: the supplint-fast hook
    (daemon warm) against proselint as a hook, both `language: system` on the installed tools."""
    repo = RUN_DIR.parent / "precommit-repo"
    if repo.exists():
        shutil.rmtree(repo)
    repo.mkdir(parents=True)
    shutil.copy(draft, repo / "draft.md")
    config = HOOKS.format(supplint=" ".join(supplint), proselint=" ".join(proselint))
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    for git in (["init", "-q"], ["add", "."]):
        subprocess.run(["git", "-C", str(repo), *git], check=True, env=env)
    pre_commit = [str(Path(supplint[0]).parent / "pre-commit"), "run", "--files", "draft.md"]
    here = os.getcwd()
    os.chdir(repo)  # pre-commit works on the repository it is run in
    try:
        return settled(
            {
                "supplint-fast": [*pre_commit[:2], "supplint-fast", *pre_commit[2:]],
                "proselint": [*pre_commit[:2], "proselint", *pre_commit[2:]],
            },
            reps,
            run_once,
        )
    finally:
        os.chdir(here)


def first_runs(
    supplint: list[str],
    hook: list[str],
    draft: Path,
    reps: int,
    run_once: Runner,
    env: dict[str, str],
) -> dict[str, dict[str, float]]:
    """`check --daemon` with no daemon yet (it answers in-process and starts one) vs `check`.

    Interleaved; after each first run the daemon it started is waited for and stopped, so
    neither command runs beside a warming daemon.
    """
    runs: dict[str, list[dict[str, float]]] = {"today": [], "first": []}
    for _ in range(reps):
        runs["today"].append(run_once([*supplint, "check", "--fail-on", "warning", str(draft)]))
        wait_stopped(supplint, env)
        runs["first"].append(run_once([*hook, str(draft)]))
        wait_started(supplint, env)
        stop(supplint, env)
    return {name: summary(samples) for name, samples in runs.items()}


def summary(samples: list[dict[str, float]]) -> dict[str, float]:
    walls = [s["wall"] for s in samples]
    return {
        "min": min(walls),
        "median": statistics.median(walls),
        "cpu_min": min(s["cpu"] for s in samples),
        "reps": len(samples),
    }


def rss_growth(hook: list[str], articles: list[Path], pid: int, run_once: Runner) -> dict:
    """One pre-commit-like request per file; the daemon's RSS after 10 files and after all."""
    after: dict[int, float] = {}
    for count, path in enumerate(articles, 1):
        run_once([*hook, str(path)])
        if count in (10, len(articles)):
            time.sleep(2.5)  # the daemon reaps the last child on its one-second tick
            after[count] = rss_mb(pid)
    return {"files": len(articles), "after_10": after[10], "after_all": after[len(articles)]}


def target_rows(d: dict) -> list[tuple[str, float, float | None, float, str]]:
    """(name, wall value, CPU value, limit, comparison), as bench/run.py's targets."""
    warm, first, rss, hooks = d["warm"], d["first_run"], d["rss"], d["hooks"]
    return [
        (
            "warm pre-commit (client + daemon) <= 0.5x proselint",
            warm["daemon"]["median"] / warm["proselint"]["median"],
            None,  # the client's CPU only: the daemon's child is not its descendant
            0.5,
            "<=",
        ),
        (
            "`pre-commit run --files` one draft, warm, vs proselint's hook <= 1x",
            hooks["supplint-fast"]["median"] / hooks["proselint"]["median"],
            None,
            1.0,
            "<=",
        ),
        (
            "first run (no daemon yet) no slower than today's check",
            first["first"]["median"] / first["today"]["median"],
            first["first"]["cpu_min"] / first["today"]["cpu_min"],
            1.0,
            "<=",
        ),
        (
            f"daemon RSS after {rss['files']:,} files <= 1.2x after 10",
            rss["after_all"] / rss["after_10"],
            None,
            1.2,
            "<=",
        ),
    ]


def markdown(d: dict) -> list[str]:
    warm, first, rss = d["warm"], d["first_run"], d["rss"]
    lines = [
        "",
        f"## Warm daemon: one {d['article_words']}-word draft, as the supplint-fast hook runs it",
        "",
        "| command | min s | median s | CPU s (min; the daemon row: its client only) |",
        "|---|---|---|---|",
    ]
    for row, label in (
        (warm["daemon"], "`supplint check --daemon --fail-on warning` (daemon warm)"),
        (warm["proselint"], "`proselint check`"),
        (first["first"], "`supplint check --daemon ...`, no daemon yet (first run)"),
        (first["today"], "`supplint check --fail-on warning` (in-process, today)"),
        (d["hooks"]["supplint-fast"], "`pre-commit run supplint-fast --files draft.md` (warm)"),
        (d["hooks"]["proselint"], "`pre-commit run proselint --files draft.md`"),
    ):
        lines.append(f"| {label} | {row['min']:.3f} | {row['median']:.3f} | {row['cpu_min']:.3f} |")
    lines += [
        "",
        f"Daemon RSS: {rss['after_10']:.0f} MB after 10 requests, {rss['after_all']:.0f} MB "
        f"after {rss['files']:,} (one file per request).",
    ]
    return lines


def main() -> None:
    """These measures alone, on bench/run.py's corpus and runner."""
    import argparse
    import sys

    sys.path[:0] = [str(HERE)]
    import corpus
    import run

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 files, 3 repetitions")
    args = parser.parse_args()
    count, reps = (100, 3) if args.quick else (1000, 7)
    run.OUT.mkdir(exist_ok=True)
    folder = run.OUT / f"corpus-{count}"
    corpus.generate(folder, count)
    draft = corpus.single(run.OUT / "one-article.md", 1500)
    supplint = run.tool("supplint")
    results = measure_daemon(
        supplint,
        run.tool("proselint"),
        draft,
        sorted(folder.iterdir()),
        reps,
        (run.measure, run.run_once),
        run.ENV,
    )
    for name, value, cpu, limit, op in target_rows(results):
        print(f"{name}: {value:.2f} (CPU {cpu if cpu is None else round(cpu, 2)}) {op} {limit}")
    print("\n".join(markdown(results)))


if __name__ == "__main__":
    main()
