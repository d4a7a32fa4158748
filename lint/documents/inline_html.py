"""`<a href rel>text</a>` written inline in a Markdown paragraph (common in affiliate posts).

markdown-it hands the opening and closing tags over as separate `html_inline` tokens; the text
between them is ordinary Markdown. These helpers turn the pair into a Link with its rel, so
link rules (rel="sponsored", affiliate URLs) see it as they do in an HTML file.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from lint.documents.model import Link

_OPEN = re.compile(r"<a\s[^>]*>\Z", re.IGNORECASE | re.DOTALL)
_CLOSE = re.compile(r"</a\s*>\Z", re.IGNORECASE)
_ATTR = r"\b{name}\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))"
_HREF = re.compile(_ATTR.format(name="href"), re.IGNORECASE)
_REL = re.compile(_ATTR.format(name="rel"), re.IGNORECASE)


@dataclass
class Anchor:
    """An open inline <a>: quacks like markdown-it's link_open token where the walker looks."""

    href: str
    rel: tuple[str, ...]
    tag_length: int
    markup: str = "html"


def _attr(pattern: re.Pattern[str], tag: str) -> str | None:
    match = pattern.search(tag)
    if match is None:
        return None
    return html.unescape(next(g for g in match.groups() if g is not None))


def open_anchor(tag: str) -> Anchor | None:
    """An Anchor for `<a href=...>`, or None for any other inline tag."""
    if not _OPEN.match(tag):
        return None
    href = _attr(_HREF, tag)
    if href is None:
        return None
    rel = tuple((_attr(_REL, tag) or "").lower().split())
    return Anchor(href, rel, len(tag))


def is_close_anchor(tag: str) -> bool:
    return bool(_CLOSE.match(tag))


def anchor_link(anchor: Anchor, start: int, text_end: int, end: int, text: str) -> Link:
    """The Link from the tag at `start` to just past `</a>` at `end`."""
    return Link(
        url=anchor.href,
        text=text,
        rel=anchor.rel,
        start=start,
        end=end,
        text_start=start + anchor.tag_length,
        text_end=text_end,
    )
