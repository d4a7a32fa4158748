"""`supplint new-rule ID --kind KIND [-o FILE]`: a commented starter rule."""

from __future__ import annotations

import argparse

from lint.commands.options import NewRuleOptions, pick


def main(namespace: argparse.Namespace) -> int:
    from lint.rules.starter import command

    return command(pick(NewRuleOptions, namespace))
