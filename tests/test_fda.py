"""fda.*: disease claims, the missing FDA disclaimer, drug comparisons; positions in md/html/txt."""

from __future__ import annotations

import pytest

DISEASE = "fda.disease-claim"
DISCLAIMER = "fda.missing-disclaimer"
DRUG = "fda.drug-comparison"
FOOTER = (
    "These statements have not been evaluated by the Food and Drug Administration. "
    "This product is not intended to diagnose, treat, cure, or prevent any disease."
)


def only(findings, rule_id):
    return [f for f in findings if f.rule_id == rule_id]


def span(finding):
    return (finding.line, finding.column, finding.end_line, finding.end_column)


def test_markdown_disease_claim_points_at_the_claim(lint) -> None:
    text = "# Bacopa\n\nIt is an herb.\nSome parents say bacopa treats ADHD in children.\n"
    [finding] = only(lint(text), DISEASE)
    assert span(finding) == (4, 25, 4, 36)
    assert finding.excerpt == "treats ADHD"
    assert finding.severity == "error"
    assert finding.message == (
        "Disease claim: 'treats ADHD' presents the product as treating or preventing ADHD"
    )


def test_markdown_claim_inside_emphasis_keeps_source_markup(lint) -> None:
    text = "Ginkgo is an *effective\ntreatment* for dementia, fans say.\n"
    [finding] = only(lint(text), DISEASE)
    assert span(finding) == (2, 1, 2, 24)
    assert finding.excerpt == "treatment* for dementia"


def test_html_claim_position_in_source(lint) -> None:
    text = "<html><body>\n<h1>Saffron</h1>\n<p>Saffron <b>relieves</b> depression.</p>\n"
    [finding] = only(lint(text, "page.html"), DISEASE)
    assert span(finding) == (3, 15, 3, 38)
    assert finding.excerpt == "relieves</b> depression"


def test_text_claim_position(lint) -> None:
    text = "Lion's mane\n\nTaken daily, it may help prevent Alzheimer's disease.\n"
    [finding] = only(lint(text, "notes.txt"), DISEASE)
    assert span(finding) == (3, 21, 3, 53)
    assert finding.excerpt == "help prevent Alzheimer's disease"


def test_symptom_claim_and_two_claims_in_one_sentence(lint) -> None:
    text = "It reduces the impulsivity of ADHD and lowers high blood pressure.\n"
    findings = only(lint(text), DISEASE)
    assert [f.excerpt for f in findings] == [
        "reduces the impulsivity of ADHD",
        "lowers high blood pressure",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Bacopa is not approved by the FDA as an ADHD treatment.",
        "The FDA does not list bacopa as a medication.",
        "Lion's mane is not a cure for dementia.",
        "There is no evidence that ginkgo prevents dementia.",
        "Can lion's mane help with ADHD?",
        "# Nootropics for ADHD\n\nMost trials are small.",
        "## Lion's Mane and Alzheimer's\n\nWhat we know.",
        "Adderall treats ADHD by raising dopamine.",
        "ADHD is usually treated with stimulant medication.",
        'A 2014 trial titled "Bacopa for the treatment of ADHD symptoms" enrolled 31 children.',
        "Claims that lion's mane cures Alzheimer's are unfounded.",
        "Researchers are testing whether saffron can ease depression.",
        "People with diabetes should ask a doctor first, because berberine lowers blood sugar.",
        "Add a scoop to your coffee.",
        FOOTER,
    ],
)
def test_mentions_are_not_disease_claims(lint, text: str) -> None:
    assert only(lint(text), DISEASE) == []


def test_hedged_claim_is_still_a_disease_claim(lint) -> None:
    [finding] = only(lint("Rhodiola may be effective for the treatment of depression.\n"), DISEASE)
    assert finding.excerpt == "effective for the treatment of depression"


def test_heading_with_a_claim_verb_is_flagged(lint) -> None:
    [finding] = only(lint("## How Bacopa Treats ADHD\n\nIt takes weeks.\n"), DISEASE)
    assert span(finding) == (1, 15, 1, 26)


def test_missing_disclaimer_one_finding_at_the_first_claim_with_count(lint) -> None:
    text = (
        "# Citicoline\n\nCiticoline supports memory.\n\n"
        "It also sharpens focus and, some say, treats ADHD.\n"
    )
    [finding] = only(lint(text), DISCLAIMER)
    assert span(finding) == (3, 12, 3, 27)
    assert finding.excerpt == "supports memory"
    assert finding.severity == "warning"
    assert finding.message.startswith("3 health claims (first: 'supports memory')")


