"""`supplint completion bash|zsh|tcsh`: a shell completion script."""

from __future__ import annotations

import argparse
import sys


def main(namespace: argparse.Namespace) -> int:
    import shtab  # only here: completion must not slow every other command's start-up

    from lint.commands.parser import build_parser

    sys.stdout.write(shtab.complete(build_parser(), shell=namespace.shell) + "\n")
    return 0
