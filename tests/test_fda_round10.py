"""fda.* failure kinds fixed for issue 14, round 10: one test per shape, spans asserted."""

from __future__ import annotations

import pytest
from test_fda_round9 import DISEASE, DRUG, excerpts


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Chewable licorice that treats heartburn.", "treats heartburn"),
        ("Cured my fibro in a season.", "Cured my fibro"),
        ("Ginger drops that stop vertigo.", "stop vertigo"),
        ("Saw palmetto reverses prostate enlargement.", "reverses prostate enlargement"),
    ],
)
def test_lay_names_missing_from_icd_heads_are_conditions(lint, text, excerpt) -> None:
    assert excerpts(lint(text), DISEASE) == [excerpt]


@pytest.mark.parametrize(
    ("text", "excerpt", "drug"),
    [
        # a drug named after the claim, contrasted with it, is no instrument of it
        ("Knock out insomnia with no Lunesta grogginess.", "Knock out insomnia", None),
        (
            "Mullein eases asthma with effects similar to inhalers.",
            "eases asthma",
            "similar to inhalers",
        ),
        # a regulatory word used as a verb on a possessed condition is the cure
        ("Oregano oil cleared my SIBO without antibiotics.", "cleared my SIBO", None),
    ],
)
def test_a_drug_contrasted_after_the_claim_leaves_the_claim(lint, text, excerpt, drug) -> None:
    found = lint(text)
    assert excerpts(found, DISEASE) == [excerpt]
    if drug:
        assert excerpts(found, DRUG) == [drug]


@pytest.mark.parametrize(
    "text",
    [
        "Sleep problems are often treated with no drugs at all.",
        "The supplement was not cleared by the FDA to treat SIBO.",
        "This remedy for everyday heartburn is a chewable tablet.",
    ],
)
def test_instruments_regulatory_statements_and_passing_symptoms_stay_quiet(lint, text) -> None:
    assert excerpts(lint(text), DISEASE) == []


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        (
            "Two weeks on quercetin and my son's asthma is so much better.",
            "asthma is so much better",
        ),
        ("Her eczema is much improved since the fish oil.", "eczema is much improved"),
        ("My gout hasn't flared since the cherry extract.", "gout hasn't flared"),
        ("Hawthorn got my high blood pressure down.", "got my high blood pressure down"),
        ("A month on the fish oil and my psoriasis never came back.", "psoriasis never came back"),
    ],
)
def test_what_a_possessed_condition_became_is_a_claim(lint, text, excerpt) -> None:
    assert excerpts(lint(text), DISEASE) == [excerpt]


@pytest.mark.parametrize(
    "text",
    [
        "Migraine is much better understood than it was.",  # not possessed, a participle
        "My asthma is better than it was in the city.",  # a comparison of times
        "Her depression is better because of her psychiatrist.",  # put down to someone else
        "My eczema is better because of Dupixent.",  # put down to a drug
        "I don't think his gout is better.",  # negated before the condition
        "My eczema is much better in summer.",  # no product named: the season's doing
        "My gout hasn't flared since I cut out beer.",
    ],
)
def test_outcomes_not_owed_to_the_product_are_not_claims(lint, text) -> None:
    assert excerpts(lint(text), DISEASE) == []


def test_an_outcome_claim_is_positioned_on_the_condition(lint) -> None:
    [finding] = [
        f
        for f in lint("Intro line.\n\nNow my gout hasn't flared on the extract.\n")
        if f.rule_id == DISEASE
    ]
    assert (finding.line, finding.column) == (3, 8)
    assert finding.excerpt == "gout hasn't flared"


@pytest.mark.parametrize(
    "text",
    [
        "Quitting it abruptly can cause rebound headaches.",
        "Stopping cold turkey may trigger migraines in some people.",
    ],
)
def test_a_condition_caused_after_the_cue_is_a_warning(lint, text) -> None:
    assert excerpts(lint(text), DISEASE) == []