def test_disclaimer_anywhere_silences_the_rule(lint) -> None:
    md = "Citicoline supports memory.\n\n---\n\n*" + FOOTER + "*\n"
    html = f"<p>Rhodiola boosts energy.</p>\n<footer><p>* {FOOTER}</p></footer>\n"
    variant = "Bacopa improves recall.\n\n*The FDA has not evaluated these statements.\n"
    front = "---\ndisclaimer: These statements have not been evaluated by the FDA.\n---\nIt "
    assert only(lint(md), DISCLAIMER) == []
    assert only(lint(html, "a.html"), DISCLAIMER) == []
    assert only(lint(variant), DISCLAIMER) == []
    assert only(lint(front + "supports memory.\n"), DISCLAIMER) == []


def test_disclaimer_does_not_count_a_regulatory_statement(lint) -> None:
    text = "Bacopa supports memory. It is not approved by the FDA to treat any disease.\n"
    [finding] = only(lint(text), DISCLAIMER)
    assert finding.message.startswith("1 health claim ")


def test_missing_disclaimer_in_plain_text_and_html(lint) -> None:
    [txt] = only(lint("Notes\n\nBacopa improves recall.\n", "a.txt"), DISCLAIMER)
    assert span(txt) == (3, 8, 3, 23)
    [html] = only(lint("<p>Rhodiola <i>boosts</i> energy.</p>", "a.html"), DISCLAIMER)
    assert html.excerpt == "boosts</i> energy"


@pytest.mark.parametrize(
    "text",
    [
        "Adderall improves focus in people with ADHD.",
        "Does rhodiola boost energy?",
        "Bacopa does not improve memory in the first week.",
        "Caffeine tablets are cheap.",
    ],
)
def test_no_claim_no_disclaimer_finding(lint, text: str) -> None:
    assert only(lint(text), DISCLAIMER) == []


def test_drug_comparison_positions(lint) -> None:
    text = "Fans say it works\nas effective as modafinil.\n"
    [finding] = only(lint(text), DRUG)
    assert span(finding) == (2, 1, 2, 26)
    [nature] = only(lint("<p>Kava is nature's Xanax.</p>", "k.html"), DRUG)
    assert nature.excerpt == "nature's Xanax"
    assert only(lint("Unlike Adderall, bacopa is slow.\n"), DRUG) == []
    assert only(lint("Is bacopa as good as Ritalin?\n"), DRUG) == []


@pytest.mark.parametrize(
    "footer",
    [
        "This product is not intended to diagnose, treat, cure, mitigate or prevent any disease.",
        "These statements have not been evaluated by the U.S. Food and Drug Administration.",
        "*The Food & Drug Administration has not evaluated these statements.",
        "Not intended to diagnose, treat, cure or prevent any disease.",
    ],
)
def test_disclaimer_wording_variants(lint, footer: str) -> None:
    assert only(lint(f"Bacopa improves recall.\n\n{footer}\n"), DISCLAIMER) == []


# ---- issue 14: open vocabulary, colloquial cues, drug mentions, reported speech ----


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Our kelp complex cures hypothyroidism.", "cures hypothyroidism"),
        ("Kratom treats opioid addiction.", "treats opioid addiction"),
        ("This tallow balm heals eczema.", "heals eczema"),
        ("Elderberry protects against COVID-19.", "protects against COVID-19"),
        ("Turkey tail fights cancer cells.", "fights cancer cells"),
        ("Glycine helps with insomnia.", "helps with insomnia"),
        ("ngl this stack basically fixed my ADHD", "fixed my ADHD"),
        ("Our drops melt away panic attacks.", "melt away panic attacks"),
        ("St. John's wort works against depression.", "works against depression"),
        ("Chamomile is my medicine against anxiety.", "medicine against anxiety"),
        ("Coconut oil cures Alzheimers.", "cures Alzheimers"),
        ("Nattokinase dissolves a DVT in weeks.", "dissolves a DVT"),  # exact, vocabulary only
        ("Many patients on triptans find that butterbur prevents migraines.", "prevents migraines"),
    ],
)
def test_disease_claims_over_the_medical_vocabulary(lint, text: str, excerpt) -> None:
    [finding] = only(lint(text), DISEASE)
    assert finding.excerpt == excerpt


