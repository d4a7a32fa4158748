"""What the review templates see: plain objects built from the workspace, no logic in Jinja."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from lint.report import Report
from lint.report.views import SEVERITY_ORDER, FindingView, SegmentView, build_context
from lint.review.store import Decision
from lint.review.triage import STATE_LABELS, STATES, Triaged
from lint.review.workspace import Article, Workspace


@dataclass
class QueueRow:
    number: int
    path: str
    error: str | None
    waiting: int  # open + needs a new look
    stale: int
    decided: int
    counts: dict[tuple[str, str], int]  # (family, severity) -> findings waiting


@dataclass
class Queue:
    rows: list[QueueRow]
    families: list[str]
    severities: tuple[str, ...] = SEVERITY_ORDER
    totals: dict[str, int] = field(default_factory=dict)


@dataclass
class NoteView:
    view: FindingView  # the report's view: rule, message, edits, explanation
    item: Triaged
    state_label: str

    @property
    def state(self) -> str:
        return self.item.state


@dataclass
class ArticlePage:
    article: Article
    notes: list[NoteView]
    segments: list[SegmentView]
    decided_ids: set[str]  # highlight ids whose findings are all decided (drawn dimmed)
    history: list[Decision]
    counts: dict[str, int]  # state -> findings
    body: Markup = field(default_factory=Markup)  # the article as it reads, decided ones dimmed


def _matches(item: Triaged, filters: dict[str, str]) -> bool:
    wanted = filters.get("state", "")
    if wanted == "waiting" and not item.needs_action:
        return False
    if wanted not in ("", "waiting", "all") and item.state != wanted:
        return False
    finding = item.finding
    return filters.get("family", "") in ("", finding.family) and filters.get("severity", "") in (
        "",
        finding.severity,
    )


def queue(workspace: Workspace, filters: dict[str, str]) -> Queue:
    decisions = workspace.store.current()
    rows: list[QueueRow] = []
    families: set[str] = set()
    for article in workspace.articles:
        items = workspace.triaged(article, decisions)
        waiting = [i for i in items if i.needs_action and _matches(i, {**filters, "state": ""})]
        counts: dict[tuple[str, str], int] = {}
        for item in waiting:
            cell = (item.finding.family, item.finding.severity)
            counts[cell] = counts.get(cell, 0) + 1
        families.update(item.finding.family for item in items)
        rows.append(
            QueueRow(
                article.number,
                article.path,
                article.result.error,
                len(waiting),
                sum(1 for i in items if i.state == "stale"),
                sum(1 for i in items if not i.needs_action),
                counts,
            )
        )
    if filters.get("state") == "waiting":
        rows = [row for row in rows if row.waiting or row.error]
    rows.sort(key=lambda row: (-row.waiting, row.path))
    totals = {"waiting": sum(r.waiting for r in rows), "decided": sum(r.decided for r in rows)}
    return Queue(rows, sorted(families), totals=totals)


def article_page(workspace: Workspace, article: Article, filters: dict[str, str]) -> ArticlePage:
    result = article.result
    report = Report([result], workspace.rules, {result.path: result.source or ""})
    view = build_context(report)["articles"][0]
    items = workspace.triaged(article)
    notes = [
        NoteView(v, item, STATE_LABELS[item.state])
        for v, item in zip(view.findings, items, strict=True)
        if _matches(item, filters)
    ]
    decided = {v.id for v, item in zip(view.findings, items, strict=True) if not item.needs_action}
    counts = {state: sum(1 for i in items if i.state == state) for state in STATES}
    history = workspace.store.history(workspace.path_key(article.path), limit=200)
    view.decided = frozenset(decided)
    body = view.body
    return ArticlePage(article, notes, view.segments, decided, history, counts, body)


def filter_values(params: Any) -> dict[str, str]:
    """Only the known filter keys, as short strings: they are echoed into the page."""
    return {key: str(params.get(key, ""))[:40] for key in ("state", "family", "severity")}
