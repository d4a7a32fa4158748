"""fda.* failure kinds fixed for issue 14, round 7: one test per kind, positions asserted."""

from __future__ import annotations

import pytest

DISEASE = "fda.disease-claim"
DRUG = "fda.drug-comparison"


def found(findings, *rules):
    """(rule id, line, column, end column, excerpt) of each finding of the given rules."""
    return [
        (f.rule_id, f.line, f.column, f.end_column, f.excerpt)
        for f in findings
        if f.rule_id in rules
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elderberry shortens the flu by days.", [(DISEASE, 1, 12, 28, "shortens the flu")]),
        ("magnesium kicked my migraines", [(DISEASE, 1, 11, 30, "kicked my migraines")]),
        (
            "mucuna pulled me out of bipolar depression",
            [(DISEASE, 1, 8, 43, "pulled me out of bipolar depression")],
        ),
        ("Colostrum guards against rotavirus.", [(DISEASE, 1, 11, 35, "guards against rotavirus")]),
    ],
)
def test_colloquial_verbs_before_a_condition_are_claims(lint, text, expected) -> None:
    assert found(lint(text), DISEASE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "My migraines kicked in again after a bad night.",
        "Depression dragged me down for years.",
        "The flu knocked me out for a week.",
    ],
)
def test_colloquial_verbs_after_the_condition_are_not(lint, text) -> None:
    assert found(lint(text), DISEASE) == []


def test_audience_offered_the_product_is_a_claim_the_person_acting_is_not(lint) -> None:
    findings = lint(
        "Ideal for anyone battling PTSD.\n\n"
        "Made for people living with fibromyalgia.\n\n"
        "Anyone battling PTSD deserves real care.\n\n"
        "For adults with insomnia, therapy comes first.\n"
    )
    assert found(findings, DISEASE) == [
        (DISEASE, 1, 7, 31, "for anyone battling PTSD"),
        (DISEASE, 3, 6, 41, "for people living with fibromyalgia"),
    ]


def test_conditional_audience_needs_an_offer(lint) -> None:
    findings = lint(
        "If you live with ulcerative colitis, this is the probiotic for you.\n\n"
        "If you suffer from kidney disease, ask your doctor first.\n"
    )
    assert found(findings, DISEASE) == [(DISEASE, 1, 1, 36, "If you live with ulcerative colitis")]


def test_list_labels_reach_across_their_colon(lint) -> None:
    findings = lint(
        "Great for: croup, pleurisy and shingles.\n\n"
        "Uses: gout, sciatica.\n\n"
        "Side effects: nausea, headache, diarrhea.\n"
    )
    assert found(findings, DISEASE) == [
        (DISEASE, 1, 1, 40, "Great for: croup, pleurisy and shingles"),
        (DISEASE, 1, 19, 27, "pleurisy"),
        (DISEASE, 1, 32, 40, "shingles"),
        (DISEASE, 3, 1, 21, "Uses: gout, sciatica"),
        (DISEASE, 3, 13, 21, "sciatica"),
    ]


def test_hashtag_claims_and_seller_lines_quoted_alone(lint) -> None:
    findings = lint('Our soursop tea #curecancer\n\n"Battles Hashimoto\'s Naturally!"\n')
    assert found(findings, DISEASE) == [
        (DISEASE, 1, 17, 28, "#curecancer"),
        (DISEASE, 3, 2, 21, "Battles Hashimoto's"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Buyers were told the spray could reverse scoliosis, a court heard.",
        "Sellers were fined for saying their tea prevents the flu.",
        "Critics mocked the influencer who said beef liver cures autism.",
        "Marketers pitched the powder as a remedy for long COVID.",
    ],
)
def test_regulator_and_critic_reports_are_not_claims(lint, text) -> None:
    assert found(lint(text), DISEASE, DRUG) == []


def test_a_negation_elsewhere_in_the_sentence_keeps_the_comparison(lint) -> None:
    findings = lint(
        "Works as well as Zoloft, with no weight gain.\n\n"
        "Once you're on our nootropic there's no need for Vyvanse.\n\n"
        "I swapped my Ritalin for lion's mane and haven't looked back.\n"
    )
    assert found(findings, DRUG) == [
        (DRUG, 1, 7, 24, "as well as Zoloft"),
        (DRUG, 3, 38, 57, "no need for Vyvanse"),
        (DRUG, 5, 3, 21, "swapped my Ritalin"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Kava does not work like Xanax.",
        "Nothing here replaces your insulin.",
        "No supplement is as effective as metformin.",
        "The board rejected the vendor's claim that the bark works like Celexa.",
        "The panel dismissed the distributor's assertion that the root acts like Lexapro.",
    ],
)
def test_a_negated_or_reported_comparison_is_not_flagged(lint, text) -> None:
    assert found(lint(text), DRUG) == []


