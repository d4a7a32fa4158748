"""Per-article result cache: a second run over an unchanged archive does no NLP work.

Key: sha256 of the article's format and text, under a folder named by the settings digest
(supplint version, its own code, spaCy versions, the rule files' digest, the rules selected and
severity overrides). Any change to those lands in a new folder, so stale results are never read.
Each entry is one JSON file written to a temporary name and renamed into place: concurrent runs
and workers can share the folder. A damaged entry is a miss, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from lint import __version__
from lint.finding import Edit, Finding, Fix
from lint.sources import Source

FORMAT_VERSION = 1
# config fields that cannot change an article's findings; any other (or future) field is keyed
_NOT_FINDINGS = {"path", "lines", "jobs", "include", "exclude", "archive", "fail_on"}


def default_cache_dir() -> Path | None:
    """The same folder as the compiled-rules cache (lint.cache): $SUPPLINT_CACHE_DIR, else
    $XDG_CACHE_HOME/supplint, else ~/.cache/supplint; None when SUPPLINT_NO_CACHE is set.
    Results live in its `results/` subfolder, apart from the rules cache's files."""
    from lint.cache import cache_dir

    return cache_dir()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The linter's own source: a development checkout changes without a version bump."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in ("spacy", "spacy-lookups-data"):
        try:
            found.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}=?")
    return ",".join(found)


def settings_digest(engine: Any) -> str:
    """Everything besides the article that decides its findings."""
    parts = {
        "format": FORMAT_VERSION,
        "supplint": __version__,
        "code": code_digest(),
        "deps": _versions(),
        "rules": engine.ruleset.digest,
        "selected": sorted(rule.id for rule in engine.rules),
        "config": {k: v for k, v in vars(engine.config).items() if k not in _NOT_FINDINGS},
    }
    encoded = json.dumps(parts, sort_keys=True, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()


def content_key(source: Source) -> str:
    digest = hashlib.sha256(source.format.encode() + b"\0")
    digest.update(source.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def finding_to_json(finding: Finding) -> dict[str, Any]:
    data = asdict(finding)
    data.pop("path")  # the same text under another id shares the entry
    return data


def finding_from_json(path: str, data: dict[str, Any]) -> Finding:
    fix = data.pop("fix", None)
    if fix is not None:
        edits = tuple(Edit(**edit) for edit in fix["edits"])
        data["fix"] = Fix(fix["description"], edits, fix.get("safe", False))
    return Finding(path=path, **data)


class ResultCache:
    """Findings per article text, for one settings digest."""

    def __init__(self, root: Path, settings: str):
        self.folder = Path(root) / "results" / settings[:32]
        self.hits = 0
        self.misses = 0

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, source: Source) -> list[Finding] | None:
        try:
            with open(self._entry(content_key(source)), encoding="utf-8") as handle:
                data = json.load(handle)
            findings = [finding_from_json(source.path, item) for item in data["findings"]]
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return findings

    def put(self, source: Source, findings: list[Finding]) -> None:
        entry = self._entry(content_key(source))
        payload = {"findings": [finding_to_json(f) for f in findings]}
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".json")
        except OSError:
            return  # a read-only or full cache only costs speed
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, ensure_ascii=False, separators=(",", ":"))
            os.replace(temp, entry)  # atomic: readers see the old entry or the whole new one
        except (OSError, TypeError, ValueError):
            with contextlib.suppress(OSError):
                os.unlink(temp)
