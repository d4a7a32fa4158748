"""evidence.* failure kinds fixed for issue 14, round 14: one finding per joined claim, the
condition vocabulary as health effects, body and skin verbs, lab and veterinary studies."""

from __future__ import annotations

import pytest

CAUSAL = "evidence.unsupported-causal-claim"
ANIMAL = "evidence.animal-to-human"


def excerpts(findings, rule=CAUSAL):
    return [f.excerpt for f in findings if f.rule_id == rule]


def test_each_joined_claim_is_a_finding_at_its_own_verb(lint) -> None:
    text = "Niacin raises HDL cholesterol and clears out your arteries."
    found = [f for f in lint(text) if f.rule_id == CAUSAL]
    assert [(f.line, f.column, f.excerpt) for f in found] == [(1, 8, "raises"), (1, 35, "clears")]


def test_a_series_of_like_verbs_is_one_claim_each(lint) -> None:
    text = "The blend sharpens recall, lifts mood and calms nerves."
    assert excerpts(lint(text)) == ["sharpens", "lifts", "calms"]


@pytest.mark.parametrize(
    "text",
    [
        "Glycine deepens your sleep, you'll notice it the first week.",  # a comma splice
        "Taurine helps lower your blood pressure.",  # a chain is one claim
    ],
)
def test_a_comma_splice_or_a_chain_adds_no_second_claim(lint, text) -> None:
    assert len(excerpts(lint(text))) == 1


def test_a_hedge_covers_every_joined_claim(lint) -> None:
    assert excerpts(lint("Zinc may shorten colds and ease sore throats.")) == []


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Black seed oil kills H. pylori.", "kills"),  # a condition of the fda vocabulary
        ("This shampoo tonic clears up dandruff.", "clears"),
        ("Magnesium relaxes muscles.", "relaxes"),
        ("Hyaluronic acid capsules plump fine lines.", "plump"),
        ("Spirulina chelates heavy metals.", "chelates"),
    ],
)
def test_body_verbs_and_named_conditions_state_effects(lint, text, excerpt) -> None:
    assert excerpts(lint(text)) == [excerpt]


@pytest.mark.parametrize(
    "text",
    [
        "Thyme oil killed E. coli on agar plates, so it clears gut infections in people.",
        "In petri-dish tests the extract destroyed MRSA, so it clears skin infections in people.",
    ],
)
def test_a_lab_result_carried_to_people_is_judged_after_the_lab_clause(lint, text) -> None:
    findings = lint(text)
    assert excerpts(findings) == ["clears"]
    assert excerpts(findings, ANIMAL) == [text[text.index("clears") : -1]]


def test_a_veterinary_result_is_no_claim_about_people(lint) -> None:
    assert excerpts(lint("The mussel extract reduced lameness scores in dogs.")) == []
