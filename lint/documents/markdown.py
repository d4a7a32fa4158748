"""Markdown with YAML front matter, parsed by markdown-it-py (CommonMark + tables + linkify)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lint.documents.align import Aligner
from lint.documents.frontmatter import split_front_matter
from lint.documents.inline_html import Anchor, anchor_link, is_close_anchor, open_anchor
from lint.documents.model import Document, Link, ProseBuilder
from lint.positions import LINE_BREAK, LineIndex
from lint.sources import Source

_BLOCK_KIND = {"h": "heading", "li": "list_item", "td": "table_cell", "th": "table_cell"}
# markdown-it's table tokens -> ProseBuilder's table places (Block.cell)
_TABLE_EVENTS = {
    "table_open": "table_open",
    "table_close": "table_close",
    "tr_open": "row_open",
    "td_open": "cell_open",
    "th_open": "cell_open",
}


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"linkify": True}).enable(["linkify", "table", "strikethrough"])


def parse_markdown(source: Source) -> Document:
    front_matter, body_start = split_front_matter(source.path, source.text)
    text = source.text
    # Blank the front matter but keep its line breaks, so markdown-it's line numbers stay ours.
    masked = "".join(c if c in "\r\n" else " " for c in text[:body_start]) + text[body_start:]
    walker = _Walker(source, LineIndex(text))
    walker.walk(_parser().parse(masked))
    return walker.builder.build(source, walker.links, front_matter)


class _Walker:
    def __init__(self, source: Source, index: LineIndex):
        self.source = source
        self.index = index
        self.builder = ProseBuilder()
        self.links: list[Link] = []
        self.aligner = Aligner(source.text)
        self.quote_depth = 0
        self.kind_stack: list[tuple[str, int]] = []

    def walk(self, tokens: list[Any]) -> None:
        for token in tokens:
            event = _TABLE_EVENTS.get(token.type)
            if event is not None:
                getattr(self.builder, event)()
            if token.type == "blockquote_open":
                self.quote_depth += 1
            elif token.type == "blockquote_close":
                self.quote_depth -= 1
            elif token.type in ("heading_open", "list_item_open", "td_open", "th_open"):
                kind = _BLOCK_KIND[token.tag[0] if token.tag[0] == "h" else token.tag]
                self.kind_stack.append((kind, int(token.tag[1]) if kind == "heading" else 0))
            elif token.type in ("heading_close", "list_item_close", "td_close", "th_close"):
                self.kind_stack.pop()
            elif token.type == "inline":
                self._inline(token)
            elif token.type == "html_block":
                self._html_block(token)

    def _start_of_line(self, line: int) -> int:
        return self.index.line_start(line + 1) if line < self.index.line_count() else 0

    def _inline(self, token: Any) -> None:
        if token.map:
            self.aligner.cursor = max(self.aligner.cursor, self._start_of_line(token.map[0]))
        kind, level = self.kind_stack[-1] if self.kind_stack else ("paragraph", 0)
        self.builder.begin()
        open_links: list[tuple[Any, int, int]] = []
        for child in token.children or []:
            self._child(child, open_links)
        self.builder.end(kind, level, self.quote_depth > 0)

    def _child(self, child: Any, open_links: list[tuple[Any, int, int]]) -> None:
        aligner, src = self.aligner, self.source.text
        kind = child.type
        if kind == "text":
            if open_links and open_links[-1][0].markup in ("linkify", "autolink"):
                aligner.match(child.content)  # a bare URL is a link, not prose
            else:
                self.builder.add(child.content, aligner.match(child.content))
        elif kind in ("softbreak", "hardbreak"):
            # markdown-it turned CR and CRLF into LF; the source may still hold either
            brk = LINE_BREAK.search(src, aligner.cursor)
            if brk:
                self.builder.add(" ", [brk.start()])
                aligner.cursor = brk.end()
        elif kind == "code_inline":
            aligner.skip_to(child.markup)
            aligner.skip_to(child.content)
            aligner.skip_to(child.markup)
        elif kind == "html_inline":
            closes = bool(open_links) and isinstance(open_links[-1][0], Anchor)
            if closes and is_close_anchor(child.content):
                anchor, start, prose_start = open_links.pop()
                text_end = src.find(child.content, aligner.cursor)
                aligner.skip_to(child.content)
                text = "".join(self.builder.chars[prose_start:]).strip()
                self.links.append(anchor_link(anchor, start, text_end, aligner.cursor, text))
                return
            aligner.skip_to(child.content)
            if child.content.lower().startswith("<br"):
                self.builder.add(" ", [aligner.cursor - 1])
            opened = open_anchor(child.content)  # inline <a href rel>: a link with its rel
            if opened is not None:
                start = aligner.cursor - len(child.content)
                open_links.append((opened, start, len(self.builder.chars)))
        elif kind == "image":
            if aligner.skip_to("!["):
                aligner.cursor -= 1
                aligner.skip_balanced("[", "]")
                self._skip_destination()
        elif kind == "link_open":
            start = src.find("<" if child.markup == "autolink" else "[", aligner.cursor)
            start = aligner.cursor if child.markup == "linkify" or start < 0 else start
            if child.markup != "linkify":  # past the "[" or "<": the text is searched after it,
                aligner.cursor = max(aligner.cursor, start + 1)  # not in markup before the link
            open_links.append((child, start, len(self.builder.chars)))
        elif kind == "link_close" and open_links:
            self._close_link(*open_links.pop())

    def _skip_destination(self) -> None:
        src, aligner = self.source.text, self.aligner
        if src.startswith("(", aligner.cursor):
            aligner.skip_balanced("(", ")")
        elif src.startswith("[", aligner.cursor):
            aligner.skip_balanced("[", "]")

    def _close_link(self, token: Any, start: int, prose_start: int) -> None:
        src, aligner = self.source.text, self.aligner
        text_end = aligner.cursor
        if token.markup == "autolink" and src.startswith(">", aligner.cursor):
            aligner.cursor += 1
        elif token.markup not in ("linkify", "autolink") and src.startswith("]", aligner.cursor):
            aligner.cursor += 1
            self._skip_destination()
        chars = self.builder.chars[prose_start:]
        visible = "".join(chars).strip() or src[start:text_end]
        text_start = start + (0 if token.markup == "linkify" else 1)
        self.links.append(
            Link(
                url=str(token.attrs.get("href", "")),
                text=visible,
                rel=(),
                start=start,
                end=aligner.cursor,
                text_start=text_start,
                text_end=text_end,
            )
        )

    def _html_block(self, token: Any) -> None:
        """Raw HTML inside Markdown: parse it as HTML, offsets shifted into this file."""
        from lint.documents.html import collect_html

        if not token.map or token.content.lstrip().startswith("<!--"):
            return
        start = self._start_of_line(token.map[0])
        end = (
            self._start_of_line(token.map[1])
            if token.map[1] < self.index.line_count()
            else len(self.source.text)
        )
        self.links.extend(
            collect_html(self.source.text, start, end, self.builder, self.quote_depth > 0)
        )
        self.aligner.cursor = max(self.aligner.cursor, end)
