"""HTML from a CMS, parsed by selectolax (lexbor); positions recovered by forward alignment."""

from __future__ import annotations

import html as html_lib
import re
from typing import Any

from lint.documents.align import Aligner
from lint.documents.model import Document, Link, ProseBuilder
from lint.sources import Source

# Markup that holds no document text; raw-text elements are dropped whole, as the DOM does.
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(script|style|textarea|title|xmp|noscript)\b[^>]*>.*?(?:</\1\s*>|\Z)"
    r"|<[!?/]?[A-Za-z][^>]*>?"
    r"|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?",
    re.DOTALL | re.IGNORECASE,
)
_BR = re.compile(r"<br\b", re.IGNORECASE)
_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "title",
    "pre",
    "code",
    "svg",
    "math",
    "textarea",
    "select",
    "iframe",
    "object",
    "-comment",
}
_NO_TEXT = {"script", "style", "noscript", "textarea", "title", "-comment"}  # not in the stream
_BLOCK = {
    "p",
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
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "dl",
    "dd",
    "dt",
    "figure",
    "figcaption",
    "caption",
    "blockquote",
    "form",
    "details",
    "summary",
    "hr",
    "body",
    "html",
    "address",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "fieldset",
    "legend",
}
# opening tags -> ProseBuilder's table places (Block.cell)
_TABLE_OPEN = {"table": "table_open", "tr": "row_open", "td": "cell_open", "th": "cell_open"}
_KIND = {
    "li": "list_item",
    "td": "table_cell",
    "th": "table_cell",
    "dd": "list_item",
    "dt": "list_item",
}


def text_stream(source: str, start: int, end: int) -> tuple[str, list[int]]:
    """The characters a browser would show, each with its source offset."""
    chars: list[str] = []
    offsets: list[int] = []
    pos = start
    for match in _MARKUP.finditer(source, start, end):
        chars.append(source[pos : match.start()])
        offsets.extend(range(pos, match.start()))
        token = match.group()
        if token.startswith("&"):
            decoded = html_lib.unescape(token)
            # `&bogus;` stays as typed and `&ampx;` decodes only its `&amp` prefix: characters
            # that were not decoded keep their own offsets.
            kept = _common_suffix(token, decoded)
            chars.append(decoded)
            offsets.extend([match.start()] * (len(decoded) - kept))
            offsets.extend(range(match.end() - kept, match.end()))
        pos = match.end()
    chars.append(source[pos:end])
    offsets.extend(range(pos, end))
    return "".join(chars), offsets


def _common_suffix(token: str, decoded: str) -> int:
    """How many trailing characters of `decoded` are `token`'s own, undecoded."""
    if decoded == token:
        return len(token)
    kept = 0
    while kept < len(decoded) - 1 and token[-1 - kept] == decoded[-1 - kept]:
        kept += 1
    return kept


def parse_html(source: Source) -> Document:
    builder = ProseBuilder()
    links = collect_html(source.text, 0, len(source.text), builder, False)
    return builder.build(source, links, {})


def collect_html(
    source: str, start: int, end: int, builder: ProseBuilder, quoted: bool
) -> list[Link]:
    from selectolax.lexbor import LexborHTMLParser

    stream, offsets = text_stream(source, start, end)
    tree = LexborHTMLParser(source[start:end])
    walker = _DomWalker(source, stream, offsets, builder, quoted, start)
    if tree.root is not None:
        walker.walk(tree.root)
    return walker.links


