"""`supplint review PATH...` (serve the workspace) and `supplint review export` (decisions out)."""

from __future__ import annotations

import argparse
from dataclasses import replace

from lint.commands.options import pick
from lint.commands.run import load_settings


def main(namespace: argparse.Namespace) -> int:
    from lint.errors import UsageError
    from lint.review.command import ReviewOptions, export, serve

    options = pick(ReviewOptions, namespace)
    exporting = options.paths[:1] == ("export",)
    if exporting:
        options = replace(options, paths=options.paths[1:] or (".",))
    elif options.baseline or options.csv:
        raise UsageError("--baseline and --csv belong to `supplint review export`")
    config = load_settings(options.config, options.paths[0])
    return export(options, config) if exporting else serve(options, config)
