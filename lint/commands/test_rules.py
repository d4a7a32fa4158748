"""`supplint test-rules [DIR...]`: run the rules' embedded flag/pass examples."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from lint.commands.options import TestRulesOptions, pick
from lint.commands.run import EXIT_CLEAN, EXIT_FINDINGS, load_settings

if TYPE_CHECKING:
    from lint.config import Config


def command(options: TestRulesOptions, config: Config) -> int:
    """Print each failure, then a summary; exit 1 on any failure."""
    from lint.errors import ConfigError
    from lint.testing import run_rule_tests

    for target in options.targets:
        if not target.exists():
            raise ConfigError(str(target), "no such rule file or folder")
    house_dirs = [] if options.targets else list(config.rule_dirs)
    select = list(options.select) if options.select else None
    run = run_rule_tests(list(options.targets), house_dirs, select)
    for failure in run.failures:
        print(failure.render())
    if options.verbose:
        for rule in run.rules:
            print(f"  {rule.id}: {sum(e.rule is rule for e in run.examples)} examples")
    print(run.summary())
    return EXIT_FINDINGS if run.failures else EXIT_CLEAN


def main(namespace: argparse.Namespace) -> int:
    options = pick(TestRulesOptions, namespace)
    return command(options, load_settings(options.config))
