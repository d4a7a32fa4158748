"""Round 18 (issue 14): an amount only compared with is no dose (blind safety rounds 14, 15)."""

from __future__ import annotations

from lint.config import Config
from lint.engine import Engine
from lint.rules.match.dosing import compared_amount
from lint.sources import Source

_ENGINE = Engine(Config())


def _safety(text: str) -> list[tuple[str, str]]:
    (result,) = _ENGINE.lint_sources([Source("a.md", text, "markdown")])
    return [(f.rule_id, f.excerpt) for f in result.findings if f.rule_id.startswith("safety.")]


def test_compared_amount_is_no_dose() -> None:
    text = "My first week on it seemed a lot like 80 mg of caffeine, only calmer."
    assert _safety(text) == []


def test_hedging_like_after_taking_stays_a_dose() -> None:
    text = "Most mornings I drink like 180 mg of caffeine before the commute."
    assert _safety(text) == [("safety.dose-without-caution", "180 mg")]


def test_compared_amount_positions() -> None:
    text = "The buzz felt roughly like 250 mg of caffeine."
    assert compared_amount(text, text.index("250 mg"))
    example = "Keep to a small dose, like 150 mg, at first."
    assert not compared_amount(example, example.index("150 mg"))
