"""fda.* in round 18: the seller's words quoted back to it in a warning letter are its claim
whatever the lead-in names ("states", "bears the statement", "you claim that"), for drug
comparisons too; a range "from X to Y" lists both; "goodbye X"; a drug's place offered for a
condition; "that disease" repeats a claim already made in its sentence."""

from __future__ import annotations

import pytest

DISEASE = "fda.disease-claim"
DRUG = "fda.drug-comparison"


def found(lint, text: str, rule: str = DISEASE) -> list[str]:
    return [f.excerpt for f in lint(text + "\n") if f.rule_id == rule]


@pytest.mark.parametrize(
    ("text", "excerpts"),
    [
        (
            'Your website states: "Lowers the risk of heart disease and stroke."',
            ["Lowers the risk of heart disease and stroke", "stroke"],
        ),
        ('Your product label bears the statement "Cures gout."', ["Cures gout"]),
        ('Your label states "Heals shingles fast."', ["Heals shingles"]),
        ('You claim that PanaBark "reverses lupus."', ["reverses lupus"]),
    ],
)
def test_a_quote_after_any_seller_lead_in_is_the_claim(lint, text, excerpts) -> None:
    assert found(lint, text) == excerpts


@pytest.mark.parametrize(
    "text",
    [
        # the quote names only the product: the claim words are the regulator's
        'Your firm sells "Gluco-Calm" as a remedy for type 2 diabetes.',
        # refuted after the quote, and described by the regulator
        'You falsely claim on your website that "ThyroEase reverses Hashimoto\'s."',
        "You market the tincture as an alternative to antibiotics for Lyme disease.",
    ],
)
def test_regulator_sentences_stay_negative(lint, text) -> None:
    assert found(lint, text) == []


def test_a_quoted_drug_comparison_is_the_sellers(lint) -> None:
    text = 'Your website states: "Our formula is a safe substitute for lisinopril."'
    assert found(lint, text, DRUG) == ["substitute for lisinopril"]
    # unquoted, the regulator describes it
    assert found(lint, "Your website calls the formula a substitute for lisinopril.", DRUG) == []


def test_a_range_names_both_ends(lint) -> None:
    text = "My neighbour swears this vinegar tonic cures everything from gout to psoriasis."
    assert found(lint, text) == ["cures everything from gout to psoriasis", "psoriasis"]


def test_goodbye_to_a_condition_without_to(lint) -> None:
    assert found(lint, "Goodbye eczema flares. Hello summer. DermaLeaf.") == ["Goodbye eczema"]
    assert found(lint, "We waved goodbye to the old packaging this spring.") == []


def test_a_drugs_place_offered_for_a_condition(lint) -> None:
    text = "Our garlic drops are a gentle alternative to antibiotics for ear infections."
    assert found(lint, text) == ["alternative to antibiotics for ear infections"]
    assert found(lint, text, DRUG) == ["alternative to antibiotics"]


def test_that_disease_after_a_claimed_condition_is_one_claim(lint) -> None:
    text = "Made for adults with gout who want to end the disease for good."
    assert len(found(lint, text)) == 1
    distant = "If your father has Parkinson's, our formula slows the progression of that disease."
    assert found(lint, distant) == ["slows the progression of that disease"]


def test_a_doubled_bye_in_a_hashtag(lint) -> None:
    assert found(lint, "Loving our saffron caps! #ByeByeInsomnia") == ["#ByeByeInsomnia"]


@pytest.mark.parametrize(
    "text",
    [
        "Some bloggers insist nettle tea dissolves gallstones; a 2020 review found no such effect.",
    ],
)
def test_a_review_that_found_nothing_makes_no_claim(lint, text) -> None:
    assert found(lint, text) == []
