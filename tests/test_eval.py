"""The labeled evaluation sets in tests/eval/ meet each rule's precision and recall target."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parent / "eval"


def load_evaluate():
    if "supplint_evaluate" in sys.modules:
        return sys.modules["supplint_evaluate"]
    spec = importlib.util.spec_from_file_location("supplint_evaluate", EVAL / "evaluate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def test_every_rule_meets_its_target(engine) -> None:
    evaluate = load_evaluate()
    scores = evaluate.evaluate(sorted(EVAL.glob("*.yaml")), engine)
    report = evaluate.render(scores, verbose=True)
    assert {"fda.disease-claim", "ftc.undisclosed-affiliate-link"} <= set(scores), report
    failing = {rule: s.failures() for rule, s in scores.items() if s.failures()}
    assert failing == {}, report


def test_fda_and_ftc_targets_and_set_sizes() -> None:
    evaluate = load_evaluate()
    for family in ("fda", "ftc"):
        cases, targets = evaluate.load_set(EVAL / f"{family}.yaml")
        assert len(cases) >= 60
        negatives = [c for c in cases if not c.expect]
        assert len(negatives) * 3 >= len(cases)
        assert all(t["precision"] >= 0.95 and t["recall"] >= 0.9 for t in targets.values())


def test_a_missed_label_fails_the_target(engine, tmp_path: Path) -> None:
    evaluate = load_evaluate()
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "rules: [fda.disease-claim]\ncases:\n"
        "  - text: 'Bacopa is an herb.'\n    expect: [fda.disease-claim]\n"
        "  - text: 'Bacopa treats ADHD.'\n    expect: []\n",
        encoding="utf-8",
    )
    scores = evaluate.evaluate([bad], engine)
    score = scores["fda.disease-claim"]
    assert (score.tp, score.fp, score.fn) == (0, 1, 1)
    assert score.failures()
    assert evaluate.main([str(bad)]) == 1


def test_blind_rounds_keep_their_first_scores(engine) -> None:
    """tests/eval/blind/: sets scored once, blind, before any rule change they could prompt.
    They are measurements, not tuning targets (docs/fda-ftc.md, docs/evidence.md); each rule
    must stay at or above its first score minus 0.02 (the file's rule_targets)."""
    evaluate = load_evaluate()
    blind = sorted((EVAL / "blind").glob("*.yaml"))
    assert len(blind) == 52  # rounds 6-21; safety 6 and 7 are in blind/superseded/
    for path in blind:
        scores = evaluate.evaluate([path], engine)
        failing = {rule: s.failures() for rule, s in scores.items() if s.failures()}
        assert failing == {}, f"{path.name}\n" + evaluate.render(scores, verbose=True)
