"""fda.drug-comparison in round 20: veterinary prescription drugs and vaccines are drugs a
product can be offered instead of (round 18's conventions), with the words that say which
("the shingles vaccine", "monthly ivermectin"); one effect of a drug matched; a fragment
opening on the drug left; a noun between "better" and "than"."""

from __future__ import annotations

import pytest

DRUG = "fda.drug-comparison"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our chews work better than Rimadyl for stiff hips.", ["better than Rimadyl"]),
        (
            "These drops are a gentle replacement for monthly ivermectin.",
            ["replacement for monthly ivermectin"],
        ),
        ("Skip the shingles vaccine; our drops keep shingles away.", ["Skip the shingles vaccine"]),
        ("Our tea matches the calm of Xanax, minus the fog.", ["matches the calm of Xanax"]),
        ("Off Adderall since June. Lion's mane handles my focus now.", ["Off Adderall since"]),
        ("I use ashwagandha instead of there xanax.", ["instead of there xanax"]),
        ("Kava was a better fit than Klonopin for me.", ["better fit than Klonopin"]),
        (
            "A natural alternative to phenobarbital for dogs with seizures.",
            ["alternative to phenobarbital"],
        ),
    ],
)
def test_vet_drugs_and_vaccines_are_compared_with(excerpts, text, expected) -> None:
    assert excerpts(text, DRUG) == expected


@pytest.mark.parametrize(
    "text",
    [
        "My vet put Bella on Apoquel for her itching.",
        "The shingles vaccine is recommended for most adults over fifty.",
        "Ask your vet before giving fish oil to a dog that takes Rimadyl.",
        "Heartworm preventives such as ivermectin are prescribed by vets.",
        "The trial matched the dose of the drug to body weight.",
        "Off the record since Tuesday, the agency said.",
    ],
)
def test_a_drug_named_without_the_product_in_its_place_is_no_comparison(excerpts, text) -> None:
    assert excerpts(text, DRUG) == []
