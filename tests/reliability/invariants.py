"""What every parse and every finding must satisfy, whatever the input."""

from __future__ import annotations

import html

from lint.documents import Document
from lint.documents.model import BLOCK_SEPARATOR
from lint.documents.normalise import fold
from lint.finding import Finding
from lint.positions import LineIndex

_SPACE_MARKUP = ("<br",)  # markup a parser may turn into one space


def _entity_at(source: str, offset: int, char: str) -> bool:
    """`source[offset:]` starts an HTML entity whose decoding contains `char` (or, for the
    single space whitespace collapses to, any whitespace)."""
    if source[offset] != "&":
        return False
    end = source.find(";", offset, offset + 40)
    candidates = [source[offset : end + 1]] if end > 0 else []
    candidates += [source[offset : offset + n] for n in range(2, 34)]
    for candidate in candidates:
        decoded = html.unescape(candidate)
        if decoded == candidate:
            continue
        if char in decoded or char in fold(decoded):
            return True
        if char == " " and any(c.isspace() for c in decoded):
            return True
    return False


def prose_char_ok(source: str, char: str, offset: int) -> bool:
    """A prose character is the source character at its offset (or the Latin letter that
    character looks like: lint/documents/normalise.py), or what markup there means."""
    if not 0 <= offset < len(source):
        return False
    here = source[offset]
    if here == char or fold(here) == char:
        return True
    if char == " " and (here.isspace() or source[offset : offset + 3].lower() in _SPACE_MARKUP):
        return True
    return _entity_at(source, offset, char)


def prose_mismatches(document: Document) -> list[tuple[int, str, int]]:
    """(prose index, prose char, source offset) for every character that breaks the map."""
    source, prose, offsets = document.source.text, document.prose, document.offsets
    bad = []
    assert len(offsets) == len(prose) + 1, "one offset per prose char plus the end sentinel"
    for block in document.blocks:
        assert 0 <= block.start < block.end <= len(prose)
        for index in range(block.start, block.end):
            if not prose_char_ok(source, prose[index], offsets[index]):
                bad.append((index, prose[index], offsets[index]))
    return bad


def check_document(document: Document) -> None:
    bad = prose_mismatches(document)
    assert not bad, f"prose chars not mapped to equal source chars: {bad[:5]}"
    inside = set()
    for block in document.blocks:
        inside.update(range(block.start, block.end))
    for index, char in enumerate(document.prose):
        if index not in inside:
            assert char in BLOCK_SEPARATOR, f"text outside any block at {index}: {char!r}"
    for link in document.links:
        assert 0 <= link.start <= link.end <= len(document.source.text), link


def check_finding(text: str, finding: Finding, lines: LineIndex | None = None) -> None:
    lines = lines or LineIndex(text)
    start, end = finding.start_offset, finding.end_offset
    assert 0 <= start <= end <= len(text), finding
    assert finding.excerpt == text[start:end], finding
    assert 1 <= finding.line <= finding.end_line <= lines.line_count(), finding
    assert finding.column >= 1 and finding.end_column >= 1, finding
    assert lines.offset(finding.line, finding.column) == start, finding
    assert lines.offset(finding.end_line, finding.end_column) == end, finding
    # the column stays on its own line (no column past the line's end, counting code points)
    for line, column in ((finding.line, finding.column), (finding.end_line, finding.end_column)):
        next_start = lines.starts[line] if line < lines.line_count() else len(text) + 1
        assert lines.line_start(line) + column - 1 < next_start + 1, finding
    assert finding.rule_id.count(".") >= 1 and finding.family == finding.rule_id.split(".")[0]
    assert finding.severity in ("error", "warning", "info")
