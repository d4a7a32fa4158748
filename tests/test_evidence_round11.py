"""evidence.* failure kinds fixed for issue 14 from round 10's misses: product forms that are
also verbs, forum verbs of change, packaging subjects, wishes and dismissals. The sentences are
the team's own."""

from __future__ import annotations

import pytest

CAUSAL = "evidence.unsupported-causal-claim"


def excerpts(findings):
    return [f.excerpt for f in findings if f.rule_id == CAUSAL]


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        # the product's form is a noun before the real verb
        ("Vitamin D drops strengthened bones in toddlers.", "strengthened"),
        ("Ginger chews eased nausea in pregnant women.", "eased"),
        # forum verbs of change take any outcome
        ("zinc tanked my cold symptoms overnight", "tanked"),
        ("the magnesium dialed down my leg cramps", "dialed"),
        ("Omega-3 brought down my triglycerides.", "brought down"),
    ],
)
def test_causal_shapes(lint, text, excerpt) -> None:
    assert excerpts(lint(text)) == [excerpt]


def test_a_form_that_is_the_verb_stays_the_verb(lint) -> None:
    assert excerpts(lint("This tincture drops blood pressure fast.")) == ["drops"]


@pytest.mark.parametrize(
    "text",
    [
        "The new lid reduces leaks in your gym bag.",
        "Our redesigned label improves contrast for low-vision readers.",
        "Scientists hope the extract will one day lower cholesterol.",
        "Myth: apple cider vinegar cures acid reflux.",
        "Fact check: the post saying honey cures allergies is wrong.",
        "Sellers advertise that the powder melts belly fat.",
        "In the trial, tirzepatide reduced body weight by a fifth.",
    ],
)
def test_no_health_claim(lint, text) -> None:
    assert excerpts(lint(text)) == []


def test_a_serving_is_the_product_not_its_package(lint) -> None:
    assert excerpts(lint("Each scoop rebuilds tired muscles.")) == ["rebuilds"]


ANIMAL = "evidence.animal-to-human"


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        # a consequence drawn from the study, said of no one in particular
        ("In a petri-dish test the oil killed candida, so it clears thrush.", "clears thrush"),
        ("The tea lowered cholesterol in hamsters, meaning it protects your arteries.", None),
        # a verb of raising, said of men
        ("Because it raised strength in rats, this root raises stamina in men.", None),
    ],
)
def test_animal_results_carried_over(lint, text, excerpt) -> None:
    found = [f.excerpt for f in lint(text) if f.rule_id == ANIMAL]
    assert len(found) == 1
    if excerpt:
        assert found == [excerpt]


@pytest.mark.parametrize(
    "text",
    [
        "In mice, the extract lowered blood sugar, so more trials are planned.",
        "The herb killed bacteria in a dish, so much so that researchers were surprised.",
    ],
)
def test_a_consequence_about_the_research_is_no_human_claim(lint, text) -> None:
    assert [f for f in lint(text) if f.rule_id == ANIMAL] == []


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [("Calm in a week, and the results are permanent.", "results are permanent")],
)
def test_results_promised_forever_are_absolutes(lint, text, excerpt) -> None:
    assert [f.excerpt for f in lint(text) if f.rule_id == "evidence.overclaim"] == [excerpt]


def test_a_permanent_harm_is_no_promise(lint) -> None:
    text = "Nerve damage from high doses can be permanent."
    assert [f for f in lint(text) if f.rule_id == "evidence.overclaim"] == []
