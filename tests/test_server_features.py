"""`supplint server` beyond diagnostics: hover explains a finding's rule, code actions carry
their diagnostics and offer a suppress comment, pull diagnostics (textDocument/diagnostic) for
clients that ask, and a burst of changes lints only the newest version."""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

from test_fixes_lsp import apply_lsp_edits
from test_server import Client

ARTICLE = "# Notes\n\n🧠 Bacopa cures ADHD in children.\n"
CLAIM_LINE = 2


def _session(tmp_path: Path, capabilities: dict[str, Any] | None = None) -> tuple[Client, str]:
    path = tmp_path / "draft.md"
    path.write_text(ARTICLE, encoding="utf-8")
    client = Client(tmp_path)
    init = client.send(
        "initialize",
        {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": capabilities or {}},
        request=True,
    )
    client.inbox_reply = client.wait_for(lambda m: m.get("id") == init)  # type: ignore[attr-defined]
    client.send("initialized", {})
    return client, path.as_uri()


def _request(client: Client, method: str, params: dict[str, Any]) -> Any:
    asked = client.send(method, params, request=True)
    reply = client.wait_for(lambda m: m.get("id") == asked)
    assert "error" not in reply, reply
    return reply["result"]


def _close(client: Client) -> None:
    if client.proc.poll() is None:
        client.proc.kill()
        client.proc.wait(timeout=30)


def test_hover_on_a_finding_shows_its_rule_explanation(tmp_path: Path) -> None:
    client, uri = _session(tmp_path)
    try:
        client.open(uri, ARTICLE)
        client.diagnostics(uri)
        where = {"line": CLAIM_LINE, "character": 12}  # inside "cures ADHD" (🧠 = 2 units)
        hover = _request(
            client, "textDocument/hover", {"textDocument": {"uri": uri}, "position": where}
        )
        text = hover["contents"]["value"]
        assert hover["contents"]["kind"] == "markdown"
        assert "fda.disease-claim" in text and "What it flags" in text
        assert hover["range"]["start"] == {"line": CLAIM_LINE, "character": 10}
        nowhere = {"line": 0, "character": 2}
        assert (
            _request(
                client, "textDocument/hover", {"textDocument": {"uri": uri}, "position": nowhere}
            )
            is None
        )
    finally:
        _close(client)


def test_code_actions_name_their_diagnostics_and_offer_a_suppress_comment(
    tmp_path: Path, lint
) -> None:
    client, uri = _session(tmp_path)
    try:
        client.open(uri, ARTICLE)
        client.diagnostics(uri)
        here = {
            "start": {"line": CLAIM_LINE, "character": 12},
            "end": {"line": CLAIM_LINE, "character": 12},
        }
        actions = _request(
            client,
            "textDocument/codeAction",
            {"textDocument": {"uri": uri}, "range": here, "context": {"diagnostics": []}},
        )
        quick = [a for a in actions if a["kind"] == "quickfix"]
        assert quick and all(a["diagnostics"] for a in quick)
        suppress = next(a for a in quick if "disable fda.disease-claim" in a["title"])
        assert suppress["diagnostics"][0]["code"] == "fda.disease-claim"
        edited = apply_lsp_edits(ARTICLE, suppress["edit"]["changes"][uri])
        assert edited == ARTICLE.replace(
            "🧠", "<!-- supplint: disable-next-line=fda.disease-claim -->\n🧠"
        )
        assert [f for f in lint(edited, "draft.md") if f.rule_id == "fda.disease-claim"] == []
    finally:
        _close(client)


def test_pull_diagnostics_for_clients_that_support_them(tmp_path: Path) -> None:
    capabilities = {"textDocument": {"diagnostic": {"dynamicRegistration": False}}}
    client, uri = _session(tmp_path, capabilities)
    try:
        assert "diagnosticProvider" in client.inbox_reply["result"]["capabilities"]  # type: ignore[attr-defined]
        client.open(uri, ARTICLE)
        report = _request(client, "textDocument/diagnostic", {"textDocument": {"uri": uri}})
        assert report["kind"] == "full"
        codes = {d["code"] for d in report["items"]}
        assert "fda.disease-claim" in codes
        # a pull client gets no pushed copy as well (editors would show every finding twice)
        time.sleep(0.5)
        pushed = [
            m
            for m in list(client.inbox.queue)
            if m.get("method") == "textDocument/publishDiagnostics"
        ]
        assert pushed == []
    finally:
        _close(client)


def _article(words: int) -> str:
    sentences = [
        "Magnesium glycinate is a common form of the mineral in many shops.",
        "Some readers take it in the evening with a glass of water.",
        "Our blend cures ADHD in children, the label says.",
        "Ask a pharmacist before combining it with other supplements.",
    ]
    out, count = [], 0
    while count < words:
        paragraph = " ".join(sentences)
        out.append(paragraph)
        count += len(paragraph.split())
    return "# Long notes\n\n" + "\n\n".join(out) + "\n"


def test_a_burst_of_changes_lints_only_the_newest_version(tmp_path: Path) -> None:
    """A keystroke every 50 ms on a 5,700-word draft: superseded versions are dropped, the
    last one is always published, and the latency from a version's change to its diagnostics
    stays low (median printed; the bound is loose because the test machine is shared)."""
    text = _article(5700)
    client, uri = _session(tmp_path)
    try:
        client.open(uri, text)
        client.diagnostics(uri)
        sent: dict[int, float] = {}
        middle = len(text) // 2
        for version in range(2, 42):  # typing: one more character each time, mid-document
            text = text[:middle] + "x" + text[middle:]
            sent[version] = time.monotonic()
            change = {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"text": text}],
            }
            client.send("textDocument/didChange", change)
            time.sleep(0.05)
        latencies: dict[int, float] = {}
        while 41 not in latencies:
            params = client.diagnostics(uri)
            latencies[params["version"]] = time.monotonic() - sent[params["version"]]
        assert len(latencies) < 40  # superseded versions were not linted and published
        median = statistics.median(latencies.values())
        print(f"published {len(latencies)} of 40 versions; latency median {median * 1000:.0f} ms")
        assert median < 1.5
    finally:
        _close(client)
