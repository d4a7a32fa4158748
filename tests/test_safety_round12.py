"""safety.missing-interaction-caution: interactions written by their effect or mechanism
(blind round 11's misses, read after round 12 was written to measure)."""

from __future__ import annotations

import pytest

INTERACTION = "safety.missing-interaction-caution"


def interaction_findings(lint, caution: str) -> list[tuple[int, int, str]]:
    text = (
        "# Modafinil\n\nMost people take 100 mg of modafinil in the morning.\n\n" + caution + "\n"
    )
    return [(f.line, f.column, f.excerpt) for f in lint(text) if f.rule_id == INTERACTION]


@pytest.mark.parametrize(
    "caution",
    [
        "It can make birth-control pills fail, and it can be habit-forming.",
        "It weakens hormonal contraception.",
        "It induces CYP3A4, the enzyme that clears many medicines.",
        "It adds to other stimulants, including ADHD medication.",
        "Some antibiotics slow its clearance.",
    ],
)
def test_an_interaction_named_by_its_effect_is_a_caution(lint, caution) -> None:
    assert interaction_findings(lint, caution) == []


def test_no_interaction_named_is_still_flagged_at_the_dose(lint) -> None:
    found = interaction_findings(lint, "It can be habit-forming, and it lasts all day.")
    assert found == [(3, 18, "100 mg")]
