"""fda.* in round 21. fda.disease-claim reads the drug's use in an asserted drug comparison:
"the natural Xanax for panic disorder" offers the product for panic disorder
(lint/rules/match/indication.py); only a comparison the drug-comparison rule asserts counts:
the drug's own use, a regulator's report, a question or another clause is no claim for the
product. Marketing described with the product between verb and "as" is a report ("You market
the tincture as ..."). A bare condition question answered by a sentence that opens on the
product is a claim without a cue word, unless the answer is about safety or suitability."""

from __future__ import annotations

import pytest
from conftest import lint_text

from lint.config import Config
from lint.engine import Engine

DISEASE = "fda.disease-claim"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kava root is the natural Xanax for panic disorder.", ["panic disorder"]),
        ("This tincture did what my Imitrex used to do for my migraines.", ["migraines"]),
        ("Saw palmetto works similar to Flomax for an enlarged prostate.", ["enlarged prostate"]),
        ("Our tea: the herbal Lexapro for panic attacks.", ["panic attacks"]),
        ("I no longer need steroids for my psoriasis since switching to this balm.", ["psoriasis"]),
    ],
)
def test_the_drug_s_use_in_a_comparison_is_a_claim(excerpts, text, expected) -> None:
    assert excerpts(text, DISEASE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Imitrex is prescribed for migraines.",  # the drug's own use: no comparison
        "Regulators warn about firms that market herbs as the natural Xanax for panic disorder.",
        "Is kava really the natural Xanax for panic disorder?",
        "Kava works like Xanax, and for panic disorder you should see a doctor.",  # other clause
        "Our chews work better than Prilosec for my occasional heartburn.",  # no disease
        "It works like Xanax for my anxiety? Not for panic disorder, it doesn't.",
    ],
)
def test_no_claim_without_an_asserted_comparison_of_the_drug_s_use(excerpts, text) -> None:
    assert "panic disorder" not in excerpts(text, DISEASE)
    assert "migraines" not in excerpts(text, DISEASE)
    assert "heartburn" not in " ".join(excerpts(text, DISEASE))


def test_one_finding_at_the_condition_s_own_words(engine: Engine) -> None:
    text = "Intro line.\n\nKava root is the natural Xanax for panic disorder.\n"
    (claim,) = [f for f in lint_text(engine, text, "draft.md") if f.rule_id == DISEASE]
    assert (claim.line, claim.column, claim.end_column) == (3, 36, 50)
    assert claim.excerpt == "panic disorder"


def test_the_comparison_rule_disabled_still_lends_its_reading(tmp_path) -> None:
    house = tmp_path / "house"
    house.mkdir()
    (house / "off.yaml").write_text("override: fda.drug-comparison\ndisabled: true\n", "utf-8")
    engine = Engine(Config(rule_dirs=[house]))
    found = lint_text(engine, "Kava root is the natural Xanax for panic disorder.\n", "a.md")
    assert [f.excerpt for f in found if f.rule_id.startswith("fda.d")] == ["panic disorder"]


DRUG = "fda.drug-comparison"


@pytest.mark.parametrize(
    "text",
    [
        "You market the tincture as an alternative to antibiotics for Lyme disease.",
        "Several brands promote these gummies as a substitute for Ritalin in children with ADHD.",
    ],
)
def test_marketing_described_with_the_product_between_is_a_report(excerpts, text) -> None:
    assert excerpts(text, DISEASE) == []
    assert excerpts(text, DRUG) == []


def test_the_seller_s_own_marketing_and_quoted_words_stay_claims(excerpts) -> None:
    ours = "We market our tincture as the natural alternative to antibiotics."
    assert excerpts(ours, DRUG) == ["alternative to antibiotics"]
    quoted = 'The startup bills its nasal spray as "the cure for the common cold."'
    assert excerpts(quoted, DISEASE) == ["cure for the common cold"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Carpal tunnel syndrome? B6 Nerve Formula wakes up numb, tingling fingers.",
            ["Carpal tunnel syndrome"],
        ),
        ("Sciatica? Strengthen your back gently with our turmeric blend.", ["Sciatica"]),
    ],
)
def test_a_condition_question_answered_by_the_product_is_a_claim(excerpts, text, expected):
    assert excerpts(text, DISEASE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Celiac disease? Our capsules are certified gluten-free.",
        "Kidney stones? Our vitamin C may increase the risk, so check with your doctor.",
        "Gout? Avoid our cherry syrup if you take allopurinol.",
        "### Gout?\nOur cherry extract wakes up sore joints.",  # a heading names a topic
    ],
)
def test_an_answer_about_safety_or_suitability_is_no_claim(excerpts, text) -> None:
    assert excerpts(text, DISEASE) == []
