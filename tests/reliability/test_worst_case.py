"""Every rule kind costs per word what prose does, whatever shape the input takes (issue 13).

One child process (`worst_case.py --json`) lints an ordinary article of the benchmark's
generator, then each worst case, timing CPU per word and reading its own peak RSS; figures
are recorded in README.md. Before the sentence cap, the clause look-ups and the bounded
tokenizer, the sentence of triggers alone ran for minutes; now every input takes seconds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .harness import ROOT
from .worst_case import INPUTS

FACTOR = 3.0  # x the ordinary article's cost per word
# The inputs whose cost is per finding, not per word: two findings, each with a rewording fix,
# every seven words. Linear (the same factor at half the size), above 3x only by that density;
# 4.1x was measured on a 2-core box at load 8 (CPU time still shares caches). Then ordinary
# prose got cheaper (pattern pruning) and this input 25% dearer (condition-anchored claims check
# each mention against the negative contexts): 7.0x at load 1, still linear (2.1 s CPU for 2,000
# units, 3.9 s for 4,000), hence 8x. On 2026-12-07 a new 2-core VM measured 7.00, 7.08, 7.09 and
# 7.14x quiet (this code and the code before it alike), and 8.7x once at load ~1 and 8.8x once
# under a concurrent test run: CPU time per word of one input moves by a quarter with the
# neighbours, so the bound is the quiet figure plus that: 9x.
FACTORS = {"sentence of disease claims": 9.0}
KNOWN: dict[str, str] = {}  # input name -> why it is still superlinear (strict xfail)


def rss_bound_mb(chars: int) -> float:
    """Start-up and an ordinary article, plus what a big Doc needs per MB of input.
    (420: a fresh CI clone measured 754 MB against 749 on the 2.9 MB inputs after round 8.)"""
    return 420 + 120 * chars / 1e6


@pytest.fixture(scope="module")
def measured() -> dict:
    run = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "reliability" / "worst_case.py"), "--json"],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout)


def _param(name: str):
    if name in KNOWN:
        return pytest.param(name, marks=pytest.mark.xfail(reason=KNOWN[name], strict=True))
    return name


@pytest.mark.slow
@pytest.mark.parametrize("name", [_param(item.name) for item in INPUTS])
def test_worst_case_costs_per_word_what_prose_does(measured: dict, name: str):
    names = [row["name"] for row in measured["rows"]]
    row = measured["rows"][names.index(name)]
    base = row["ordinary_us_per_word"]  # measured in turns with this input
    # peak RSS only grows over the run: bound it by the largest input so far
    largest = max(r["chars"] for r in measured["rows"][: names.index(name) + 1])
    assert row["error"] is None, row["error"]  # the 60 s budget ran out: a superlinear path
    factor = row["us_per_word"] / base
    bound = FACTORS.get(name, FACTOR)
    assert factor <= bound, f"{name}: {row['us_per_word']:.1f} µs/word = {factor:.1f}x prose"
    assert row["rss_mb"] < rss_bound_mb(largest), f"{name}: peak RSS {row['rss_mb']:.0f} MB"