@pytest.mark.parametrize(
    ("text", "excerpts"),
    [
        (
            "Gotu kola is used for headaches, epilepsy and dementia.",
            ["used for headaches, epilepsy and dementia", "epilepsy", "dementia"],
        ),
        (
            "Cat's claw: Lyme disease, herpes and shingles.",
            ["Lyme disease, herpes and shingles", "herpes", "shingles"],
        ),
        (
            "It helps with asthma, bronchitis, and COPD.",
            ["helps with asthma, bronchitis, and COPD", "bronchitis", "COPD"],
        ),
        ("5 herbs that fight HIV/AIDS.", ["fight HIV/AIDS"]),  # one disease, not a list
        # "other viruses" is the class the list belongs to, not one more claim
        (
            "Protects from Ebola, Zika and other viruses.",
            ["Protects from Ebola, Zika and other viruses", "Zika"],
        ),
    ],
)
def test_each_condition_of_a_listed_claim_is_a_finding(lint, text: str, excerpts) -> None:
    """The first finding spans the claim (its fix rewords it); each further condition of the
    list is a finding at its own words, so a report counts every claim an editor must drop."""
    found = only(lint(text), DISEASE)
    assert [f.excerpt for f in found] == excerpts
    for finding in found:  # exact positions: one line, column from the offset
        assert text[finding.start_offset : finding.end_offset] == finding.excerpt
        assert finding.column == finding.start_offset + 1


@pytest.mark.parametrize(
    "text",
    [
        "This blend clears brain fog by lunchtime.",
        "Rhodiola fights fatigue on long shifts.",
        "Ashwagandha reduces stress and helps you unwind.",
        "L-theanine eases anxiety before a big presentation.",  # anxiety needs a strong cue
        "Sertraline is approved to treat anxiety.",
        "ADHD is usually treated with therapy and stimulants.",
        "the sumatriptan is the only thing that stops my migraines",  # a drug by its stem
        "He was treated for pneumonia at a local hospital.",
        "Beware of products that claim to cure diseases like cancer.",
        "Products that claim to cure diseases like cancer flood social media.",
        "There is no basis for the statement that it prevents Alzheimer's.",
        'Your website makes claims such as "cures diabetes" and "reverses Alzheimer\'s".',
        '"Cures arthritis!" read the label, in capital letters.',
        "This product doesn't treat, cure or prevent diabetes.",
        "Fish oil failed to reduce heart attacks among people with diabetes.",
        "honestly this tea didnt do anything for my migraines",
        "Products sold to treat COVID-19 without FDA approval are unapproved drugs.",
        "The condition of your gut matters. This blend supports it.",
    ],
)
def test_not_the_products_disease_claim(lint, text: str) -> None:
    assert only(lint(text), DISEASE) == []


def test_a_drug_named_after_the_claim_does_not_switch_it_off(lint) -> None:
    findings = lint("Bacopa treats ADHD without the side effects of stimulants.\n")
    assert [f.excerpt for f in only(findings, DISEASE)] == ["treats ADHD"]
    assert [f.excerpt for f in only(findings, DRUG)] == ["without the side effects of stimulants"]


def test_condition_named_in_the_previous_sentence(lint) -> None:
    text = "Alzheimer's affects millions. Our formula slows the progression of that disease.\n"
    [finding] = only(lint(text), DISEASE)
    assert finding.excerpt == "slows the progression of that disease"
    assert (finding.line, finding.column) == (1, 43)


def test_a_sellers_claim_quoted_on_its_own_is_a_claim(lint) -> None:
    [finding] = only(lint('"Cures diabetes naturally in just weeks."\n'), DISEASE)
    assert finding.excerpt == "Cures diabetes"


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Saffron is as effective as antidepressants.", "as effective as antidepressants"),
        ("Kratom has effects similar to opiates.", "similar to opiates"),
        ("It worked better than the adderall I took.", "better than the adderall"),
        (
            "Parents choose it instead of typical ADHD medication.",
            "instead of typical ADHD medication",
        ),
        ("Kava got me off my Xanax.", "got me off my Xanax"),
        ("Ditch your sleeping pills tonight.", "Ditch your sleeping pills"),
        ("Turmeric works like celecoxib for sore joints.", "like celecoxib"),
        ("phenibut hits like a benzo but lighter", "like a benzo"),
    ],
)
def test_drug_comparisons_with_classes_articles_and_stems(lint, text: str, excerpt: str) -> None:
    [finding] = only(lint(text), DRUG)
    assert finding.excerpt == excerpt


@pytest.mark.parametrize(
    "text",
    [
        "Like most medications, this supplement can interact with alcohol.",
        "Take the powder rather than pills if capsules are hard to swallow.",
        "Caffeine is a natural stimulant.",
        "Bacopa is not as effective as Adderall.",
    ],
)
def test_not_drug_comparisons(lint, text: str) -> None:
    assert only(lint(text), DRUG) == []
