"""Arguments of `supplint report`; kept apart from lint.report so parsing stays instant."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def add_report_parser(commands: Any) -> argparse.ArgumentParser:
    report = commands.add_parser(
        "report",
        help="write an annotated HTML or Markdown report",
        description="Write the articles with every finding marked: one file with -o FILE, or "
        "one report per article plus an index with -o DIR/.",
    )
    report.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    report.add_argument("--format", choices=("html", "md"), default="html")
    report.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE|DIR",
        help="report file, - for stdout, or a folder (existing, or ending in /)",
    )
    report.add_argument(
        "--template-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="folder of templates overriding the built-in ones (run sandboxed)",
    )
    report.add_argument("--title", default=None, help="report title")
    report.add_argument("--select", type=_csv, default=None, metavar="IDS")
    report.add_argument("--ignore", type=_csv, default=None, metavar="IDS")
    report.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default=None,
        help="lowest severity that makes the exit code 1 (default: info)",
    )
    report.add_argument("--config", type=Path, default=None, metavar="FILE")
    report.add_argument("--jobs", "-j", type=int, default=None, metavar="N")
    from lint.archives.cli import add_arguments as add_archive_arguments

    add_archive_arguments(report, report=True)  # archive columns, cache, baseline, engine
    return report


def cmd_report(args: Any) -> int:
    from lint.report.command import run_report

    return run_report(args)
