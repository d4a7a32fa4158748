"""Measure rule precision and recall on the labeled sets in tests/eval/*.yaml.

Usage:  python tests/eval/evaluate.py [FILE.yaml ...]     (default: every tests/eval/*.yaml)
Prints one row per scored rule (TP, FP, FN, precision, recall, target) and exits 1 when a rule
is below its target, 0 otherwise (2 on a malformed set).

Set format (one YAML mapping per file, all keys but `cases` optional):

    rules: [fda.disease-claim, fda.drug-comparison]   # rule ids scored for each case
    targets:                                          # minimum scores; default for every rule
      precision: 0.95
      recall: 0.9
    rule_targets:                                     # per-rule overrides of `targets`
      fda.drug-comparison: {precision: 0.9}
    cases:
      - text: "Bacopa treats ADHD in children."      # the snippet or whole article
        format: md                                    # md (default) | html | txt
        expect: [fda.disease-claim]                   # findings it must produce
        tags: [positive]                              # free labels (e.g. hard-negative:negation)
      - text: "Bacopa is not approved to treat ADHD."
        expect: []                                    # a negative: no scored finding allowed
      - file: safety/piracetam-bare.md                # or an article file, relative to the set
        expect: [safety.missing-renal-caution]        # (format from its suffix)
      - text: |
          # A whole article ...
        rules: [fda.disease-claim, fda.missing-disclaimer]   # this case scores these rules
        expect:
          - fda.missing-disclaimer                    # any finding of this rule
          - {rule: fda.disease-claim, excerpt: "treats ADHD"}   # a finding at this text

Scoring: each case is linted with the built-in rules; only findings of the case's scored rules
count. An expectation matches a finding of the same rule whose span overlaps an occurrence of
its excerpt in the text, or whose excerpt contains it or is contained in it (no `excerpt`
matches any finding of that rule); each finding matches at most
one expectation. Matched = true positive, unmatched finding = false positive, unmatched
expectation = false negative, summed per rule over all cases of all files.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEFAULT_TARGETS = {"precision": 0.95, "recall": 0.9}
SUFFIX = {"md": "md", "markdown": "md", "html": "html", "txt": "txt", "text": "txt"}


class SetError(Exception):
    """A malformed evaluation file: the message names the file and case."""


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    targets: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_TARGETS))
    misses: list[str] = field(default_factory=list)  # descriptions of FPs and FNs

    @property
    def precision(self) -> float | None:
        found = self.tp + self.fp
        return self.tp / found if found else None

    @property
    def recall(self) -> float | None:
        expected = self.tp + self.fn
        return self.tp / expected if expected else None

    def failures(self) -> list[str]:
        result = []
        for name in ("precision", "recall"):
            value = getattr(self, name)
            # a rule that never fired and was never expected has nothing to measure
            if value is not None and value < self.targets.get(name, 0.0):
                result.append(f"{name} {value:.3f} < {self.targets[name]}")
        if self.tp + self.fn == 0 and self.fp == 0:
            result.append("no labeled positives")
        return result


@dataclass
class Case:
    file: str
    index: int
    text: str
    format: str
    rules: list[str]
    expect: list[tuple[str, str | None]]

    @property
    def name(self) -> str:
        return f"{Path(self.file).name}#{self.index + 1}"


def load_set(path: Path) -> tuple[list[Case], dict[str, dict[str, float]]]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except YAMLError as err:
        raise SetError(f"{path}: invalid YAML: {err}") from None
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise SetError(f"{path}: expected a mapping with a 'cases' list")
    default_rules = list(data.get("rules") or [])
    base = {**DEFAULT_TARGETS, **(data.get("targets") or {})}
    targets = {
        rule: {**base, **(data.get("rule_targets") or {}).get(rule, {})} for rule in default_rules
    }
    cases = []
    for index, item in enumerate(data["cases"]):
        case = _case(path, index, item, default_rules)
        for rule in case.rules:
            targets.setdefault(rule, {**base, **(data.get("rule_targets") or {}).get(rule, {})})
        cases.append(case)
    return cases, targets


def _case(path: Path, index: int, item: Any, default_rules: list[str]) -> Case:
    where = f"{path}: case {index + 1}"
    if isinstance(item, dict) and isinstance(item.get("file"), str) and "text" not in item:
        article = path.parent / item["file"]
        try:
            item = {**item, "text": article.read_text(encoding="utf-8")}
        except (OSError, UnicodeDecodeError) as err:
            raise SetError(f"{where}: cannot read {article}: {err}") from None
        item.setdefault("format", article.suffix.lstrip(".") or "txt")
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise SetError(f"{where}: needs a 'text' string (or a 'file' next to the set)")
    fmt = SUFFIX.get(str(item.get("format", "md")))
    if fmt is None:
        raise SetError(f"{where}: format must be md, html or txt")
    rules = list(item.get("rules") or default_rules)
    if not rules:
        raise SetError(f"{where}: no rules to score (set 'rules' in the file or the case)")
    expect: list[tuple[str, str | None]] = []
    for entry in item.get("expect") or []:
        if isinstance(entry, str):
            expect.append((entry, None))
        elif isinstance(entry, dict) and isinstance(entry.get("rule"), str):
            expect.append((entry["rule"], entry.get("excerpt")))
        else:
            raise SetError(f"{where}: expect entries are rule ids or {{rule, excerpt}}")
        if expect[-1][0] not in rules:
            raise SetError(f"{where}: expects {expect[-1][0]}, which the case does not score")
    return Case(str(path), index, joined_surrogates(item["text"]), fmt, rules, expect)


def joined_surrogates(text: str) -> str:
    """YAML escapes an emoji as a UTF-16 pair ("\\ud83c\\udf53") that the loader keeps as two
    surrogates; a file read from disk holds the one character (lone surrogates stay errors)."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _overlaps(expected: str | None, finding: Any, text: str) -> bool:
    """The finding's span shares text with an occurrence of `expected` (or contains it)."""
    if expected is None:
        return True
    a, b = " ".join(expected.lower().split()), " ".join(finding.excerpt.lower().split())
    if a in b or b in a:
        return True
    start, end = finding.start_offset, finding.end_offset
    at = text.find(expected)
    while at >= 0:
        if at < end and start < at + len(expected):
            return True
        at = text.find(expected, at + 1)
    return False


