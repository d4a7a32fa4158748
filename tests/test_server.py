"""`supplint server`: a real LSP session over stdio gives the engine's findings as diagnostics."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from lint.config import Config
from lint.engine import Engine
from lint.positions import split_lines
from lint.sources import Source

# the brain emoji is one code point but two UTF-16 units: LSP columns must count the latter
ARTICLE = (
    "# Study notes\n\n"
    "🧠 Our blend is clinically proven, a natural alternative to Adderall.\n\n"
    "Magnesium may help some people sleep.\n"
)
SEVERITY = {"error": 1, "warning": 2, "info": 3}


class Client:
    def __init__(self, cwd: Path):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "lint", "server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            # the lint package of this checkout, whatever is installed
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.next_id = 0

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            headers = {}
            while (line := out.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode().partition(":")
                headers[name.strip().lower()] = value.strip()
            if not headers:
                return
            self.inbox.put(json.loads(out.read(int(headers["content-length"]))))

    def send(self, method: str, params: Any, request: bool = False) -> int | None:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return message.get("id")

    def wait_for(self, match: Any, timeout: float = 90) -> dict[str, Any]:
        while True:
            try:
                message = self.inbox.get(timeout=timeout)
            except queue.Empty:
                self.proc.kill()
                pytest.fail(f"no reply; server stderr: {self.proc.stderr.read().decode()[-2000:]}")
            if match(message):
                return message

    def initialize(self, root: Path) -> dict[str, Any]:
        """The LSP handshake; returns the server's `initialize` result."""
        init = self.send(
            "initialize",
            {"processId": None, "rootUri": root.as_uri(), "capabilities": {}},
            request=True,
        )
        reply = self.wait_for(lambda m: m.get("id") == init)
        self.send("initialized", {})
        result: dict[str, Any] = reply["result"]
        return result

    def open(self, uri: str, text: str) -> None:
        document = {"uri": uri, "languageId": "markdown", "version": 1, "text": text}
        self.send("textDocument/didOpen", {"textDocument": document})

    def diagnostics(self, uri: str) -> dict[str, Any]:
        return self.wait_for(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
            )
        )["params"]


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def expected(path: Path, text: str) -> list[tuple[str, int, tuple[int, int, int, int]]]:
    [result] = Engine(Config()).lint_sources([Source(str(path), text, "markdown")])
    lines = split_lines(text)
    rows = []
    for f in result.findings:
        start = utf16(lines[f.line - 1][: f.column - 1])
        end = utf16(lines[f.end_line - 1][: f.end_column - 1])
        rows.append((f.rule_id, SEVERITY[f.severity], (f.line - 1, start, f.end_line - 1, end)))
    return sorted(rows)


def received(params: dict[str, Any]) -> list[tuple[str, int, tuple[int, int, int, int]]]:
    rows = []
    for d in params["diagnostics"]:
        r = d["range"]
        span = (
            r["start"]["line"],
            r["start"]["character"],
            r["end"]["line"],
            r["end"]["character"],
        )
        rows.append((d["code"], d["severity"], span))
    return sorted(rows)


def test_diagnostics_over_stdio(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(ARTICLE, encoding="utf-8")
    uri = path.as_uri()
    client = Client(tmp_path)
    try:
        assert client.initialize(tmp_path)["serverInfo"]["name"] == "supplint"
        client.open(uri, ARTICLE)
        opened = client.diagnostics(uri)
        want = expected(path, ARTICLE)
        assert want and received(opened) == want
        # findings after the emoji: LSP columns count it as two UTF-16 units, not one code point
        line = ARTICLE.splitlines()[2]
        on_emoji_line = [row for row in want if row[2][0] == 2]
        assert on_emoji_line
        for _, _, (_, start, _, _) in on_emoji_line:
            assert line.encode("utf-16-le")[2 * start :].decode("utf-16-le")[:1].isalpha()
        sample = opened["diagnostics"][0]
        assert sample["source"] == "supplint"
        assert sample["codeDescription"]["href"].startswith("file://")

        fixed = ARTICLE.replace(
            "clinically proven, a natural alternative to Adderall", "a blend of two herbs"
        )
        client.send(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]},
        )
        changed = client.diagnostics(uri)
        assert changed["version"] == 2
        assert received(changed) == expected(path, fixed)
        assert len(changed["diagnostics"]) < len(opened["diagnostics"])

        shutdown = client.send("shutdown", None, request=True)
        client.wait_for(lambda m: m.get("id") == shutdown)
        client.send("exit", None)
        assert client.proc.wait(timeout=30) == 0
    finally:
        if client.proc.poll() is None:
            client.proc.kill()
