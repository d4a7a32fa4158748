"""Map safety labels written before the round-8 conventions to them, mechanically (issue 14).

Usage:  python tests/eval/convention_map.py [--write] SET.yaml ...
Prints each case whose labels change; --write rewrites the set in place (only for non-blind
sets: for a blind round, copy the set and its folder elsewhere first and map the copy, so its
labels stay as written).

For each dosed substance listing a scored caution: M = the scored kinds the old labels call
missing for it (by its first-dose excerpt). All of its scored kinds missing and no liver or
pregnancy caution for it -> dose-without-caution alone; else the missing-M findings. Old
dose-without-caution labels (no doctor line) and labels of never-dosed substances go.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE.parent))
from test_eval import load_evaluate  # noqa: E402

import lint.rules.kinds.substance as S  # noqa: E402
from lint.config import Config  # noqa: E402
from lint.engine import Engine  # noqa: E402
from lint.sources import Source, format_for  # noqa: E402

ev = load_evaluate()
engine = Engine(Config())
checker = next(c for c in engine.checkers if c.kind == "substance")
captured = {}
orig_survey = S.SubstanceChecker._survey


def survey_spy(self, analysis):
    s = orig_survey(self, analysis)
    captured["survey"] = s
    captured["analysis"] = analysis
    return s


S.SubstanceChecker._survey = survey_spy
DOSE = "safety.dose-without-caution"
KIND_RULE = {
    "cycling": "safety.missing-cycling-caution",
    "renal": "safety.missing-renal-caution",
    "interactions": "safety.missing-interaction-caution",
    "dependence": "safety.missing-dependence-caution",
}
RULE_KIND = {v: k for k, v in KIND_RULE.items()}
dwc_rule = next(r for r in engine.rules if r.id == DOSE)


def derive(case_text, name, old):
    captured.clear()
    list(engine.lint_sources([Source(name, case_text, format_for(name))]))
    survey, analysis = captured.get("survey"), captured.get("analysis")
    if survey is None:
        return []
    prose = analysis.document.prose
    new = []
    old_pairs = [(r, x) for r, x in old if r != DOSE]
    for sid, usage in survey.usages.items():
        if not usage.dosed:
            continue
        scored = [k for k in usage.substance.cautions if k in KIND_RULE]
        if not scored:
            continue
        a, b = usage.first_dose or usage.heading_dose
        dose = prose[a:b]
        mine = {RULE_KIND[r] for r, x in old_pairs if x and (x in dose or dose in x)}
        if mine == set(scored):
            others = [k for k in usage.substance.cautions if k in ("hepatic", "pregnancy")]
            given = False
            for k in others:
                key = checker.by_kind[DOSE].get(k)
                cov = survey.covered(checker._caution_sentences(key, analysis), {sid})
                if cov is None or sid in cov:
                    given = True
            if given:
                new += [(KIND_RULE[k], dose) for k in scored]
            else:
                new.append((DOSE, dose))
        else:
            new += [(KIND_RULE[k], dose) for k in scored if k in mine]
    return new


def case_blocks(lines):
    starts = [i for i, line in enumerate(lines) if re.match(r"^\s*- (file|text):", line)]
    return starts


def rewrite(path, write):
    cases, _ = ev.load_set(path)
    lines = path.read_text().split("\n")
    starts = case_blocks(lines)
    assert len(starts) == len(cases), (path, len(starts), len(cases))
    changes = []
    for idx in reversed(range(len(cases))):
        case = cases[idx]
        case.name if hasattr(case, "name") else "x.md"
        old = case.expect
        new = derive(case.text, case_name(case), old)
        oldset = sorted(old)
        if sorted(new) == oldset:
            continue
        changes.append((idx + 1, oldset, sorted(new)))
        begin = starts[idx]
        end = starts[idx + 1] if idx + 1 < len(starts) else len(lines)
        block = lines[begin:end]
        j = next(k for k, line in enumerate(block) if re.match(r"^\s*expect:", line))
        indent = re.match(r"^(\s*)", block[j]).group(1)
        k = j + 1
        if not block[j].rstrip().endswith(("[]", "]")):
            while k < len(block) and re.match(r"^\s*(- (\{|safety|rule:)|excerpt:)", block[k]):
                k += 1
        was = ", ".join(f"{r.split('.')[1]} {x}" for r, x in oldset) or "none"
        comment = f"{indent}# relabelled to the round-8 conventions (sf9): was {was}"
        if new:
            body = [f"{indent}expect:"] + [
                f'{indent}  - {{rule: {r}, excerpt: "{x}"}}' for r, x in sorted(new)
            ]
        else:
            body = [f"{indent}expect: []"]
        block[j:k] = [comment, *body]
        lines[begin:end] = block
    if write:
        path.write_text("\n".join(lines))
    return changes


def case_name(case):
    return {"md": "a.md", "html": "a.html", "txt": "a.txt"}.get(case.format, "a.md")


if __name__ == "__main__":
    write = "--write" in sys.argv
    for f in [a for a in sys.argv[1:] if not a.startswith("--")]:
        for idx, old, new in sorted(rewrite(Path(f), write)):
            print(f, idx, "OLD", old, "NEW", new)
