"""fda.* kinds fixed from blind round 11's misses (read after round 12 was written to measure):
audiences of any people ('for people with'), the condition's people offered the product
('for MS warriors'), safety judged for an audience, over-the-counter drugs."""

from __future__ import annotations

import pytest

DISEASE = "fda.disease-claim"
DRUG = "fda.drug-comparison"


def found(lint, text: str, rule: str) -> list[tuple[str, int]]:
    return [(f.excerpt, f.column) for f in lint(text + "\n") if f.rule_id == rule]


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Steady energy for people with diabetes.", "for people with diabetes"),
        (
            "This tea is for moms dealing with postpartum depression.",
            "for moms dealing with postpartum depression",
        ),
        ("Our chews are for adults who have gout.", "for adults who have gout"),
    ],
)
def test_any_people_with_a_condition_are_an_audience(lint, text, excerpt) -> None:
    assert found(lint, text, DISEASE) == [(excerpt, text.index(excerpt) + 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Yohimbe is unsafe for people with heart disease.",
        "The bars are gluten-free, so they are safe for people with celiac disease.",
        "It is not suitable for anyone with kidney stones.",
    ],
)
def test_safety_judged_for_an_audience_offers_nothing(lint, text) -> None:
    assert found(lint, text, DISEASE) == []


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Made for lupus warriors who want their weekends back.", "lupus warriors"),
        ("A tonic for cancer survivors.", "cancer survivors"),
        ("Gout patients, this is the cherry shot for you.", "Gout patients"),
    ],
)
def test_the_conditions_people_offered_the_product_are_an_audience(lint, text, excerpt) -> None:
    assert found(lint, text, DISEASE) == [(excerpt, text.index(excerpt) + 1)]


@pytest.mark.parametrize(
    "text",
    [
        "We enrolled 40 stroke patients.",
        "As a cancer survivor I read labels closely.",
        "Patients with lupus were asked to keep a diary.",
        "Be patient with your eczema.",
    ],
)
def test_the_conditions_people_described_are_no_audience(lint, text) -> None:
    assert found(lint, text, DISEASE) == []


@pytest.mark.parametrize(
    "text",
    [
        "Works faster than ibuprofen on a sore back.",
        "Skip the Tylenol and brew a willow bark tea.",
        "Like a natural Tums after a heavy dinner.",
    ],
)
def test_an_over_the_counter_drug_is_no_prescription_drug(lint, text) -> None:
    assert found(lint, text, DRUG) == []


def test_a_prescription_drug_still_is(lint) -> None:
    text = "Works faster than Celebrex on a sore back."
    assert found(lint, text, DRUG) == [("faster than Celebrex", 7)]


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Quell eczema with our oat balm.", "Quell eczema"),
        ("Nukes toenail fungus in a month.", "Nukes toenail fungus"),
        ("Knocks sinusitis right out of your head.", "Knocks sinusitis"),
        ("Sends shingles packing in days.", "Sends shingles packing"),
        ("This is my holy grail for psoriasis.", "holy grail for psoriasis"),
    ],
)
def test_colloquial_cures(lint, text, excerpt) -> None:
    assert found(lint, text, DISEASE) == [(excerpt, text.index(excerpt) + 1)]


@pytest.mark.parametrize(
    "text", ["The flu knocked me out for a week.", "I broke my wrist last spring."]
)
def test_the_colloquial_verbs_after_their_condition_are_no_cure(lint, text) -> None:
    assert found(lint, text, DISEASE) == []


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Honestly this tea is Xanax in a cup.", "Xanax in a cup"),
        ("Think of it as a plant-based Lipitor.", "plant-based Lipitor"),
        ("A botanical take on SSRIs.", "botanical take on SSRIs"),
        ("I got off my blood pressure meds in March.", "got off my blood pressure meds"),
        ("Two months in, I cancelled my Wegovy refill.", "cancelled my Wegovy refill"),
        ("Why I traded my Restasis for fish oil", "traded my Restasis"),
    ],
)
def test_more_drug_substitution_shapes(lint, text, excerpt) -> None:
    assert found(lint, text, DRUG) == [(excerpt, text.index(excerpt) + 1)]


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Q: Will it help my psoriasis?\n\nA: Absolutely, within weeks.", "help my psoriasis"),
        ("Does it work for shingles? Yes, and fast.", "work for shingles"),
    ],
)
def test_a_question_answered_yes_asserts(lint, text, excerpt) -> None:
    assert found(lint, text, DISEASE) == [(excerpt, text.index(excerpt) + 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Q: Does it cure diabetes?\n\nA: No. Nothing we sell treats a disease.",
        "Will it help my eczema? It does not; see a dermatologist.",
        "Does it cure gout? Anyone know?",
    ],
)
def test_a_question_not_answered_yes_still_asks(lint, text) -> None:
    assert found(lint, text, DISEASE) == []


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("This balm calmed my psoriasus in a week.", "calmed my psoriasus"),
        ("It finally cured my hypertention.", "cured my hypertention"),
        ("Great for high cholestrol.", "Great for high cholestrol"),
    ],
)
def test_a_common_condition_misspelt_once_is_still_the_condition(lint, text, excerpt) -> None:
    assert found(lint, text, DISEASE) == [(excerpt, text.index(excerpt) + 1)]


def test_slips_are_one_edit_and_never_an_english_word() -> None:
    from lint.vocab.misspell import misspellings, slips

    assert {"fibromyalga", "fbiromyalgia", "fibromyalgio"} <= set(slips("fibromyalgia"))
    assert "hypertention" in set(slips("hypertension"))
    found = misspellings(["bowels"], known=set(), english={"bowls"})
    assert "bowls" not in found and "bowel" in found  # only the dictionary's words drop out
    assert misspellings(["gout", "acne"], known=set(), english=set()) == set()  # too short


@pytest.mark.parametrize(
    "text",
    [
        "Fans call ashwagandha 'natural Xanax,' a comparison pharmacologists reject.",
        "Posts call berberine nature's Ozempic, but the comparison does not hold up.",
    ],
)
def test_a_comparison_the_sentence_judges_false_is_not_asserted(lint, text) -> None:
    assert found(lint, text, DRUG) == []


def test_a_comparison_left_standing_is_asserted(lint) -> None:
    text = "Fans call ashwagandha natural Xanax, and they are right."
    assert found(lint, text, DRUG) == [("natural Xanax", 23)]


@pytest.mark.parametrize(
    "text",
    [
        "Forums are full of people saying zinc cured their acne, but the evidence is mixed.",
        "My uncle insists garlic cured his bronchitis, but I'm pretty sure it was the antibiotics.",
    ],
)
def test_a_claim_the_sentence_judges_false_is_reported(lint, text) -> None:
    assert found(lint, text, DISEASE) == []


def test_a_claim_not_judged_false_stays(lint) -> None:
    text = "Turmeric cured my arthritis, no coincidence."
    assert found(lint, text, DISEASE) == [("cured my arthritis", 10)]
