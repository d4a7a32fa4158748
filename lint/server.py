"""`supplint server`: a language server (pygls) so editors pay the start-up once.

Diagnostics are published on open, change and save, from the same Findings the CLI prints:
range = the finding's span (LSP lines are 0-based; characters are counted in the encoding the
client negotiated, UTF-16 unless it asked for another), code = rule id, codeDescription = the
rule's YAML file (its `explain` text is there), severity error/warning/info.

Lines are split as the CLI splits them (lint.positions: CR, LF, CRLF), and documents are
synced in full: pygls applies incremental edits with `str.splitlines`, which also breaks at
U+2028 or a form feed. Reads from the client are bounded (BoundedStdin).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

from lint import __version__
from lint.errors import SupplintError, UsageError
from lint.positions import split_lines
from lint.sources import MAX_BYTES

if TYPE_CHECKING:
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer

    from lint.engine import Engine
    from lint.finding import Finding

FORMAT_BY_LANGUAGE = {"markdown": "markdown", "html": "html", "plaintext": "text"}
# An article is at most MAX_BYTES; JSON string escapes can make its message a few times that
MAX_MESSAGE_BYTES = 4 * MAX_BYTES
MAX_HEADER_BYTES = 1024  # a header line; longer ones are read (and ignored) in pieces
READ_CHUNK = 1024 * 1024
SKIPPED = "supplint/skippedMessage"  # what the server reads instead of an oversized message


class BoundedStdin:
    """The client's byte stream as pygls reads it (`readline()`, `read(n)`), with bounds.

    pygls reads `Content-Length: N` and then `read(N)` at once: N = 99999999999 made it
    allocate or die. Here a body over MAX_MESSAGE_BYTES is not read: pygls gets a small
    SKIPPED notification instead (the server tells the user), and whatever body bytes follow
    are read as header lines and ignored until the next `Content-Length:` header. A body
    within the limit is read in chunks, so memory follows the bytes that really arrive."""

    def __init__(self, stream: Any):
        self.stream = stream

    def readline(self) -> bytes:
        line: bytes = self.stream.readline(MAX_HEADER_BYTES)
        return line

    def read(self, size: int) -> bytes:
        if size > MAX_MESSAGE_BYTES:
            params = f'{{"bytes": {size}, "limit": {MAX_MESSAGE_BYTES}}}'
            return f'{{"jsonrpc": "2.0", "method": "{SKIPPED}", "params": {params}}}'.encode()
        chunks, left = [], size
        while left > 0:
            chunk = self.stream.read(min(left, READ_CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)


def uri_to_path(uri: str) -> str:
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return unquote(parsed.path)
    return uri  # untitled:..., still a stable name for the document


class Linter:
    """One Engine per config file, rebuilt when the config or any rule file changes."""

    def __init__(self) -> None:
        self._engines: dict[Any, Engine] = {}

    def engine_for(self, path: str) -> Engine:
        from lint.cache import rules_key
        from lint.config import discover, load_config
        from lint.engine import Engine

        start = Path(path).parent if Path(path).is_absolute() else Path.cwd()
        config_path = discover(start)
        stamp = config_path.stat().st_mtime_ns if config_path and config_path.exists() else None
        config = load_config(config_path)
        key = (str(config_path), stamp, rules_key(config.rule_dirs))
        engine = self._engines.get(key)
        if engine is None:
            self._engines.clear()  # only the newest rule set is kept in memory
            engine = self._engines[key] = Engine(config)
        return engine

    def findings(self, path: str, text: str, language: str | None) -> list[Finding]:
        from lint.sources import Source, format_for

        engine = self.engine_for(path)
        fmt = FORMAT_BY_LANGUAGE.get(language or "") or format_for(path)
        [result] = engine.lint_sources([Source(path, text, fmt)])
        if result.error:
            raise UsageError(result.error)
        return result.findings


def to_diagnostic(
    finding: Finding, lines: list[str], units: Any, rule_files: dict[str, str]
) -> types.Diagnostic:
    from lsprotocol import types

    def position(line: int, column: int) -> types.Position:
        text = lines[line - 1] if line - 1 < len(lines) else ""
        return types.Position(line - 1, units(text[: column - 1]))

    severity = {
        "error": types.DiagnosticSeverity.Error,
        "warning": types.DiagnosticSeverity.Warning,
        "info": types.DiagnosticSeverity.Information,
    }[finding.severity]
    message = finding.message
    if finding.suggestion:
        message += f"\nSuggestion: {finding.suggestion}"
    href = rule_files.get(finding.rule_id)
    return types.Diagnostic(
        range=types.Range(
            position(finding.line, finding.column), position(finding.end_line, finding.end_column)
        ),
        message=message,
        severity=severity,
        code=finding.rule_id,
        code_description=types.CodeDescription(href=href) if href else None,
        source="supplint",
        data={"explain": f"supplint explain {finding.rule_id}"},
    )


def rule_links(engine: Engine) -> dict[str, str]:
    """Rule id -> file URI of its YAML definition (what, why, example, references)."""
    links = {}
    for rule in engine.rules:
        path = Path(rule.file)
        if path.is_file():
            links[rule.id] = f"{path.resolve().as_uri()}#L{rule.line}"
    return links


def build_server() -> LanguageServer:
    try:
        from lsprotocol import types
        from pygls.lsp.server import LanguageServer
    except ImportError:
        raise UsageError("supplint server needs pygls: pip install 'supplint[server]'") from None

    server = LanguageServer(
        "supplint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full
    )
    linter = Linter()

    def publish(uri: str) -> None:
        document = server.workspace.get_text_document(uri)
        path = uri_to_path(uri)
        try:
            findings = linter.findings(path, document.source, document.language_id)
        except SupplintError as err:  # a broken house rule or config: tell the user, once
            server.window_show_message(
                types.ShowMessageParams(types.MessageType.Error, f"supplint: {err.render()}")
            )
            findings = []
        lines = split_lines(document.source)
        units = server.workspace.position_codec.client_num_units
        links = rule_links(linter.engine_for(path)) if findings else {}
        diagnostics = [to_diagnostic(f, lines, units, links) for f in findings]
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, version=document.version, diagnostics=diagnostics
            )
        )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: LanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )

    @server.feature(SKIPPED)
    def skipped(ls: LanguageServer, params: Any) -> None:
        server.window_show_message(
            types.ShowMessageParams(
                types.MessageType.Error,
                f"supplint: skipped a message of {params.bytes} bytes "
                f"(the limit is {params.limit})",
            )
        )

    from lint.fixes.lsp import add_code_actions  # quick fixes and "fix all safe"

    add_code_actions(server, linter)
    return server


def serve() -> int:
    server = build_server()
    from lint.nlp import get_nlp

    get_nlp()  # pay the start-up now, before the editor opens its first file
    server.start_io(stdin=BoundedStdin(sys.stdin.buffer))  # type: ignore[arg-type]
    return 0
