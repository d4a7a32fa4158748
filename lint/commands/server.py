"""`supplint server`: the language server (LSP over stdio)."""

from __future__ import annotations

import argparse


def main(namespace: argparse.Namespace) -> int:
    from lint.server import serve  # needs the `server` extra (pygls)

    return serve()
