"""Plain text: paragraphs are separated by blank lines and by rule lines ("-----", "====="
between the posts of a forum thread or the parts of an email); short unpunctuated lines are
headings.
A bare URL ("https://amzn.to/3abc", "www.shop.example/x") is a link, as Markdown's linkify makes
it: forum posts and newsletters paste their affiliate links that way."""

from __future__ import annotations

import re

from lint.documents.model import Document, Link, ProseBuilder
from lint.sources import Source

_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t\r]*(?:\n|\r|$)))*", re.MULTILINE)
_RULE_LINE = re.compile(r"^[ \t]*([-=_*~])(?:[ \t]*\1){2,}[ \t]*$", re.MULTILINE)
_BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'`]+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?'\"’”)]"
_TERMINAL = (".", "!", "?", ":", ";", ",", "”", '"', ")", "…")


def looks_like_heading(text: str) -> bool:
    """A short unpunctuated line that does not open in lower case: a forum post typed in
    lower case without a full stop ("this stuff fixed my sleep") is a sentence."""
    stripped = text.strip()
    return (
        "\n" not in stripped
        and 0 < len(stripped.split()) <= 12
        and not stripped.endswith(_TERMINAL)
        and not stripped[0].islower()
    )


def parse_text(source: Source) -> Document:
    builder = ProseBuilder()
    # same length, so offsets stay exact; CRLF must not look like a blank line
    text = source.text.replace("\r\n", " \n").replace("\r", "\n")
    text = _RULE_LINE.sub(lambda rule: " " * len(rule.group()), text)  # a blank line now
    for match in _PARAGRAPH.finditer(text):
        chunk = source.text[match.start() : match.end()]
        builder.add(chunk, range(match.start(), match.end()))
        builder.end("heading" if looks_like_heading(match.group()) else "paragraph")
    return builder.build(source, bare_links(source.text), {})


def bare_links(text: str) -> list[Link]:
    """Every bare URL, without the punctuation that ends its sentence ("see https://x.example.")
    or a closing bracket it did not open."""
    links = []
    for match in _BARE_URL.finditer(text):
        start, end = match.start(), match.end()
        while end > start and text[end - 1] in _URL_TRAILING:
            if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
                break
            end -= 1
        url = text[start:end]
        href = url if "://" in url else "http://" + url
        links.append(Link(href, url, (), start, end, start, end))
    return links
