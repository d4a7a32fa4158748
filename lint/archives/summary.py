"""The archive summary: counts per rule, per article, per author and per month, as data, CSV
(for editors' spreadsheets) and a sortable HTML index (templates/archive.html).

Authors and months come from the export (WXR dc:creator and wp:post_date, JSONL/CSV author and
date columns); a table is left out when no article carries that field.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lint.archives.model import ArticleMeta
from lint.engine import FileResult
from lint.finding import SEVERITIES

SEVERITY_ORDER = tuple(reversed(SEVERITIES))  # error, warning, info
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # spreadsheets run these as formulas


@dataclass
class ArticleRow:
    path: str
    meta: ArticleMeta
    counts: Counter[str] = field(default_factory=Counter)  # severity -> findings
    rules: Counter[str] = field(default_factory=Counter)  # rule id -> findings
    error: str | None = None
    href: str | None = None  # the article's own annotated report, in a folder of reports

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class GroupRow:
    """One author, month or rule: how many articles, how many flagged, how many findings."""

    key: str
    articles: int = 0
    flagged: int = 0
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def add(self, article: ArticleRow, counts: Counter[str]) -> None:
        self.articles += 1
        self.flagged += 1 if sum(counts.values()) else 0
        self.counts.update(counts)


@dataclass
class ArchiveSummary:
    articles: list[ArticleRow]
    rules: list[GroupRow]
    authors: list[GroupRow]
    months: list[GroupRow]
    severity: dict[str, str]  # rule id -> severity it reported with

    @property
    def totals(self) -> Counter[str]:
        totals: Counter[str] = Counter()
        for article in self.articles:
            totals.update(article.counts)
        return totals

    @property
    def flagged(self) -> list[ArticleRow]:
        """Articles with findings or read errors, most findings first."""
        rows = [a for a in self.articles if a.total or a.error]
        return sorted(rows, key=lambda a: (-a.total, a.path))


def build_summary(results: Iterable[FileResult], meta: dict[str, ArticleMeta]) -> ArchiveSummary:
    articles: list[ArticleRow] = []
    severity: dict[str, str] = {}
    for result in results:
        row = ArticleRow(result.path, meta.get(result.path, ArticleMeta()), error=result.error)
        for finding in result.findings:
            row.counts[finding.severity] += 1
            row.rules[finding.rule_id] += 1
            severity.setdefault(finding.rule_id, finding.severity)
        articles.append(row)
    rules: dict[str, GroupRow] = {}
    authors: dict[str, GroupRow] = {}
    months: dict[str, GroupRow] = {}
    for article in articles:
        for rule_id, count in article.rules.items():
            rules.setdefault(rule_id, GroupRow(rule_id)).add(article, Counter({rule_id: count}))
        if article.meta.author:
            authors.setdefault(article.meta.author, GroupRow(article.meta.author))
            authors[article.meta.author].add(article, article.counts)
        if article.meta.month:
            months.setdefault(article.meta.month, GroupRow(article.meta.month))
            months[article.meta.month].add(article, article.counts)
    return ArchiveSummary(
        articles,
        sorted(rules.values(), key=lambda r: (-r.total, r.key)),
        sorted(authors.values(), key=lambda r: (-r.total, r.key)),
        sorted(months.values(), key=lambda r: r.key),
        severity,
    )


def _cell(value: Any) -> str:
    """Text from the export is untrusted: never let a spreadsheet evaluate it."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def articles_csv(summary: ArchiveSummary) -> str:
    """One row per article (clean ones too), with a count column per rule."""
    rule_ids = [rule.key for rule in summary.rules]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    plural = [f"{severity}s" for severity in SEVERITY_ORDER]  # errors, warnings, infos
    head = ["article", "title", "author", "date", "status", "link", *plural, "total"]
    writer.writerow(head + rule_ids + ["read_error"])
    for a in summary.articles:
        m = a.meta
        fixed = [a.path, m.title, m.author, m.date, m.status, m.link]
        counts = [a.counts[s] for s in SEVERITY_ORDER] + [a.total]
        writer.writerow(
            [_cell(v) for v in fixed]
            + counts
            + [a.rules[r] for r in rule_ids]
            + [_cell(a.error or "")]
        )
    return out.getvalue()


def findings_csv(results: Iterable[FileResult], meta: dict[str, ArticleMeta]) -> str:
    """One row per finding, with the article's title, author and date beside it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["article", "title", "author", "date", "rule_id", "severity", "line", "column",
         "excerpt", "message"]
    )  # fmt: skip
    for result in results:
        m = meta.get(result.path, ArticleMeta())
        for f in result.findings:
            writer.writerow(
                [_cell(v) for v in (f.path, m.title, m.author, m.date, f.rule_id, f.severity)]
                + [f.line, f.column, _cell(f.excerpt), _cell(f.message)]
            )
    return out.getvalue()
