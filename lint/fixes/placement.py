"""Where a new paragraph or sentence goes in each format, written in that format's idiom."""

from __future__ import annotations

import bisect
import functools
import html
import re

from lint.analysis import Analysis
from lint.finding import Edit

_CLOSERS = ("</article>", "</main>", "</body>")
# what may precede a paragraph's first word on its line in Markdown: quote and list markers
_MD_LINE_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?")
_INLINE_OPEN = re.compile(
    r"<(?:a|b|strong|em|i|u|span|mark|small|abbr|cite|q|sup|sub)\b[^<>]*>\s*\Z", re.I
)
_HEADING_OPEN = re.compile(r"<h[1-6]\b[^<>]*>(?:\s*<[^<>]*>)*\s*\Z", re.I)
_SETEXT = re.compile(r"[ \t]*(?:=+|-+)[ \t]*(?:\r\n|\r|\n|\Z)")


@functools.lru_cache(maxsize=4)  # asked once per fix: counting the whole text each time was
def newline(text: str) -> str:  # O(fixes x text) on an article of many links
    """The file's own line ending: CRLF if it uses CRLF most, CR for old Mac files, else LF."""
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    if crlf and crlf >= lf and crlf >= cr:
        return "\r\n"
    return "\r" if cr > lf else "\n"


def line_start(text: str, offset: int) -> int:
    return max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1


def line_end(text: str, offset: int) -> int:
    ends = [i for i in (text.find("\r", offset), text.find("\n", offset)) if i >= 0]
    return min(ends) if ends else len(text)


def indent(text: str, offset: int) -> str:
    """The leading whitespace of the line holding `offset`."""
    start = line_start(text, offset)
    line = text[start:offset]
    return line[: len(line) - len(line.lstrip(" \t"))]


def html_paragraph(words: str) -> str:
    return f"<p>{html.escape(words, quote=False)}</p>"


def append_paragraph(analysis: Analysis, words: str, before: str | None) -> Edit:
    """A paragraph at the end of the article body, or just before the footer marker's line."""
    text, fmt = analysis.source_text, analysis.document.source.format
    nl = newline(text)
    block = html_paragraph(words) if fmt == "html" else words
    marker = text.find(before) if before else -1
    if marker >= 0:
        start = line_start(text, marker)
        if fmt == "html":
            if text[start:marker].strip():  # the marker shares its line with other markup
                return Edit(marker, marker, block)
            return Edit(start, start, f"{indent(text, marker)}{block}{nl}")
        return Edit(start, start, f"{block}{nl}{nl}")
    if fmt == "html":
        return _html_end(text, block, nl)
    end = len(text.rstrip())
    lead = f"{nl}{nl}" if end else ""
    return Edit(end, end, f"{lead}{block}")


def _html_end(text: str, block: str, nl: str) -> Edit:
    lower = text.lower()
    for closer in _CLOSERS:
        at = lower.rfind(closer)
        if at < 0:
            continue
        start = line_start(text, at)
        if text[start:at].strip():
            return Edit(at, at, block)
        previous = len(text[:start].rstrip())  # indent like the last line of content
        spaces = indent(text, previous) if previous else indent(text, at)
        return Edit(start, start, f"{spaces}{block}{nl}")
    end = len(text.rstrip())
    return Edit(end, end, f"{nl}{block}" if end else block)


def before_block(analysis: Analysis, source_offset: int, words: str) -> Edit | None:
    """A new paragraph just before the heading (or Markdown table) holding `source_offset`: a
    sentence inside either would change it. None for any other block."""
    text, document = analysis.source_text, analysis.document
    block = document.block_at(prose_offset(analysis, source_offset))
    first = document.offsets[block.start] if block is not None else 0
    nl = newline(text)
    if block is not None and block.kind == "table_cell" and document.source.format == "markdown":
        start = _above_directives(text, _table_start(text, line_start(text, first)))
        return Edit(start, start, f"{words}{nl}{nl}")  # a sentence in a cell would break the row
    if block is None or block.kind != "heading":
        return None
    if document.source.format == "html":
        opening = _HEADING_OPEN.search(text, max(0, first - 512), first)
        at = opening.start() if opening else first
        start = line_start(text, at)
        if text[start:at].strip():
            return Edit(at, at, html_paragraph(words))
        return Edit(start, start, f"{indent(text, at)}{html_paragraph(words)}{nl}")
    start = _above_directives(text, line_start(text, first))
    return Edit(start, start, f"{words}{nl}{nl}")


