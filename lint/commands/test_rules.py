"""`supplint test-rules [DIR...]`: run the rules' embedded flag/pass examples."""

from __future__ import annotations

import argparse

from lint.commands.options import TestRulesOptions, pick
from lint.commands.run import load_settings


def main(namespace: argparse.Namespace) -> int:
    from lint.testing import command

    options = pick(TestRulesOptions, namespace)
    return command(options, load_settings(options.config))
