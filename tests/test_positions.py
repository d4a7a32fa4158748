"""Every finding maps to the exact 1-based line and column (code points) of the original file."""

from __future__ import annotations

import pytest

from lint.finding import Finding
from lint.positions import LineIndex

DRUG = "fda.drug-comparison"  # a substitute is reported once, by the comparison rule
OVERCLAIM = "evidence.overclaim"


def only(findings: list[Finding], rule_id: str) -> list[Finding]:
    return [f for f in findings if f.rule_id == rule_id]


def assert_exact(text: str, finding: Finding) -> None:
    """The span given by line/column is the excerpt, and so is the offset span."""
    index = LineIndex(text)
    start = index.offset(finding.line, finding.column)
    end = index.offset(finding.end_line, finding.end_column)
    assert text[start:end] == finding.excerpt
    assert text[finding.start_offset : finding.end_offset] == finding.excerpt


def test_line_index_counts_crlf_cr_and_lf_as_one_break() -> None:
    index = LineIndex("a\r\nb\rc\nd")
    assert [index.line_col(i) for i in (0, 3, 5, 7)] == [(1, 1), (2, 1), (3, 1), (4, 1)]
    assert index.offset(3, 1) == 5


def test_markdown_multibyte_link_and_emphasis(lint) -> None:
    text = (
        "# Überblick 🧠\n"
        "\n"
        "Café owners say **this blend** is a *natural* [alternative to Adderall](https://x.test).\n"
    )
    (finding,) = only(lint(text, "a.md"), DRUG)
    assert (finding.line, finding.column) == (3, 48)
    assert finding.excerpt == "alternative to Adderall"
    assert (finding.end_line, finding.end_column) == (3, 71)
    assert_exact(text, finding)


def test_markdown_span_across_emphasis_keeps_markup_in_excerpt(lint) -> None:
    text = "Fans call it a natural *alternative* to Ritalin.\n"
    (finding,) = only(lint(text, "a.md"), DRUG)
    assert finding.excerpt == "alternative* to Ritalin"
    assert (finding.line, finding.column) == (1, 25)
    assert_exact(text, finding)


def test_markdown_crlf_bom_and_front_matter(engine) -> None:
    from lint.sources import Source, decode

    raw = (
        "\ufeff---\r\ntitle: Test\r\n---\r\n\r\nIntro line.\r\n"
        "Some sellers call it an alternative to Ritalin.\r\n"
    ).encode()
    text, bom = decode("a.md", raw)
    assert bom and not text.startswith("\ufeff")
    (result,) = engine.lint_sources([Source("a.md", text, "markdown", bom)])
    (finding,) = only(result.findings, DRUG)
    assert (finding.line, finding.column, finding.end_column) == (6, 25, 47)
    assert_exact(text, finding)


def test_same_phrase_twice_points_at_each_occurrence(lint) -> None:
    text = "It is a miracle. Really, it is a miracle.\n\nAgain: miracle.\n"
    findings = only(lint(text, "a.txt"), OVERCLAIM)
    assert [(f.line, f.column) for f in findings] == [(1, 9), (1, 34), (3, 8)]
    for finding in findings:
        assert_exact(text, finding)


def test_html_entities_tags_and_multibyte(lint) -> None:
    text = (
        "<html><head><title>alternative to Adderall</title></head><body>\n"
        "<h1>Revue &amp; résumé</h1>\n"
        '<p>日本 users call it an <em>alternative</em> to <a href="/x">Adderall</a>.</p>\n'
        "<script>var s = 'alternative to Ritalin';</script>\n"
        "</body></html>\n"
    )
    (finding,) = only(lint(text, "a.html"), DRUG)
    assert (finding.line, finding.column) == (3, 28)
    assert finding.excerpt == 'alternative</em> to <a href="/x">Adderall'
    assert_exact(text, finding)


def test_text_crlf_and_tabs(lint) -> None:
    text = "Heading\r\n\r\n\tSome call it\r\na natural alternative to Adderall.\r\n"
    (finding,) = only(lint(text, "a.txt"), DRUG)
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (4, 11, 4, 34)
    assert_exact(text, finding)


def test_span_across_a_line_break(lint) -> None:
    text = "They call it an alternative\nto Ritalin these days.\n"
    (finding,) = only(lint(text, "a.md"), DRUG)
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (1, 17, 2, 11)
    assert_exact(text, finding)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.md", "```\nalternative to Adderall\n```\n\n    alternative to Ritalin\n"),
        ("a.md", "Use `alternative to Adderall` as a search term.\n"),
        ("a.md", "---\nnote: alternative to Adderall\n---\nClean text.\n"),
        ("a.md", "See https://example.com/alternative-to-adderall for more.\n"),
        ("a.html", "<pre>alternative to Adderall</pre><style>p{}</style><p>Clean.</p>"),
        ("a.html", "<p>Clean.</p><!-- alternative to Adderall -->"),
    ],
)
def test_code_front_matter_urls_and_comments_are_not_prose(lint, name: str, text: str) -> None:
    assert only(lint(text, name), DRUG) == []
