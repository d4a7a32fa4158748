"""The archive summary's data and CSV: counts per rule, article, author and month."""

from __future__ import annotations

import csv
import io

from lint.archives.model import ArticleMeta
from lint.archives.summary import articles_csv, build_summary, findings_csv
from lint.engine import FileResult
from lint.finding import Finding


def finding(path: str, rule_id: str, severity: str, line: int = 1, excerpt: str = "x") -> Finding:
    return Finding(path, rule_id, severity, "msg", line, 2, line, 3, excerpt, rule_id.split(".")[0])


RESULTS = [
    FileResult("e.xml#post-1", [finding("e.xml#post-1", "fda.a", "error")] * 2),
    FileResult("e.xml#post-2", [finding("e.xml#post-2", "evidence.b", "info", 4, "=SUM(A1)")]),
    FileResult("e.xml#post-3", []),
    FileResult("e.xml#post-4", error="e.xml:9: row 4: unknown format 'doc'"),
]
META = {
    "e.xml#post-1": ArticleMeta("First", "ines", "2024-02-03 10:00:00", "publish"),
    "e.xml#post-2": ArticleMeta("+Second", "kofi", "2024-03-01", "draft"),
    "e.xml#post-3": ArticleMeta("Third", "ines", "2024-02-20"),
}


def test_counts_per_rule_author_and_month() -> None:
    summary = build_summary(RESULTS, META)
    assert [(r.key, r.articles, r.total) for r in summary.rules] == [
        ("fda.a", 1, 2),
        ("evidence.b", 1, 1),
    ]
    assert [(a.key, a.articles, a.flagged, a.total) for a in summary.authors] == [
        ("ines", 2, 1, 2),
        ("kofi", 1, 1, 1),
    ]
    assert [(m.key, m.articles, m.total) for m in summary.months] == [
        ("2024-02", 2, 2),
        ("2024-03", 1, 1),
    ]
    assert [a.path for a in summary.flagged] == ["e.xml#post-1", "e.xml#post-2", "e.xml#post-4"]
    assert summary.totals == {"error": 2, "info": 1}


def test_authors_and_months_left_out_when_the_export_has_none() -> None:
    summary = build_summary(RESULTS, {})
    assert summary.authors == [] and summary.months == []


def test_articles_csv_has_every_article_and_a_column_per_rule() -> None:
    rows = list(csv.DictReader(io.StringIO(articles_csv(build_summary(RESULTS, META)))))
    assert [r["article"] for r in rows] == [f"e.xml#post-{n}" for n in range(1, 5)]
    first, second, third, fourth = rows
    assert (first["errors"], first["total"], first["fda.a"], first["evidence.b"]) == (
        "2",
        "2",
        "2",
        "0",
    )
    assert second["title"] == "'+Second"  # never a spreadsheet formula
    assert third["total"] == "0" and third["date"] == "2024-02-20"
    assert fourth["errors"] == "0" and "unknown format 'doc'" in fourth["read_error"]


def test_findings_csv_one_row_per_finding_with_article_metadata() -> None:
    rows = list(csv.DictReader(io.StringIO(findings_csv(RESULTS, META))))
    assert len(rows) == 3
    assert rows[2]["excerpt"] == "'=SUM(A1)" and rows[2]["author"] == "kofi"
    assert (rows[2]["line"], rows[2]["column"], rows[2]["rule_id"]) == ("4", "2", "evidence.b")
