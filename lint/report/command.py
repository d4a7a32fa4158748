"""`supplint report`: lint, render, write atomically; never an input, never outside the output.

One file (or stdout): rendered in memory, then written through a temporary file and os.replace.
A folder of reports: each page is written as soon as it is rendered, into a staging folder beside
the output, and the pages move into place only once every one has rendered: memory holds one page
plus the findings the index needs (not every page: 100k articles once took 1.6 GB), and nothing
is written if any page fails. Page names come from article paths and archive ids, sanitised and
cut with a hash suffix (report_names), so they stay inside the folder whatever an id holds.
An output folder inside a linted directory is not linted: its files are left out of the run, and
a marker file in it (MARKER, see lint.sources.walk) keeps later runs out of it too.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from lint.errors import SupplintError
from lint.report import Report
from lint.sources import OUTPUT_MARKER

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SUFFIX = {"html": ".html", "md": ".md"}
MAX_NAME = 200  # characters of a page name (file systems allow 255 bytes): longer ones are cut
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
MARKER_TEXT = "Reports written by supplint. supplint does not lint this folder.\n"


@dataclass(frozen=True)
class Output:
    path: Path | None  # None: standard output
    text: str


@dataclass
class Run:
    """What a report is made from: results as they come, the rules, and what the index needs."""

    results: Iterator[Any]
    rules: dict[str, Any]
    archive: bool = False
    meta: dict[str, Any] | None = None


def run_report(args: Any) -> int:
    from lint.cli import load_settings

    config = load_settings(args, args.paths[0])
    from lint.archives.report import archive_run  # WXR/JSONL/CSV: summary index + CSV

    run = archive_run(args, config) or lint_run(args, config)
    head = list(itertools.islice(run.results, 2))  # is `-o name` one report or a folder?
    run.results = itertools.chain(head, run.results)
    if args.output != "-" and is_folder_target(args.output, len(head)):
        kept = write_folder(run, args)
    else:
        kept = write_single(run, args)
    return exit_code(kept, args, config)


def exit_code(results: list[Any], args: Any, config: Any) -> int:
    from lint.finding import SEVERITY_RANK

    if any(r.error for r in results):
        return EXIT_ERROR
    threshold = SEVERITY_RANK[args.fail_on or config.fail_on]
    failing = any(SEVERITY_RANK[f.severity] >= threshold for r in results for f in r.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def lint_run(args: Any, config: Any) -> Run:
    from lint.engine import Engine, FileResult
    from lint.parallel import lint_files
    from lint.sources import DEFAULT_INCLUDE, collect

    engine = Engine(config, args.select, args.ignore)
    files, missing = collect(
        args.paths, config.include or DEFAULT_INCLUDE, config.exclude, config.respect_gitignore
    )
    unique = without_output(list(dict.fromkeys(files)), args)  # `report dir dir/a.md`: once

    def results() -> Iterator[FileResult]:
        yield from (FileResult(err.path, error=err.render()) for err in missing)
        yield from lint_files(engine, unique, args.jobs)

    return Run(results(), {rule.id: rule for rule in engine.rules})


def without_output(files: list[str], args: Any) -> list[str]:
    """An output folder inside a linted folder is not linted (the last run's pages would be
    findings again): its files are left out, and the user is told once."""
    output = args.output
    if output == "-" or (Path(output).suffix and not os.path.isdir(output)):
        return files  # one report file: never an article, guard_inputs refuses otherwise
    folder = _real(output) + os.sep
    if any(os.path.isdir(p) and folder.startswith(_real(p) + os.sep) for p in args.paths):
        print(
            f"supplint: note: {output} is inside the linted paths; it is not linted",
            file=sys.stderr,
        )
    return [f for f in files if f == "-" or not _real(f).startswith(folder)]


def is_folder_target(output: str, articles: int) -> bool:
    if output.endswith(("/", os.sep)) or os.path.isdir(output):
        return True
    return articles > 1 and not Path(output).suffix


def write_single(run: Run, args: Any) -> list[Any]:
    """One report file (or stdout), rendered in memory: it holds every article anyway."""
    results = list(run.results)
    report = Report(results, run.rules, {r.path: r.source for r in results if r.source})
    if run.archive:
        from lint.archives.report import plan_single

        outputs = plan_single(report, run.meta or {}, args)
    else:
        outputs = plan(report, args)
    guard_inputs(outputs, report)
    _print_errors(results)
    for output in outputs:
        if output.path is None:
            sys.stdout.write(output.text)
        else:
            write_atomic(output.path, output.text)
    _say_written([o.path for o in outputs if o.path is not None])
    return results


def plan(report: Report, args: Any) -> list[Output]:
    """The one report, to stdout or to the file named."""
    from lint.report.templating import environment

    env = environment(args.template_dir)
    render = _renderer(args.format)
    text = render(report, env, title=args.title or "supplint report")
    return [Output(None if args.output == "-" else Path(args.output), text)]


def write_folder(run: Run, args: Any) -> list[Any]:
    """A page per article (per flagged article for archives) as it comes, then the index."""
    from lint.report.templating import environment

    env = environment(args.template_dir)
    suffix = SUFFIX[args.format]
    names = ReportNames(suffix)
    kept: list[Any] = []
    inputs: set[str] = set()
    with Staging(Path(args.output)) as staging:
        for result in run.results:
            if result.path not in ("-", "<stdin>"):
                inputs.add(_real(result.path.partition("#")[0] if run.archive else result.path))
            wanted = result.error is None and (result.findings or not run.archive)
            if wanted:
                name = names.add(result.path)
                staging.write(name, _page(run, result, env, args))
            kept.append(replace(result, source=None))  # the index needs findings, not text
        _print_errors(kept)
        if run.archive:
            from lint.archives.report import folder_index

            extra = folder_index(kept, run.meta or {}, names.names, env, args)
        else:
            extra = [(f"index{suffix}", _index(kept, run.rules, names.names, env, args))]
        for name, text in extra:
            staging.write(name, text)
        staging.write(OUTPUT_MARKER, MARKER_TEXT, counted=False)
        written = staging.commit(inputs)
    _say_written(written)
    return kept


def _page(run: Run, result: Any, env: Any, args: Any) -> str:
    source = {result.path: result.source} if result.source is not None else {}
    title = result.path if run.archive else args.title or "supplint report"
    return str(_renderer(args.format)(Report([result], run.rules, source), env, title=title))


def _index(results: list[Any], rules: dict[str, Any], hrefs: dict[str, str], env: Any, args: Any):
    suffix = SUFFIX[args.format]
    title = args.title or "supplint reports"
    render = _renderer(args.format)
    return render(
        Report(results, rules, {}), env, template=f"index{suffix}", title=title, hrefs=hrefs
    )


def _print_errors(results: Iterable[Any]) -> None:
    for result in results:
        if result.error:
            print(f"supplint: error: {result.error}", file=sys.stderr)


def _say_written(written: list[Path]) -> None:
    if written:
        what = written[0] if len(written) == 1 else f"{len(written)} files to {written[0].parent}"
        print(f"supplint: wrote {what}", file=sys.stderr)


def _renderer(fmt: str) -> Callable[..., str]:
    if fmt == "html":
        from lint.report.html import render_html

        return render_html
    from lint.report.markdown import render_markdown

    return render_markdown


class ReportNames:
    """One safe, unique file name per article: `posts/a b.md` -> `posts--a_b.md.html`.

    Only [A-Za-z0-9._-], no leading dot, no separator: a name cannot leave the folder whatever
    the path or archive id holds (`../`, `/etc/x`, NUL); past MAX_NAME characters the stem is cut
    and a hash of the whole path keeps it unique.
    """

    def __init__(self, suffix: str):
        self.suffix = suffix
        self.names: dict[str, str] = {}
        self.taken = {f"index{suffix}", OUTPUT_MARKER}

    def add(self, path: str) -> str:
        if path in self.names:
            return self.names[path]
        parts = [p for p in Path(path).parts if p not in ("/", "\\", "..", ".")]
        stem = _UNSAFE.sub("_", "--".join(parts)).strip("._") or "article"
        room = MAX_NAME - len(self.suffix) - 8  # for "-<n>" on a clash
        if len(stem) > room:
            digest = hashlib.sha256(path.encode("utf-8", "surrogatepass")).hexdigest()[:16]
            stem = f"{stem[: room - 17]}-{digest}"
        name, n = f"{stem}{self.suffix}", 1
        while name in self.taken:
            n += 1
            name = f"{stem}-{n}{self.suffix}"
        self.taken.add(name)
        self.names[path] = name
        return name


def report_names(paths: list[str], suffix: str) -> dict[str, str]:
    names = ReportNames(suffix)
    for path in paths:
        names.add(path)
    return names.names


class Staging:
    """A temporary folder for the pages; commit() moves them into the output folder, and any
    exception removes it instead. All or nothing.

    For a new output folder it sits beside it and commit is one rename; in an existing folder
    (which may be a link to another disk) it sits inside it, so every move stays on one disk.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self.files: list[str] = []
        self.counted: list[str] = []
        try:
            if folder.is_dir():
                self.temp = Path(tempfile.mkdtemp(dir=folder, prefix=".supplint-tmp-"))
            else:
                parent = Path(os.path.abspath(folder)).parent
                parent.mkdir(parents=True, exist_ok=True)
                prefix, suffix = f".{folder.name}.", ".supplint-tmp"
                self.temp = Path(tempfile.mkdtemp(dir=parent, prefix=prefix, suffix=suffix))
        except OSError as err:
            raise SupplintError(
                str(folder), f"cannot write report: {err.strerror or err}"
            ) from None

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.temp, ignore_errors=True)

    def write(self, name: str, text: str, counted: bool = True) -> None:
        if os.sep in name or (os.altsep and os.altsep in name) or name in ("", ".", ".."):
            raise SupplintError(str(self.folder), f"unsafe report name {name!r}")
        try:
            with open(self.temp / name, "x", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as err:
            where = str(self.folder / name)
            raise SupplintError(where, f"cannot write report: {err.strerror or err}") from None
        self.files.append(name)
        if counted:
            self.counted.append(name)

    def commit(self, inputs: set[str]) -> list[Path]:
        for name in self.files:
            if _real(str(self.folder / name)) in inputs:
                path = str(self.folder / name)
                raise SupplintError(path, "is an input article; refusing to write over it")
        try:
            if not os.path.lexists(self.folder):
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(self.temp, 0o777 & ~umask)  # mkdtemp made it 0700
                os.rename(self.temp, self.folder)
            elif self.folder.is_dir():
                for name in self.files:
                    os.replace(self.temp / name, self.folder / name)
            else:
                raise SupplintError(str(self.folder), "exists and is not a folder")
        except OSError as err:
            raise SupplintError(
                str(self.folder), f"cannot write report: {err.strerror or err}"
            ) from None
        return [self.folder / name for name in self.counted]


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
