"""SARIF 2.1.0: one run, rule metadata from the rule files, exact regions, fixes.

Columns are Unicode code points (`columnKind: unicodeCodePoints`), the same numbers every other
format prints, and end positions are exclusive, as SARIF defines them. Lines break at CR, LF and
CRLF (lint/positions.py), so the run says so in `newlineSequences` (SARIF's default omits a bare
CR). Paths under the working folder are relative URIs against `%SRCROOT%`, which
`originalUriBaseIds` resolves, so code scanning maps them to repository files.

An archive article (`export.xml#post-101`, lint/archives/) is located as SARIF 2.1.0 does for
items inside a file: the physical location is the archive itself (`export.xml`, no fragment, so
code scanning maps it), the article is a logical location (`name` the id, `fullyQualifiedName`
the `FILE#ID` path), and the region keeps the article body's own lines and columns, as every
other format prints them (docs/archives.md says what a viewer highlights). Such results carry
no `fixes`: their regions are not lines of the archive file, and --fix refuses archives.

Suppressed findings, hidden from every other format, are results here with `suppressions`:
`inSource` for a suppress comment or front matter, `external` for a --baseline match. With a
baseline every result also has a `baselineState`: `new`, or `unchanged` when the baseline has it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from lint import __version__
from lint.engine import FileResult
from lint.finding import Finding, Fix
from lint.positions import LineIndex
from lint.report import Report
from lint.rules.model import Rule

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
NEWLINE_SEQUENCES = ["\r\n", "\n", "\r"]  # the line breaks LineIndex counts
SRCROOT = "%SRCROOT%"
# SARIF's logicalLocation kinds for an article in each archive format; other tables: "resource"
ITEM_KINDS = {".xml": "element", ".jsonl": "object", ".ndjson": "object", ".json": "object"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"(])")


def render(report: Report, style: str = "sarif") -> str:
    return json.dumps(build(report), indent=2, ensure_ascii=False) + "\n"


def build(report: Report) -> dict[str, Any]:
    rule_ids = sorted(set(report.rules) | {f.rule_id for f in report.findings})
    index = {rule_id: n for n, rule_id in enumerate(rule_ids)}
    lines = {path: LineIndex(text) for path, text in report.sources.items()}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "supplint",
                "version": __version__,
                "rules": [_descriptor(rule_id, report.rules.get(rule_id)) for rule_id in rule_ids],
            }
        },
        "columnKind": "unicodeCodePoints",
        "newlineSequences": NEWLINE_SEQUENCES,
        "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
        "invocations": [_invocation(report)],
        "results": [
            _result(finding, index[finding.rule_id], lines.get(finding.path), fingerprint, extra)
            for result in report.results
            for finding, fingerprint, extra in _file_results(result)
        ],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def artifact_location(path: str) -> dict[str, str]:
    """Relative to %SRCROOT% (the working folder) when the file is under it, else absolute."""
    pure = PurePath(path)
    if pure.is_absolute():
        relative = os.path.relpath(pure, Path.cwd())
        if relative.startswith(".."):
            return {"uri": pure.as_uri()}
        pure = PurePath(relative)
    return {"uri": quote(pure.as_posix(), safe="/"), "uriBaseId": SRCROOT}


def archive_item(path: str) -> tuple[str, str] | None:
    """(archive file, article id) for an archive article's `FILE#ID` path, else None.

    Ids never contain '#' (lint/archives/model.py), so the file is what comes before the last
    one; a plain file may have '#' in its name, so the file must exist and the whole path not."""
    file, sep, item = path.rpartition("#")
    if not (sep and file and item) or not _is_file(file) or os.path.isfile(path):
        return None
    return file, item


@lru_cache(maxsize=256)  # one archive holds many articles: one stat per archive
def _is_file(path: str) -> bool:
    return os.path.isfile(path)


def location(path: str, region: dict[str, Any] | None = None) -> dict[str, Any]:
    """A result's location: the file, or the archive file plus the article as logical location."""
    item = archive_item(path)
    physical: dict[str, Any] = {"artifactLocation": artifact_location(item[0] if item else path)}
    if region is not None:
        physical["region"] = region
    found: dict[str, Any] = {"physicalLocation": physical}
    if item:
        kind = ITEM_KINDS.get(PurePath(item[0]).suffix.lower(), "resource")
        found["logicalLocations"] = [{"name": item[1], "fullyQualifiedName": path, "kind": kind}]
    return found


