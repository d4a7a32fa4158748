"""fda.* kinds fixed from blind round 14's misses (read after round 15 was written to measure):
emphasis that looks like a negation ('doesn't just slow'), made-for cues with an adverb, a
topic question answered by a split verb or an offer, a drug a rhetorical question turns down,
conditions listed under a claiming lead, and doses given for a condition."""

from __future__ import annotations

import pytest

DISEASE = "fda.disease-claim"


def found(lint, text: str) -> list[tuple[str, int, int]]:
    return [(f.excerpt, f.line, f.column) for f in lint(text + "\n") if f.rule_id == DISEASE]


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Our calcium chews don't just slow gout, they end it.", "slow gout"),
        ("This balm is not merely a remedy for psoriasis.", "remedy for psoriasis"),
        (
            "The drops were formulated especially for glaucoma.",
            "formulated especially for glaucoma",
        ),
        ("Each capsule was developed for adults with lupus.", "developed for adults with lupus"),
        ("Who needs Lipitor when this oat tea cures heart disease?", "cures heart disease"),
    ],
)
def test_claims_in_a_single_sentence(lint, text, excerpt) -> None:
    assert found(lint, text) == [(excerpt, 1, text.index(excerpt) + 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Our calcium chews do not slow gout.",  # a real negation
        "The drug was developed for epilepsy in the 1990s.",  # a drug's history
        "Why take Lipitor when your doctor says it treats heart disease?",  # the doctor's drug
        "For gout, ask your doctor before taking anything.",  # no dose
        "For anxiety, take a walk after dinner.",  # no dose
        "For gout, take allopurinol as prescribed.",  # a drug's direction
        "Avoid our tincture if you have:\n\n- vertigo\n- glaucoma",  # a caution, no cue
        # (a heading the list completes, "## What our tincture helps with", is a claim since
        # round 19: tests/test_fda_round19.py)
        "Our tincture does not treat:\n\n- vertigo\n- glaucoma",  # negated lead
    ],
)
def test_mentions_that_are_not_claims(lint, text) -> None:
    assert found(lint, text) == []


def test_a_topic_question_answered_by_a_split_verb_or_an_offer(lint) -> None:
    assert found(lint, "Gout? Our cherry capsules keep the attacks away.") == [("Gout", 1, 1)]
    assert found(lint, "Shingles? Reach for LysiBalm tonight.") == [("Shingles", 1, 1)]
    assert found(lint, "Gout? You are not alone, and it keeps coming back.") == []


def test_each_condition_under_a_claiming_lead_is_a_claim(lint) -> None:
    text = "Conditions our drops can help with:\n\n- Vertigo\n- Bell's palsy\n- Dry skin"
    assert found(lint, text) == [("Vertigo", 3, 3), ("Bell's palsy", 4, 3)]


def test_the_lead_must_end_its_block_and_the_list_follow_it(lint) -> None:
    text = "What our drops can help with: more below.\n\nWe tested them.\n\n- Vertigo"
    assert found(lint, text) == []


def test_a_dose_for_a_condition_is_a_claim(lint) -> None:
    assert found(lint, "Directions: For gout of the big toe, take 2 capsules daily.") == [
        ("gout", 1, 17)
    ]
    assert found(lint, "For insomnia, take one softgel at bedtime.") == [("insomnia", 1, 5)]
    listed = "- Vertigo: 2 drops under the tongue\n- Tinnitus - 3 drops twice daily"
    assert found(lint, listed) == [("Vertigo", 1, 3), ("Tinnitus", 2, 3)]


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Saw palmetto: a natural finasteride for thinning hair.", "natural finasteride"),
        ("Motherwort works as an herbal beta-blocker.", "herbal beta-blocker"),
        ("A gentle alternative to the pill for cycle support.", "alternative to the pill"),
        ("Is this root nature's Xanax? We think so.", "nature's Xanax"),
    ],
)
def test_drug_epithets_and_the_pill(lint, text, excerpt) -> None:
    hits = [(f.excerpt, f.column) for f in lint(text + "\n") if f.rule_id == "fda.drug-comparison"]
    assert hits == [(excerpt, text.index(excerpt) + 1)]


def test_a_question_doubted_stays_a_question(lint) -> None:
    text = "Is this root nature's Xanax? We doubt it."
    assert [f for f in lint(text + "\n") if f.rule_id == "fda.drug-comparison"] == []
