"""evidence.*: causal claims (with strength), animal-to-human, overclaim, in md/html/txt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

CLAIM = "evidence.unsupported-causal-claim"
ANIMAL = "evidence.animal-to-human"
OVERCLAIM = "evidence.overclaim"


def only(findings, rule_id):
    return [f for f in findings if f.rule_id == rule_id]


def test_markdown_claim_position_strength_and_message(lint) -> None:
    text = "# Bacopa\n\nIt grows in wet places.\nBacopa boosts memory within weeks.\n"
    [finding] = only(lint(text), CLAIM)
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (4, 8, 4, 14)
    assert finding.excerpt == "boosts"
    assert finding.severity == "warning"
    assert finding.strength == 0.8
    assert "lacks a hedge and a citation" in finding.message


def test_html_claim_position_in_source(lint) -> None:
    text = "<html><body>\n<p>Kava <b>calms</b> anxious thoughts fast.</p>\n</body></html>\n"
    [finding] = only(lint(text, "page.html"), CLAIM)
    assert (finding.line, finding.column, finding.end_column) == (2, 12, 17)
    assert finding.excerpt == "calms"


def test_text_construction_spans_the_whole_construction(lint) -> None:
    text = "Stack notes\n\nThanks to L-theanine, you will feel calm all afternoon.\n"
    [finding] = only(lint(text, "notes.txt"), CLAIM)
    assert (finding.line, finding.column, finding.end_column) == (3, 1, 10)
    assert finding.excerpt == "Thanks to"


@pytest.mark.parametrize(
    "sentence",
    [
        "Bacopa may improve memory after several weeks.",
        "Some studies suggest rhodiola reduces fatigue.",
        "Ginkgo improved recall in older adults [3].",
        "Ginkgo improved recall in older adults[^3].",
        "L-theanine improved sleep quality (Hidese et al., 2019).",
        "L-theanine improved sleep quality (Hidese & Ogawa 2019; Kim, 2020).",
        "Smith et al. (2019) showed that creatine improves working memory.",
        "Creatine improved working memory in vegetarians.4",
        "Creatine improved working memory in vegetarians4 and omnivores.",
        "Bacopa improved recall in a trial published in 1996.1",
        "Saffron reduced low mood in a [meta-analysis](https://pubmed.ncbi.nlm.nih.gov/1/).",
        "Saffron reduced low mood in a [2014 review](https://example.org/saffron).",
        "Saffron reduced low mood in adults [3](#ref-3).",
        "Ginkgo does not improve memory in healthy adults.",
        "Piracetam didn't improve memory in healthy volunteers.",
        "There is no evidence that noopept grows new neurons.",
        "Does caffeine improve focus?",
        "Many students take modafinil to improve focus before exams.",
        "Here are five ways to boost your memory.",
        "Higher caffeine intake is associated with lower rates of depression.",
        '"This stuff boosts my focus," one forum user wrote.',
        "The company improved its packaging last year.",
    ],
)
def test_hedged_cited_negated_and_other_non_claims_pass(lint, sentence: str) -> None:
    assert only(lint(sentence + "\n"), CLAIM) == []


def test_superscript_citation_in_html_counts(lint) -> None:
    text = "<p>Caffeine improves reaction time in tired soldiers<sup>7</sup>.</p>\n"
    assert only(lint(text, "a.html"), CLAIM) == []
    uncited = "<p>Caffeine improves reaction time in tired soldiers.</p>\n"
    assert len(only(lint(uncited, "a.html"), CLAIM)) == 1


def test_may_the_month_is_not_a_hedge(lint) -> None:
    [finding] = only(lint("In May 2024 the brand launched gummies that boost focus.\n"), CLAIM)
    assert finding.excerpt == "boost"
    assert only(lint("Its gummies may boost focus.\n"), CLAIM) == []


def test_not_only_is_emphasis_not_negation(lint) -> None:
    [finding] = only(lint("It not only tastes good but also boosts memory.\n"), CLAIM)
    assert finding.excerpt == "boosts"


def test_absolute_claim_survives_one_qualifier_and_says_what_is_missing(lint) -> None:
    [hedged] = only(lint("Ginkgo may completely reverse memory loss.\n"), CLAIM)
    assert hedged.strength == 0.5
    assert "lacks a citation" in hedged.message and "hedge" not in hedged.message
    [cited] = only(lint("Ashwagandha dramatically reduces cortisol [2].\n"), CLAIM)
    assert cited.strength == 0.5
    assert "lacks a hedge" in cited.message and "citation" not in cited.message
    assert only(lint("Ashwagandha may dramatically reduce cortisol [2].\n"), CLAIM) == []


def test_strength_orders_claims(lint) -> None:
    text = "Rhodiola helps lower stress.\n\nLion's mane repairs damaged nerves.\n"
    strengths = {f.excerpt: f.strength for f in only(lint(text), CLAIM)}
    assert strengths == {"lower": 0.6, "repairs": 1.0}


def test_capitalised_heading_claim_is_found(lint) -> None:
    [finding] = only(lint("## Bacopa Boosts Memory\n"), CLAIM)
    assert (finding.line, finding.column, finding.excerpt) == (1, 11, "Boosts")


def test_strength_lands_in_json(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("Lion's mane repairs damaged nerves.\n", encoding="utf-8")
    result = run_cli("check", str(path), "--format", "json", "--select", "evidence")
    assert result.returncode == 1
    findings = json.loads(result.stdout)["findings"]
    [claim] = [f for f in findings if f["rule_id"] == CLAIM]
    assert claim["strength"] == 1.0
    assert (claim["line"], claim["column"], claim["excerpt"]) == (1, 13, "repairs")


def test_animal_result_carried_to_people_in_next_sentence(lint) -> None:
    text = "In rats, bacopa grew longer dendrites.\nIt will grow your brain too.\n"
    findings = lint(text)
    [finding] = only(findings, ANIMAL)
    assert (finding.line, finding.column, finding.excerpt) == (2, 4, "will grow your brain")
    assert "your" in finding.message
    # the human clause is also an unsupported causal claim (the blind rounds' convention, ev8):
    # "in rats" is no hedge of what is said about people
    [claim] = only(findings, CLAIM)
    assert (claim.line, claim.column) == (2, 9)


def test_animal_result_stated_for_people_in_same_sentence_html(lint) -> None:
    text = "<p>A mouse study showed that lion's mane boosts your nerve growth.</p>"
    [finding] = only(lint(text, "a.html"), ANIMAL)
    assert (finding.line, finding.column, finding.excerpt) == (1, 42, "boosts your nerve")


@pytest.mark.parametrize(
    "text",
    [
        "Huperzine A improved maze learning in mice.",
        "In rats, bacopa grew dendrites; whether that happens in people is unknown.",
        "In mice, it raised nerve growth factor. It may do the same in humans.",
        "Rats given oxiracetam learned faster. Human trials found no such effect [6].",
        "In rats, magnesium threonate improved memory; a human trial is under way.",
    ],
)
def test_animal_results_kept_as_animal_results_pass(lint, text: str) -> None:
    assert only(lint(text + "\n"), ANIMAL) == []


def test_overclaim_needs_a_cited_trial(lint) -> None:
    [finding] = only(lint("Our focus formula is clinically proven to work.\n"), OVERCLAIM)
    assert (finding.column, finding.excerpt, finding.severity) == (22, "clinically proven", "info")
    assert (
        only(lint("The blend is clinically proven to speed reaction time [2].\n"), OVERCLAIM) == []
    )
    assert only(lint("No nootropic is proven to raise IQ.\n"), OVERCLAIM) == []


def test_no_side_effects_is_a_claim_not_a_negation(lint) -> None:
    [finding] = only(lint("This stack has zero side effects.\n"), OVERCLAIM)
    assert finding.excerpt == "zero side effects"


HOUSE_CLAIM = """id: house.causal
kind: claim
severity: warning
message: "House claim '{match}' lacks a {lacks}"
verbs: {turbocharge: 0.9}
targets: [focus]
examples:
  flag: ["Our tea turbocharges focus."]
  pass: ["Our tea may turbocharge focus."]
"""


def test_house_claim_rule_with_its_own_lexicon(tmp_path: Path) -> None:
    from lint.config import Config
    from lint.engine import Engine
    from lint.sources import Source

    (tmp_path / "causal.yaml").write_text(HOUSE_CLAIM, encoding="utf-8")
    engine = Engine(Config(rule_dirs=[tmp_path]), select=["house"])
    text = "Our tea turbocharges focus.\n"
    [result] = engine.lint_sources([Source("a.md", text, "markdown")])
    [finding] = result.findings
    assert (finding.rule_id, finding.column, finding.excerpt) == ("house.causal", 9, "turbocharges")
    assert finding.strength == 0.9


def test_claim_weight_out_of_range_names_file_and_line(tmp_path: Path) -> None:
    from lint.errors import ConfigError
    from lint.rules.loader import load_rules

    path = tmp_path / "causal.yaml"
    path.write_text(HOUSE_CLAIM.replace("turbocharge: 0.9", "turbocharge: 2"), encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_rules([tmp_path])
    assert info.value.render() == f"{path}:5:1: 'verbs': weight of 'turbocharge' must be 0-1"
