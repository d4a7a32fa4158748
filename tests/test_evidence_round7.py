"""evidence rules, round-7 failure kinds (issue 14): research-style claims the verb reading
missed (noun claims, agentless passives, adverbs, protection, "help" + person, lab markers)
and the false alarms it raised (people doing things, drug interactions, a product's own
qualities). Every case of test_research_claims, test_not_claims and the lab-study test failed
before the round-7 changes; the others guard the new readings. Sentences are new."""

from __future__ import annotations

import pytest

CLAIM = "evidence.unsupported-causal-claim"
ANIMAL = "evidence.animal-to-human"


def found(lint, text: str, rule: str = CLAIM) -> list[tuple[str, int, int]]:
    """(excerpt, line, column) of each finding of `rule`."""
    return [(f.excerpt, f.line, f.column) for f in lint(text + "\n", "a.txt") if f.rule_id == rule]


@pytest.mark.parametrize(
    ("sentence", "excerpt", "column"),
    [
        # noun claims: a verb of having or producing, an effect noun, what it acts on
        ("Hawthorn extract had a clear effect on resting heart rate.", "had a clear effect", 18),
        ("Beta-alanine exerted benefits on sprint endurance.", "exerted benefits", 14),
        (
            "The tea demonstrated a favourable long-term effect on gum bleeding.",
            "demonstrated a favourable long-term effect",
            9,
        ),
        # a change noun, what changed, and "with" the product
        (
            "Patients saw a reduction of heel pain with the arch supplement.",
            "reduction of heel pain with the",
            16,
        ),
        # agentless passives that report a result
        ("Night-time cramping was reduced after the magnesium course.", "reduced", 25),
        ("Wound closure was markedly accelerated in the honey arm.", "accelerated", 28),
        ("Joint stiffness was also lessened.", "lessened", 26),
        # adverbs inside a passive or before an infinitive's "to"
        ("Daytime energy is visibly improved by iron in deficient women.", "improved", 27),
        ("Only the oat drink was found significantly to lower LDL.", "lower", 47),
        ("Weight loss improves significantly the liver fat content.", "improves", 13),
        # protection against any harm; a protective construction names its harm
        ("Vitamin C protected against sunburn in the crew.", "protected", 11),
        ("Garlic is a natural shield against seasonal bugs.", "shield against", 21),
        # "help" and the person helped, then the effect
        ("Magnesium helped the nurses fall asleep sooner.", "helped", 11),
        # lab markers and numeric compounds outside the target list
        ("Nitrate juice lowered 24-h ambulatory SBP.", "lowered", 15),
        ("Selenium raised CD8 counts in the older men.", "raised", 10),
        # necessity and efficacy stated as fact
        ("Iron is essential for preventing anaemia in pregnancy.", "preventing", 23),
        ("Zinc brought about a faster recovery from colds.", "brought about", 6),
        # weak verbs of effect take any object too (strength 0.54)
        ("Evening screen light affects melatonin release.", "affects", 22),
        # a reduced relative "associated with" names an outcome; the claim stands
        (
            "Weight loss resulted in the remission of apnoea associated with obesity.",
            "resulted in",
            13,
        ),
        # "risk factors" reduced is an outcome, not a correlational finding
        ("Walking lowered cardiovascular risk factors in the cohort.", "lowered", 9),
    ],
)
def test_research_claims(lint, sentence: str, excerpt: str, column: int) -> None:
    assert found(lint, sentence)[:1] == [(excerpt, 1, column)]


