"""Baselines: record today's findings, then report only new ones (adopting the linter on a back
catalogue without fixing every old article first).

A finding is known by (article path, rule id, fingerprint); the fingerprint hashes the matched
text and its sentence, normalised (markup dropped, whitespace collapsed, case folded), never a
line number, so edits elsewhere in the article do not make old findings look new. Each key keeps
an occurrence count: a second copy of a baselined claim is reported.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from lint import __version__
from lint.engine import FileResult
from lint.errors import InputError
from lint.finding import Finding

BASELINE_VERSION = 1
CONTEXT_REACH = 400  # characters looked at on each side for the sentence's ends
# where a sentence ends: end punctuation (and closing quotes/brackets) before space, a blank
# line, or any markup tag
_BOUNDARY = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n\s*\n|<[^>]*>")
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")

Key = tuple[str, str, str]  # (article path, rule id, fingerprint)


def normalize(text: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", text))).strip().casefold()


def sentence_context(text: str, start: int, end: int) -> str:
    """The sentence around [start, end), found from the finding's own offsets."""
    left = max(0, start - CONTEXT_REACH)
    begin = left
    for match in _BOUNDARY.finditer(text, left, start):
        begin = match.end()
    stop = _BOUNDARY.search(text, end, min(len(text), end + CONTEXT_REACH))
    return text[begin : stop.start() if stop else min(len(text), end + CONTEXT_REACH)]


def fingerprint(finding: Finding, text: str | None) -> str:
    context = ""
    if text is not None:
        context = sentence_context(text, finding.start_offset, finding.end_offset)
    digest = hashlib.sha256(finding.rule_id.encode() + b"\0")
    digest.update(normalize(finding.excerpt).encode() + b"\0" + normalize(context).encode())
    return digest.hexdigest()[:20]


class PathKey:
    """Paths are stored relative to the baseline file's folder, so the baseline works from any
    working directory."""

    def __init__(self, baseline: Path):
        self.base = baseline.resolve().parent
        self.files: dict[str, str] = {}  # one archive holds many articles: resolve it once

    def __call__(self, path: str) -> str:
        file, sep, article = path.partition("#")
        if file not in self.files:
            try:
                rel = Path(os.path.relpath(Path(file).resolve(), self.base)).as_posix()
            except ValueError:  # another drive on Windows
                rel = Path(file).resolve().as_posix()
            self.files[file] = rel
        return self.files[file] + sep + article


def keys(result: FileResult, path_key: PathKey) -> Iterator[tuple[Key, Finding]]:
    path = path_key(result.path)
    for finding in result.findings:
        yield (path, finding.rule_id, fingerprint(finding, result.source)), finding


def guard_target(path: Path, inputs: Iterable[str]) -> None:
    """--write-baseline replaces FILE: only ever a baseline supplint wrote, or a new file.
    Never an input being linted (`--write-baseline art.md` once replaced the article)."""
    target = os.path.normcase(os.path.realpath(path))
    for item in inputs:
        if item != "-" and os.path.normcase(os.path.realpath(item)) == target:
            raise InputError(
                str(path), "is an input being linted; refusing to write a baseline over it"
            )
    if not os.path.lexists(path):
        return
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, UnicodeDecodeError, ValueError):
        data = None
    if not isinstance(data, dict) or "supplint_baseline" not in data:
        raise InputError(
            str(path), "exists and is not a supplint baseline; refusing to overwrite it"
        )


class BaselineWriter:
    def __init__(self, path: Path, inputs: Iterable[str] = ()):
        guard_target(path, inputs)
        self.path = path
        self.path_key = PathKey(path)
        self.counts: Counter[Key] = Counter()
        self.excerpts: dict[Key, str] = {}

    def record(self, results: Iterable[FileResult]) -> Iterator[FileResult]:
        for result in results:
            for key, finding in keys(result, self.path_key):
                self.counts[key] += 1
                self.excerpts.setdefault(key, finding.excerpt)
            yield result

    def write(self) -> int:
        articles: dict[str, list[dict[str, object]]] = {}
        for key in sorted(self.counts):
            path, rule_id, print_ = key
            articles.setdefault(path, []).append(
                {
                    "rule_id": rule_id,
                    "fingerprint": print_,
                    "count": self.counts[key],
                    "excerpt": self.excerpts[key],
                }
            )
        data = {"supplint_baseline": BASELINE_VERSION, "tool_version": __version__}
        text = json.dumps({**data, "articles": articles}, indent=2, ensure_ascii=False) + "\n"
        folder = self.path.resolve().parent
        try:
            fd, temp = tempfile.mkstemp(dir=folder, prefix=".baseline-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(temp, self.path)
        except OSError as err:
            raise InputError(str(self.path), f"cannot write baseline: {err.strerror}") from None
        return sum(self.counts.values())


def recorded(
    path: Path, inputs: Sequence[str], results: Iterable[FileResult]
) -> Iterator[FileResult]:
    """The results as they come, recorded in one baseline written (and announced on stderr) once
    they are all in: the one place `--write-baseline` records, for every pipeline."""
    writer = BaselineWriter(path, inputs)  # refuses a baseline over an input, before any work
    yield from writer.record(results)
    count = writer.write()
    print(f"supplint: wrote {count} finding(s) to baseline {path}", file=sys.stderr)


class Baseline:
    """Hides findings recorded in a baseline file, up to each key's recorded count."""

    def __init__(self, path: Path):
        self.file = str(path)
        self.path_key = PathKey(path)
        self.remaining: Counter[Key] = Counter()
        self.hidden = 0
        for article, entries in _load(path).items():
            for entry in entries:
                key = (article, str(entry["rule_id"]), str(entry["fingerprint"]))
                self.remaining[key] += int(entry.get("count", 1))  # type: ignore[call-overload]

    def filter(self, results: Iterable[FileResult]) -> Iterator[FileResult]:
        for result in results:
            kept, hidden = [], []
            for key, finding in keys(result, self.path_key):
                if self.remaining[key] > 0:
                    self.remaining[key] -= 1
                    self.hidden += 1
                    hidden.append(finding)  # SARIF lists it as suppressed (external)
                else:
                    kept.append(finding)
            yield replace(result, findings=kept, baselined=hidden, baseline=self.file)


def _load(path: Path) -> dict[str, list[dict[str, object]]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(str(path), "baseline file does not exist") from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(str(path), f"cannot read baseline: {err}") from None
    except json.JSONDecodeError as err:
        raise InputError(str(path), f"baseline is not valid JSON: {err.msg}", err.lineno) from None
    if not isinstance(data, dict) or data.get("supplint_baseline") != BASELINE_VERSION:
        raise InputError(str(path), "not a supplint baseline (version 1)")
    articles = data.get("articles")
    valid = isinstance(articles, dict) and all(
        isinstance(entries, list)
        and all(
            isinstance(e, dict)
            and "rule_id" in e
            and "fingerprint" in e
            and isinstance(e.get("count", 1), int)
            for e in entries
        )
        for entries in articles.values()
    )
    if not valid:
        raise InputError(str(path), "baseline 'articles' must map paths to lists of findings")
    return articles  # type: ignore[return-value]
