"""Command line. Imports stay inside commands so `supplint --version` and errors stay instant."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lint import __version__
from lint.errors import SupplintError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
CHECK_FORMATS = ("text", "concise", "json", "sarif", "github")


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0 or seconds == float("inf"):  # also NaN
        raise argparse.ArgumentTypeError(f"expected 0 or more seconds, got '{value}'")
    return seconds


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="supplint",
        description="Lint supplement and nootropic articles for FDA, FTC, "
        "evidence and safety problems.",
    )
    parser.add_argument("--version", action="version", version=f"supplint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="lint articles and print findings")
    check.add_argument(
        "paths",
        nargs="*",
        default=["."],
        metavar="PATH",
        help="files, folders, or - for stdin (default: .)",
    )
    check.add_argument("--format", choices=CHECK_FORMATS, default="text")
    check.add_argument(
        "--select",
        type=_csv,
        default=None,
        metavar="IDS",
        help="comma-separated rule ids or families to run",
    )
    check.add_argument(
        "--ignore",
        type=_csv,
        default=None,
        metavar="IDS",
        help="comma-separated rule ids or families to skip",
    )
    check.add_argument(
        "--extend-select",
        type=_csv,
        default=None,
        metavar="IDS",
        help="rule ids or families to run in addition to the config's select",
    )
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default=None,
        help="lowest severity that makes the exit code 1 (default: info)",
    )
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when findings are reported"
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help="print one count per rule instead of the findings (text or json)",
    )
    check.add_argument(
        "--output-file",
        "-o",
        type=Path,
        default=None,
        metavar="FILE",
        help="write the output to FILE instead of stdout",
    )
    check.add_argument(
        "--respect-gitignore",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="skip what .gitignore names in folder walks (default: on, or `respect_gitignore`)",
    )
    check.add_argument(
        "--show-files", action="store_true", help="list the files that would be linted, then exit"
    )
    check.add_argument(
        "--show-settings",
        action="store_true",
        help="print the resolved settings (config file, rules that would run), then exit",
    )
    _common(check)
    check.add_argument(
        "--stdin-filename",
        default=None,
        metavar="NAME",
        help="name (and so format) of the article read from -",
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        metavar="N",
        help="worker processes (default: one per core, at most 8; 1 = no workers)",
    )
    check.add_argument(
        "--timeout",
        type=_seconds,
        default=None,
        metavar="SECONDS",
        help="per-file time budget: a file taking longer is reported as an error "
        "(default: 60, or `timeout` in the config; 0 = no limit)",
    )
    from lint.archives.cli import add_arguments as add_archive_arguments

    add_archive_arguments(check)
    from lint.fixes.command import add_arguments as add_fix_arguments

    add_fix_arguments(check)
    check.add_argument(
        "--review-db",
        type=Path,
        default=None,
        metavar="FILE",
        help="hide findings dismissed in `supplint review`; report decided ones still present",
    )
    from lint.daemon.command import add_arguments as add_daemon_arguments

    add_daemon_arguments(check)  # --daemon

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    _common(rules)

    explain = commands.add_parser("explain", help="show a rule's documentation")
    explain.add_argument("rule_id", metavar="RULE-ID")
    _common(explain)
    commands.add_parser("server", help="run the language server (LSP over stdio) for editors")
    completion = commands.add_parser(
        "completion",
        help="print a shell completion script",
        description='Print a completion script: `eval "$(supplint completion bash)"` in '
        "~/.bashrc, or `supplint completion zsh > ~/.zfunc/_supplint`.",
    )
    completion.add_argument("shell", choices=("bash", "zsh", "tcsh"))
    from lint.authoring import add_parsers  # test-rules, new-rule

    add_parsers(commands, _common)
    from lint.report_args import add_report_parser  # report: HTML / Markdown

    add_report_parser(commands)
    from lint.review.command import add_parser as add_review_parser

    add_review_parser(commands, _common)
    from lint.daemon.command import add_parser as add_daemon_parser  # daemon status|stop

    add_daemon_parser(commands)
    return parser


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        metavar="FILE",
        help=".supplint.yaml or pyproject.toml (default: found upward)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:  # the console command: a warm daemon may answer `check` (docs/daemon.md)
        from lint.daemon.client import answer

        code = answer(sys.argv[1:], main)
        if code is not None:
            return code
    from lint.heap import fewer_collections

    fewer_collections()  # a CPU-time saving only (see lint/heap.py)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        result: int = COMMANDS[args.command](args)
        return result
    except SupplintError as err:
        print(f"supplint: error: {err.render()}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except Exception as err:  # a bug: still one line and exit 2, never exit 1 ("findings")
        if os.environ.get("SUPPLINT_DEBUG"):
            raise
        from lint.printable import printable  # the message may quote a hostile file name

        print(
            f"supplint: internal error: {type(err).__name__}: {printable(str(err))} "
            "(set SUPPLINT_DEBUG=1 for a traceback; please report it)",
            file=sys.stderr,
        )
        return EXIT_ERROR


def load_settings(args: Any, start: str | None = None) -> Any:
    from lint.config import discover, load_config

    path = args.config
    if path is None:
        first = start if start and start != "-" else "."
        path = discover(Path(first))
    return load_config(path)


def cmd_check(args: Any) -> int:
    from functools import partial

    from lint.config_tree import lint_by_config, require_one_config  # the nearest config
    from lint.engine import FileResult
    from lint.finding import SEVERITY_RANK
    from lint.report import Report
    from lint.sources import DEFAULT_INCLUDE, collect

    config = load_settings(args, args.paths[0])
    if args.respect_gitignore is not None:
        config.respect_gitignore = args.respect_gitignore
    engine = _engine(args, config)
    include = config.include or DEFAULT_INCLUDE
    files, missing = collect(args.paths, include, config.exclude, config.respect_gitignore)
    output = _output_target(args.output_file, args.paths, files)
    if args.show_files or args.show_settings:
        return _show(args, config, engine, files, missing)
    results: list[FileResult] = [FileResult(err.path, error=err.render()) for err in missing]
    from lint.fixes.command import run_fixes, wants_fixes

    if args.review_db and wants_fixes(args):  # a fix run's output would ignore the decisions
        from lint.errors import UsageError

        raise UsageError("--review-db cannot be combined with --fix, --unsafe-fixes or --diff")
    if wants_fixes(args):  # --fix/--unsafe-fixes/--diff: results are the findings left after
        from lint.archives.cli import refuse_fixes  # exports are fixed in the CMS, not here

        refuse_fixes(files, args, config)
        require_one_config(files, config, args.config, "--fix/--diff")
        done = run_fixes(args, engine, files, results)
        if done is not None:
            return done
    else:
        from lint.archives.cli import lint_inputs  # plain files still go through lint.parallel
        from lint.progress import progress

        def lint(engine: Any, files: Any, config: Any) -> Any:
            return lint_inputs(engine, files, args, config)

        if args.write_baseline:  # one baseline file, written by one run
            require_one_config(files, config, args.config, "--write-baseline")
        each = lint_by_config(files, config, args.config, engine, partial(_engine, args), lint)
        results.extend(progress(each, total=len(files)))
    if args.review_db:
        from lint.review.check import apply_review_db  # decisions taken in `supplint review`

        results = apply_review_db(args.review_db, results)
    report = Report(
        results,
        {rule.id: rule for rule in engine.rules},
        {r.path: r.source for r in results if r.source is not None},
    )
    for error in report.errors:
        print(f"supplint: error: {error}", file=sys.stderr)
    _write_output(output, _render_check(report, args))
    if report.errors:
        return EXIT_ERROR
    if (
        args.write_baseline or args.exit_zero
    ):  # recording a baseline is how a team adopts the linter: not a failure
        return EXIT_CLEAN
    threshold = SEVERITY_RANK[args.fail_on or config.fail_on]
    failing = any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _engine(args: Any, config: Any) -> Any:
    """The engine for one config, with the command line's overrides."""
    from lint.engine import Engine

    if args.timeout is not None:
        config.timeout = args.timeout
    select = args.select
    if args.extend_select:  # added to --select, or to the config's select (ruff's meaning)
        select = [*(args.select or config.select), *args.extend_select]
    return Engine(config, select, args.ignore)


