"""evidence.* kinds fixed from blind round 11's misses (read after round 12 was written to
measure): drug classes as subjects, claims that open on their condition."""

from __future__ import annotations

import pytest

CAUSAL = "evidence.unsupported-causal-claim"


def found(lint, text: str) -> list[tuple[str, int]]:
    return [(f.excerpt, f.column) for f in lint(text + "\n") if f.rule_id == CAUSAL]


@pytest.mark.parametrize(
    "text",
    [
        "ACE inhibitors lower blood pressure by relaxing the vessels.",
        "In the trial, the GLP-1 agonist reduced body weight by a tenth.",
        "Inhaled steroids cut asthma flares in the study's children.",
    ],
)
def test_drug_classes_as_subjects_are_pharmacology(lint, text) -> None:
    assert found(lint, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "If your ferritin is low, an iron supplement restores your energy.",
        "Unless you eat fish twice a week, omega-3 capsules lower your triglycerides.",
    ],
)
def test_a_claim_that_opens_on_its_condition_is_no_assertion(lint, text) -> None:
    assert found(lint, text) == []


def test_the_condition_inside_the_claim_leaves_it_a_claim(lint) -> None:
    text = "Magnesium calms your nerves if you take it nightly."
    assert found(lint, text) == [("calms", 11)]
