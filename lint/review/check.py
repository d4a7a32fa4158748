"""`supplint check --review-db FILE`: the review's decisions applied to a check run.

Dismissed findings are hidden, as a baseline hides them. Findings that were accepted or marked
fixed but are still in the text stay in the output, and stderr says how many; so do findings
whose text changed since their decision ("needs a new look").
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from lint.engine import FileResult
from lint.review.keys import finding_keys
from lint.review.store import open_existing
from lint.review.triage import triage


def apply_review_db(
    db: str | Path, results: Iterable[FileResult], project: Path | None = None
) -> list[FileResult]:
    """`db`: a file or a postgresql:// URL; `project`: what a server database's paths are
    relative to (the config's folder)."""
    store = open_existing(db, project)
    decisions = store.current()
    path_key = store.path_key()
    out: list[FileResult] = []
    states: Counter[str] = Counter()
    for result in results:
        items = triage(finding_keys(result, path_key), decisions)
        states.update(item.state for item in items)
        kept = [item.finding for item in items if item.state != "dismissed"]
        out.append(result if len(kept) == len(result.findings) else replace(result, findings=kept))
    notes = [f"{states['dismissed']} dismissed finding(s) hidden"]
    if states["accepted"] or states["unfixed"]:
        notes.append(
            f"{states['accepted']} accepted and {states['unfixed']} marked fixed still present"
        )
    if states["stale"]:
        notes.append(f"{states['stale']} need a new look (text changed since the decision)")
    print(f"supplint: review {store.label}: " + "; ".join(notes), file=sys.stderr)
    return out
