"""evidence.unsupported-causal-claim by failure kind (issue 14): each case failed before the
object/verb-reading rewrite of lint/rules/kinds/claim.py and lint/rules/match/claim_grammar.py."""

from __future__ import annotations

import pytest

CLAIM = "evidence.unsupported-causal-claim"
OVERCLAIM = "evidence.overclaim"


def claims(lint, text: str) -> list[str]:
    return [f.excerpt for f in lint(text + "\n", "a.txt") if f.rule_id == CLAIM]


@pytest.mark.parametrize(
    "sentence",
    [
        # cautions: a harm or a misuse clause, not a benefit
        "Stopping suddenly can cause headaches.",
        "Too much of it can make you irritable.",
        "High-dose zinc can lower your copper levels over time.",
        "Licorice can raise blood pressure if you take it for weeks.",
        # plain actions: the verb's object is a dose or a thing, not a health effect
        "I stopped it last year and my sleep is fine.",
        "I cut back to two cups and my anxiety eased.",
        "If the jitters start, stop and see a doctor about your heart.",
        "We increased the dose to 600 mg in week three.",
        # adjectives and nouns
        "I feel calm and focused after lunch.",
        "A calm mind makes revision easier.",
        "Patients with lower iron levels were enrolled.",
        "An increase in demand for the powder followed.",
        "Adults who had increased cardiovascular risk were excluded.",
        # pharmacology: a drug as the subject
        "SSRIs increase serotonin signalling by blocking its reuptake.",
        "Stimulants can raise your heart rate.",
        # research prose that states no effect of the product
        "Interventions to improve the diet of pregnant women are a priority.",
        "Future research should focus on reducing dropout.",
        "Energy intake increased with age in both groups.",
        "Heart rate increased during the stress test.",
        "It is possible that beetroot improves endurance.",
        # the FDA disclaimer names "prevent" and "disease" but claims nothing
        "This product is not intended to diagnose, treat, cure, or prevent any disease.",
        # report subjects, compounds, clause-initial participles, split infinitives
        "These findings raise new questions about sleep.",
        "All-cause mortality was the primary outcome.",
        "Reduced HDL was the most common finding.",
        "Programs are needed to further reduce obesity in children.",
        "A minor increased risk of gout was found in men.",
        # someone else's claim, and hedges of forum talk
        "Fans say lion's mane regrows brain cells.",
        "Advocates argue that cold showers strengthen immunity.",
        "i think the magnesium maybe helps my sleep",
        "It is believed that theanine promotes calm focus.",
        # a citation needs an id with a digit: "doing" is no DOI
        "Cold plunges are popular with athletes, been doing them for years.",
        # pharmacology: a drug named by its INN stem
        "Omeprazole reduces stomach acid by blocking the proton pump.",
        # no object at all / a different head
        "Rhodiola grows wild in cold mountain regions.",
        # an open verb on a plain action, a construction without an effect, a possible harm
        "We increased the serving to two scoops in March.",
        "The shop lowered the price of its fish oil last week.",
        "Higher demand led to delays at the warehouse.",
        "Niacin can cause a warm flush across the face and chest.",
        "Too much vitamin A can make your hair fall out.",
    ],
)
def test_not_claims(lint, sentence: str) -> None:
    assert claims(lint, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "excerpt"),
    [
        ("Daily vitamin D resulted in improvements in bone density.", "resulted in"),
        ("Creatine decreased the odds of a second concussion.", "decreased"),
        ("Green tea catechins are a protective agent against liver damage.", "protective agent"),
        ("The enriched formula advanced motor development in infants.", "advanced"),
        ("Omega-3 treatment reduced mortality in heart failure.", "reduced"),
        ("A low-salt diet led to lower blood pressure.", "led to"),
        ("Magnesium was effective in reducing migraine attacks.", "was effective"),
        ("Zinc lozenges shortened the duration of colds.", "shortened"),
        ("Our probiotic wipes out bloating in a week.", "wipes"),
        ("Memory is improved by just two capsules.", "improved"),
        ("With daily tyrosine, your focus will improve under stress.", "improve"),
        ("Huperzine A raises acetylcholine levels.", "raises"),
        ("This tea has improved my sleep.", "improved"),
        ("Saffron was as effective as fluoxetine in treating low mood.", "treating"),
        ("Peppermint oil relieved the pain of colitis.", "relieved"),
        ("I swear this stack sharpens my focus.", "sharpens"),
        ("Caffeine and theanine increase alertness without jitters.", "increase"),
        ("Prevents the afternoon crash.", "Prevents"),
        ("cinnamon lowers blood sugar, been doing it for years", "lowers"),
        ("Drinking green tea reduces belly fat.", "reduces"),
        ("Oregano oil kills bacteria on contact.", "kills"),
        # an open verb of effect: any outcome counts, not only a listed one
        ("Tart cherry concentrate improved sprint repeatability.", "improved"),
        ("Early oral feeding reduced ventilator days after surgery.", "reduced"),
        ("The pre-workout boosts VO2 max in a week.", "boosts"),
        # the first claim of the sentence; a softer verb chained to a stronger one
        ("Cuts cravings and rebuilds gut lining.", "Cuts"),
        ("Rhodiola helps lower stress.", "lower"),
        ("It affects mood and cures anxiety.", "cures"),  # a much weaker first verb
        # an asserting frame starts the span; protection named with a noun
        (
            "Our analysis demonstrates that vitamin K2 lowers arterial stiffness.",
            "demonstrates that vitamin K2 lowers",
        ),
        ("Zeaxanthin plays a protective role in macular health.", "protective role"),
        ("This shake makes you leaner in a month.", "makes you"),
    ],
)
def test_claims(lint, sentence: str, excerpt: str) -> None:
    assert claims(lint, sentence)[:1] == [excerpt]


