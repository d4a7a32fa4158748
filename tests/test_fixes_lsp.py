"""`supplint server` code actions: a finding's fix as a quick fix, and "fix all safe"."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_server import Client  # the same stdio client as the server test

from lint.fixes.lsp import minimal_edit
from lint.fixes.producers import FDA_DISCLAIMER

# the emoji is two UTF-16 units: the edit positions must count it that way
ARTICLE = "# Notes\n\n🧠 Bacopa boosts memory.\n"


def apply_lsp_edits(text: str, edits: list[dict]) -> str:
    lines = text.splitlines(keepends=True)

    def offset(position: dict) -> int:
        line = lines[position["line"]] if position["line"] < len(lines) else ""
        units = line.encode("utf-16-le")[: 2 * position["character"]].decode("utf-16-le")
        return sum(map(len, lines[: position["line"]])) + len(units)

    for edit in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


def test_code_actions_over_stdio(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(ARTICLE, encoding="utf-8")
    uri = path.as_uri()
    client = Client(tmp_path)
    try:
        provider = client.initialize(tmp_path)["capabilities"]["codeActionProvider"]
        assert "source.fixAll.supplint" in provider["codeActionKinds"]
        client.open(uri, ARTICLE)
        client.diagnostics(uri)
        here = {"start": {"line": 2, "character": 10}, "end": {"line": 2, "character": 10}}
        asked = client.send(
            "textDocument/codeAction",
            {"textDocument": {"uri": uri}, "range": here, "context": {"diagnostics": []}},
            request=True,
        )
        actions = client.wait_for(lambda m: m.get("id") == asked)["result"]
        titles = [a["title"] for a in actions]
        hedge = next(a for a in actions if "Hedge the claim" in a["title"])
        assert hedge["kind"] == "quickfix" and not hedge.get("isPreferred")
        edits = hedge["edit"]["changes"][uri]
        assert apply_lsp_edits(ARTICLE, edits) == ARTICLE.replace("boosts", "may support")
        assert edits[0]["range"]["start"] == {"line": 2, "character": 10}  # 🧠 = 2 units

        fix_all = next(a for a in actions if a["kind"] == "source.fixAll.supplint")
        assert "apply 1 safe fix" in fix_all["title"], titles
        result = apply_lsp_edits(ARTICLE, fix_all["edit"]["changes"][uri])
        assert result == ARTICLE.rstrip("\n") + f"\n\n{FDA_DISCLAIMER}\n"

        shutdown = client.send("shutdown", None, request=True)
        client.wait_for(lambda m: m.get("id") == shutdown)
        client.send("exit", None)
        assert client.proc.wait(timeout=30) == 0
    finally:
        if client.proc.poll() is None:
            client.proc.kill()


@pytest.mark.parametrize(
    "before,after",
    [("abc", "abXc"), ("abc", "abc!"), ("abc", "c"), ("", "x"), ("aaa", "aaaa")],
)
def test_minimal_edit_rebuilds_the_new_text(before: str, after: str) -> None:
    edit = minimal_edit(before, after)
    assert before[: edit.start] + edit.text + before[edit.end :] == after
