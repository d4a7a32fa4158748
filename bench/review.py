"""Time the review workspace on a generated archive: the queue and an article page.

    python bench/review.py [--count 1000] [--db postgresql://...]

Generates the benchmark corpus (bench/corpus.py, fixed seed), lints it once, records a
decision on a third of the articles, then times whole HTTP requests through Starlette's test
client (routing, security middleware, database reads, triage, the article rendered as it reads,
templates). Prints min / median. `--db` names a PostgreSQL database to time instead of a
temporary SQLite file (its decisions table should be empty: the run adds to it).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate

from lint.config import Config
from lint.engine import Engine
from lint.review.store import Store
from lint.review.workspace import Workspace


def timed(client: object, path: str, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(path)  # type: ignore[attr-defined]
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--db", default=None, help="a postgresql:// URL (default: SQLite)")
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

        from lint.review.app import create_app
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        files = [str(p) for p in generate(root / "corpus", args.count)]
        store = Store(args.db or root / "review.db", project=root)
        workspace = Workspace(Engine(Config()), files, store, [])
        start = time.perf_counter()
        workspace.lint(jobs=None)
        lint_s = time.perf_counter() - start
        for article in workspace.articles[::3]:
            if article.keyed:
                workspace.record(article.keyed[0][1], "dismissed", "bench", "", "bench")
        findings = sum(len(a.keyed) for a in workspace.articles)
        client = TestClient(create_app(workspace, "t", "bench"), base_url="http://127.0.0.1:1")
        assert client.get("/?token=t").status_code == 200
        queue = timed(client, "/", args.repeat)
        busiest = max(workspace.articles, key=lambda a: len(a.keyed))
        page = timed(client, f"/article/{busiest.number}", args.repeat)
        backend = "PostgreSQL" if args.db else "SQLite"
        print(f"{args.count} articles, {findings} findings, {backend}, first lint {lint_s:.1f} s")
        print(f"queue page:   min {queue[0] * 1000:.0f} ms, median {queue[1] * 1000:.0f} ms")
        print(
            f"article page ({len(busiest.keyed)} findings): "
            f"min {page[0] * 1000:.0f} ms, median {page[1] * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
