"""Which finding is which across runs: the baseline's fingerprint plus two partial keys.

The fingerprint (rule, normalised excerpt, normalised sentence; no line number) carries a
decision across edits elsewhere in the article. When it no longer matches, `surround` (the
sentence with the span cut out) or the excerpt alone tells that the finding is the same one with
its text changed: its old decision is shown as "needs a new look", never silently reused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lint.archives.baseline import CONTEXT_REACH, PathKey, fingerprint, normalize, sentence_context
from lint.engine import FileResult
from lint.finding import Finding


@dataclass(frozen=True)
class FindingKey:
    path: str  # relative to key_base (PathKey), so any working folder works
    rule_id: str
    fingerprint: str
    excerpt: str  # as in the source (compared normalised)
    surround: str  # hash of the rule and the sentence around the span, without the span

    @property
    def ident(self) -> tuple[str, str, str]:
        return (self.path, self.rule_id, self.fingerprint)


def surround(finding: Finding, text: str | None) -> str:
    left = right = ""
    if text is not None:
        start, end = finding.start_offset, finding.end_offset
        context = sentence_context(text, start, end)
        # the context is text[begin:stop] with begin >= start - CONTEXT_REACH: find begin
        begin = text.find(context, max(0, start - CONTEXT_REACH), start + 1)
        if begin >= 0:
            left, right = text[begin:start], text[end : begin + len(context)]
    digest = hashlib.sha256(finding.rule_id.encode() + b"\0" + normalize(left).encode())
    digest.update(b"\0" + normalize(right).encode())
    return digest.hexdigest()[:20]


def finding_keys(result: FileResult, path_key: PathKey) -> Iterator[tuple[Finding, FindingKey]]:
    path = path_key(result.path)
    for finding in result.findings:
        yield (
            finding,
            FindingKey(
                path,
                finding.rule_id,
                fingerprint(finding, result.source),
                finding.excerpt,
                surround(finding, result.source),
            ),
        )


def project_folder(config_path: Path | None, first: str) -> Path:
    """The config's folder, else the first path's: where `.supplint/` goes, and what article
    paths are stored relative to in a PostgreSQL database."""
    if config_path is not None:
        return config_path.resolve().parent
    base = Path(first)
    return (base if base.is_dir() else base.parent).resolve()


def key_base(db_path: Path) -> Path:
    """The folder article paths are stored relative to: the project folder for the default
    `.supplint/review.db`, else the database's own folder."""
    folder = db_path.resolve().parent
    return folder.parent if folder.name == ".supplint" else folder


def path_key_for(db_path: Path) -> PathKey:
    return PathKey(key_base(db_path) / db_path.name)  # PathKey keys relative to its parent
