"""Markdown as it reads: a line scanner for blocks and a bounded regex scanner for inline markup.

Every quantifier is bounded and each line is scanned once per nesting level, so the scan stays
linear in the article however its asterisks and brackets fall.
"""

from __future__ import annotations

import re

from lint.report.layout import Block, Inline, Layout, lines

_FM_OPEN = re.compile(r"---[ \t]*\r?\n")
_FM_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_FM_ROW = re.compile(r"([^\s:#][^:\n]{0,200}?):([ \t]*)")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_QUOTE = re.compile(r" {0,3}>[ \t]?")
_ITEM = re.compile(r"([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+")
_REFERENCE = re.compile(r" {0,3}\[[^\]\n]{1,200}\]:[ \t]*\S")
_INLINE = re.compile(
    r"(?P<code>(?P<ticks>`{1,3})(?P<codetext>[^`\n]{1,2000}?)(?P=ticks))"
    r"|(?P<image>!\[(?P<alt>[^\]\n]{0,500})\]\([^)\s]{0,2000}(?:[ \t]+\"[^\"\n]{0,300}\")?\))"
    r"|(?P<link>\[(?P<linktext>[^\]\n]{1,500})\]\((?P<href>[^)\s]{0,2000})"
    r"(?:[ \t]+\"[^\"\n]{0,300}\")?\))"
    r"|(?P<ref>\[(?P<reftext>[^\]\n]{1,500})\]\[[^\]\n]{0,200}\])"
    r"|(?P<auto><(?P<autohref>https?://[^>\s]{1,2000})>)"
    r"|(?P<comment><!--.{0,2000}?-->)"
    r"|(?P<tag></?[A-Za-z][^<>\n]{0,2000}>)"
    r"|(?P<strong>(?P<smark>\*\*|__)(?=\S)(?P<stext>[^\n]{1,1000}?)(?<=\S)(?P=smark))"
    r"|(?P<em>(?P<emark>\*|(?<!\w)_)(?=[^\s*_])(?P<etext>[^*\n]{1,1000}?)(?<=[^\s*_])(?P=emark))"
    r"|(?P<escape>\\[!-/:-@\[-`{-~])"
)


def markdown_layout(text: str) -> Layout:
    layout = Layout()
    body = _front_matter(text, layout)
    _Blocks(text, layout).scan(body)
    return layout


def _front_matter(text: str, layout: Layout) -> int:
    """A metadata table: `key: value` rows; the fences and the colons hidden."""
    opening = _FM_OPEN.match(text)
    closing = _FM_CLOSE.search(text, opening.end()) if opening else None
    if not opening or not closing:
        return 0
    layout.hide(0, opening.end())
    row_value: list[int] = []  # index into layout.inlines of the open row's value cell
    for start, end, after in lines(text, opening.end(), closing.start()):
        row = _FM_ROW.match(text, start, end)
        if row and text[start] not in " \t-":
            layout.inlines.append(Inline("key", start, row.end(1)))
            layout.hide(row.end(1), row.end())
            layout.inlines.append(Inline("value", row.end(), end))
            row_value = [len(layout.inlines) - 1]
        elif row_value and text[start:end].strip():  # a continued value (a YAML list...)
            cell = layout.inlines[row_value[0]]
            layout.inlines[row_value[0]] = Inline("value", cell.start, end)
        else:
            layout.hide(start, after)  # a comment or a blank line
    layout.blocks.append(Block("meta", 0, closing.end()))
    layout.hide(closing.start(), closing.end())
    return closing.end()


