"""`supplint server`: a language server (pygls) so editors pay the start-up once.

Diagnostics are published on open, change and save, from the same Findings the CLI prints:
range = the finding's span (LSP lines are 0-based; characters are counted in the encoding the
client negotiated, UTF-16 unless it asked for another), code = rule id, codeDescription = the
rule's YAML file (its `explain` text is there), severity error/warning/info.

Lines are split as the CLI splits them (lint.positions: CR, LF, CRLF), and documents are
synced in full: pygls applies incremental edits with `str.splitlines`, which also breaks at
U+2028 or a form feed. Reads from the client are bounded (BoundedStdin).

A burst of changes lints only the newest version: each change waits DEBOUNCE_SECONDS, then
lints in a worker thread (so the server keeps reading changes meanwhile), and a version that a
newer one replaced, before or during its lint, is dropped unpublished; a lint under way stops at
its next check between checkers once its version is replaced. One lint runs at a time
(Linter's lock): the pipeline is never shared between threads. Clients that support pull diagnostics
(`textDocument/diagnostic`) get them on request instead of pushed. Hover on a finding shows its
rule's `explain` text; code actions are in lint/fixes/lsp.py.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint import __version__
from lint.budget import Cancelled, cancel_when
from lint.errors import SupplintError, UsageError
from lint.lsp_convert import rule_links, to_diagnostic, uri_to_path
from lint.positions import split_lines
from lint.sources import MAX_BYTES

if TYPE_CHECKING:
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer

    from lint.config import Config
    from lint.engine import Engine
    from lint.finding import Finding
    from lint.sources import Exclusion

FORMAT_BY_LANGUAGE = {"markdown": "markdown", "html": "html", "plaintext": "text"}
# An article is at most MAX_BYTES; JSON string escapes can make its message a few times that
MAX_MESSAGE_BYTES = 4 * MAX_BYTES
MAX_HEADER_BYTES = 1024  # a header line; longer ones are read (and ignored) in pieces
READ_CHUNK = 1024 * 1024
SKIPPED = "supplint/skippedMessage"  # what the server reads instead of an oversized message
DEBOUNCE_SECONDS = 0.03  # under a typist's gap between keys: one quick change is not delayed


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


def _stamps(config_path: Path | None, extends: tuple[Path, ...]) -> tuple[Any, ...]:
    """What a config depends on, by stat as rules_stamp: its file and the files it extends."""
    return tuple(_stat(file) for file in (config_path, *extends) if file is not None)


class Linter:
    """One Engine per config file, rebuilt when the config or any rule file changes (known by
    modification times: rules_stamp, no file read on a keystroke)."""

    def __init__(self) -> None:
        import threading

        self.lock = threading.RLock()  # the worker thread's lint and the loop's hover
        self._engines: dict[Any, Engine] = {}
        # config file -> (its and its extended files' stat, the config read)
        self._configs: dict[str, tuple[tuple[Any, ...], Config]] = {}
        self._exclusions: dict[Any, Exclusion] = {}
        # path -> (engine, text, language, findings): hover and code actions on the text
        # just linted reuse its findings instead of linting it again
        self._last: dict[str, tuple[Engine, str, str | None, list[Finding]]] = {}

    def config_for(self, path: str) -> Config:
        """The nearest config to the document (the working folder's for an unsaved one), read
        again only when its file changes."""
        return self._config(path)[1]

    def _config(self, path: str) -> tuple[Any, Config]:
        """(the config's key: its file and modification time, the config)."""
        from lint.config import discover, load_config

        start = Path(path).parent if Path(path).is_absolute() else Path.cwd()
        config_path = discover(start)
        cached = self._configs.get(str(config_path))
        if cached is not None and cached[0] == _stamps(config_path, cached[1].extends):
            return (str(config_path), cached[0]), cached[1]
        self._configs.clear()  # a changed config (or one it extends) replaces the one read
        self._exclusions.clear()
        config = load_config(config_path)
        stamps = _stamps(config_path, config.extends)
        self._configs[str(config_path)] = (stamps, config)
        return (str(config_path), stamps), config

    def engine_for(self, path: str) -> Engine:
        from lint.engine import Engine

        config_key, config = self._config(path)
        key = (config_key, rules_stamp(config.rule_dirs))
        engine = self._engines.get(key)
        if engine is None:
            self._engines.clear()  # only the newest rule set is kept in memory
            engine = self._engines[key] = Engine(config)
        return engine

    def excluded(self, path: str) -> bool:
        """A saved document the config's exclusions cover (defaults, `exclude`, .gitignore)
        gets no diagnostics: an editor opening a file names it, as --force-exclude has it."""
        from lint.gitignore import NamedIgnores
        from lint.sources import exclusion

        if not Path(path).is_absolute():
            return False  # untitled:... has no place in the tree
        config_key, config = self._config(path)
        forced = self._exclusions.get(config_key)
        if forced is None:
            forced = exclusion(config.exclude, config.respect_gitignore, config.path)
            self._exclusions[config_key] = forced
        return forced.excludes(path, NamedIgnores())

    def findings(self, path: str, text: str, language: str | None) -> list[Finding]:
        with self.lock:
            if self.excluded(path):
                return []
            return self._findings(path, text, language)

    def _findings(self, path: str, text: str, language: str | None) -> list[Finding]:
        from lint.sources import Source, format_for

        engine = self.engine_for(path)
        last = self._last.get(path)
        if last is not None and last[0] is engine and last[1] == text and last[2] == language:
            return last[3]
        fmt = FORMAT_BY_LANGUAGE.get(language or "") or format_for(path)
        [result] = engine.lint_sources([Source(path, text, fmt)])
        if result.error:
            raise UsageError(result.error)
        self._last[path] = (engine, text, language, result.findings)
        return result.findings

    def forget(self, path: str) -> None:
        self._last.pop(path, None)


def rules_stamp(rule_dirs: list[Path]) -> tuple[Any, ...]:
    """What a server's rule set depends on, by stat (modification time, size, inode): the lint
    package's files and every file in each rule folder. The CLI's lint.cache.rules_key hashes
    every byte instead: about 9 ms a call, once or twice a keystroke here."""
    from lint.rules.loader import rule_sources

    files = [*_package_files()]
    for directory, _builtin in rule_sources(rule_dirs):
        if not directory.exists():
            files.append(directory)  # a missing folder: load_rules reports it
            continue
        files.extend([directory] if directory.is_file() else sorted(directory.rglob("*")))
    return tuple(_stat(file) for file in files)


@lru_cache(maxsize=1)  # which files the package has: fixed once it runs; their stat is not
def _package_files() -> tuple[Path, ...]:
    package = Path(__file__).parent
    return tuple(p for p in sorted(package.rglob("*")) if "__pycache__" not in p.parts)


def _stat(path: Path) -> tuple[Any, ...]:
    try:
        info = path.stat()
    except OSError:
        return (str(path), None)
    return (str(path), info.st_mtime_ns, info.st_size, info.st_ino)


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

    def lint(uri: str, text: str, language: str | None) -> tuple[list[types.Diagnostic], str]:
        """(diagnostics, error message or ""): safe to run in the worker thread."""
        path = uri_to_path(uri)
        with linter.lock:
            try:
                findings = linter.findings(path, text, language)
            except SupplintError as err:  # a broken house rule or config: tell the user, once
                return [], f"supplint: {err.render()}"
            links = rule_links(linter.engine_for(path)) if findings else {}
        lines = split_lines(text)
        units = server.workspace.position_codec.client_num_units
        return [to_diagnostic(f, lines, units, links) for f in findings], ""

    def tell(error: str) -> None:
        if error:
            server.window_show_message(types.ShowMessageParams(types.MessageType.Error, error))

    def diagnostics(uri: str) -> list[types.Diagnostic]:
        document = server.workspace.get_text_document(uri)
        found, error = lint(uri, document.source, document.language_id)
        tell(error)
        return found

    def pulls() -> bool:
        """Does the client ask for diagnostics itself (LSP 3.17 pull)? Then none are pushed."""
        text_document = server.client_capabilities.text_document
        return text_document is not None and text_document.diagnostic is not None

    def send(uri: str, version: int | None, found: list[types.Diagnostic]) -> None:
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=found)
        )

    def publish(uri: str) -> None:
        if not pulls():
            send(uri, server.workspace.get_text_document(uri).version, diagnostics(uri))

    from concurrent.futures import ThreadPoolExecutor

    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="supplint-lint")

    def current(uri: str, version: int) -> bool:
        return server.workspace.get_text_document(uri).version == version

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: LanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        import asyncio

        uri, version = params.text_document.uri, params.text_document.version
        await asyncio.sleep(DEBOUNCE_SECONDS)  # newer changes, typed meanwhile, are read now
        if pulls() or not current(uri, version):
            return  # superseded: the newest version's own handler lints it
        document = ls.workspace.get_text_document(uri)
        text, language = document.source, document.language_id

        def job() -> tuple[list[types.Diagnostic], str] | None:
            # queued behind another lint: skip it if a newer version came meanwhile, and stop
            # it between checkers if one comes while it runs (the newest waits for no stale one)
            if not current(uri, version):
                return None
            try:
                with cancel_when(lambda: not current(uri, version)):
                    return lint(uri, text, language)
            except Cancelled:
                return None

        done = await asyncio.get_running_loop().run_in_executor(worker, job)
        if done is None:
            return
        tell(done[1])
        if current(uri, version):  # else replaced while it was linted: never shown stale
            send(uri, version, done[0])

    @server.feature(
        types.TEXT_DOCUMENT_DIAGNOSTIC,
        types.DiagnosticOptions(
            identifier="supplint", inter_file_dependencies=False, workspace_diagnostics=False
        ),
    )
    def pull(
        ls: LanguageServer, params: types.DocumentDiagnosticParams
    ) -> types.RelatedFullDocumentDiagnosticReport:
        return types.RelatedFullDocumentDiagnosticReport(
            items=diagnostics(params.text_document.uri)
        )

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: LanguageServer, params: types.HoverParams) -> types.Hover | None:
        from lint.server_hover import hover_for

        uri = params.text_document.uri
        document = ls.workspace.get_text_document(uri)
        path = uri_to_path(uri)
        with linter.lock:
            try:
                findings = linter.findings(path, document.source, document.language_id)
            except SupplintError:
                return None
            rules = {rule.id: rule for rule in linter.engine_for(path).rules}
        units = ls.workspace.position_codec.client_num_units
        return hover_for(document.source, units, findings, rules, params.position)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: LanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        linter.forget(uri_to_path(params.text_document.uri))
        if pulls():
            return
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
