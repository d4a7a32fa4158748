"""Language-server latency (issue 17): a 5,700-word document, a keystroke every 50 ms.

    .venv/bin/python bench/lsp_latency.py [--keys 40] [--words 5700] [--rounds 3]

A real `supplint server` over stdio: open the document, wait for its first diagnostics, then
type one character mid-document every 50 ms. Latency is the time from a change to the
diagnostics published for that version; superseded versions are dropped by the server (never
published), so the figures are over the versions it did publish, the last always among them.
Also printed: the server's CPU time over the burst (reading 40 full-text changes, the lints
started and dropped, the one published), which the machine's load does not inflate the way it
inflates wall time. Target (issue 17): median <= 150 ms, max <= 300 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = (
    "Magnesium glycinate is a common form of the mineral in many shops.",
    "Some readers take it in the evening with a glass of water.",
    "Our blend cures ADHD in children, the label says.",
    "Ask a pharmacist before combining it with other supplements.",
)


def article(words: int) -> str:
    paragraphs, count = [], 0
    while count < words:
        paragraph = " ".join(SENTENCES)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "# Long notes\n\n" + "\n\n".join(paragraphs) + "\n"


class Session:
    """A `supplint server` process and the messages it sends, read in a thread."""

    def __init__(self, folder: Path):
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "lint", "server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=folder,
            env=env,
        )
        self.inbox: queue.Queue[tuple[float, dict[str, Any]]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

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
            body = json.loads(out.read(int(headers["content-length"])))
            self.inbox.put((time.monotonic(), body))

    def send(self, method: str, params: Any, ident: int | None = None) -> None:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
        if ident is not None:
            message["id"] = ident
        body = json.dumps(message).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def published(self, timeout: float = 120) -> tuple[float, dict[str, Any]]:
        while True:
            at, message = self.inbox.get(timeout=timeout)
            if message.get("method") == "textDocument/publishDiagnostics":
                return at, message["params"]

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=30)


def one_round(words: int, keys: int, gap: float) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.md"
        text = article(words)
        path.write_text(text, encoding="utf-8")
        uri = path.as_uri()
        session = Session(Path(folder))
        try:
            session.send("initialize", {"processId": None, "rootUri": None, "capabilities": {}}, 1)
            session.send("initialized", {})
            document = {"uri": uri, "languageId": "markdown", "version": 1, "text": text}
            session.send("textDocument/didOpen", {"textDocument": document})
            session.published()  # the first lint (and the engine's start) is not a keystroke
            cpu_before = session.cpu_seconds()
            sent: dict[int, float] = {}
            middle = len(text) // 2
            last = keys + 1
            for version in range(2, last + 1):
                text = text[:middle] + "x" + text[middle:]
                sent[version] = time.monotonic()
                change = {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"text": text}],
                }
                session.send("textDocument/didChange", change)
                time.sleep(gap)
            latency: dict[int, float] = {}
            while last not in latency:
                at, params = session.published()
                latency[params["version"]] = at - sent[params["version"]]
            cpu = session.cpu_seconds() - cpu_before
        finally:
            session.close()
    values = sorted(latency.values())
    return {
        "published": len(values),
        "median_ms": statistics.median(values) * 1000,
        "max_ms": values[-1] * 1000,
        "cpu_ms": cpu * 1000,
        "words": len(article(words).split()),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=5700)
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument("--gap", type=float, default=0.05, help="seconds between keystrokes")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    rows = [one_round(args.words, args.keys, args.gap) for _ in range(args.rounds)]
    for n, row in enumerate(rows, 1):
        print(
            f"round {n}: {row['words']} words, {args.keys} keys every {args.gap * 1000:.0f} ms: "
            f"published {row['published']}, latency median {row['median_ms']:.0f} ms, "
            f"max {row['max_ms']:.0f} ms; server CPU {row['cpu_ms']:.0f} ms over the burst"
        )
    median = statistics.median(row["median_ms"] for row in rows)
    worst = max(row["max_ms"] for row in rows)
    print(
        f"load {load:.1f} at start; median of medians {median:.0f} ms, max {worst:.0f} ms "
        "(target: median <= 150 ms, max <= 300 ms)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