def test_without_the_side_effects_keeps_both_claims(lint) -> None:
    findings = lint(
        "Red yeast rice lowers high cholesterol without the muscle pain of statins.\n\n"
        "Kava calms anxiety without the side effects of benzodiazepines.\n\n"
        "All the calm of Xanax without the addiction.\n"
    )
    assert found(findings, DISEASE, DRUG) == [
        (DISEASE, 1, 16, 39, "lowers high cholesterol"),
        (DRUG, 1, 40, 74, "without the muscle pain of statins"),
        (DISEASE, 3, 6, 19, "calms anxiety"),
        (DRUG, 3, 20, 63, "without the side effects of benzodiazepines"),
        (DRUG, 5, 1, 22, "All the calm of Xanax"),
    ]


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Forget Cialis, our maca blend kicks in sooner.", "Forget Cialis"),
        ("Toss the Nexium; our DGL chews are all you need.", "Toss the Nexium"),
        ("kava is basically a weaker klonopin lol", "weaker klonopin"),
        ("Valerian does the same job as Lunesta.", "same job as Lunesta"),
        ("Our focus blend is the closest thing to Adderall.", "closest thing to Adderall"),
        ("Our mood blend has fewer downsides than Paxil.", "fewer downsides than Paxil"),
    ],
)
def test_dismissive_and_lesser_drug_comparisons(lint, text, excerpt) -> None:
    assert [f[4] for f in found(lint(text), DRUG)] == [excerpt]


def test_touching_comparisons_are_one_finding(lint) -> None:
    findings = lint("Hops tea is a soft replacement for sleep meds like Ambien.")
    assert found(findings, DRUG) == [(DRUG, 1, 20, 58, "replacement for sleep meds like Ambien")]


def test_one_finding_per_condition_in_a_sentence(lint) -> None:
    text = "Ideal for kids with ADHD who fidget, and they relieve ADHD restlessness."
    assert found(lint(text), DISEASE) == [
        (DISEASE, 1, 7, 59, "for kids with ADHD who fidget, and they relieve ADHD")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ms. Lee takes magnesium for her sleep.",
        "Ed from accounting swears by his morning stack.",
        "These natural sleep aids help you fall asleep faster.",
    ],
)
def test_abbreviations_are_not_lower_case_words(lint, text) -> None:
    assert found(lint(text), DISEASE) == []


def test_a_symptom_claim_runs_on_to_its_disease(lint) -> None:
    findings = lint(
        "Kava soothes the flashbacks that come with PTSD.\n\n"
        "Magnesium eases muscle cramps from hard workouts.\n"
    )
    assert found(findings, DISEASE) == [
        (DISEASE, 1, 6, 48, "soothes the flashbacks that come with PTSD")
    ]


def test_a_topic_question_answered_by_the_product_is_a_claim_at_its_condition(lint) -> None:
    findings = lint(
        "Psoriasis? Our salve calms flare-ups in days.\n\n"
        "Struggling with acid reflux? ZenBelly chews soothe the burn.\n"
    )
    assert found(findings, DISEASE) == [
        (DISEASE, 1, 1, 10, "Psoriasis"),
        (DISEASE, 3, 17, 28, "acid reflux"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Insomnia? You're not alone. Melatonin is one option many people try.",
        "What is tinnitus? Our drops are made from ginkgo.",
        "Gout? Your doctor can prescribe allopurinol, and our tea soothes the stomach.",
        "Shingles? This balm won't cure it.",
        "## Arthritis?\n\nOur turmeric capsules reduce joint swelling.",
    ],
)
def test_a_topic_question_without_a_product_answer_is_no_claim(lint, text) -> None:
    assert found(lint(text), DISEASE) == []


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("This tea cures Sjogrens.", "Sjogrens"),
        ("Our drops stop the ringing in my ears.", "ringing in my ears"),
        ("The salve heals fever blisters overnight.", "fever blisters"),
        ("Iron chews fix RLS for good.", "RLS"),
        ("The formula reverses CKD.", "CKD"),
        ("My GERD is basically non-existent since the DGL chews.", "GERD"),
    ],
)
def test_lay_names_abbreviations_and_adverbed_outcomes(lint, text, excerpt) -> None:
    assert any(excerpt in f.excerpt for f in lint(text) if f.rule_id == DISEASE)
