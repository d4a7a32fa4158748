"""`supplint report`: lint, render every report in memory, then write them atomically.

Nothing is written if any template fails, an output never replaces an input article, and each
file appears whole or not at all (temporary file in the same folder, then os.replace).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lint.errors import SupplintError
from lint.report import Report

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SUFFIX = {"html": ".html", "md": ".md"}
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Output:
    path: Path | None  # None: standard output
    text: str


def run_report(args: Any) -> int:
    from lint.cli import load_settings
    from lint.finding import SEVERITY_RANK

    config = load_settings(args, args.paths[0])
    from lint.archives.report import archive_report  # WXR/JSONL/CSV: summary index + CSV

    planned = archive_report(args, config)
    report = planned[0] if planned else lint(args, config)
    outputs = planned[1] if planned else plan(report, args)
    guard_inputs(outputs, report)
    for error in report.errors:
        print(f"supplint: error: {error}", file=sys.stderr)
    for output in outputs:
        if output.path is None:
            sys.stdout.write(output.text)
        else:
            write_atomic(output.path, output.text)
    written = [o.path for o in outputs if o.path is not None]
    if written:
        what = written[0] if len(written) == 1 else f"{len(written)} files to {written[0].parent}"
        print(f"supplint: wrote {what}", file=sys.stderr)
    if report.errors:
        return EXIT_ERROR
    threshold = SEVERITY_RANK[args.fail_on or config.fail_on]
    failing = any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def lint(args: Any, config: Any) -> Report:
    from lint.engine import Engine, FileResult
    from lint.sources import DEFAULT_INCLUDE, collect

    engine = Engine(config, args.select, args.ignore)
    files, missing = collect(args.paths, config.include or DEFAULT_INCLUDE, config.exclude)
    results: list[FileResult] = [FileResult(err.path, error=err.render()) for err in missing]
    from lint.parallel import lint_files

    unique = list(dict.fromkeys(files))  # `report dir dir/a.md` reports a.md once
    results.extend(lint_files(engine, unique, args.jobs))
    return Report(
        results,
        {rule.id: rule for rule in engine.rules},
        {r.path: r.source for r in results if r.source is not None},
    )


def is_folder_target(output: str, articles: int) -> bool:
    if output.endswith(("/", os.sep)) or os.path.isdir(output):
        return True
    return articles > 1 and not Path(output).suffix


def plan(report: Report, args: Any) -> list[Output]:
    """Every report rendered in memory: a template error leaves no half-written folder."""
    from lint.report.templating import environment

    env = environment(args.template_dir)
    render = _renderer(args.format)
    title = args.title or "supplint report"
    if args.output == "-":
        return [Output(None, render(report, env, title=title))]
    if not is_folder_target(args.output, len(report.results)):
        return [Output(Path(args.output), render(report, env, title=title))]
    folder = Path(args.output)
    suffix = SUFFIX[args.format]
    names = report_names([r.path for r in report.results if r.error is None], suffix)
    outputs = [
        Output(folder / names[result.path], render(_single(report, result), env, title=title))
        for result in report.results
        if result.error is None
    ]
    index = render(
        report, env, template=f"index{suffix}", title=args.title or "supplint reports", hrefs=names
    )
    return [*outputs, Output(folder / f"index{suffix}", index)]


def _renderer(fmt: str) -> Any:
    if fmt == "html":
        from lint.report.html import render_html

        return render_html
    from lint.report.markdown import render_markdown

    return render_markdown


def _single(report: Report, result: Any) -> Report:
    source = report.sources.get(result.path)
    return Report([result], report.rules, {result.path: source} if source is not None else {})


def report_names(paths: list[str], suffix: str) -> dict[str, str]:
    """One safe, unique file name per article: `posts/a b.md` -> `posts--a_b.md.html`."""
    names: dict[str, str] = {}
    taken = {f"index{suffix}"}
    for path in paths:
        parts = [p for p in Path(path).parts if p not in ("/", "\\", "..", ".")]
        stem = _UNSAFE.sub("_", "--".join(parts)).strip("._") or "article"
        name, n = f"{stem}{suffix}", 1
        while name in taken:
            n += 1
            name = f"{stem}-{n}{suffix}"
        taken.add(name)
        names[path] = name
    return names


def guard_inputs(outputs: list[Output], report: Report) -> None:
    """A report must never overwrite an article it was made from."""
    inputs = {_real(r.path) for r in report.results if r.path not in ("-", "<stdin>")}
    for output in outputs:
        if output.path is not None and _real(str(output.path)) in inputs:
            raise SupplintError(str(output.path), "is an input article; refusing to write over it")


def _real(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file next to `path`, then rename it over `path` in one step."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
        tmp = None
    except OSError as err:
        raise SupplintError(str(path), f"cannot write report: {err.strerror or err}") from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