@pytest.mark.parametrize(
    "sentence",
    [
        # people as the subject of an open verb do things
        "Participants reduced their screen time during the study.",
        "The regulators increased inspections of importers in May.",
        "We lowered the age limit for the second wave.",
        # a drug's level or effect as the object: an interaction caution
        "Goldenseal reduces the blood levels of several prescription drugs.",
        # a product's own qualities, and a plain head before a health word
        "The new recipe improves the flavour without extra sugar.",
        "Our loyalty card boosts your savings on every sleep aid.",
        "We increased the dose to improve sleep in week two.",
    ],
)
def test_not_claims(lint, sentence: str) -> None:
    assert found(lint, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # guards, already unflagged before: the new noun, passive and relative-clause readings
        # must not reach them. Effects ruled out or left open; a prescription
        "Chromium had no effect on fasting glucose.",
        "Chromium had little impact on fasting glucose.",
        "Chromium showed mixed effects on fasting glucose.",
        "A ban would have a large effect on sales of energy drinks.",
        # descriptive passives: a group, a change over time, a subgroup
        "Ferritin was increased in patients with heavy periods.",
        "Vitamin D was lowered in the subgroup with obesity.",
        "Blood pressure was reduced in both groups over time.",
        # "with" a group or a dose-response, not the product
        "There was an improvement in patients with mild disease.",
        "There was a reduction in risk with each extra serving.",
        # a correlational finding still blocks the sentence
        "Higher intake of fish was associated with reduced stroke.",
        "Smoking is a risk factor for reduced bone density.",
        # a weak verb's object must be a noun phrase, an aim is not an efficacy statement
        "Stress affects everyone differently.",
        "We need to identify effective programmes for reducing anaemia in pregnancy.",
        # a plain head before "of": what is counted is no outcome
        "The regimen reduced the number of clinic visits.",
    ],
)
def test_new_readings_stay_out_of_non_claims(lint, sentence: str) -> None:
    assert found(lint, sentence) == []


def test_counted_outcomes_are_claims(lint) -> None:
    """A guard for the plain-head check: "the frequency and severity of" still counts an
    outcome (it passed before; the new check on plain heads must not drop it)."""
    text = "The regimen reduced the frequency and severity of hot flushes."
    assert found(lint, text) == [("reduced", 1, 13)]


def test_negated_findings_are_not_claims(lint) -> None:
    """A guard for the decision in docs/evidence.md: a null result states no effect, so it stays
    unflagged (measured on the PubMed set; this passed before and must keep passing)."""
    for sentence in (
        "Vitamin E did not improve liver fat in the trial.",
        "Saw palmetto failed to reduce night-time urination.",
    ):
        assert found(lint, sentence) == []


def test_lab_studies_are_not_human_evidence(lint) -> None:
    text = "Lab studies show the root kills cancer cells, so it fights cancer in your body."
    assert found(lint, text, ANIMAL) == [("fights cancer in your body", 1, 53)]
    assert found(lint, text) == [("fights", 1, 53)]  # the human clause is a causal claim too
    text = "It shrank tumours in mice, so it will shrink mine too."
    assert found(lint, text, ANIMAL) == [("will shrink mine", 1, 34)]


@pytest.mark.parametrize(
    ("sentence", "excerpt", "column"),
    [
        # evaluative constructions with their effect right after them
        ("Chamomile is good for your nerves before exams.", "is good for", 11),
        ("Kava works for social anxiety in my experience.", "works for", 6),
        # idioms of effect, with a listed target in the sentence
        ("Tart cherry puts you to sleep faster than melatonin.", "puts you to sleep", 13),
        ("Willow bark takes the edge off back pain.", "takes the edge off", 13),
        # a person's state as the object
        ("Passionflower calms you down before a flight.", "calms", 15),
        # a shop's imperative that promises a state
        ("Enjoy sharper focus all afternoon.", "Enjoy sharper", 1),
        ("- Expect fewer headaches within a week.", "Expect fewer", 3),
    ],
)
def test_colloquial_claims(lint, sentence: str, excerpt: str, column: int) -> None:
    assert found(lint, sentence)[:1] == [(excerpt, 1, column)]


@pytest.mark.parametrize(
    "sentence",
    [
        "It works for me and my sleep is fine.",
        "This guide is good for beginners who want better sleep.",
        "Enjoy free shipping on orders over $50.",
        "Expect delivery in two days.",
    ],
)
def test_colloquial_non_claims(lint, sentence: str) -> None:
    """Guards: the evaluative and imperative readings need a health effect right after them."""
    assert found(lint, sentence) == []
