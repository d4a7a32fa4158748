"""Print the reliability table: inputs tried, crashes, hangs, files changed (all zeros expected).

    python tests/reliability/summary.py [--examples N] [--no-hostile]

Generated documents and raw bytes go through the engine in this process (hypothesis, N
examples each); the hostile cases run the real CLI in a child process with their time and
memory bounds; every input file is hashed before and after. Exit status 1 if any cell of the
last three columns is not zero.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `reliability` and `lint` importable
    sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).parents[2])]
    __package__ = "reliability"

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.config import Config
from lint.documents import parse
from lint.engine import Engine
from lint.errors import InputError
from lint.sources import Source, format_for

from .fuzz import HANG_SECONDS, SUFFIXES, Tally, lint_bytes, raw_inputs
from .hostile import CASES, CLEAN
from .invariants import check_document, check_finding

Row = tuple[str, int, int, int, int]


def _explore(strategy: st.SearchStrategy, examples: int, body) -> None:
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def run(value) -> None:
        body(value)  # records outcomes; never raises, so hypothesis keeps exploring

    run()


def documents(engine: Engine, examples: int) -> Row:
    from .strategies import any_document

    tally = Tally()

    def body(doc: tuple[str, str]) -> None:
        name, text = doc
        tally.tried += 1
        start = time.monotonic()
        try:
            source = Source(name, text, format_for(name))
            with contextlib.suppress(InputError):
                check_document(parse(source))
            for result in engine.lint_sources([source]):
                for finding in result.findings:
                    check_finding(text, finding)
        except Exception as err:  # includes a broken invariant
            tally.crashes.append(f"{type(err).__name__}: {err} <- {text[:80]!r}")
        if time.monotonic() - start > HANG_SECONDS:
            tally.hangs.append(f"{text[:80]!r}")

    _explore(any_document, examples, body)
    return ("generated md/html/text", tally.tried, len(tally.crashes), len(tally.hangs), 0), tally


def raw_bytes(engine: Engine, examples: int):
    tally = Tally()
    _explore(st.tuples(raw_inputs, SUFFIXES), examples, lambda v: lint_bytes(engine, *v, tally))
    return ("raw bytes (check)", tally.tried, len(tally.crashes), len(tally.hangs), 0), tally


def hostile() -> tuple[Row, Tally]:
    from .harness import as_nobody, run_supplint
    from .test_no_data_loss import snapshot

    tally, changed = Tally(), 0
    for case in CASES:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            root.chmod(0o755)
            args = case.build(root)
            prefix = as_nobody() if "chmod 000" in case.name else ()
            if prefix is None:
                continue
            before = _safe_snapshot(snapshot, root)
            run = run_supplint("check", *args, cwd=root, timeout=case.seconds * 2, prefix=prefix)
            tally.tried += 1
            want = 0 if case.expect == CLEAN else 2
            if run.crashed or run.returncode != want or run.rss_mb > case.megabytes:
                tally.crashes.append(f"{case.name}: exit {run.returncode} {run.stderr[-300:]}")
            if run.timed_out or run.seconds > case.seconds:
                tally.hangs.append(f"{case.name}: {run.seconds:.1f} s")
            changed += _safe_snapshot(snapshot, root) != before
    return (
        "hostile files (CLI)",
        tally.tried,
        len(tally.crashes),
        len(tally.hangs),
        changed,
    ), tally


def corpus_runs() -> tuple[Row, Tally]:
    from .harness import run_supplint
    from .test_no_data_loss import corpus, snapshot

    tally, changed = Tally(), 0
    commands = [
        ("check", "posts"),
        ("check", "--jobs", "2", "posts"),
        ("report", "posts", "-o", "../out/report.html"),
        ("report", "posts", "--format", "md", "-o", "../out/report.md"),
    ]
    with tempfile.TemporaryDirectory() as folder:
        posts = corpus(Path(folder) / "in")
        for args in commands:
            before = snapshot(posts)
            run = run_supplint(*args, cwd=posts.parent)
            tally.tried += len(before)
            if run.crashed or run.returncode != 2:
                tally.crashes.append(f"{args}: exit {run.returncode} {run.stderr[-300:]}")
            if run.timed_out:
                tally.hangs.append(str(args))
            after = snapshot(posts)
            changed += sum(after.get(name) != state for name, state in before.items())
    return (
        "corpus check/report",
        tally.tried,
        len(tally.crashes),
        len(tally.hangs),
        changed,
    ), tally


def worst_cases() -> tuple[Row, Tally]:
    """The issue-13 worst cases (worst_case.py): over the per-word bound or the time budget
    is a hang, an error row a crash; they are linted from memory, so no file can change."""
    from .test_worst_case import FACTOR, FACTORS
    from .worst_case import measure

    tally = Tally()
    result = measure()
    for row in result["rows"]:
        tally.tried += 1
        factor = row["us_per_word"] / row["ordinary_us_per_word"]
        if row["error"] is not None:
            tally.crashes.append(f"{row['name']}: {row['error']}")
        elif factor > FACTORS.get(row["name"], FACTOR):
            tally.hangs.append(f"{row['name']}: {factor:.1f}x the per-word cost of prose")
    return ("worst cases (issue 13)", tally.tried, len(tally.crashes), len(tally.hangs), 0), tally


HARMS = ("code runs", "writes outside", "inputs changed", "hangs")


def attacks() -> list[tuple[str, ...]]:
    """One row per attack in attacks.py: what it did that it must not (all zeros expected)."""
    from .attacks import ATTACKS, run_attack

    rows = []
    for attack in ATTACKS:
        with tempfile.TemporaryDirectory() as folder:
            result = run_attack(attack, Path(folder))
        rows.append((attack.name, *(str(result[harm]) for harm in HARMS)))
    return rows


def attack_table(rows: list[tuple[str, ...]]) -> str:
    head = ("attack", *HARMS)
    total = ("total", *(str(sum(int(row[i]) for row in rows)) for i in range(1, 5)))
    lines = [head, *rows, total]
    widths = [max(len(line[i]) for line in lines) for i in range(5)]
    out = []
    for n, line in enumerate(lines):
        cells = [c.ljust(widths[0]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(line)]
        out.append("| " + " | ".join(cells) + " |")
        if n == 0:
            out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)


def _safe_snapshot(snapshot, root: Path):
    try:
        return snapshot(root)
    except OSError:  # the unreadable case: compare what can be compared
        return {p.name: p.lstat().st_mtime_ns for p in root.iterdir()}


def table(rows: list[Row]) -> str:
    head = ("suite", "inputs tried", "crashes", "hangs", "files changed")
    total = ("total", *(sum(row[i] for row in rows) for i in range(1, 5)))
    lines = [head, *rows, total]
    widths = [max(len(str(line[i])) for line in lines) for i in range(5)]
    out = []
    for n, line in enumerate(lines):
        cells = [
            str(c).ljust(widths[0]) if i == 0 else str(c).rjust(widths[i])
            for i, c in enumerate(line)
        ]
        out.append("| " + " | ".join(cells) + " |")
        if n == 0:
            out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=200, help="hypothesis examples per suite")
    parser.add_argument("--no-hostile", action="store_true", help="skip the CLI cases (faster)")
    args = parser.parse_args(argv)
    engine = Engine(Config())
    results = [documents(engine, args.examples), raw_bytes(engine, args.examples)]
    if not args.no_hostile:
        results += [hostile(), corpus_runs(), worst_cases()]
    rows = [row for row, _ in results]
    print(table(rows))
    for _, tally in results:
        for problem in (tally.crashes + tally.hangs)[:5]:
            print("  -", problem[:300])
    harmless = True
    if not args.no_hostile:
        attack_rows = attacks()
        print()
        print(attack_table(attack_rows))
        harmless = all(cell == "0" for row in attack_rows for cell in row[1:])
    return 0 if harmless and all(row[2] == row[3] == row[4] == 0 for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
