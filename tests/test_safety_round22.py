"""Safety kinds from reading blind safety round 18 (seventh session of 2026-12-07): a dose
written onto a prescription drug ("20 mg of sertraline") is not the article's substance's, an
amount given for scale ("what you would expect from 75 mg of caffeine", "than what trials
report for 200 mg of caffeine") is no dose, and naming the drug classes that interact
("talk to your prescriber if you take diuretics or NSAIDs") is an interaction caution."""

from __future__ import annotations

import pytest


@pytest.fixture()
def safety(lint):
    """(rule id, excerpt) of each safety finding, each span checked exact."""

    def found(text: str) -> list[tuple[str, str]]:
        findings = [f for f in lint(text) if f.rule_id.startswith("safety.")]
        for f in findings:
            assert text[f.start_offset : f.end_offset] == f.excerpt
        return [(f.rule_id, f.excerpt) for f in findings]

    return found


def test_a_dose_onto_a_prescription_drug_is_not_the_substance_s(safety) -> None:
    text = (
        "# Six weeks of aniracetam\n\n"
        "I also take 20 mg of sertraline every morning.\n\n"
        "I took aniracetam at 750 mg twice a day.\n"
    )
    excerpts = {excerpt for _, excerpt in safety(text)}
    assert "20 mg" not in excerpts
    assert "750 mg" in excerpts


def test_a_dose_onto_words_for_the_substance_stays_its(safety) -> None:
    text = "# Kratom\n\nThe usual serving is 3 g of dried leaf powder.\n"
    assert {excerpt for _, excerpt in safety(text)} == {"3 g"}


def test_an_amount_for_scale_is_no_dose(safety) -> None:
    for text in (
        "The effect of piracetam was smaller than what you would expect from 75 mg of caffeine.",
        "It was smaller than what trials usually report for 200 mg of caffeine.",
    ):
        assert [e for _, e in safety(text) if e in {"75 mg", "200 mg"}] == []


def test_interacting_drug_classes_are_an_interaction_caution(safety) -> None:
    dosed = "# Lithium orotate\n\nEach capsule holds 5 mg of lithium orotate.\n\n"
    caution = "Talk to your prescriber first if you take diuretics or NSAIDs every day.\n"
    before = {rule for rule, _ in safety(dosed)}
    after = {rule for rule, _ in safety(dosed + caution)}
    assert "safety.dose-without-caution" in before
    assert "safety.missing-interaction-caution" not in after
    assert "safety.missing-renal-caution" in after
