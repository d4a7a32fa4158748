"""evidence/safety rules: embedded examples, explain sections, and the measured eval targets."""

from __future__ import annotations

import importlib.util
import sys

import pytest
from conftest import ROOT, lint_text

from lint.config import Config
from lint.engine import Engine
from lint.rules.loader import load_rules

EVAL = ROOT / "tests" / "eval"
FAMILIES = ("evidence", "safety")
RULES = [rule for rule in load_rules().rules if rule.family in FAMILIES]


@pytest.fixture(scope="module")
def family_engine() -> Engine:
    return Engine(Config(), select=list(FAMILIES))


def test_every_issue_rule_exists() -> None:
    ids = {rule.id for rule in RULES}
    assert {
        "evidence.unsupported-causal-claim",
        "evidence.animal-to-human",
        "evidence.overclaim",
        "safety.missing-cycling-caution",
        "safety.missing-renal-caution",
        "safety.missing-interaction-caution",
        "safety.missing-dependence-caution",
        "safety.dose-without-caution",
    } <= ids


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_examples(family_engine: Engine, rule) -> None:
    assert rule.examples.get("flag") and rule.examples.get("pass")
    for text in (e["text"] if isinstance(e, dict) else e for e in rule.examples["flag"]):
        found = [f for f in lint_text(family_engine, text) if f.rule_id == rule.id]
        assert found, f"{rule.id} should flag: {text!r}"
    for text in (e["text"] if isinstance(e, dict) else e for e in rule.examples["pass"]):
        found = [f for f in lint_text(family_engine, text) if f.rule_id == rule.id]
        assert not found, f"{rule.id} should pass: {text!r} -> {found[0].message}"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_explain_has_all_sections(rule) -> None:
    for section in ("What it flags", "Why it matters", "Example", "References"):
        assert section in rule.explain, f"{rule.id}: no '{section}'"
    assert "FTC" in rule.explain


def load_evaluate():
    spec = importlib.util.spec_from_file_location("evaluate", EVAL / "evaluate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["evaluate"] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


def test_eval_sets_are_big_enough() -> None:
    evaluate = load_evaluate()
    cases, _ = evaluate.load_set(EVAL / "evidence.yaml")
    assert len(cases) >= 80
    negatives = [c for c in cases if not c.expect]
    assert len(negatives) * 3 >= len(cases)
    articles, _ = evaluate.load_set(EVAL / "safety.yaml")
    assert len(articles) >= 15
    assert len(list((EVAL / "safety").iterdir())) >= 15
    dev, _ = evaluate.load_set(EVAL / "evidence_dev.yaml")
    assert len(dev) >= 300 and len([c for c in dev if not c.expect]) * 3 >= len(dev)


@pytest.mark.parametrize(
    ("sets", "families"),
    [(("evidence.yaml", "safety.yaml"), FAMILIES), (("evidence_dev.yaml",), ("evidence",))],
    ids=["rounds", "dev"],
)
def test_precision_and_recall_targets(
    engine: Engine, sets: tuple[str, ...], families: tuple[str, ...]
) -> None:
    evaluate = load_evaluate()
    scores = evaluate.evaluate([EVAL / name for name in sets], engine)
    assert {rule.id for rule in RULES if rule.family in families} <= set(scores)
    report = evaluate.render(scores, verbose=True)
    for score in scores.values():
        assert score.precision is not None and score.precision >= 0.9, report
        assert score.recall is not None and score.recall >= 0.85, report
        assert not score.failures(), report