def score_case(case: Case, findings: Iterable[Any], scores: dict[str, Score]) -> None:
    found = [f for f in findings if f.rule_id in case.rules]
    open_expect = list(case.expect)
    for finding in found:
        score = scores[finding.rule_id]
        match = next(
            (
                e
                for e in open_expect
                if e[0] == finding.rule_id and _overlaps(e[1], finding, case.text)
            ),
            None,
        )
        if match is None:
            score.fp += 1
            score.misses.append(
                f"FP {case.name} {finding.line}:{finding.column} {finding.excerpt!r}"
            )
        else:
            open_expect.remove(match)
            score.tp += 1
    for rule, excerpt in open_expect:
        scores[rule].fn += 1
        shown = excerpt or case.text.strip().splitlines()[0][:70]
        scores[rule].misses.append(f"FN {case.name} {shown!r}")


def evaluate(paths: list[Path], engine: Any = None) -> dict[str, Score]:
    """Lint every case with one engine; return the summed score per rule."""
    from lint.config import Config
    from lint.engine import Engine
    from lint.sources import Source, format_for

    engine = engine or Engine(Config())
    cases: list[Case] = []
    scores: dict[str, Score] = {}
    for path in paths:
        file_cases, targets = load_set(path)
        cases.extend(file_cases)
        for rule, target in targets.items():
            scores.setdefault(rule, Score(targets=target))
    known = {rule.id for rule in engine.ruleset.rules}
    unknown = sorted(set(scores) - known)
    if unknown:
        raise SetError(f"unknown rule ids in evaluation sets: {', '.join(unknown)}")
    names = [f"case{i}.{c.format}" for i, c in enumerate(cases)]
    # the parser wants the format name ("markdown"), not the suffix ("md")
    sources = [Source(n, c.text, format_for(n)) for n, c in zip(names, cases, strict=True)]
    for case, result in zip(cases, engine.lint_sources(sources), strict=True):
        if result.error:
            raise SetError(f"{case.name}: {result.error}")
        score_case(case, result.findings, scores)
    return scores


def _fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def render(scores: dict[str, Score], verbose: bool = False) -> str:
    lines = [f"{'rule':34} {'TP':>4} {'FP':>4} {'FN':>4}  {'prec':>6} {'recall':>6}  target"]
    for rule in sorted(scores):
        s = scores[rule]
        target = f"P>={s.targets['precision']} R>={s.targets['recall']}"
        status = "; ".join(s.failures()) or "ok"
        lines.append(
            f"{rule:34} {s.tp:4} {s.fp:4} {s.fn:4}  {_fmt(s.precision):>6} {_fmt(s.recall):>6}"
            f"  {target}  {status}"
        )
        if verbose:
            lines.extend(f"    {miss}" for miss in s.misses)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    paths = [Path(a) for a in args] or sorted(HERE.glob("*.yaml"))
    sys.path.insert(0, str(ROOT))
    try:
        scores = evaluate(paths)
    except (SetError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(render(scores, verbose))
    failing = [rule for rule, score in scores.items() if score.failures()]
    if failing:
        print(f"below target: {', '.join(sorted(failing))}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