class _Blocks:
    def __init__(self, text: str, layout: Layout):
        self.text = text
        self.layout = layout
        self.open: tuple[str, int, int, int] | None = None  # kind, start, content end, level
        self.lines_in_open = 0

    def close(self) -> None:
        if self.open is not None:
            kind, start, end, level = self.open
            self.layout.blocks.append(Block(kind, start, end, level))
            self.open = None

    def start(self, kind: str, start: int, end: int, level: int = 0) -> None:
        self.close()
        self.open = (kind, start, end, level)
        self.lines_in_open = 1

    def extend(self, end: int) -> None:
        assert self.open is not None
        kind, start, _, level = self.open
        self.open = (kind, start, end, level)
        self.lines_in_open += 1

    def scan(self, begin: int) -> None:
        text, layout = self.text, self.layout
        fence: str | None = None
        for start, end, after in lines(text, begin):
            line = text[start:end]
            if fence is not None:  # inside a code block: verbatim until the closing fence
                if line.lstrip(" ").startswith(fence):
                    layout.hide(start, end)
                    self.close()
                    fence = None
                elif self.open is None:
                    self.start("pre", start, end)
                else:
                    self.extend(end)
                continue
            found = _FENCE.match(text, start, end)
            if found:
                self.close()
                fence = found.group(1)
                layout.hide(start, after)
                continue
            if not line.strip():
                self.close()
                continue
            self.line(start, end)
        self.close()

    def line(self, start: int, end: int) -> None:
        text, layout = self.text, self.layout
        kind = self.open[0] if self.open else None
        setext = _SETEXT.match(text, start, end)
        if setext and kind == "p" and self.lines_in_open == 1:
            _, begin, content_end, _ = self.open  # type: ignore[misc]
            self.open = ("h", begin, content_end, 1 if setext.group(1)[0] == "=" else 2)
            layout.hide(start, end)
            self.close()
            return
        if _RULE.match(text, start, end):
            self.start("hr", start, end)
            layout.hide(start, end)
            self.close()
            return
        heading = _HEADING.match(text, start, end)
        if heading:
            self.start("h", start, end, len(heading.group(1)))
            layout.hide(start, heading.end())
            self.inline(heading.end(), end)
            self.close()
            return
        if _REFERENCE.match(text, start, end):
            self.close()
            layout.hide(start, end)
            return
        quote = _QUOTE.match(text, start, end)
        item = _ITEM.match(text, start, end)
        content = start
        if quote:
            content = quote.end()
            layout.hide(start, content)
            if kind != "quote":
                self.start("quote", start, end)
            else:
                self.extend(end)
        elif item:
            content = item.end()
            marker = item.group(2)
            hidden_to = content if not marker[0].isdigit() else item.start(2)
            layout.hide(start, hidden_to)
            self.start("li", start, end, len(item.group(1).expandtabs(4)) // 2)
        elif kind is not None and kind not in ("h", "hr", "pre"):
            self.extend(end)  # a continuation line of the paragraph, item or quote
        else:
            self.start("p", start, end)
        self.inline(content, end)

    def inline(self, start: int, end: int) -> None:
        """Inline markup in text[start:end]: markers hidden, styles as ranges (nested)."""
        text, layout = self.text, self.layout
        for m in _INLINE.finditer(text, start, end):
            name = m.lastgroup
            if name is None:
                continue
            if name == "code":
                layout.hide(m.start(), m.start("codetext"))
                layout.hide(m.end("codetext"), m.end())
                layout.inlines.append(Inline("code", m.start("codetext"), m.end("codetext")))
            elif name == "image":
                layout.hide(m.start(), m.start("alt"))
                layout.hide(m.end("alt"), m.end())
                layout.inlines.append(Inline("em", m.start("alt"), m.end("alt")))
            elif name == "link":
                self.wrap(m, "linktext", "link", m.group("href"))
            elif name == "ref":
                self.wrap(m, "reftext", "link")
            elif name == "auto":
                layout.hide(m.start(), m.start("autohref"))
                layout.hide(m.end("autohref"), m.end())
                href = m.group("autohref")
                layout.inlines.append(Inline("link", m.start("autohref"), m.end("autohref"), href))
            elif name in ("comment", "tag"):
                layout.hide(m.start(), m.end())
            elif name == "strong":
                self.wrap(m, "stext", "strong")
            elif name == "em":
                self.wrap(m, "etext", "em")
            elif name == "escape":
                layout.hide(m.start(), m.start() + 1)

    def wrap(self, m: re.Match[str], group: str, kind: str, href: str = "") -> None:
        """Hide what surrounds `group`, style `group`, and scan inside it."""
        self.layout.hide(m.start(), m.start(group))
        self.layout.hide(m.end(group), m.end())
        self.layout.inlines.append(Inline(kind, m.start(group), m.end(group), href))
        self.inline(m.start(group), m.end(group))
