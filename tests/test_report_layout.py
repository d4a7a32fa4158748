"""The article as it reads (lint/report/layout*.py, body.py): every source character is written
in order, markup is hidden (not under a highlight), blocks and links are recognised, and edits
get their context. The browser tests check the same in Chromium; these run without one."""

from __future__ import annotations

import html
import re

import pytest

from lint.report.annotate import Span, segment
from lint.report.body import render_body
from lint.report.layout_article import article_layout
from lint.report.views import edit_context

MARKDOWN = (
    "---\ntitle: Calm in a Candy?\nauthor: Priya\ntags:\n  - sleep\n---\n\n"
    "# Gummies, tested\n\nA *calm* root with **bold** claims and `code`.\n"
    "Second line of the same paragraph.\n\n"
    "- first item with [a link](https://shop.example/x?a=1&b=2)\n- second item\n\n"
    "> quoted words\n\n```\ncode *not* emphasis\n```\n\n## Where to buy\n"
)
HTML = (
    "<html><head><title>Stacks</title><style>p{color:red}</style></head><body>"
    '<h1>Focus stacks</h1><p>Try <a href="https://x.example/?a=1&amp;b=2">this one</a> now.'
    "<script>alert('x')</script></p><ul><li>one</li></ul>loose text</body></html>"
)


def mark(seg, inner: str) -> str:
    return f'<mark data-ids="{" ".join(seg.ids)}">{inner}</mark>'


def render(text: str, fmt: str, spans: list[Span] | None = None) -> str:
    return str(render_body(text, article_layout(text, fmt), segment(text, spans or []), mark))


def text_of(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", page))


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        (MARKDOWN, "markdown"),
        (HTML, "html"),
        ("Plain words.\n\nA second paragraph.\n", "text"),
        ("**unclosed *stars* [bracket](\n<b>", "markdown"),
        ("<p>unclosed <a href='y'>link<p>next", "html"),
        ("", "markdown"),
    ],
)
def test_every_source_character_is_written_in_order(text: str, fmt: str) -> None:
    spans = [Span("f1", 0, len(text) // 2), Span("f2", len(text) // 3, len(text))]
    assert text_of(render(text, fmt)) == text
    assert text_of(render(text, fmt, spans)) == text


def test_markdown_blocks_links_and_front_matter() -> None:
    page = render(MARKDOWN, "markdown")
    heading = '<div class="blk h h1" role="heading" aria-level="1"><span class="mu"># </span>'
    assert heading + "Gummies, tested</div>" in page  # the marker hidden, not dropped
    assert '<span class="fm-key">author</span>' in page
    assert '<span class="fm-value">Priya</span>' in page
    assert '<span class="link" title="https://shop.example/x?a=1&amp;b=2">a link</span>' in page
    assert "<em>calm</em>" in page and "<strong>bold</strong>" in page
    assert "<code>code</code>" in page
    assert page.count('<div class="blk li lvl0">') == 2
    assert '<div class="blk quote">' in page
    assert '<div class="blk pre">code *not* emphasis</div>' in page  # verbatim, no <em>


def test_html_tags_hidden_scripts_never_shown_links_titled() -> None:
    page = render(HTML, "html")
    assert '<div class="blk title">Stacks</div>' in page
    assert '<div class="blk h h1" role="heading" aria-level="1">Focus stacks</div>' in page
    assert '<span class="link" title="https://x.example/?a=1&amp;b=2">this one</span>' in page
    hidden = "".join(re.findall(r'<span class="mu">(.*?)</span>', page))
    assert "alert(&#39;x&#39;)" in hidden and "p{color:red}" in hidden
    assert '<div class="blk p">loose text</div>' in page


def test_markup_under_a_highlight_is_shown_at_its_exact_span() -> None:
    start = MARKDOWN.index("](https")
    end = MARKDOWN.index(")", start) + 1
    page = render(MARKDOWN, "markdown", [Span("f1", start, end)])
    (marked,) = re.findall(r'<mark data-ids="f1">(.*?)</mark>', page)
    assert html.unescape(marked) == MARKDOWN[start:end]
    assert '<span class="mu"><mark' not in page


def test_a_hostile_article_stays_text() -> None:
    text = "Hi <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))\n"
    for fmt in ("markdown", "html", "text"):
        page = render(text, fmt, [Span("f1", 3, 28)])
        assert "<script" not in page and "<img" not in page
        assert text_of(page) == text


def test_the_scan_is_linear_on_pathological_markup() -> None:
    for text in ("*a " * 60_000, "[" * 100_000, "<" * 100_000, "`" * 100_000, "**a" * 50_000):
        assert text_of(render(text, "markdown")) == text  # finishes: bounded quantifiers


def test_edit_context_mid_line_and_at_a_line_start() -> None:
    text = "First paragraph ends here.\n\nSecond one, with a claim in it.\n"
    start = text.index("a claim")
    assert edit_context(text, start, start + 7) == ("Second one, with ", " in it.")
    # an inserted paragraph: the context is where it goes, after the text before it
    at = text.index("Second")
    assert edit_context(text, at, at) == (
        "First paragraph ends here.\n\n",
        "Second one, with a claim in it.",
    )
