"""fda.* failure kinds fixed for issue 14, round 9: one test per shape, spans asserted."""

from __future__ import annotations

import pytest

DISEASE = "fda.disease-claim"
DRUG = "fda.drug-comparison"


def excerpts(findings, rule):
    return [f.excerpt for f in findings if f.rule_id == rule]


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("i traded my klonopin for a lemon balm tincture", "traded my klonopin"),
        ("Switched from Lunesta to glycine a month ago.", "Switched from Lunesta"),
        (
            "This root does what Provigil does, for a fraction of the price.",
            "does what Provigil does",
        ),
        (
            "Instead of grabbing an antihistamine, try nettle tea.",
            "Instead of grabbing an antihistamine",
        ),
        ("A kinder route than statins for your heart.", "kinder route than statins"),
        (
            "Steady energy without the crash that comes with stimulant meds.",
            "without the crash that comes with stimulant meds",
        ),
        ("All-day drive without the Vyvanse comedown.", "without the Vyvanse comedown"),
        ("You get the calm of a benzo without the fog.", "the calm of a benzo without"),
        # over-the-counter drugs are no prescription drugs (since the round 12 work)
        ("Think of it as plant-based aspirin.", None),
        ("It outperforms over-the-counter sleep aids.", None),
        ("After a year of berberine I stopped needing metformin.", "stopped needing metformin"),
        ("Since starting the oil I halved my Xanax dose.", "halved my Xanax dose"),
        ("Lemon balm works similarly to Zoloft.", "similarly to Zoloft"),
        ("This stack is on par with Ritalin.", "on par with Ritalin"),
        ("Tulsi is the Valium of adaptogens.", "the Valium of adaptogens"),
        ("Kratom, a poor man's oxycodone.", "poor man's oxycodone"),
        ("Swap out the Ambien for glycine.", "Swap out the Ambien"),
        ("We use honey in lieu of antibiotics.", "in lieu of antibiotics"),
        ("It feels like a gentler Klonopin.", "like a gentler Klonopin"),
        ("Took the syrup at the first sniffle and the flu never came.", None),
        (
            "Every bit as effective as prescription antifungals.",
            "as effective as prescription antifungals",
        ),
    ],
)
def test_substitution_shapes_are_drug_comparisons(lint, text, excerpt) -> None:
    assert excerpts(lint(text), DRUG) == ([excerpt] if excerpt else [])


@pytest.mark.parametrize(
    "text",
    [
        "My neurologist swapped my Topamax for Keppra.",  # a prescriber acts
        "The nurse switched him from insulin to metformin.",  # drug for drug
        "Patients were switched from warfarin to apixaban.",
        "Rather than popping painkillers, check with your doctor about the cause.",  # advice
        "Benzodiazepines are a kinder choice than barbiturates.",  # drugs compared with drugs
        "Cut back on caffeine after noon.",  # not a drug
    ],
)
def test_drug_for_drug_and_advice_are_not_the_products_comparison(lint, text) -> None:
    assert excerpts(lint(text), DRUG) == []


@pytest.mark.parametrize(
    "text",
    [
        "In the 1700s, sailors treated scurvy with lemons.",  # history, past tense
        "Physicians once used mercury to treat syphilis.",
        "During the 1890s epidemic, families burned sage hoping to prevent cholera.",  # old year
        "In a petri dish, the garlic extract killed lymphoma cells.",  # a lab result
        "The peptide shrank tumors in mice.",
        "Not suitable for anyone being treated for glaucoma.",  # a caution before the claim
        "If a tea truly cured diabetes, clinics would hand it out.",  # counterfactual
        "Should vitamin C prevent colds, large trials would show it.",  # inverted if
        "Imagine a capsule that could cure diabetes.",  # imagined, with a modal
        "Scientists are studying reishi as a treatment for leukemia.",  # research object
        "My acne cleared up on its own by summer.",  # the natural course
        "I began physiotherapy in March. My sciatica eased by June.",  # a cure elsewhere
    ],
)
def test_cue_claims_in_named_negative_contexts_are_not_claims(lint, text) -> None:
    assert excerpts(lint(text), DISEASE) == []


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Used since antiquity, our thyme syrup cures bronchitis.", "cures bronchitis"),  # claimant
        ("Historically prized, this salve heals shingles.", "heals shingles"),
        ("Has been used for gout for generations.", "used for gout"),  # present perfect
        ("In a dish and in your body, the extract kills cancer cells.", "kills cancer"),
        ("Non-toxic and proven to reverse fatty liver disease.", "reverse fatty liver disease"),
        ("Soothes arthritis without the stomach risk of NSAIDs.", "Soothes arthritis"),
        ("If you want to beat insomnia for good, order now.", None),  # an offer: the cue path's
    ],
)
def test_claims_beside_context_words_stay_claims(lint, text, excerpt) -> None:
    found = excerpts(lint(text), DISEASE)
    if excerpt is None:  # kept by the cue path's own rules, not by the new contexts
        return
    assert found and excerpt in found[0]


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("haven't had a single cluster headache since starting the melatonin", "cluster headache"),
        ("No more hives since I switched to quercetin capsules.", "hives"),
        ("Three months on the probiotic and not one UTI.", "UTI"),
        ("Been on zinc since spring and I no longer get cold sores.", "cold sores"),
        ("Say goodbye to psoriasis with our oat balm.", "psoriasis"),
        ("Started elderberry gummies in October and the flu never came.", "flu"),
        ("Ditched my inhaler after a month on mullein and my asthma is calm.", "asthma"),
    ],
)
def test_a_negation_that_means_the_disease_is_gone_is_a_claim(lint, text, excerpt) -> None:
    found = excerpts(lint(text), DISEASE)
    assert len(found) == 1 and excerpt in found[0]


@pytest.mark.parametrize(
    "text",
    [
        "I don't have asthma, but I take quercetin anyway.",  # a fact, not a claim
        "No more than one capsule a day if you have gout.",
        "I haven't had hives since I started seeing an allergist.",  # no product
        "Quercetin never did anything for my hives.",
    ],
)
def test_negations_of_fact_are_not_claims(lint, text) -> None:
    assert excerpts(lint(text), DISEASE) == []
