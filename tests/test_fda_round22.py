"""fda.* in round 22 (seventh session of 2026-12-07), from reading blind fda round 20 for kinds:
generic drugs named by their INN stem ("clarithromycin", "latanoprost"), a drug not needed
("didn't even need the antibiotics", "no longer need"), the product letting someone stop a
drug, a drug not bothered with, "Why risk the side effects of X", a vaccine skipped, the birth
control pill, a prescriber's plan declined ("wanted to put my son on X but"); a regulatory
word used as a verb on a pronoun ("cleared it up") is no regulatory statement; lay names of
infections by their site; a plain-text line in lower case is a sentence, not a heading."""

from __future__ import annotations

import pytest

DISEASE = "fda.disease-claim"
DRUG = "fda.drug-comparison"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Our gum resin works as effectively as clarithromycin.",
            ["as effectively as clarithromycin"],
        ),
        (
            "Thanks to the eye formula I no longer need my latanoprost.",
            ["no longer need my latanoprost"],
        ),
        ("Pine resin is better than azithromycin, honestly.", ["better than azithromycin"]),
        (
            "The tea fixed it and I didn't even need the antibiotics.",
            ["n't even need the antibiotics"],
        ),
        (
            "I never bothered with valtrex; the lysine balm was enough.",
            ["never bothered with valtrex"],
        ),
        (
            "Why risk the side effects of Humira when turmeric exists?",
            ["Why risk the side effects of Humira"],
        ),
        ("Skip the flu shot and take our syrup instead.", ["Skip the flu shot"]),
        (
            "A gentle alternative to the birth control pill.",
            ["alternative to the birth control pill"],
        ),
        ("Our chews let many owners stop the Rimadyl.", ["let many owners stop the Rimadyl"]),
        (
            "The vet wanted to put our dog on Apoquel but the fish oil was enough.",
            ["wanted to put our dog on Apoquel but"],
        ),
        ("Ginger chews work without the grogginess of promethazine.", []),  # no stem, no list name
    ],
)
def test_drug_comparisons_in_new_shapes(excerpts, text, expected) -> None:
    found = excerpts(text, DRUG)
    assert [e.rstrip() for e in found] == [e.removesuffix(" but") for e in expected]


@pytest.mark.parametrize(
    "text",
    [
        "In April I switched to a better plan.",  # "-pril" needs three letters before it
        "Patients sometimes stop their insulin after reading claims online.",  # a report
        "Don't stop your blood pressure meds without your doctor.",
        "The FDA never cleared it for any disease.",
    ],
)
def test_no_drug_comparison(excerpts, text) -> None:
    assert excerpts(text, DRUG) == []


def test_a_regulatory_word_as_a_verb_on_a_pronoun_is_a_cure(excerpts) -> None:
    text = "Oregano oil cleared it up and I didn't need the antibiotics."
    assert excerpts(text, DRUG) == ["n't need the antibiotics"]
    # the regulator's sentence stays one: FDA is named
    assert excerpts("The FDA has not cleared it to treat infections.", DISEASE) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My goldenseal tea dried up my sinus infection in two days.", ["sinus infection"]),
        ("This spray knocked out my chest infection fast.", ["knocked out my chest infection"]),
    ],
)
def test_infections_named_by_site(excerpts, text, expected) -> None:
    assert excerpts(text, DISEASE) == expected


def test_a_lower_case_plain_text_line_is_a_sentence(excerpts) -> None:
    text = "this lysine and lemon balm stick totally destroyed my cold sores"
    assert excerpts(text, DISEASE, "post.txt") == ["destroyed my cold sores"]
    assert excerpts("Lysine And Cold Sores", DISEASE, "post.txt") == []  # a heading: a topic


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I was on Protonix for years. The licorice got me off it completely.", ["Protonix"]),
        ("Lexapro numbed me, so I swapped it for saffron.", ["Lexapro"]),
        ("I was on my meds for years. Ashwagandha got me off them.", []),  # no drug named
        ("Metformin did nothing for me. My doctor swapped it for insulin.", []),  # a prescriber
        ("I was on Prozac. Did the tea get me off it?", []),  # a question
    ],
)
def test_a_swap_whose_drug_is_a_pronoun_names_the_drug_before(excerpts, text, expected) -> None:
    assert excerpts(text, DRUG) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Night Ease is our answer to Ambien.", ["our answer to Ambien"]),
        ("It helps patients reduce their reliance on Lasix.", ["reduce their reliance on Lasix"]),
        ("Antibiotic alternative: oregano oil softgels.", ["Antibiotic alternative"]),
        (
            "Six months on the chews and we never had to start Vetmedin.",
            ["never had to start Vetmedin"],
        ),
        ("the strep is gone, didnt even need the antibiotics", ["didnt even need the antibiotics"]),
        ("Sea buckthorn did what restasis never could.", ["did what restasis never"]),
        ("I was on metoprolol for years. Hawthorn replaced it.", ["metoprolol"]),
    ],
)
def test_drug_comparisons_in_round_21_shapes(excerpts, text, expected) -> None:
    assert excerpts(text, DRUG) == expected
