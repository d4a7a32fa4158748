"""Article text is data in every report: hostile markup comes out escaped, never as markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from .harness import run_supplint

PAYLOADS = [
    "<script>window.PWN1=1</script>",
    "<img src=x onerror=window.PWN2=1>",
    '<a href="javascript:window.PWN3=1">a clinically proven cure</a>',
    "</textarea><script>window.PWN4=1</script>",
    "<svg onload=window.PWN5=1>",
    "<iframe srcdoc='<script>window.PWN6=1</script>'></iframe>",
    "]]><!--<script>window.PWN7=1</script>-->",
    "{{ ''.__class__ }} {% raw %}",
]
ARTICLE = "This miracle pill is clinically proven. " + " ".join(PAYLOADS) + " It is guaranteed.\n"


def live_payloads(html: str) -> list[str]:
    """Elements, handlers and links in the parsed DOM that carry an article's payload."""
    from selectolax.lexbor import LexborHTMLParser

    found = []
    for node in LexborHTMLParser(html).css("*"):
        for key, value in node.attributes.items():
            value = value or ""
            if "PWN" in value and (key.startswith("on") or key in ("src", "href", "srcdoc")):
                found.append(f"<{node.tag} {key}={value}>")
            if key in ("href", "src") and value.strip().lower().startswith("javascript:"):
                found.append(f"<{node.tag} {key}={value}>")
        if node.tag in ("script", "iframe", "svg", "img") and "PWN" in (node.text() or ""):
            found.append(f"<{node.tag}>{node.text()[:60]}")
    return found


@pytest.mark.parametrize("name", ["post.md", "post.txt", "post.html"])
@pytest.mark.parametrize("fmt", ["html", "md"])
def test_hostile_markup_in_an_article_is_inert_in_reports(tmp_path: Path, name: str, fmt: str):
    (tmp_path / name).write_text(ARTICLE)
    run = run_supplint("report", name, "--format", fmt, "-o", f"out.{fmt}", cwd=tmp_path)
    assert run.returncode in (0, 1) and not run.crashed, run.stderr
    report = (tmp_path / f"out.{fmt}").read_text()
    if fmt == "md":  # what a Markdown viewer that passes raw HTML through would show
        from markdown_it import MarkdownIt

        report = MarkdownIt("commonmark").enable("table").render(report)
    assert live_payloads(report) == []
    if fmt == "html" and not name.endswith(".html"):
        assert "PWN1" in report  # the article's text is still shown, as text
