"""Archive benchmark: result-cache speed-up and Dask throughput per worker.

    .venv/bin/python bench/archive.py            # 1,000 articles (the bench corpus, as a WXR)
    .venv/bin/python bench/archive.py --count 200 --quick

The articles are bench/corpus.py's (same seed, same order), each article's HTML body packed into
one WordPress export. Cache: `supplint check` as a whole process on a cold cache, then warm (min
of several runs). Dask: a LocalCluster with 1 and then 2 worker processes (one thread each); the
workers are warmed up (spaCy built) before the timed run, so the figure is steady-state articles
per second per worker; the cold figure includes cluster start. Writes bench/out/archive.json.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path[:0] = [str(HERE), str(ROOT)]

import corpus  # noqa: E402

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>bench</title>
"""


def write_export(path: Path, count: int) -> int:
    """The bench corpus's articles, in generation order, as WXR items; returns the word count."""
    rng = random.Random(corpus.SEED)
    words = 0
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEAD)
        for i in range(count):
            data = corpus.article(rng, rng.randint(800, 1750))
            page = corpus.to_html(data)
            body = page[page.index("<h1>") : page.index("</article>")]
            words += len(body.split())
            out.write(
                f"<item><title>{html.escape(str(data['title']))}</title>"
                f"<dc:creator>author{i % 7}</dc:creator>"
                f"<content:encoded><![CDATA[{body}]]></content:encoded>"
                f"<wp:post_id>{i + 1}</wp:post_id><wp:post_date>{data['date']} 08:00:00"
                "</wp:post_date><wp:post_type>post</wp:post_type></item>\n"
            )
        out.write("</channel></rss>\n")
    return words


def timed(*args: str) -> tuple[float, float, bytes]:
    """Wall seconds, CPU seconds (user + system: steadier on a shared machine), stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "lint", *args], capture_output=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr.decode())
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu, done.stdout


def bench_cache(export: Path, runs: int) -> dict[str, float]:
    cache = OUT / "archive-cache"
    colds: list[tuple[float, float]] = []
    warms: list[tuple[float, float]] = []
    for _ in range(runs):
        shutil.rmtree(cache, ignore_errors=True)
        args = ("check", "--format", "json", "--jobs", "1", "--cache-dir", str(cache), str(export))
        *cold, first = timed(*args)
        colds.append((cold[0], cold[1]))
        for _ in range(3):
            *warm, again = timed(*args)
            assert again == first, "cached output differs"
            warms.append((warm[0], warm[1]))
    cold_wall, cold_cpu = min(c[0] for c in colds), min(c[1] for c in colds)
    warm_wall, warm_cpu = min(w[0] for w in warms), min(w[1] for w in warms)
    return {
        "cold_s": cold_wall,
        "warm_s": warm_wall,
        "speedup": cold_wall / warm_wall,
        "cold_cpu_s": cold_cpu,
        "warm_cpu_s": warm_cpu,
        "cpu_speedup": cold_cpu / warm_cpu,
    }


def bench_dask(export: Path, workers: int, limit: int | None = None) -> dict[str, float]:
    from distributed import Client, LocalCluster

    from lint.archives.distributed import dask_runner
    from lint.archives.run import ArchiveRun
    from lint.archives.wxr import read_wxr
    from lint.config import Config
    from lint.engine import Engine

    engine = Engine(Config())
    started = time.perf_counter()
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        runner = dask_runner(engine, client)
        warm = list(read_wxr(str(export)))[: 2 * workers]
        list(ArchiveRun(runner).results(warm))  # builds spaCy on every worker
        ready = time.perf_counter()
        articles = list(read_wxr(str(export)))[:limit]
        start = time.perf_counter()
        results = list(ArchiveRun(runner).results(articles))
        elapsed = time.perf_counter() - start
    assert len(results) == len(articles)
    per_s = len(articles) / elapsed
    return {
        "workers": workers,
        "articles": len(articles),
        "start_s": ready - started,
        "run_s": elapsed,
        "articles_per_s": per_s,
        "articles_per_s_per_worker": per_s / workers,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--dask-count", type=int, default=None, help="articles for the Dask runs")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    export = OUT / f"export-{args.count}.xml"
    words = write_export(export, args.count)
    load = os.getloadavg()[0]
    results: dict[str, object] = {"articles": args.count, "words": words, "load_1min": load}
    results["cache"] = bench_cache(export, 1 if args.quick else 3)
    print(json.dumps(results["cache"]), flush=True)
    if not args.skip_dask:
        results["dask"] = [bench_dask(export, n, args.dask_count) for n in (1, 2)]
        print(json.dumps(results["dask"]), flush=True)
    (OUT / "archive.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
