"""Decisions out of the database: a baseline of the dismissed findings, a CSV of every decision.

The baseline is the one `check --baseline` reads (lint/archives/baseline.py): paths relative to
the baseline's folder, one entry per dismissed finding key (count 1). The CSV is the audit
trail, oldest first; cells that a spreadsheet would run as a formula are prefixed with '.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

from lint import __version__
from lint.archives.baseline import BASELINE_VERSION, PathKey
from lint.errors import InputError
from lint.review.store import Store

CSV_COLUMNS = (
    "decided_at",
    "author",
    "path",
    "rule_id",
    "status",
    "reason",
    "note",
    "excerpt",
    "fingerprint",
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _atomic(path: Path, text: str) -> None:
    try:
        fd, temp = tempfile.mkstemp(dir=path.resolve().parent, prefix=".review-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(temp, path)
    except OSError as err:
        raise InputError(str(path), f"cannot write: {err.strerror}") from None


def write_baseline(store: Store, path: Path) -> int:
    """Dismissed findings, re-keyed from the database's folder to the baseline's."""
    db_folder = store.base
    key = PathKey(path)
    articles: dict[str, list[dict[str, object]]] = {}
    dismissed = sorted(
        (d for d in store.current().values() if d.status == "dismissed"),
        key=lambda d: (d.path, d.rule_id, d.fingerprint),
    )
    for d in dismissed:
        file, sep, inner = d.path.partition("#")
        where = key(str(db_folder / file)) + sep + inner
        articles.setdefault(where, []).append(
            {"rule_id": d.rule_id, "fingerprint": d.fingerprint, "count": 1, "excerpt": d.excerpt}
        )
    data = {
        "supplint_baseline": BASELINE_VERSION,
        "tool_version": __version__,
        "articles": dict(sorted(articles.items())),
    }
    _atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return len(dismissed)


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA) else value


def write_csv(store: Store, path: Path) -> int:
    decisions = list(reversed(store.history()))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for d in decisions:
        writer.writerow([_cell(str(getattr(d, column))) for column in CSV_COLUMNS])
    _atomic(path, out.getvalue())
    return len(decisions)
