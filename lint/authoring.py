"""CLI parsers for rule authors: `test-rules` and `new-rule` (argparse only: stays cheap)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any


def add_parsers(commands: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    test_rules = commands.add_parser(
        "test-rules",
        help="run the flag/pass examples embedded in rules",
        description="Run every rule's `examples: {flag: [...], pass: [...]}`; exit 1 when one "
        "fails. Without DIR: the built-in rules and the config's rule_dirs.",
    )
    test_rules.add_argument(
        "targets", nargs="*", type=Path, metavar="DIR", help="rule folders or files to test"
    )
    test_rules.add_argument(
        "--select", type=_csv, default=None, metavar="IDS", help="only these rule ids or families"
    )
    test_rules.add_argument("--verbose", "-v", action="store_true", help="list tested rules")
    common(test_rules)

    new_rule = commands.add_parser("new-rule", help="write a commented starter rule with examples")
    new_rule.add_argument("rule_id", metavar="ID", help="family.name, e.g. house.no-cure")
    new_rule.add_argument("--kind", required=True, help="rule kind (see docs/rules.md)")
    new_rule.add_argument(
        "-o", "--output", type=Path, default=None, metavar="FILE", help="default: stdout"
    )
    new_rule.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]
