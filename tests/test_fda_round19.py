"""fda.* in round 19 (blind round 17 read): single-quoted seller quotes; a drug the product is
measured against ("better than Accutane for acne") claims the condition; a doubt conceded
before "but"; listed conditions behind modifiers; the seller's own study; a condition changed
"since I started" the product; hashtags repeating a claim; heading leads and product tables;
a fund named after a disease; swaps and "I'm off" a drug."""

from __future__ import annotations

import pytest

DISEASE = "fda.disease-claim"
DRUG = "fda.drug-comparison"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your store page reads: 'Wipes out shingles in a week.'", ["Wipes out shingles"]),
        ("On your label: 'Our syrup heals bronchitis.'", ["heals bronchitis"]),
        ("Examples of claims on your site include: 'Kills ringworm.'", ["Kills ringworm"]),
    ],
)
def test_a_single_quoted_seller_line_is_the_claim(excerpts, text, expected) -> None:
    assert excerpts(text, DISEASE) == expected


def test_an_apostrophe_opens_no_quote(excerpts) -> None:
    # "Crohn's" and "kids'" must not turn the sentence into a quotation
    text = "The kids' favourite gummies calm Crohn's flare-ups, the brand's site says."
    assert excerpts(text, DISEASE) == ["calm Crohn's"]


def test_measured_against_a_drug_for_a_condition_claims_it(excerpts) -> None:
    assert excerpts("Kinder than Accutane for cystic acne, and cheaper too.", DISEASE) == ["acne"]
    text = "PeakNight outperforms modafinil for narcolepsy."
    assert excerpts(text, DISEASE) == ["narcolepsy"]
    assert excerpts(text, DRUG) == ["outperforms modafinil"]
    # a drug's own use is still the drug's
    assert excerpts("Doctors prescribe modafinil for narcolepsy.", DISEASE) == []
    assert excerpts("Most people with gout need more than one medicine.", DISEASE) == []


def test_a_drug_named_as_what_the_product_replaces(excerpts) -> None:
    text = "RootRise is a herbal Cialis alternative for men with erectile dysfunction."
    assert excerpts(text, DISEASE) == ["for men with erectile dysfunction"]


def test_a_conceded_doubt_dismisses_nothing_after_the_turn(excerpts) -> None:
    text = "I was sceptical, but these drops cleared my daughter's pink eye in two days."
    assert excerpts(text, DISEASE) == ["cleared my daughter's pink eye"]
    assert excerpts("I am sceptical that these drops clear pink eye.", DISEASE) == []


def test_a_listed_condition_behind_its_modifier(excerpts) -> None:
    text = "Our balm calms hives and chronic eczema."
    assert excerpts(text, DISEASE) == ["calms hives and chronic eczema", "eczema"]
    # a verb starts a new claim; a class is no named disease
    assert excerpts("Our balm calms hives and other skin infections.", DISEASE) == ["calms hives"]


def test_the_sellers_own_study_is_its_claim(excerpts) -> None:
    text = "Our 2024 pilot study found that RenewGut reduced ulcerative colitis flares."
    assert excerpts(text, DISEASE) == ["reduced ulcerative colitis"]
    text = "A 2024 study found that peppermint oil reduced IBS pain."
    assert excerpts(text, DISEASE) == []


def test_a_percentage_of_change_is_a_result(excerpts) -> None:
    text = "In our trial, volunteers taking JointEase saw a 30% drop in gout attacks."
    assert excerpts(text, DISEASE) == ["gout attacks"]


def test_a_condition_changed_since_starting_the_product(excerpts) -> None:
    text = "My rosacea is barely visible since I started using the sea buckthorn oil."
    assert excerpts(text, DISEASE) == ["rosacea"]
    assert excerpts("My rosacea got worse since I started using the oil.", DISEASE) == []


def test_a_hashtag_repeating_the_claim_is_one_claim(excerpts) -> None:
    text = "Bye-bye eczema patches with our oat balm! #eczemarelief #oatlove"
    assert excerpts(text, DISEASE) == ["Bye-bye eczema"]


def test_a_heading_the_list_completes(excerpts) -> None:
    text = "## What GutCalm helps with\n\n- Crohn's disease\n- Diverticulitis\n"
    assert excerpts(text, DISEASE) == ["Crohn's disease", "Diverticulitis"]
    text = "## How GutCalm helps with digestion\n\n- Crohn's disease\n- Diverticulitis\n"
    assert excerpts(text, DISEASE) == []


def test_a_table_head_ending_in_a_product_word(excerpts) -> None:
    text = "| Condition | Our top herb |\n|---|---|\n| Gout | Celery seed |\n| Shingles | Zinc |\n"
    assert excerpts(text, DISEASE) == ["Gout", "Shingles"]


def test_a_fund_named_after_a_disease_is_no_claim(excerpts) -> None:
    text = "A share of each order goes to the Meadowbrook Lupus Foundation."
    assert excerpts(text, DISEASE) == []


def test_swaps_in_a_list_and_being_off_a_drug(excerpts) -> None:
    text = "Swap Valium for passionflower and Ambien for valerian."
    assert excerpts(text, DRUG)[:1] == ["Swap Valium"]
    assert excerpts("i started the hawthorn and im off lisinopril now", DRUG) == [
        "im off lisinopril"
    ]
    assert excerpts("Steadier than a Klonopin, with none of the fog.", DRUG) == [
        "Steadier than a Klonopin"
    ]