class _DomWalker:
    def __init__(
        self,
        source: str,
        stream: str,
        offsets: list[int],
        builder: ProseBuilder,
        quoted: bool,
        start: int = 0,
    ):
        self.source = source
        self.start = start  # where this HTML begins in the source
        self.offsets = offsets
        self.aligner = Aligner(stream)
        self.builder = builder
        self.links: list[Link] = []
        self.quote_depth = 1 if quoted else 0
        self.blocks: list[tuple[str, int]] = []

    def walk(self, root: Any) -> None:
        # Iterative, so 10,000 nested elements cannot exhaust Python's recursion limit.
        # `silent` nodes (code, pre, svg...) are aligned, to keep the cursor in step, not linted.
        stack: list[tuple[Any, bool, Any, bool]] = [(root, True, None, False)]
        while stack:
            node, entering, state, silent = stack.pop()
            if not entering:
                self._leave(node, state)
                continue
            tag = node.tag
            if tag in _NO_TEXT:
                continue
            if tag == "-text":
                text = node.text_content or ""
                if silent:
                    self.aligner.match(text)
                else:
                    self._text(text)
                continue
            silent = silent or tag in _SKIP
            if not silent:
                stack.append((node, False, self._enter(node, tag), False))
            child, children = node.child, []
            while child is not None:
                children.append(child)
                child = child.next
            stack.extend((c, True, None, silent) for c in reversed(children))

    def _source_offsets(self, text: str) -> list[int]:
        found = self.aligner.match(text)
        offsets = self.offsets
        if type(found) is range and found.stop <= len(offsets):  # the usual case: a slice
            return offsets[found.start : found.stop]
        if found and max(found) < len(offsets):  # one lookup per character
            return list(map(offsets.__getitem__, found))
        return [offsets[i] if i < len(offsets) else 0 for i in found]

    def _text(self, text: str) -> None:
        if text:
            self.builder.add(text, self._source_offsets(text))

    def _enter(self, node: Any, tag: str) -> Any:
        if tag == "br":
            self._line_break()
        if tag == "blockquote":
            self.quote_depth += 1
        if tag in _BLOCK:
            self._flush()
            kind = "heading" if tag[0] == "h" and tag[1:].isdigit() else _KIND.get(tag, "paragraph")
            self.blocks.append((kind, int(tag[1]) if kind == "heading" else 0))
            if tag in _TABLE_OPEN:
                getattr(self.builder, _TABLE_OPEN[tag])()
        if tag == "a" and node.attributes.get("href") is not None:
            return (len(self.builder.chars), self.aligner.cursor)
        return None

    def _line_break(self) -> None:
        """`<br>` reads as a space, mapped to its own `<` (it has no text to map to)."""
        cursor = self.aligner.cursor
        after = self.offsets[cursor - 1] + 1 if 0 < cursor <= len(self.offsets) else self.start
        tag = _BR.search(self.source, after)
        if tag:
            self.builder.add(" ", [tag.start()])

    def _leave(self, node: Any, state: Any) -> None:
        tag = node.tag
        if state is not None:
            self._link(node, *state)
        if tag in _BLOCK:
            self._flush()
            self.blocks.pop()
        if tag == "table":
            self.builder.table_close()
        if tag == "blockquote":
            self.quote_depth -= 1

    def _flush(self) -> None:
        kind, level = self.blocks[-1] if self.blocks else ("paragraph", 0)
        self.builder.end(kind, level, self.quote_depth > 0)

    def _link(self, node: Any, prose_start: int, stream_start: int) -> None:
        attrs = node.attributes
        stream_end = max(self.aligner.cursor, stream_start + 1)
        last = len(self.offsets) - 1
        text_start = self.offsets[min(stream_start, last)] if self.offsets else 0
        text_end = self.offsets[min(stream_end - 1, last)] + 1 if self.offsets else 0
        tag_start = self.source.rfind("<a", 0, text_start + 1)
        close = self.source.find(">", self.source.find("</a", text_end))
        self.links.append(
            Link(
                url=str(attrs.get("href") or ""),
                text="".join(self.builder.chars[prose_start:]).strip(),
                rel=tuple(str(attrs.get("rel") or "").lower().split()),
                start=tag_start if tag_start >= 0 else text_start,
                end=close + 1 if close >= 0 else text_end,
                text_start=text_start,
                text_end=text_end,
            )
        )
