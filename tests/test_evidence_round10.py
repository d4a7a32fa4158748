"""evidence.* failure kinds fixed for issue 14, round 10: irregular pasts and trial verbs."""

from __future__ import annotations

import pytest

from lint.rules.match.inflect import verb_forms

CAUSAL = "evidence.unsupported-causal-claim"


def excerpts(findings):
    return [f.excerpt for f in findings if f.rule_id == CAUSAL]


@pytest.mark.parametrize(
    ("lemma", "past"), [("drive", "drove"), ("speed", "sped"), ("shrink", "shrank")]
)
def test_irregular_pasts_are_forms_of_their_verb(lemma, past) -> None:
    assert past in verb_forms(lemma)


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Nitrate drove systolic pressure down in the trial arm.", "drove"),
        ("Theanine sped recovery of attention after the task.", "sped"),
        ("The creatine arm yielded larger strength gains.", "yielded"),
        ("Fenugreek tea promoted lactation in new mothers.", "promoted"),
        ("Aerobic training enlarged the hippocampus.", "enlarged"),
    ],
)
def test_research_verbs_state_causes(lint, text, excerpt) -> None:
    assert excerpts(lint(text)) == [excerpt]


@pytest.mark.parametrize(
    "text", ["The survey yielded few replies.", "We kept the dose the same all month."]
)
def test_the_same_verbs_on_plain_objects_are_not_claims(lint, text) -> None:
    assert excerpts(lint(text)) == []


def test_a_participle_in_a_list_of_conditions_is_no_verb(lint) -> None:
    text = "Adults with kidney disease or reduced kidney function should avoid it."
    assert excerpts(lint(text)) == []


def test_a_verb_coordinated_with_another_still_claims(lint) -> None:
    # each joined claim is its own finding, at its own verb (one per claim, as fda lists)
    assert excerpts(lint("Creatine improved strength and reduced fatigue.")) == [
        "improved",
        "reduced",
    ]


def test_a_chained_verb_is_one_claim(lint) -> None:
    assert excerpts(lint("Theanine helps lower stress.")) == ["lower"]


OVERCLAIM = "evidence.overclaim"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Order today and try it risk-free with our money-back guarantee.", []),
        ("Every bottle is guaranteed to ship the same day.", []),
        ("Results are guaranteed or your money back.", ["Results are guaranteed"]),
        ("It is the surefire way to better sleep.", ["surefire"]),
        ("This tea never fails to settle my stomach.", ["never fails to"]),  # a double negative
        ("The tea failed to settle my stomach.", []),
    ],
)
def test_commerce_promises_service_and_surefire_promises_results(lint, text, expected) -> None:
    assert [f.excerpt for f in lint(text) if f.rule_id == OVERCLAIM] == expected


def test_the_product_as_a_thing_is_a_plain_object(lint) -> None:
    assert excerpts(lint("A little rice in the jar prevents the powder from clumping.")) == []