def _previous_line(text: str, start: int) -> int:
    return line_start(text, start - (2 if text.startswith("\r\n", start - 2) else 1))


def _above_directives(text: str, start: int) -> int:
    """Above a `disable-next-line` comment that targets this line, so it keeps its target."""
    while start > 0:
        above = _previous_line(text, start)
        if "supplint:" not in text[above:start] or "disable-next-line" not in text[above:start]:
            return start
        start = above
    return start


def _table_start(text: str, start: int) -> int:
    """The first line of the Markdown table whose row starts at `start`."""
    while start > 0:
        above = _previous_line(text, start)
        if "|" not in text[above:start]:
            break
        start = above
    return start


def tag_end(text: str, start: int) -> int:
    """Offset of the `>` closing the tag at `start`, skipping quoted values; -1 if none."""
    quote = ""
    for index in range(start, min(len(text), start + 4096)):
        char = text[index]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == ">":
            return index
        elif char == "<" and index > start:
            return -1  # a new tag before this one closed: malformed
    return -1


def paragraph_head(analysis: Analysis, source_offset: int) -> int:
    """Where a sentence can go first in the block holding `source_offset`: before any inline
    markup (emphasis, the link itself), after list and quote markers."""
    text, document = analysis.source_text, analysis.document
    block = document.block_at(prose_offset(analysis, source_offset))
    first = document.offsets[block.start] if block is not None else source_offset
    if document.source.format == "html":
        while True:
            opening = _INLINE_OPEN.search(text, max(0, first - 512), first)
            if opening is None:
                return first
            first = opening.start()
    start = line_start(text, first)
    prefix = _MD_LINE_PREFIX.match(text, start, first)
    return prefix.end() if prefix else first


def after_heading(analysis: Analysis) -> Edit | None:
    """An insertion point just after a first-block heading (for a top-of-article paragraph)."""
    document, text = analysis.document, analysis.source_text
    if not document.blocks or document.blocks[0].kind != "heading":
        return None
    last = document.offsets[document.blocks[0].end - 1]
    if document.source.format == "html":
        close = text.lower().find("</h", last)
        end = text.find(">", close) + 1 if close >= 0 else 0
        return Edit(end, end, "") if end > 0 else None
    end = line_end(text, last)
    nxt = end + (2 if text.startswith("\r\n", end) else 1)
    if document.source.format == "markdown" and _SETEXT.match(text, nxt):
        end = line_end(text, nxt)
    return Edit(end, end, "")


def prose_offset(analysis: Analysis, source_offset: int) -> int:
    """The first prose character at or after a source offset (offsets are non-decreasing)."""
    offsets = analysis.document.offsets
    index = bisect.bisect_left(offsets, source_offset, 0, max(0, len(offsets) - 1))
    return min(index, max(0, len(analysis.document.prose) - 1))


def sentence_end(analysis: Analysis, source_offset: int) -> int | None:
    """Source offset just after the sentence holding `source_offset` (or, for a heading, the
    first sentence after it)."""
    sentence = analysis.sentence_at(prose_offset(analysis, source_offset))
    while sentence is not None and sentence.is_heading:  # a heading is no place for advice
        following = analysis.sentences[sentence.index + 1 :]
        sentence = following[0] if following else None
    if sentence is None:
        return None
    return analysis.source_span(sentence.start_char, sentence.end_char)[1]
