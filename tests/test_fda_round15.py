"""fda.* kinds fixed from blind round 13's misses (read after round 14 was written to measure):
being off a drug, a named drug gone ('no more mesalamine'), a class of pills cut back, more
rhetorical 'why' questions, a drug given up before the claim, flare words in a topic question,
and cue words ('solves', 'melts away', 'game-changer for')."""

from __future__ import annotations

import pytest

DISEASE = "fda.disease-claim"
DRUG = "fda.drug-comparison"


def found(lint, text: str, rule: str) -> list[tuple[str, int]]:
    return [(f.excerpt, f.column) for f in lint(text + "\n") if f.rule_id == rule]


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Four months of the bark and I'm totally off my Zoloft.", "totally off my Zoloft"),
        ("This root tea has me off lisinopril for good.", "me off lisinopril"),
        ("Finally in remission, no more prednisone for me.", "no more prednisone"),
        (
            "Our readers cut down on their cholesterol pills with the oat blend.",
            "cut down on their cholesterol pills",
        ),
        ("Why stay on statins when red yeast rice does it?", "Why stay on statins"),
        ("The same compound as Wegovy, in a gummy.", "same compound as Wegovy"),
        (
            "my knees feel great and I haven't touched my celebrex since",
            "haven't touched my celebrex since",
        ),
        ("Great tea, I dropped the omeprazole completely.", "dropped the omeprazole completely"),
    ],
)
def test_a_drug_given_up_for_the_product(lint, text, excerpt) -> None:
    assert found(lint, text, DRUG) == [(excerpt, text.index(excerpt) + 1)]


@pytest.mark.parametrize(
    "text",
    [
        "My doctor took me off Zoloft last year.",  # the prescriber's act
        "Take 10 mg off the dose if you feel jittery.",  # arithmetic, no state word
        "No more inhaler for me since we moved to the coast.",  # names no drug
        "Take it at the same time as your metformin.",  # timing, not the drug's job
        "Ready to cut back on your blood pressure meds? Ask your doctor first.",
    ],
)
def test_no_drug_given_up(lint, text) -> None:
    assert found(lint, text, DRUG) == []


def test_a_drug_given_up_before_the_claim_does_not_treat(lint) -> None:
    text = "no more inhaler for me, this mullein tea fixed my asthma"
    assert found(lint, text, DISEASE) == [("fixed my asthma", text.index("fixed") + 1)]


def test_a_drug_that_treats_still_makes_it_the_drugs_claim(lint) -> None:
    assert found(lint, "My inhaler fixed my asthma within a week.", DISEASE) == []


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("Gout attacks? Our tart cherry extract calms them within days.", "Gout attacks"),
        ("Shingles pain? Our lysine cream calms the burning fast.", "Shingles"),
        ("Eczema flares? This balm soothes them overnight.", "Eczema"),
        # a drug the product beats is no treatment of the answer
        ("Psoriasis flares? Our oat cream calms them, better than steroids.", "Psoriasis"),
    ],
)
def test_a_topic_question_with_its_flare_word_answered_by_the_product(
    lint, text, condition
) -> None:
    assert found(lint, text, DISEASE) == [(condition, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Gout attacks? Your doctor can prescribe allopurinol to calm them.",
        "Migraine pain? Ask your doctor before trying feverfew.",
        "Gout attacks? You are not alone.",
    ],
)
def test_a_topic_question_not_answered_by_the_product(lint, text) -> None:
    assert found(lint, text, DISEASE) == []


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("This fiber finally solves chronic constipation.", "solves chronic constipation"),
        ("Kava melts away anxiety by evening.", "melts away anxiety"),
        ("The collagen is a game-changer for Ehlers-Danlos.", "game-changer for Ehlers-Danlos"),
    ],
)
def test_more_cue_words(lint, text, excerpt) -> None:
    assert found(lint, text, DISEASE) == [(excerpt, text.index(excerpt) + 1)]


def test_anxiety_eased_is_still_no_claim(lint) -> None:
    assert found(lint, "Kava eases anxiety by evening.", DISEASE) == []


PICKS_MD = """| Condition | Our pick |
|---|---|
| Psoriasis | Oat Cream |
| Gout | Cherry Shot |
"""
PICKS_HTML = (
    "<table><tr><th>Ailment</th><th>Remedy</th></tr>"
    "<tr><td>Gout</td><td>Celery Seed</td></tr></table>\n"
)


def test_a_product_tables_condition_column_is_a_claim_per_row(lint) -> None:
    found = [(f.excerpt, f.line, f.column) for f in lint(PICKS_MD) if f.rule_id == DISEASE]
    assert found == [("Psoriasis", 3, 3), ("Gout", 4, 3)]


def test_an_html_product_table_too(lint) -> None:
    found = [(f.excerpt, f.column) for f in lint(PICKS_HTML, "picks.html") if f.rule_id == DISEASE]
    assert found == [("Gout", PICKS_HTML.index("Gout") + 1)]


@pytest.mark.parametrize(
    "table",
    [
        "| Condition | Prevalence |\n|---|---|\n| Gout | 4% |\n",  # no product column
        "| Drug | Condition |\n|---|---|\n| Allopurinol | Gout |\n",  # a drug's indication
        "| Our pick | Notes |\n|---|---|\n| Cherry Shot | Gout runs in my family |\n",
    ],
)
def test_tables_without_a_product_and_condition_column_claim_nothing(lint, table) -> None:
    assert [f for f in lint(table) if f.rule_id == DISEASE] == []