def test_money_back_guarantee_is_commerce_not_an_overclaim(lint) -> None:
    assert [
        f for f in lint("Every bottle has a money-back guarantee.\n") if f.rule_id == OVERCLAIM
    ] == []
    [finding] = [f for f in lint("We guarantee results in a week.\n") if f.rule_id == OVERCLAIM]
    assert finding.excerpt == "guarantee results"
    # a guarantee of the shop's service promises no outcome
    for text in ("We guarantee every parcel leaves within a day.\n", "Freshness guaranteed.\n"):
        assert [f for f in lint(text) if f.rule_id == OVERCLAIM] == []
    text = "Try it with our 100% money-back guarantee. The gummies are 100% vegan.\n"
    assert [f for f in lint(text) if f.rule_id == OVERCLAIM] == []
    [absolute] = [f for f in lint("It is 100% effective.\n") if f.rule_id == OVERCLAIM]
    assert absolute.excerpt == "100% effective"


ANIMAL = "evidence.animal-to-human"


def test_animal_claim_is_the_verb_of_the_human_clause(lint) -> None:
    text = "In a lab dish, the extract destroyed tumour cells, so it kills cancer in your body.\n"
    findings = lint(text)
    [finding] = [f for f in findings if f.rule_id == ANIMAL]
    assert finding.excerpt == "kills cancer in your body"  # the human claim, verb to subject
    # and the human clause is an unsupported causal claim too, at its verb (ev8 convention)
    assert [f.column for f in findings if f.rule_id == CLAIM] == [finding.column]


def test_more_animal_and_cell_studies_are_recognised(lint) -> None:
    text = "In rabbits, bilberry sharpened night vision. It improves your eyesight as well.\n"
    assert [f.excerpt for f in lint(text) if f.rule_id == ANIMAL] == ["improves your eyesight"]
    kept = "In rabbits, bilberry sharpened night vision; a human trial is planned.\n"
    assert [f for f in lint(kept) if f.rule_id in {ANIMAL, CLAIM}] == []
    # "human" before what it is said to change is a human subject; a caveat clause is none
    text = "Guinea pigs fed it healed faster, and it mends human tendons too.\n"
    assert [f.excerpt for f in lint(text) if f.rule_id == ANIMAL] == ["mends human tendons"]
    kept = "Guinea pigs fed it had lower blood sugar, but guinea pig data rarely hold in people.\n"
    assert [f for f in lint(kept) if f.rule_id in {ANIMAL, CLAIM}] == []


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("This formula never fails.", "never fails"),
        ("Because it is natural, it cannot harm you.", "cannot harm"),
        ("Magnesium is the magic bullet for sleep.", "magic bullet"),
        ("It is side-effect free.", "side-effect free"),
    ],
)
def test_absolute_promises(lint, text: str, excerpt: str) -> None:
    assert [f.excerpt for f in lint(text + "\n") if f.rule_id == OVERCLAIM] == [excerpt]


@pytest.mark.parametrize(
    "text",
    [
        "The ads described the tea as a miracle cure.",
        'Watch out for words like "miracle" on a label.',
        'One reviewer called it "a miracle in a bottle."',
    ],
)
def test_commerce_and_reported_absolutes_pass(lint, text: str) -> None:
    assert [f for f in lint(text + "\n") if f.rule_id == OVERCLAIM] == []
