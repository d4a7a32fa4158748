"""Train fda.disease-claim's claim model (rules/fda/claim-model.json) from the labelled sets.

Usage:  python tests/eval/train_claims.py [--check | --cv]

Every condition mention the rule's word-listed finders pass over, in every labelled fda set the
team has read (`train_sets`), is one example: a claim when an expectation of the set still
open after the finders' findings overlaps it, else not. The sets kept blind for measuring
(`HELD_OUT`) are never read. A logistic regression (scikit-learn, a dev dependency) over the
hashed features of `lint/rules/match/claim_model.features` gives the weights. Training is
deterministic (lbfgs, no sampling); `--check` retrains and exits 1 when any example's decision
differs from the committed model's, 0 when the file is what this script builds. `--cv` leaves
one set out at a time and prints the claims the model would add on the set left out (right
and wrong) per threshold: how `C` and the rule's `model_threshold` were chosen.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
MODEL = ROOT / "rules" / "fda" / "claim-model.json"
RULE = "fda.disease-claim"
# blind rounds not yet read: they measure the model and must never train it
HELD_OUT = {
    "fda_round15.yaml",
    "fda_round16.yaml",
    "fda_round17.yaml",
    "fda_round18.yaml",
    "fda_round19.yaml",
    "fda_round20.yaml",
    "fda_round21.yaml",
}
BUCKETS = 1 << 18
C = 2.0  # chosen by leaving one set out at a time (docs/fda-ftc.md)


def train_sets() -> list[Path]:
    found = sorted(HERE.glob("fda*.yaml")) + sorted((HERE / "blind").glob("fda*.yaml"))
    return [p for p in found if p.name not in HELD_OUT]


def examples(paths: list[Path]) -> list[tuple[str, list[str], int]]:
    """(set name, features, label) of each mention the word-listed finders left."""
    sys.path.insert(0, str(ROOT))
    from evaluate import _overlaps, load_set

    from lint.analysis import Analysis
    from lint.config import Config
    from lint.documents import parse
    from lint.engine import Engine
    from lint.nlp import get_nlp
    from lint.rules.kinds.disease import DiseaseChecker, rule_claims
    from lint.rules.match.claim_model import ModelFinder, candidates
    from lint.sources import Source, format_for

    engine = Engine(Config())
    checker = next(c for c in engine.checkers if isinstance(c, DiseaseChecker))
    rule, finders = next((r, f) for r, f in checker.finders if r.id == RULE)
    learned = next(f for f in finders if isinstance(f, ModelFinder))
    learned.model = None  # the examples are what the listed finders leave
    rows: list[tuple[str, list[str], int]] = []
    for path in paths:
        cases, _ = load_set(path)
        names = [f"case{i}.{c.format}" for i, c in enumerate(cases)]
        sources = [Source(n, c.text, format_for(n)) for n, c in zip(names, cases, strict=True)]
        for case, source, result in zip(cases, sources, engine.lint_sources(sources), strict=True):
            found = [f for f in result.findings if f.rule_id == RULE]
            open_expect = [e for e in case.expect if e[0] == RULE]
            for finding in found:
                hit = next((e for e in open_expect if _overlaps(e[1], finding, case.text)), None)
                if hit:
                    open_expect.remove(hit)
            document = parse(source)
            analysis = Analysis(document, get_nlp()(document.prose))
            claimed = rule_claims(analysis, rule, finders)
            found_in = candidates(
                analysis, learned.conditions, learned.products, claimed, learned.mild
            )
            for candidate in found_in:
                span = analysis.doc[candidate.start : candidate.end]
                start, end = analysis.source_span(span.start_char, span.end_char)
                mention = _Mention(span.text, start, end)
                hit = next((e for e in open_expect if _overlaps(e[1], mention, case.text)), None)
                if hit:
                    open_expect.remove(hit)
                rows.append((path.name, candidate.features, int(hit is not None)))
    return rows


class _Mention:
    def __init__(self, excerpt: str, start: int, end: int):
        self.excerpt, self.start_offset, self.end_offset = excerpt, start, end


def matrix(rows: list[tuple[str, list[str], int]]) -> Any:
    from scipy.sparse import csr_matrix

    from lint.rules.match.claim_model import bucket

    indices: list[int] = []
    pointers = [0]
    for _, found, _ in rows:
        keys = sorted({bucket(f, BUCKETS) for f in found})
        indices += keys
        pointers.append(len(indices))
    return csr_matrix(([1.0] * len(indices), indices, pointers), shape=(len(rows), BUCKETS))


def fit(rows: list[tuple[str, list[str], int]]) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression

    from lint.rules.match.claim_model import FORMAT

    model = LogisticRegression(C=C, max_iter=5000, tol=1e-8)
    model.fit(matrix(rows), [label for _, _, label in rows])
    weights = model.coef_[0]
    keys = [int(k) for k in weights.nonzero()[0]]
    return {
        "format": FORMAT,
        "buckets": BUCKETS,
        "bias": round(float(model.intercept_[0]), 6),
        "keys": keys,
        "weights": [round(float(weights[k]), 6) for k in keys],
        "trained_on": sorted({name for name, _, _ in rows}),
        "examples": len(rows),
        "claims": sum(label for _, _, label in rows),
    }


def decisions(data: dict[str, Any], rows: list[tuple[str, list[str], int]]) -> list[bool]:
    from lint.rules.match.claim_model import ClaimModel

    model = ClaimModel(
        data["bias"], dict(zip(data["keys"], data["weights"], strict=True)), data["buckets"]
    )
    return [model.probability(found) >= threshold() for _, found, _ in rows]


def threshold() -> float:
    from ruamel.yaml import YAML

    rule = YAML(typ="safe").load((ROOT / "rules" / "fda" / "disease-claim.yaml").read_text())
    return float(rule.get("model_threshold", 0.8))


def cross_validate(rows: list[tuple[str, list[str], int]]) -> None:
    """Additions (right / wrong) on each set when trained on all the others, summed."""
    from lint.rules.match.claim_model import ClaimModel

    thresholds = (0.6, 0.7, 0.75, 0.8, 0.9)
    right, wrong = dict.fromkeys(thresholds, 0), dict.fromkeys(thresholds, 0)
    for name in sorted({n for n, _, _ in rows}):
        rest = [r for r in rows if r[0] != name]
        if not any(label for _, _, label in rest):
            continue
        data = fit(rest)
        model = ClaimModel(
            data["bias"], dict(zip(data["keys"], data["weights"], strict=True)), BUCKETS
        )
        for _, found, label in (r for r in rows if r[0] == name):
            p = model.probability(found)
            for t in thresholds:
                if p >= t:
                    right[t] += label
                    wrong[t] += 1 - label
    print(f"{len(rows)} examples, {sum(r[2] for r in rows)} claims; C={C}, leave one set out:")
    for t in thresholds:
        total = right[t] + wrong[t]
        share = right[t] / total if total else 1.0
        print(f"  threshold {t}: adds {right[t]} right, {wrong[t]} wrong ({share:.0%} right)")


def main(argv: list[str]) -> int:
    rows = examples(train_sets())
    if "--cv" in argv:
        cross_validate(rows)
        return 0
    data = fit(rows)
    if "--check" in argv:
        shipped = json.loads(MODEL.read_text(encoding="utf-8"))
        differ = sum(
            a != b for a, b in zip(decisions(shipped, rows), decisions(data, rows), strict=True)
        )
        print(f"{len(rows)} examples, {differ} decisions differ from {MODEL.name}")
        return 1 if differ else 0
    MODEL.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"wrote {MODEL}: {data['examples']} examples, {data['claims']} claims, "
        f"{len(data['keys'])} weights"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
