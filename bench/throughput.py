"""`--jobs 1` throughput of two checkouts and proselint, interleaved, with peak RSS.

    .venv/bin/python bench/throughput.py BASE_CHECKOUT [NEW_CHECKOUT] [--articles 1000] [--reps 3]

bench/run.py's throughput measure for a change too small for a full run: the same corpus (fixed
seed), `python -m lint check CORPUS --jobs 1` with PYTHONPATH set to each checkout and
`proselint check CORPUS`, each run `--reps` times after one warm-up, interleaved so background
load hits all of them alike. Prints words/s on the median wall time and on the least CPU time
(user+sys, which a busy machine inflates less), the ratios to proselint, and peak RSS.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE)]

import corpus  # noqa: E402
import run as bench  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path)
    parser.add_argument("new", type=Path, nargs="?", default=HERE.parent)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    bench.OUT.mkdir(exist_ok=True)
    folder = bench.OUT / f"corpus-{args.articles}"
    if not folder.exists():
        corpus.generate(folder, args.articles)
    words = bench.word_count(folder)
    commands = {"proselint": [*bench.tool("proselint"), "check", str(folder)]}
    for label, checkout in (("base", args.base), ("new", args.new)):
        env_prefix = ["env", f"PYTHONPATH={checkout.resolve()}"]
        # -P: the working folder is not put on sys.path, so PYTHONPATH picks the checkout
        lint = [sys.executable, "-P", "-m", "lint", "check", str(folder), "--jobs", "1"]
        commands[label] = [*env_prefix, *lint]
    results = bench.measure(commands, args.reps)
    print(f"{args.articles} articles, {words:,} words; {args.reps} runs each after a warm-up")
    for label, row in results.items():
        print(
            f"{label}: wall min {row['min']:.2f} s, median {row['median']:.2f} s "
            f"({words / row['median']:,.0f} words/s); CPU min {row['cpu_min']:.2f} s "
            f"({words / row['cpu_min']:,.0f} words/s); peak RSS {row['rss_mb']:.0f} MB"
        )
    prose = results["proselint"]
    for label in ("base", "new"):
        row = results[label]
        print(
            f"{label} vs proselint: {prose['median'] / row['median']:.2f}x (wall median), "
            f"{prose['cpu_min'] / row['cpu_min']:.2f}x (CPU)"
        )


if __name__ == "__main__":
    main()
