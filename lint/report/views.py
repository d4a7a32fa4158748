"""What the report templates see: plain objects built from a Report, no logic left for Jinja.

Finding ids (`f1`, `f2`, ...) are unique in one report, so highlights, notes, summary rows and the
filter script all refer to the same finding the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from lint import __version__
from lint.finding import SEVERITY_RANK, Finding
from lint.positions import LineIndex
from lint.report import Report
from lint.report.annotate import Span, segment
from lint.report.body import render_body
from lint.report.layout_article import article_layout

SEVERITY_ORDER = ("error", "warning", "info")
BAR_WIDTH = 160  # px of the longest bar in the summary chart


CONTEXT = 60  # characters of the article shown on each side of a proposed edit


@dataclass(frozen=True)
class ProposedEdit:
    line: int
    column: int
    removed: str
    inserted: str
    before: str = ""  # the text just before the edit, for the diff in context
    after: str = ""

    @property
    def clipped_before(self) -> bool:
        return len(self.before) == CONTEXT

    @property
    def clipped_after(self) -> bool:
        return len(self.after) == CONTEXT


def edit_context(text: str, start: int, end: int) -> tuple[str, str]:
    """The line around [start, end): up to CONTEXT characters each side, not past the line,
    or the end of the line before when the edit starts a line (an inserted paragraph)."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == start:  # at a line start: show where it goes, after the previous text
        previous = text[:start].rstrip("\n")
        line_start = previous.rfind("\n") + 1
        before = text[max(line_start, start - CONTEXT) : start]
    else:
        before = text[max(line_start, start - CONTEXT) : start]
    line_end = text.find("\n", end)
    after = text[end : min(end + CONTEXT, len(text) if line_end < 0 else line_end)]
    return before, after


@dataclass
class FindingView:
    id: str
    number: int
    finding: Finding
    explain: str
    kind: str
    edits: list[ProposedEdit]
    fix_description: str | None
    fix_safe: bool
    advice: str | None  # the suggestion, unless it only repeats a proposed edit

    def __getattr__(self, name: str) -> Any:  # f.rule_id, f.line... straight from the Finding
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.finding, name)


@dataclass(frozen=True)
class SegmentView:
    text: str
    ids: tuple[str, ...]
    starts: tuple[str, ...]
    severity: str  # the most severe finding covering it
    title: str  # tooltip: one line per finding


@dataclass
class ArticleView:
    path: str
    findings: list[FindingView]
    segments: list[SegmentView]
    counts: dict[str, int]
    error: str | None = None
    href: str | None = None  # the article's own report, in a folder of reports
    text: str = field(default="", repr=False)
    decided: frozenset[str] = frozenset()  # highlight ids drawn dimmed (the review's decided)

    @property
    def body(self) -> Markup:
        """The article as it reads, highlights in place (lint/report/body.py); built when a
        template asks, so a page that changes `decided` first renders it once."""
        return article_body(self.text, self.path, self.segments, self.decided)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Bar:
    severity: str
    x: int
    width: int


@dataclass
class SummaryRow:
    family: str
    counts: dict[str, int]
    total: int
    bars: list[Bar] = field(default_factory=list)


@dataclass
class Summary:
    rows: list[SummaryRow]
    totals: dict[str, int]
    total: int
    files: int
    unreadable: int
    families: list[str]
    severities: tuple[str, ...] = SEVERITY_ORDER
    bar_width: int = BAR_WIDTH


def build_context(
    report: Report, title: str = "supplint report", hrefs: dict[str, str] | None = None
) -> dict[str, Any]:
    """`hrefs` maps an article path to its own report (for the index of a folder of reports)."""
    counter = iter(range(1, 1 << 30))
    articles = [
        _article(result.path, result.findings, report, counter, result.error)
        for result in report.results
    ]
    for article in articles:
        article.href = (hrefs or {}).get(article.path)
    findings = [view for article in articles for view in article.findings]
    return {
        "title": title,
        "version": __version__,
        "articles": articles,
        "findings": findings,
        "summary": summarize(findings, len(report.results), len(report.errors)),
        "data": {
            "findings": {
                v.id: {"family": v.family, "severity": v.severity, "rule": v.rule_id}
                for v in findings
            }
        },
    }