def test_a_condition_named_as_the_cause_is_still_treated(lint) -> None:
    found = excerpts(lint("This balm calms the itching caused by eczema."), DISEASE)
    assert found == ["calms the itching caused by eczema"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Use it as a trigger for a new habit.", []),  # "trigger finger" cut to "trigger"
        ("It supports a healthy pregnancy.", []),  # a natural state, not a disease
        ("Our rub relieves tennis elbow.", ["relieves tennis elbow"]),
        ("This gel heals trigger finger.", ["heals trigger finger"]),
    ],
)
def test_heads_that_are_ordinary_words_are_not_conditions(lint, text, expected) -> None:
    assert excerpts(lint(text), DISEASE) == expected


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("One scoop a day keeps the eczema away.", "keeps the eczema away"),
        ("Keeps cold sores at bay all winter.", "Keeps cold sores at bay"),
        ("Beet powder got my high blood pressure down.", "got my high blood pressure down"),
        ("It holds your asthma in check.", "holds your asthma in check"),
    ],
)
def test_a_verb_and_particle_around_the_condition_is_a_claim(lint, text, excerpt) -> None:
    assert excerpts(lint(text), DISEASE) == [excerpt]


def test_a_split_cue_needs_its_verb(lint) -> None:
    assert excerpts(lint("The word gout comes down from Latin."), DISEASE) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Echinacea got my daughter through pneumonia.", ["got my daughter through pneumonia"]),
        ("This tincture pulled me through shingles.", ["pulled me through shingles"]),
        ("Coffee got me through finals week.", []),  # no condition
        ("My sister got my kids through chickenpox.", []),  # no product: a person's care
        ("Antibiotics got my son through pneumonia.", []),  # a drug's doing
    ],
)
def test_carried_through_a_condition_is_a_claim(lint, text, expected) -> None:
    assert excerpts(lint(text), DISEASE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "People with liver disease or impaired liver function should ask a doctor first.",
        "Skip it if you have epilepsy or lowered seizure thresholds.",
    ],
)
def test_a_participle_joined_to_a_condition_names_a_second_one(lint, text) -> None:
    assert excerpts(lint(text), DISEASE) == []


def test_a_regulator_describing_a_firms_comparison_is_no_comparison(lint) -> None:
    text = "Your firm sells the drops as a gentler alternative to Ambien for insomnia."
    assert excerpts(lint(text), DRUG) == []
    assert excerpts(lint("The drops are a gentler alternative to Ambien."), DRUG) != []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Calms the restlessness and irritability that come with ADHD.",
            ["Calms the restlessness and irritability that come with ADHD"],
        ),
        ("Low iron stores are tied to a higher rate of anemia in teens.", []),
    ],
)
def test_a_symptom_phrase_leads_past_the_window_to_its_condition(lint, text, expected) -> None:
    assert excerpts(lint(text), DISEASE) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Passionflower is my Klonopin now.", ["is my Klonopin now"]),
        ("Tart cherry is the new Ambien.", ["is the new Ambien"]),
        ("The trouble is my Klonopin refill is late.", []),  # the drug's paperwork
    ],
)
def test_a_product_named_as_ones_drug_is_a_comparison(lint, text, expected) -> None:
    assert excerpts(lint(text), DRUG) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our co-founder opened the shop after beating ovarian cancer.", []),
        ("He kept training while battling Crohn's disease.", []),
        ("Elderberry for fighting the flu.", ["fighting the flu"]),
    ],
)
def test_a_life_story_is_no_claim(lint, text, expected) -> None:
    assert excerpts(lint(text), DISEASE) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Who needs Lunesta when you have tart cherry?", ["Who needs Lunesta"]),
        ("Why take Prozac if saffron does the same?", ["Why take Prozac"]),
        ("Why take metformin? Your doctor can explain.", []),  # a question that asks
        ("Does saffron work like Prozac?", []),
    ],
)
def test_a_rhetorical_question_asserts_its_comparison(lint, text, expected) -> None:
    assert excerpts(lint(text), DRUG) == expected
