"""fda.* failure kinds fixed for issue 14 from round 10's misses: one test per shape, spans
asserted. The sentences are the team's own, in the shapes round 10 missed."""

from __future__ import annotations

import pytest
from test_fda_round9 import DISEASE, DRUG, excerpts


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        # a drug class of two or three words
        ("Hibiscus tea lets you drop your beta blockers.", "drop your beta blockers"),
        (
            "Readers are trading their proton pump inhibitors for aloe.",
            "trading their proton pump inhibitors",
        ),
        ("Seven herbal swaps for your blood pressure meds", "swaps for your blood pressure meds"),
        # the drug left behind
        ("For women who are done with Ambien, try our tart cherry.", "done with Ambien"),
        (
            "Buyers have stopped renewing their Singulair since switching.",
            "stopped renewing their Singulair",
        ),
        ("It can lessen your need for metformin.", "lessen your need for metformin"),
        ("Lose the weight, no Wegovy prescription needed.", "no Wegovy prescription needed"),
        # a comparative of effect, and an owner's old prescription
        ("Our elderberry knocks out the flu harder than Xofluza.", "harder than Xofluza"),
        ("It works as well as my old Restoril and tastes of mint.", "as well as my old Restoril"),
        ("A natural benzodiazepine in a teabag.", "natural benzodiazepine"),
    ],
)
def test_drug_comparison_shapes(lint, text, drug) -> None:
    assert excerpts(lint(text), DRUG) == [drug]


@pytest.mark.parametrize(
    ("text", "claim", "drug"),
    [
        (
            "Our cream clears ringworm without antifungals.",
            "clears ringworm",
            "without antifungals",
        ),
        (
            "Cranberry ends cystitis without another round of ciprofloxacin.",
            "ends cystitis",
            "without another round of ciprofloxacin",
        ),
    ],
)
def test_a_cure_without_the_drug_is_a_claim_and_a_comparison(lint, text, claim, drug) -> None:
    found = lint(text)
    assert excerpts(found, DISEASE) == [claim]
    assert excerpts(found, DRUG) == [drug]


@pytest.mark.parametrize(
    "text",
    [
        # any drug at all is no named substitute: the disease claim alone
        "Chromium manages type 2 diabetes without medication.",
        # a drug denied is no drug swapped in, nor is a drug phrase's modifier
        "Cases of insulin resistance improved without insulin resistance drugs.",
    ],
)
def test_no_comparison_without_a_named_drug(lint, text) -> None:
    assert excerpts(lint(text), DRUG) == []


def test_a_drug_denied_after_a_comparison_is_no_switch(lint) -> None:
    found = lint("Valerian: the herbal sedative, with no prescription and no wait.")
    assert excerpts(found, DRUG) == ["herbal sedative"]


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ('On your website: "ThyroCalm reverses Hashimoto\'s."', "reverses Hashimoto's"),
        ("Your Facebook page states: “Our drops prevent strep throat.”", "prevent strep throat"),
        ('Your TikTok account posted: "Our tea cures the flu."', "cures the flu"),
    ],
)
def test_a_claim_quoted_back_to_its_seller_is_the_claim(lint, text, excerpt) -> None:
    assert excerpts(lint(text), DISEASE) == [excerpt]


@pytest.mark.parametrize(
    "text",
    [
        # a narrative quote, and a regulator's own report of the claim, stay reported
        'Regulators said the label read: "Our tea cures the flu."',
        'You falsely claim on your website that "ThyroCalm reverses Hashimoto\'s."',
        "Your website includes claims that the tea cures the flu.",
    ],
)
def test_reported_quotes_stay_reported(lint, text) -> None:
    assert excerpts(lint(text), DISEASE) == []


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("elderberry got my twins thru the flu", "got my twins thru the flu"),
        ("my psoriasis is history since the fish oil", "psoriasis is history"),
        ("her eczema cleared up since the probiotic", "eczema cleared up"),
        ("Oil of oregano wiped out my h pylori.", "wiped out my h pylori"),
        ("This tonic heals a stomach ulcer in weeks.", "heals a stomach ulcer"),
        ("turmeric cured my arthritus", "cured my arthritus"),
        ("Rosemary oil regrew my alopecia.", "alopecia"),
    ],
)
def test_forum_spellings_outcomes_and_lay_names(lint, text, excerpt) -> None:
    assert excerpts(lint(text), DISEASE) == [excerpt]


def test_informal_spellings_read_as_their_words() -> None:
    from lint.nlp import get_nlp

    nlp = get_nlp()
    assert [t.norm_ for t in nlp("thru u ur Thru")] == ["through", "you", "your", "through"]


def test_a_cue_word_used_in_a_phrasal_verb_is_no_cure(lint) -> None:
    assert excerpts(lint("My headaches kicked in again after the long flight."), DISEASE) == []


@pytest.mark.parametrize(
    "text",
    [
        "Psoriasis sufferers should talk to a dermatologist before trying any herb.",
        "Many asthma sufferers notice symptoms in cold air.",
    ],
)
def test_sufferers_as_the_subject_are_no_audience(lint, text) -> None:
    assert excerpts(lint(text), DISEASE) == []


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("A daily tonic for psoriasis sufferers.", "psoriasis sufferers"),
        ("Asthma sufferers, this is the inhaler-free blend you wanted.", "Asthma sufferers"),
        ("The eczema sufferer's nightly balm.", "eczema sufferer"),
    ],
)
def test_sufferers_addressed_or_served_are_an_audience(lint, text, excerpt) -> None:
    assert excerpts(lint(text), DISEASE) == [excerpt]


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("Garlic cleared my thrush where two courses of fluconazole didn't.", None),
        ("Tea tree oil worked after the antifungals failed.", "after the antifungals failed"),
        ("My GP wanted me on Lipitor, but red yeast rice fixed it.", "wanted me on Lipitor"),
        ("For anyone who would rather not go on metformin.", "rather not go on metformin"),
        ("Six weeks of valerian. Goodbye, Ambien!", "Goodbye, Ambien"),
    ],
)
def test_a_drug_declined_or_failed(lint, text, drug) -> None:
    found = excerpts(lint(text), DRUG)
    assert len(found) == 1 and (drug is None or found == [drug])


@pytest.mark.parametrize(
    "text",
    [
        "The rash came back after the steroids stopped.",
        "I added it when my Xanax didn't seem to be enough.",
    ],
)
def test_a_drug_stopping_or_falling_short_is_no_substitute(lint, text) -> None:
    assert excerpts(lint(text), DRUG) == []
