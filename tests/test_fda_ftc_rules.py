"""Every fda/ftc rule: its documented examples behave, and its explain text has every section."""

from __future__ import annotations

import pytest
from conftest import lint_text

from lint.config import Config
from lint.engine import Engine
from lint.rules.loader import load_rules

FAMILIES = ("fda", "ftc")
RULES = [rule for rule in load_rules().rules if rule.family in FAMILIES]
EXPECTED_IDS = {
    "fda.disease-claim",
    "fda.missing-disclaimer",
    "fda.drug-comparison",
    "ftc.undisclosed-affiliate-link",
    "ftc.buy-call-to-action",
    "ftc.weak-disclosure",
    "ftc.missing-rel-sponsored",
}


def name_for(text: str) -> str:
    return "example.html" if text.lstrip().startswith("<") else "example.md"


def test_all_issue_rules_exist() -> None:
    assert {rule.id for rule in RULES} >= EXPECTED_IDS


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_examples(engine: Engine, rule) -> None:
    assert rule.examples.get("flag") and rule.examples.get("pass"), "needs flag and pass examples"
    for text in (e["text"] if isinstance(e, dict) else e for e in rule.examples["flag"]):
        found = {f.rule_id for f in lint_text(engine, text, name_for(text))}
        assert rule.id in found, f"should flag: {text!r}"
    for text in (e["text"] if isinstance(e, dict) else e for e in rule.examples["pass"]):
        found = {f.rule_id for f in lint_text(engine, text, name_for(text))}
        assert rule.id not in found, f"should pass: {text!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_explain_sections_and_sources(rule) -> None:
    for section in ("What it flags", "Why it matters", "Example", "References"):
        assert section in rule.explain, f"{rule.id}: explain lacks '{section}'"
    source = "21 CFR 101.93" if rule.family == "fda" else "16 CFR 255"
    assert source in rule.explain


def test_one_finding_per_rule_per_span_with_only_fda_and_ftc_selected() -> None:
    engine = Engine(Config(), select=list(FAMILIES))
    text = "Bacopa treats ADHD. Buy it at [iHerb](https://amzn.to/3x).\n"
    findings = lint_text(engine, text)
    assert sorted((f.rule_id, f.excerpt) for f in findings) == [
        ("fda.disease-claim", "treats ADHD"),
        ("fda.missing-disclaimer", "treats ADHD"),
        ("ftc.buy-call-to-action", "Buy it at [iHerb"),
        ("ftc.undisclosed-affiliate-link", "[iHerb](https://amzn.to/3x)"),
    ]