def _descriptor(rule_id: str, rule: Rule | None) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule_id,
        "name": "".join(part.capitalize() for part in rule_id.split(".", 1)[-1].split("-")),
    }
    if rule is None:  # engine-made findings such as suppression.unknown-rule
        return descriptor
    explain = rule.explain.strip()
    descriptor.update(
        shortDescription={"text": _short(rule)},
        fullDescription={"text": _first_paragraph(explain) or rule.message},
        defaultConfiguration={"level": LEVELS[rule.severity]},
        properties={"tags": [rule.family, rule.kind], "kind": rule.kind},
    )
    if explain:
        descriptor["help"] = {"text": explain, "markdown": explain}
    return descriptor


def _first_paragraph(text: str) -> str:
    return " ".join(text.split("\n\n", 1)[0].split())


def _short(rule: Rule) -> str:
    """The 'What it flags' sentence when the explain text has one, else the message."""
    first = _first_paragraph(rule.explain.strip())
    prefix = "What it flags:"
    if first.startswith(prefix):
        first = first[len(prefix) :].strip()
        first = _SENTENCE_END.split(first, 1)[0]
        return first[:1].upper() + first[1:]
    return first or rule.message


def _region(finding: Finding) -> dict[str, Any]:
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "snippet": {"text": finding.excerpt},
    }


def _file_results(result: FileResult) -> list[tuple[Finding, str, dict[str, Any]]]:
    """One file's results in line order: (finding, fingerprint, suppression keys).

    Reported and baseline-matched findings are numbered together, so each keeps the
    fingerprint it has in a run without the baseline; suppressed ones count on their own, so
    adding a suppress comment changes no other result's fingerprint."""
    state: dict[str, Any] = {}
    if result.baseline is not None:
        state = {"baselineState": "new"}
    external = {
        "suppressions": [
            {
                "kind": "external",
                "status": "accepted",
                "justification": f"recorded in baseline {result.baseline}",
            }
        ],
        "baselineState": "unchanged",
    }
    in_source = {"suppressions": [{"kind": "inSource", "status": "accepted"}], **state}
    counted = sorted(
        [(f, state) for f in result.findings] + [(f, external) for f in result.baselined],
        key=lambda pair: pair[0].sort_key(),
    )
    prints = _fingerprints([finding for finding, _ in counted])
    rows = [(f, fp, extra) for (f, extra), fp in zip(counted, prints, strict=True)]
    hidden = _fingerprints(result.suppressed, salt="inSource")
    rows += [(f, fp, in_source) for f, fp in zip(result.suppressed, hidden, strict=True)]
    return sorted(rows, key=lambda row: row[0].sort_key())


def _result(
    finding: Finding,
    rule_index: int,
    lines: LineIndex | None,
    fingerprint: str,
    extra: dict[str, Any],
) -> dict[str, Any]:
    properties: dict[str, Any] = {"severity": finding.severity, "family": finding.family}
    if finding.strength is not None:
        properties["strength"] = finding.strength
    if finding.suggestion:
        properties["suggestion"] = finding.suggestion
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [location(finding.path, _region(finding))],
        "partialFingerprints": {"supplintExcerptHash/v1": fingerprint},
        "properties": properties,
        **extra,
    }
    if finding.fix is not None and finding.fix.edits and archive_item(finding.path) is None:
        result["fixes"] = [_fix(finding.path, finding.fix, lines)]
    return result


def _fix(path: str, fix: Fix, lines: LineIndex | None) -> dict[str, Any]:
    replacements = []
    for edit in fix.edits:
        if lines is not None:
            start_line, start_column = lines.line_col(edit.start)
            end_line, end_column = lines.line_col(edit.end)
            region: dict[str, Any] = {
                "startLine": start_line,
                "startColumn": start_column,
                "endLine": end_line,
                "endColumn": end_column,
            }
        else:  # no source text kept: offsets are still exact (code points, per columnKind)
            region = {"charOffset": edit.start, "charLength": edit.end - edit.start}
        replacements.append({"deletedRegion": region, "insertedContent": {"text": edit.text}})
    return {
        "description": {"text": fix.description},
        "artifactChanges": [
            {"artifactLocation": artifact_location(path), "replacements": replacements}
        ],
        "properties": {"safe": fix.safe},
    }


def _fingerprints(findings: list[Finding], salt: str = "") -> list[str]:
    """Stable across edits elsewhere in the file: rule, path, excerpt and which occurrence."""
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for finding in findings:
        key = (finding.path, finding.rule_id, " ".join(finding.excerpt.split()))
        seen[key] = seen.get(key, 0) + 1
        parts = (*key, str(seen[key]), *([salt] if salt else []))
        digest = hashlib.sha256("\x00".join(parts).encode()).hexdigest()
        out.append(digest[:32])
    return out


def _invocation(report: Report) -> dict[str, Any]:
    notifications = [
        {
            "level": "error",
            "message": {"text": result.error},
            "locations": [location(result.path)],
        }
        for result in report.results
        if result.error
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return invocation
