"""HTML as it reads: tags hidden, block elements as blocks, <a href> as a link with its URL on
hover, <head> and scripts hidden (the page title shown as a small line). One regex pass over the
tags; nesting is tracked with a stack, so malformed markup only ends a style early."""

from __future__ import annotations

import html
import re

from lint.report.layout import Block, Inline, Layout

_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<![^>]{0,2000}>|<(/?)([A-Za-z][\w:-]{0,40})([^>]{0,5000})>", re.S
)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_BLOCKS = {
    **{f"h{n}": "h" for n in range(1, 7)},
    "p": "p",
    "li": "li",
    "blockquote": "quote",
    "pre": "pre",
    "td": "p",
    "th": "p",
    "dt": "p",
    "dd": "p",
    "figcaption": "p",
    "caption": "p",
    "title": "title",
}
_INLINES = {"a": "link", "em": "em", "i": "em", "strong": "strong", "b": "strong", "code": "code"}
_BREAKS = {
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "ul",
    "ol",
    "table",
    "tr",
    "br",
    "hr",
    "figure",
    "body",
    "html",
    "head",
    "dl",
    "form",
    "details",
    "summary",
}  # end a loose paragraph
_HIDDEN = {"script", "style", "template", "noscript", "svg", "head"}  # content never shown


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.layout = Layout()
        self.block: tuple[str, int, int] | None = None  # kind, start, level
        self.styles: list[tuple[str, str, int, str]] = []  # tag, kind, start, href
        self.lists = 0

    def close_block(self, at: int) -> None:
        for _, kind, start, href in reversed(self.styles):
            self.layout.inlines.append(Inline(kind, start, at, href))
        self.styles = []
        if self.block is not None:
            kind, start, level = self.block
            if at > start:
                self.layout.blocks.append(Block(kind, start, at, level))
            self.block = None

    def open_block(self, kind: str, at: int, level: int = 0) -> None:
        self.close_block(at)
        self.block = (kind, at, level)

    def text_at(self, start: int, end: int) -> None:
        """Loose text outside any block element starts a paragraph."""
        if self.block is None and self.text[start:end].strip():
            begin = start + len(self.text[start:end]) - len(self.text[start:end].lstrip())
            self.block = ("p", begin, 0)

    def scan(self) -> Layout:
        text, layout = self.text, self.layout
        here = 0
        skip_until: str | None = None
        for m in _TOKEN.finditer(text):
            closing, tag = m.group(1) == "/", (m.group(2) or "").lower()
            if skip_until is not None:
                if closing and tag == skip_until:
                    layout.hide(here, m.end())
                    here = m.end()
                    skip_until = None
                continue
            self.text_at(here, m.start())
            layout.hide(m.start(), m.end())
            here = m.end()
            if tag == "title" and not closing:
                self.open_block("title", m.end())
                skip_until = None
                continue
            if tag == "title" and closing:
                self.close_block(m.start())
                continue
            if tag in _HIDDEN and not closing and not m.group(3).rstrip().endswith("/"):
                if tag == "head":
                    continue  # the head's title still shows; the rest of it is tags
                self.close_block(m.start())
                skip_until, here = tag, m.start()
                continue
            self.tag(tag, closing, m)
        if skip_until is not None:
            layout.hide(here, len(text))
        else:
            self.text_at(here, len(text))
        self.close_block(len(text))
        return layout

    def tag(self, tag: str, closing: bool, m: re.Match[str]) -> None:
        if tag in ("ul", "ol"):
            self.lists = max(0, self.lists + (-1 if closing else 1))
        if tag in _BLOCKS:
            if closing:
                self.close_block(m.start())
            else:
                level = int(tag[1]) if tag[0] == "h" and tag[1:].isdigit() else self.lists - 1
                self.open_block(_BLOCKS[tag], m.end(), max(0, level))
        elif tag in _INLINES and self.block is not None:
            if not closing:
                href = ""
                if tag == "a":
                    found = _HREF.search(m.group(3))
                    href = (
                        html.unescape(next((g for g in found.groups() if g), "")) if found else ""
                    )
                self.styles.append((tag, _INLINES[tag], m.end(), href))
            elif self.styles and self.styles[-1][0] == tag:
                _, kind, start, href = self.styles.pop()
                self.layout.inlines.append(Inline(kind, start, m.start(), href))
        elif tag in _BREAKS:
            self.close_block(m.start())


def html_layout(text: str) -> Layout:
    return _Scanner(text).scan()
