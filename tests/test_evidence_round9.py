"""evidence rules, round-9 failure kinds (issue 14): research claims the verb reading missed
(a parenthesis or an effect adverb between subject and verb, "found X to lower", changes named
with their agent, "a negative influence on", people who only qualify the subject) and the false
alarms it raised (comparisons between groups, future work, class nouns with a relative clause,
indirect questions, coordinated purposes, null objects, software subjects, a drug as a
passive's agent). Every case failed before the round-9 changes. Sentences are new."""

from __future__ import annotations

import pytest

from lint.rules.match.inflect import verb_forms

CLAIM = "evidence.unsupported-causal-claim"


def found(lint, text: str, rule: str = CLAIM) -> list[str]:
    """The excerpt of each finding of `rule`."""
    return [f.excerpt for f in lint(text + "\n", "a.txt") if f.rule_id == rule]


@pytest.mark.parametrize(
    ("sentence", "excerpt"),
    [
        # a parenthesis after the subject does not start a clause
        ("Two grams of fibre (taken before lunch) markedly lowered fasting glucose.", "lowered"),
        # adverbs of how an effect went
        ("Noise exposure negatively affected short-term recall in the pilots.", "affected"),
        ("The rowing plan mainly improved aerobic capacity.", "improved"),
        ("Cold exposure independently raised brown fat activity.", "raised"),
        # a finding's object and an infinitive
        ("We found evening yoga to shorten sleep latency.", "shorten"),
        # a change with its agent
        ("The drop in heart rate produced by slow breathing was immediate.", "drop in heart rate"),
        ("The decline in flare-ups caused by the diet lasted a year.", "decline in flare-ups"),
        ("The reduction in swelling by cold packs was larger than by rest.", "reduction in"),
        ("Larger reductions in fatigue were achieved with the iron infusion.", "reductions in"),
        # an effect noun
        ("Night shifts have a strong influence on appetite hormones.", "strong influence"),
        # people who only qualify the subject
        ("Phone calls from pharmacists improved blood pressure control.", "improved"),
        # a doubled consonant: "conferred"
        ("The vaccine conferred durable protection against shingles.", "conferred"),
    ],
)
def test_research_claims(lint, sentence: str, excerpt: str) -> None:
    excerpts = found(lint, sentence)
    assert excerpts and excerpt in excerpts[0], (sentence, excerpts)


@pytest.mark.parametrize(
    "sentence",
    [
        # comparisons between groups
        "Runners had significantly lower resting heart rates than walkers.",
        "Smokers in the cohort had higher fibrinogen and lower HDL.",
        "The oldest group had a wider waist and lower grip strength.",
        "The scans indicated markedly increased risk in the smokers.",
        # future work: the effect is still to be shown
        "More trials are needed to confirm the blood-pressure-lowering effect of hibiscus.",
        "Campaigns should raise awareness of the health benefits of walking.",
        # class nouns defined by a relative clause; indirect questions
        "We reviewed programmes that reduce falls in care homes.",
        "Little is known about the factors that influence recovery after stroke.",
        "We still want to understand how caffeine affects deep sleep.",
        # coordinated purposes; a gerund of circumstance
        "In order to cut costs and improve adherence, the capsules were combined.",
        "Growth stayed slow, despite increasing the calorie intake.",
        # a null object; a report as the subject
        "Chamomile caused no improvement in sleep onset.",
        "The implications of this work will help to improve triage.",
        # not a body: software, a person doing things, a drug as the agent of a passive
        "The new checkout reduces page load for returning customers.",
        "The update lowers battery drain on older phones.",
        "The nurse increased the pillow height for comfort.",
        "LDL cholesterol is lowered by statins within weeks.",
        "Ginkgo can reduce the effectiveness of birth control pills.",
        # correlational
        "Longer sleep was accompanied by lower blood pressure the next day.",
        # who a condition touches is not an effect
        "The infection mostly affected children under five.",
    ],
)
def test_not_claims(lint, sentence: str) -> None:
    assert not found(lint, sentence), sentence


def test_these_stay_claims(lint) -> None:
    """The new exclusions keep their neighbours: a verb with an object after "has", a listicle
    "how", a purpose-free "and", a product tea with a relative clause, an agentless result."""
    for sentence in (
        "Magnesium has significantly improved my sleep.",
        "Here is how magnesium improves sleep.",
        "Walking lowered glucose and reduced body weight.",
        "This is a tea that calms anxious minds.",
        "Creatine had a marked effect on strength and lowered fatigue.",
    ):
        assert found(lint, sentence), sentence


def test_doubling_verbs() -> None:
    assert {"conferred", "conferring", "confers"} <= verb_forms("confer")
    assert "controlled" in verb_forms("control")
    assert "offerred" not in verb_forms("offer")


@pytest.mark.parametrize(
    ("sentence", "excerpt"),
    [
        # a first-person result after an intake clause
        ("After a month on tart cherry my knee pain eased.", "my knee pain eased"),
        ("Since I began using the balm, my eczema has vanished.", "my eczema has vanished"),
        # a treated group compared with its controls, or randomised
        ("Runners given beetroot juice recovered faster than controls.", "recovered faster"),
        ("Adults randomised to the probiotic had fewer colds.", "had fewer colds"),
        ("Those receiving iron had less fatigue than the placebo group.", "had less fatigue"),
        # efficacy by comparison; a perfect tense over an adverb
        ("Massage worked better than stretching for back pain.", "worked better than"),
        ("Salt iodisation has dramatically reduced goitre rates.", "reduced"),
    ],
)
def test_group_and_anecdote_claims(lint, sentence: str, excerpt: str) -> None:
    excerpts = found(lint, sentence)
    assert excerpts and excerpt in excerpts[0], (sentence, excerpts)


@pytest.mark.parametrize(
    "sentence",
    [
        "After the holidays my back pain eased.",  # no intake: a change reported
        "After I quit taking it, my palpitations stopped.",  # quitting: a caution
        "Since starting it, my migraines have not stopped.",
        "People who ate more nuts had fewer strokes than those who ate none.",  # observational
        "Women who received the placebo had more headaches.",
        "Patients treated with metformin had lower glucose than controls.",  # a drug
        "The supplemented arm had lower pain scores at baseline.",
    ],
)
def test_group_and_anecdote_not_claims(lint, sentence: str) -> None:
    assert not found(lint, sentence), sentence


def test_round9_dev_set_holds(engine) -> None:
    """The round-9 dev set (our own sentences, by failure kind) keeps the causal rule at the
    figures it reached (P 1.00 / R 0.99), less a margin for one or two cases."""
    from tests.test_eval import EVAL, load_evaluate

    evaluate = load_evaluate()
    scores = evaluate.evaluate([EVAL / "evidence_round9dev.yaml"], engine)
    score = scores[CLAIM]
    assert score.precision >= 0.98 and score.recall >= 0.97, evaluate.render(scores, True)
