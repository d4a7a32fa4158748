"""Issue 13's attacks as one list: each plants something hostile, runs the real CLI, and is
scored on what must never happen.

Every attack builds a tree under a temporary root: `site/` is what the user names, `outside/`
is a victim the user did not name, and `marker` is the file a planted payload would write.
Scored per attack:
- code runs: the marker exists (a cache payload executed) or the output carries a forged
  GitHub workflow command;
- writes outside: any file under `outside/` (or the root, beside `site/`) changed, appeared
  or vanished;
- inputs changed: an article under `site/` changed that the command must not touch;
- hangs: the run was killed at, or took longer than, its time bound.
"""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

CLAIM = "Ginkgo cures ADHD in children.\n"
AFFILIATE = "Buy it [on Amazon](https://www.amazon.com/dp/B0?tag=site-20).\n"
FORGED = "::warning file=README.md,line=1::FORGED"


class Payload:
    """Unpickling this writes the marker: what a planted cache entry would do."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (exec, (f"open({str(self.marker)!r}, 'w').write('ran')",))


@dataclass
class Attack:
    name: str
    build: Callable[[Path], list[str]]  # makes the tree, returns the CLI arguments
    seconds: float = 60.0
    env: Callable[[Path], dict[str, str]] = field(default=lambda root: {})
    inputs_fixed: bool = True  # articles under site/ must come out byte-identical


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _cache_env(root: Path) -> dict[str, str]:
    return {
        "SUPPLINT_CACHE_DIR": str(root / "cache"),
        "XDG_STATE_HOME": str(root / "state"),
        "XDG_CACHE_HOME": str(root / "cache"),
    }


def planted_rule_cache(root: Path) -> list[str]:
    _write(root / "site" / "a.md", CLAIM)
    cache = root / "cache"
    cache.mkdir(mode=0o700)
    saved = dict(os.environ)
    os.environ.update(_cache_env(root))
    try:
        from lint import cache as rules_cache

        key = rules_cache.rules_key([])
    finally:
        os.environ.clear()
        os.environ.update(saved)
    payload = pickle.dumps(Payload(root / "marker"))
    for name in {f"rules-{key}.pickle", "rules.pickle"}:  # the real name and a guess
        (cache / name).write_bytes(payload)
        (cache / name).chmod(0o600)
    return ["check", "site"]


def fix_through_symlink(root: Path) -> list[str]:
    _write(root / "outside" / "bashrc", CLAIM + AFFILIATE)
    posts = root / "site" / "posts"
    posts.mkdir(parents=True)
    (posts / "readme.md").symlink_to(Path("..", "..", "outside", "bashrc"))
    _write(posts / "real.md", "# Notes\n\nLion's mane is a mushroom.\n")
    return ["check", "--fix", "--unsafe-fixes", "site"]


def fix_through_symlinked_folder(root: Path) -> list[str]:
    _write(root / "outside" / "drafts" / "a.md", CLAIM + AFFILIATE)
    (root / "site").mkdir()
    (root / "site" / "drafts").symlink_to(Path("..", "outside", "drafts"))
    (root / "site" / "loop").symlink_to(Path("."))  # a walk that follows links never ends
    return ["check", "--fix", "site"]


def report_ids_escape(root: Path) -> list[str]:
    ids = ["../../outside/escaped", "/tmp/../outside/abs", "x" * 300, "a\u0000b", "..", "ok"]
    rows = [{"id": i, "title": f"t{n}", "body": f"<p>{CLAIM}</p>"} for n, i in enumerate(ids)]
    _write(root / "site" / "posts.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    (root / "outside").mkdir()
    return ["report", "site/posts.jsonl", "-o", "site/audit/", "--no-cache", "--jobs", "1"]


def baseline_onto_input(root: Path) -> list[str]:
    _write(root / "site" / "a.md", CLAIM)
    return ["check", "site/a.md", "--write-baseline", "site/a.md"]


def growing_house_fix(root: Path) -> list[str]:
    _write(
        root / "site" / "house" / "zz.yaml",
        'id: house.zz\nkind: regex\nseverity: warning\nmessage: "zz"\nregex: "zz+"\n'
        'fix: "{match}{match}"\n',
    )
    _write(root / "site" / ".supplint.yaml", "rule_dirs: [house]\n")
    _write(root / "site" / "a.md", "Buzz, fizz and jazz. " * 200 + "\n")
    return ["check", "--fix", "--unsafe-fixes", "site/a.md"]


def alias_bomb_config(root: Path) -> list[str]:
    levels = ['a0: &a0 ["fda"]'] + [
        f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 9)
    ]
    _write(root / "site" / ".supplint.yaml", "\n".join(levels) + "\nselect: *a8\n")
    _write(root / "site" / "a.md", CLAIM)
    return ["check", "site/a.md"]


def hostile_template(root: Path) -> list[str]:
    _write(root / "site" / "a.md", CLAIM)
    _write(
        root / "templates" / "report.html",
        "{% for i in range(10**12) %}{{ 'x' * 1000 }}{% endfor %}",
    )
    return ["report", "site/a.md", "-o", "site/out.html", "--template-dir", "templates"]


def forged_workflow_command(root: Path) -> list[str]:
    name = f"a\n{FORGED}\n.md"
    _write(root / "site" / name, CLAIM)
    return ["check", "site"]  # text output: a raw newline in the path starts a new line


ATTACKS = [
    Attack("planted rule-cache pickle", planted_rule_cache, env=_cache_env),
    Attack("--fix through a symlink out of the tree", fix_through_symlink),
    Attack("--fix through a symlinked folder and a loop", fix_through_symlinked_folder),
    Attack("report ids holding ../, absolute paths, NUL", report_ids_escape),
    Attack("--write-baseline onto an input", baseline_onto_input),
    Attack("house fix that grows without settling", growing_house_fix, seconds=90),
    Attack("alias bomb in .supplint.yaml", alias_bomb_config, seconds=20),
    Attack("hostile --template-dir template", hostile_template, seconds=60),
    Attack("file name forging a workflow command", forged_workflow_command),
]


def tree_state(folder: Path) -> dict[str, bytes | str]:
    """Every entry under `folder` (links by target, not followed) with its content."""
    state: dict[str, bytes | str] = {}
    if not folder.exists():
        return state
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            state[key] = f"-> {os.readlink(path)}"
        elif path.is_file():
            state[key] = path.read_bytes()
        else:
            state[key] = "dir"
    return state


def outside_state(root: Path) -> dict[str, bytes | str]:
    """All of the root but `site/` and the caches the attack itself planted or uses."""
    state = tree_state(root / "outside")
    state.update({f"root/{p.name}": "x" for p in root.iterdir() if p.name not in _OWN})
    return state


_OWN = {"site", "outside", "cache", "state", "templates", "marker"}


def run_attack(attack: Attack, root: Path) -> dict[str, int | str]:
    from .harness import run_supplint

    args = attack.build(root)
    articles_before = {
        k: v for k, v in tree_state(root / "site").items() if k.endswith((".md", ".jsonl"))
    }
    outside_before = outside_state(root)
    run = run_supplint(*args, cwd=root, timeout=attack.seconds * 2, env=attack.env(root))
    articles_after = {k: tree_state(root / "site").get(k) for k in articles_before}
    forged = any(line.startswith(FORGED) for line in run.stdout.splitlines())
    return {
        "code runs": int((root / "marker").exists() or forged),
        "writes outside": int(outside_state(root) != outside_before),
        "inputs changed": int(attack.inputs_fixed and articles_after != articles_before),
        "hangs": int(run.timed_out or run.seconds > attack.seconds),
        "exit": run.returncode,
        "stderr": run.stderr[-300:],
    }
