"""`supplint daemon status|stop`."""

from __future__ import annotations

import argparse


def main(namespace: argparse.Namespace) -> int:
    from lint.daemon.command import command

    return command(namespace.action)