def _show(args: Any, config: Any, engine: Any, files: list[str], missing: list[Any]) -> int:
    """--show-files / --show-settings: what a run would do, without linting anything."""
    for error in missing:
        print(f"supplint: error: {error.render()}", file=sys.stderr)
    if args.show_files:
        sys.stdout.write("".join(f"{path}\n" for path in files))
    if args.show_settings:
        import json

        from lint.config import settings_view

        named = [path for path in args.paths if os.path.isfile(path)]
        shown = settings_view(
            config, engine.rules, named[0] if len(named) == len(args.paths) == 1 else None
        )
        print(json.dumps(shown, indent=2, default=str))
    return EXIT_ERROR if missing else EXIT_CLEAN


def _render_check(report: Any, args: Any) -> str:
    from lint.report import renderer

    if args.statistics:
        from lint.report import statistics

        return statistics.render(report, "json" if args.format == "json" else "text")
    return renderer(args.format)(report, args.format)


def _output_target(output: Path | None, named: Sequence[str], files: list[str]) -> Path | None:
    """--output-file is never linted: an error if named as an article, else left out of the walk.

    A folder walk finds the output of the previous run (`check . -o lint.txt`): linting it, or
    refusing the run, would punish running the same command twice.
    """
    from lint.errors import UsageError

    if output is None:
        return None
    target = os.path.realpath(output)
    if os.path.isdir(target):
        raise UsageError(f"--output-file {output} is a folder")
    if any(os.path.realpath(path) == target for path in named if path != "-"):
        raise UsageError(f"--output-file {output} is one of the files being linted")
    files[:] = [path for path in files if os.path.realpath(path) != target]
    return output


