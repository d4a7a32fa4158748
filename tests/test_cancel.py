"""A lint whose text went stale stops between checkers (the language server's newer version)."""

from __future__ import annotations

import pytest

from lint import budget
from lint.sources import Source

TEXT = "Our blend cures ADHD in children.\n"


def test_a_stale_lint_stops(engine) -> None:
    calls = []

    def stale() -> bool:
        calls.append(1)
        return len(calls) > 2  # replaced while the first checkers ran

    with budget.cancel_when(stale), pytest.raises(budget.Cancelled):
        list(engine.lint_sources([Source("a.md", TEXT, "markdown")]))
    assert len(calls) == 3  # stopped at the first check after it went stale


def test_a_current_lint_runs_to_the_end(engine) -> None:
    with budget.cancel_when(lambda: False):
        [result] = engine.lint_sources([Source("a.md", TEXT, "markdown")])
    assert "fda.disease-claim" in {f.rule_id for f in result.findings}
    budget.check()  # outside the block nothing is stale