def _article(
    path: str, findings: list[Finding], report: Report, counter: Any, error: str | None
) -> ArticleView:
    text = report.sources.get(path, "")
    lines = LineIndex(text)
    views = [_finding_view(f, next(counter), report, text, lines) for f in findings]
    spans = [Span(v.id, *_offsets(v.finding, lines)) for v in views]
    by_id = {v.id: v for v in views}
    segments = [_segment_view(s, by_id) for s in segment(text, spans)]
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITY_ORDER}
    return ArticleView(path, views, segments, counts, error, text=text)


def article_body(
    text: str, path: str, segments: list[SegmentView], decided: frozenset[str] = frozenset()
) -> Markup:
    """The article rendered; `decided`: highlight ids drawn dimmed (the review's decided ones)."""
    from lint.sources import format_for

    def mark(seg: SegmentView, inner: str) -> str:
        classes = "hl" + (" multi" if len(seg.ids) > 1 else "")
        if decided and all(i in decided for i in seg.ids):
            classes += " decided"
        return (
            f'<mark class="{classes}" tabindex="0" data-ids="{" ".join(seg.ids)}" '
            f'data-sev="{seg.severity}" title="{escape(seg.title)}">{inner}</mark>'
        )

    return render_body(text, article_layout(text, format_for(path)), segments, mark)


def _offsets(finding: Finding, lines: LineIndex) -> tuple[int, int]:
    """Source offsets of the span: from line/column, the positions every format reports."""
    if finding.line > lines.line_count():
        return finding.start_offset, finding.end_offset
    start = lines.offset(finding.line, finding.column)
    end = lines.offset(min(finding.end_line, lines.line_count()), finding.end_column)
    return start, max(start, end)


def _finding_view(
    finding: Finding, number: int, report: Report, text: str, lines: LineIndex
) -> FindingView:
    rule = report.rules.get(finding.rule_id)
    edits: list[ProposedEdit] = []
    fix = finding.fix
    if fix is not None:
        for edit in fix.edits:
            line, column = lines.line_col(edit.start)
            before, after = edit_context(text, edit.start, edit.end)
            removed = text[edit.start : edit.end]
            edits.append(ProposedEdit(line, column, removed, edit.text, before, after))
    suggestion = (finding.suggestion or "").strip() or None
    return FindingView(
        id=f"f{number}",
        number=number,
        finding=finding,
        explain=rule.explain.strip() if rule else "",
        kind=rule.kind if rule else "",
        edits=edits,
        fix_description=_describe(fix, edits),
        fix_safe=bool(fix and fix.safe),
        advice=None if _repeats(suggestion, fix, edits) else suggestion,
    )


def _describe(fix: Any, edits: list[ProposedEdit]) -> str | None:
    """The fix's description, unless the edit below it already shows the same words."""
    if fix is None:
        return None
    if any(e.inserted.strip() and e.inserted.strip() in fix.description for e in edits):
        return None
    return str(fix.description)


def _repeats(suggestion: str | None, fix: Any, edits: list[ProposedEdit]) -> bool:
    """A suggestion that only restates the fix (its description or inserted text) is not shown."""
    if suggestion is None or fix is None:
        return False
    inserted = [e.inserted.strip() for e in edits if e.inserted.strip()]
    return suggestion == fix.description or any(text in suggestion for text in inserted)


def _segment_view(seg: Any, by_id: dict[str, FindingView]) -> SegmentView:
    covering = [by_id[i] for i in seg.ids]
    severity = max((v.severity for v in covering), key=SEVERITY_RANK.__getitem__, default="")
    title = "\n".join(f"{v.rule_id} ({v.severity}): {v.message}" for v in covering)
    return SegmentView(seg.text, seg.ids, seg.starts, severity, title)


def summarize(findings: list[FindingView], files: int, unreadable: int) -> Summary:
    families = sorted({v.family for v in findings})
    rows = []
    for family in families:
        counts = {
            s: sum(1 for v in findings if v.family == family and v.severity == s)
            for s in SEVERITY_ORDER
        }
        rows.append(SummaryRow(family, counts, sum(counts.values())))
    longest = max((row.total for row in rows), default=0)
    for row in rows:
        x = 0
        for severity in SEVERITY_ORDER:
            width = round(BAR_WIDTH * row.counts[severity] / longest) if longest else 0
            if width:
                row.bars.append(Bar(severity, x, width))
                x += width
    totals = {s: sum(1 for v in findings if v.severity == s) for s in SEVERITY_ORDER}
    return Summary(rows, totals, len(findings), files, unreadable, families)
