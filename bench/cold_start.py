"""Cold start of two checkouts side by side: did a change cost start-up time?

    .venv/bin/python bench/cold_start.py BASE_CHECKOUT [NEW_CHECKOUT] [--reps 21]

Runs `python -m lint check one-article.md` (the article bench/run.py times) with PYTHONPATH set to
each checkout, interleaved so background load hits both alike, after one warm-up run each (the
rule cache filled, .pyc files written). Prints min / median wall and CPU seconds and the ratio.
The same measurement as bench/run.py's cold start, for a change too small for a full run.
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
    parser.add_argument("--reps", type=int, default=21)
    args = parser.parse_args()
    one = corpus.single(bench.OUT / "one-article.md", 1500)
    commands = {}
    for label, checkout in (("base", args.base), ("new", args.new)):
        env_prefix = ["env", f"PYTHONPATH={checkout.resolve()}"]
        # -P: the working folder is not put on sys.path, so PYTHONPATH picks the checkout
        commands[label] = [*env_prefix, sys.executable, "-P", "-m", "lint", "check", str(one)]
    bench.ENV.pop("SUPPLINT_NO_CACHE", None)
    results = bench.measure(commands, args.reps)
    for label, row in results.items():
        print(
            f"{label}: min {row['min']:.3f} s, median {row['median']:.3f} s, "
            f"CPU min {row['cpu_min']:.3f} s, RSS {row['rss_mb']:.0f} MB ({row['reps']} runs)"
        )
    base, new = results["base"], results["new"]
    ratios = {key: new[key] / base[key] for key in ("min", "median", "cpu_min")}
    print("new / base: " + ", ".join(f"{key} {value:.3f}" for key, value in ratios.items()))


if __name__ == "__main__":
    main()
