"""`supplint rules`: every rule with its effective severity, as a table or JSON."""

from __future__ import annotations

import argparse

from lint.commands.options import RulesOptions, pick
from lint.commands.run import EXIT_CLEAN, load_settings


def command(options: RulesOptions) -> int:
    from lint.rules.loader import load_rules

    config = load_settings(options.config)
    ruleset = load_rules(config.rule_dirs)
    if options.format == "json":
        import json

        rows = [
            {
                "id": r.id,
                "kind": r.kind,
                "severity": config.severity.get(r.id, r.severity),
                "message": r.message,
                "file": r.file,
                "builtin": r.builtin,
                "disabled": r.disabled,
            }
            for r in ruleset.rules
        ]
        print(json.dumps(rows, indent=2))
        return EXIT_CLEAN
    width = max((len(r.id) for r in ruleset.rules), default=10)
    for rule in sorted(ruleset.rules, key=lambda r: r.id):
        severity = "off" if rule.disabled else config.severity.get(rule.id, rule.severity)
        print(f"{rule.id:<{width}}  {severity:<7}  {rule.kind:<9}  {rule.message}")
    return EXIT_CLEAN


def main(namespace: argparse.Namespace) -> int:
    return command(pick(RulesOptions, namespace))
