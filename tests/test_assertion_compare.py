"""tests/eval/assertion_compare.py: how a library's drop decisions are scored (issue 14)."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass

from conftest import ROOT


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / f"tests/eval/{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


evaluate = load("evaluate")
compare = load("assertion_compare")


@dataclass
class Found:
    rule_id: str
    start_offset: int
    end_offset: int
    excerpt: str
    line: int = 1
    column: int = 1


TEXT = "Zinc cures colds. Zinc does not cure flu."
CURES_COLDS = Found("fda.disease-claim", 5, 16, "cures colds")
CURE_FLU = Found("fda.disease-claim", 32, 40, "cure flu")


def case():
    return evaluate.Case(
        "set.yaml", 0, TEXT, "md", ["fda.disease-claim"], [("fda.disease-claim", "cures colds")]
    )


def drops_negated(sentence: str, start: int, end: int, rule: str) -> bool:
    return " not " in sentence


def test_sentence_around_gives_the_span_inside_its_own_sentence():
    sentence, start, end = compare.sentence_around(TEXT, 32, 40)
    assert sentence == "Zinc does not cure flu."
    assert sentence[start:end] == "cure flu"


def test_a_library_that_drops_the_negated_candidate_removes_the_false_positive():
    candidates = [[CURES_COLDS, CURE_FLU]]
    unfiltered = compare.score_method(
        [case()], candidates, [[]], None, False, ["fda.disease-claim"]
    )
    filtered = compare.score_method(
        [case()], candidates, [[]], drops_negated, False, ["fda.disease-claim"]
    )
    assert (unfiltered["fda.disease-claim"].tp, unfiltered["fda.disease-claim"].fp) == (1, 1)
    assert (filtered["fda.disease-claim"].tp, filtered["fda.disease-claim"].fp) == (1, 0)


def test_union_starts_from_what_supplint_kept():
    # supplint dropped the true claim: the union cannot bring it back
    scores = compare.score_method(
        [case()],
        [[CURES_COLDS, CURE_FLU]],
        [[CURE_FLU]],
        drops_negated,
        True,
        ["fda.disease-claim"],
    )
    score = scores["fda.disease-claim"]
    assert (score.tp, score.fp, score.fn) == (0, 0, 1)
