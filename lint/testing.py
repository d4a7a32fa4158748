"""`supplint test-rules`: run the `examples:` embedded in rules, like `semgrep --test`.

Every `flag:` example must get at least one finding of its rule and every `pass:` example none.
Failures name the rule file and the line of the example. Further expectations on an example
mapping plug into EXPECTATIONS: `match:` pins the span a flag example's finding covers (as
semgrep's `ruleid:` annotations pin the line), `fixed:` the text after the rule's fix.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint.finding import Finding
from lint.rules.loader import RuleSet, load_rules
from lint.rules.model import Rule
from lint.rules.spec import EXAMPLE_FORMATS


@dataclass
class Example:
    rule: Rule
    expect: str  # "flag" | "pass"
    text: str
    format: str  # markdown | html | text
    file: str
    line: int
    data: dict[str, Any] = field(default_factory=dict)  # the whole mapping, for expectations

    def label(self) -> str:
        return f"{display_path(self.file)}:{self.line}"


@dataclass
class Failure:
    example: Example
    reason: str

    def render(self) -> str:
        text = " ".join(self.example.text.split())
        shown = text if len(text) <= 100 else text[:97] + "..."
        return f"{self.example.label()}: {self.example.rule.id}: {self.reason}\n    {shown}"


# (example, findings of its rule in it, all findings) -> a failure reason or None
Expectation = Callable[[Example, list[Finding], list[Finding]], "str | None"]


def expect_flag_or_pass(example: Example, own: list[Finding], _all: list[Finding]) -> str | None:
    if example.expect == "flag" and not own:
        return "flag example: expected a finding, got none"
    if example.expect == "pass" and own:
        first = own[0]
        return (
            f"pass example: expected no finding, got {len(own)} "
            f"(first at {first.line}:{first.column} '{first.excerpt}')"
        )
    return None


def expect_match(example: Example, own: list[Finding], _all: list[Finding]) -> str | None:
    """`match: "cures ADHD"`: one of the rule's findings spans exactly that source text."""
    expected = example.data.get("match")
    if expected is None:
        return None
    if example.expect == "pass":
        return "pass example: 'match' pins a finding's span; a pass example has no finding"
    if not own or any(finding.excerpt == expected for finding in own):
        return None  # no finding at all is expect_flag_or_pass's failure, reported once
    got = ", ".join(f"'{f.excerpt}' at {f.line}:{f.column}" for f in own[:3])
    more = f" and {len(own) - 3} more" if len(own) > 3 else ""
    return f"flag example: expected a finding on '{expected}', got {got}{more}"


def expect_fixed(example: Example, own: list[Finding], all_: list[Finding]) -> str | None:
    from lint.fixes.expect import expect_fixed as check  # `fixed:` text after the rule's fix

    return check(example, own, all_)


EXPECTATIONS: list[Expectation] = [expect_flag_or_pass, expect_match, expect_fixed]


@dataclass
class RuleTestRun:
    rules: list[Rule]
    examples: list[Example]
    failures: list[Failure]

    @property
    def untested(self) -> list[Rule]:
        tested = {example.rule.id for example in self.examples}
        return [rule for rule in self.rules if rule.id not in tested]

    def summary(self) -> str:
        passed = len(self.examples) - len({id(f.example) for f in self.failures})
        text = (
            f"test-rules: {len(self.rules)} rules, {len(self.examples)} examples: "
            f"{passed} passed, {len(self.examples) - passed} failed"
        )
        if self.untested:
            ids = ", ".join(rule.id for rule in self.untested)
            text += f"; {len(self.untested)} without examples ({ids})"
        return text


def display_path(path: str) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative


def collect_examples(rules: Iterable[Rule]) -> list[Example]:
    examples = []
    for rule in rules:
        for expect in ("flag", "pass"):
            origins = rule.example_origins.get(expect, [])
            for index, item in enumerate(rule.examples.get(expect) or []):
                data = item if isinstance(item, dict) else {"text": item}
                file, line = origins[index] if index < len(origins) else (rule.file, rule.line)
                fmt = EXAMPLE_FORMATS[data.get("format", "md")]
                examples.append(Example(rule, expect, str(data["text"]), fmt, file, line, data))
    return examples


def run_examples(ruleset: RuleSet, rules: list[Rule]) -> RuleTestRun:
    """Lint every example of `rules` with the whole rule set, then check expectations."""
    from lint.config import Config
    from lint.engine import Engine
    from lint.sources import Source

    examples = collect_examples(rules)
    engine = Engine(Config(), ruleset=ruleset)
    sources = [Source(example.label(), example.text, example.format) for example in examples]
    failures = []
    for example, result in zip(examples, engine.lint_sources(sources), strict=True):
        if result.error is not None:
            failures.append(Failure(example, f"cannot lint example: {result.error}"))
            continue
        own = [f for f in result.findings if f.rule_id == example.rule.id]
        for expectation in EXPECTATIONS:
            reason = expectation(example, own, result.findings)
            if reason is not None:
                failures.append(Failure(example, reason))
    return RuleTestRun(rules, examples, failures)


def rules_under(ruleset: RuleSet, targets: list[Path]) -> list[Rule]:
    """Rules defined in `targets`, plus rules that overrides in `targets` change."""
    roots = [target.resolve() for target in targets]

    def inside(path: str) -> bool:
        resolved = Path(path).resolve()
        return any(resolved == root or root in resolved.parents for root in roots)

    changed = {o.target for o in ruleset.overrides if inside(o.file)}
    return [rule for rule in ruleset.rules if inside(rule.file) or rule.id in changed]


def run_rule_tests(
    targets: list[Path], house_dirs: list[Path], select: list[str] | None = None
) -> RuleTestRun:
    """Test the rules in `targets` (default: built-in rules and `house_dirs`)."""
    from lint.selection import selected

    ruleset = load_rules([*house_dirs, *targets], validate_all=True)
    rules = rules_under(ruleset, targets) if targets else ruleset.rules
    rules = [rule for rule in rules if not rule.disabled]
    if select:
        rules = [rule for rule in rules if selected(rule.id, select)]
    return run_examples(ruleset, rules)
