"""The language server keeps serving after a hostile Content-Length, and its positions use
the CLI's line breaks (CR, LF, CRLF), not str.splitlines (U+2028, form feed, ...)."""

from __future__ import annotations

from pathlib import Path

from test_server import Client, received, utf16

from lint.config import Config
from lint.engine import Engine
from lint.positions import split_lines
from lint.sources import Source

SEPARATORS = (
    "Note\u2028This blend is clinically proven.\fIt is a natural alternative to Adderall.\n"
)
ARTICLE = "# Notes\n\n" + SEPARATORS + "\nOur blend is clinically proven.\n"


def cli_positions(path: Path, text: str) -> list[tuple[str, int, tuple[int, int, int, int]]]:
    """The CLI's findings as LSP ranges: 0-based lines, UTF-16 characters."""
    severity = {"error": 1, "warning": 2, "info": 3}
    [result] = Engine(Config()).lint_sources([Source(str(path), text, "markdown")])
    lines = split_lines(text)
    rows = []
    for f in result.findings:
        start = utf16(lines[f.line - 1][: f.column - 1])
        end = utf16(lines[f.end_line - 1][: f.end_column - 1])
        rows.append((f.rule_id, severity[f.severity], (f.line - 1, start, f.end_line - 1, end)))
    return sorted(rows)


def test_line_separators_do_not_shift_lsp_positions(tmp_path: Path):
    path = tmp_path / "draft.md"
    uri = path.as_uri()
    client = Client(tmp_path)
    try:
        client.initialize(tmp_path)
        client.open(uri, ARTICLE)
        got = received(client.diagnostics(uri))
        want = cli_positions(path, ARTICLE)
        # findings after U+2028 and the form feed, on the same CLI line (line 3)
        assert [row for row in want if row[2][0] == 2 and row[2][1] > 5]
        assert got == want
    finally:
        client.proc.kill()


def test_huge_content_length_is_skipped_and_the_server_keeps_serving(tmp_path: Path):
    path = tmp_path / "draft.md"
    uri = path.as_uri()
    client = Client(tmp_path)
    try:
        client.initialize(tmp_path)
        assert client.proc.stdin is not None
        client.proc.stdin.write(b"Content-Length: 99999999999\r\n\r\n{not the body}\r\n")
        client.proc.stdin.flush()
        shown = client.wait_for(lambda m: m.get("method") == "window/showMessage")
        assert "skipped a message of 99999999999 bytes" in shown["params"]["message"]
        client.open(uri, ARTICLE)
        assert received(client.diagnostics(uri)) == cli_positions(path, ARTICLE)
        status = Path(f"/proc/{client.proc.pid}/status").read_text()
        rss = next(line for line in split_lines(status) if line.startswith("VmRSS:"))
        assert int(rss.split()[1]) < 600 * 1024  # kB
        assert client.proc.poll() is None
    finally:
        client.proc.kill()
