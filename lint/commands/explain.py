"""`supplint explain RULE-ID`: a rule's documentation, where it is defined, its examples."""

from __future__ import annotations

import argparse

from lint.commands.options import ExplainOptions, pick
from lint.commands.run import EXIT_CLEAN, load_settings


def command(options: ExplainOptions) -> int:
    from lint.errors import UsageError, did_you_mean
    from lint.rules.loader import load_rules

    config = load_settings(options.config)
    rules = load_rules(config.rule_dirs).by_id()
    rule = rules.get(options.rule_id)
    if rule is None:
        raise UsageError(f"unknown rule '{options.rule_id}'{did_you_mean(options.rule_id, rules)}")
    print(f"{rule.id} ({rule.severity}, kind {rule.kind})")
    print(f"defined in {rule.file}:{rule.line}")
    for change in rule.overrides:  # house overrides: severity, disabled, extended
        print(f"overridden in {change}")
    print()
    print(rule.explain.strip() or rule.message)
    for label, key in (("Flagged", "flag"), ("Not flagged", "pass")):
        examples = rule.examples.get(key) or []
        if examples:
            print(f"\n{label}:")
            for example in examples:
                print(
                    f"  - {example if isinstance(example, str) else example.get('text', example)}"
                )
                if isinstance(example, dict) and "fixed" in example:
                    print(f"    fixed: {example['fixed']}")
    return EXIT_CLEAN


def main(namespace: argparse.Namespace) -> int:
    return command(pick(ExplainOptions, namespace))