def _write_output(output: Path | None, text: str) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from lint.errors import InputError

    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as err:
        raise InputError(str(output), f"cannot write output: {err.strerror or err}") from None


def cmd_rules(args: Any) -> int:
    from lint.rules.loader import load_rules

    config = load_settings(args)
    ruleset = load_rules(config.rule_dirs)
    if args.format == "json":
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


def cmd_report(args: Any) -> int:
    from lint.report_args import cmd_report as run_report

    return run_report(args)


def cmd_server(args: Any) -> int:
    from lint.server import serve  # needs the `server` extra (pygls)

    return serve()


def cmd_completion(args: Any) -> int:
    import shtab  # only here: completion must not slow every other command's start-up

    sys.stdout.write(shtab.complete(build_parser(), shell=args.shell) + "\n")
    return EXIT_CLEAN


def cmd_explain(args: Any) -> int:
    from lint.errors import UsageError
    from lint.rules.loader import load_rules

    config = load_settings(args)
    rules = load_rules(config.rule_dirs).by_id()
    rule = rules.get(args.rule_id)
    if rule is None:
        import difflib

        close = difflib.get_close_matches(args.rule_id, list(rules), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise UsageError(f"unknown rule '{args.rule_id}'{hint}")
    print(f"{rule.id} ({rule.severity}, kind {rule.kind})")
    print(f"defined in {rule.file}:{rule.line}")
    for change in rule.overrides:  # house overrides: severity, disabled, extended
        print(f"overridden in {change}")
    print()
    print(rule.explain.strip() or rule.message)
    for label, key in (("Flagged", "flag"), ("Not flagged", "pass")):
        examples = rule.examples.get(key) or []
        if examples:
            print(f"\n{label}:")
            for example in examples:
                print(
                    f"  - {example if isinstance(example, str) else example.get('text', example)}"
                )
                if isinstance(example, dict) and "fixed" in example:
                    print(f"    fixed: {example['fixed']}")
    return EXIT_CLEAN


def cmd_test_rules(args: Any) -> int:
    from lint.testing import command

    return command(args, load_settings(args))


def cmd_new_rule(args: Any) -> int:
    from lint.rules.starter import command

    return command(args)


COMMANDS = {
    "check": cmd_check,
    "rules": cmd_rules,
    "explain": cmd_explain,
    "test-rules": cmd_test_rules,
    "new-rule": cmd_new_rule,
    "report": cmd_report,
}
COMMANDS["server"] = cmd_server
COMMANDS["completion"] = cmd_completion


def cmd_review(args: Any) -> int:
    from lint.review.command import command  # needs the `review` extra only when serving

    return command(args)


def cmd_daemon(args: Any) -> int:
    from lint.daemon.command import command

    return command(args)


COMMANDS["review"] = cmd_review
COMMANDS["daemon"] = cmd_daemon
