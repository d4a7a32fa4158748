"""Worst-case inputs for every rule kind, and their cost per word next to an ordinary article's.

    python tests/reliability/worst_case.py [--scale 1.0] [--json]

Each input packs one thing a rule looks at (triggers, negations, hedges, links, substance
names, citations...) into one endless sentence, one huge line, very many paragraphs, or one
whitespace-free run, the shapes that made a scan quadratic (issue 13). The cost per word is
CPU time of `Engine.lint_sources` (no start-up) divided by the input's size in words of
ordinary prose: its whitespace-separated words, or its characters over the ordinary article's
characters per word, or its spaCy tokens over the ordinary tokens per word, whichever is
largest (a run of 20,000 brackets is one "word" but 20,000 tokens). `test_worst_case.py`
runs this module in a child process (so its peak RSS is its own) and compares.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUDGET = 60.0  # seconds per input: far above what any input takes when every scan is linear
if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Input:
    name: str
    filename: str
    build: Callable[[float], str]  # scale -> text


def _repeat(unit: str, words: int, scale: float, end: str = "\n") -> str:
    """`unit` repeated to about `words` words (times scale), with no full stop between."""
    count = max(1, int(words * scale) // len(unit.split()))
    return unit * count + end


def _run(unit: str, chars: int, scale: float) -> str:
    return unit * max(1, int(chars * scale)) + "\n"


def _brackets(scale: float) -> str:
    n = int(10_000 * scale)
    return "[" * n + "x" + "]" * n + "\n"


def _links(scale: float) -> str:
    unit = (
        "see [this study](https://pubmed.ncbi.nlm.nih.gov/12345678/) and "
        "[buy it here](https://www.amazon.com/dp/B0123?tag=notes-20) for memory "
    )
    return "Bacopa improves memory " + _repeat(unit, 20_000, scale)


def _one_line(scale: float) -> str:
    """About 1 MB of ordinary sentences on one line (every line break made a space)."""
    text = ordinary_text(int(170_000 * scale))
    return " ".join(text.split()) + "\n"


def _paragraphs(scale: float) -> str:
    """100,000 short paragraphs, every tenth with a link (each link is placed in its block).

    What is stressed is the number of blocks, so the paragraphs carry no claim: "helps sleep"
    became an evidence finding (with a hedge fix) in issue 14, and 90,000 findings measure the
    per-finding cost, which the sentence of disease claims already bounds."""
    plain = "Magnesium is a mineral.\n\n"
    linked = "[A trial](https://pubmed.ncbi.nlm.nih.gov/12345678/) found this.\n\n"
    return "# Notes\n\n" + (plain * 9 + linked) * int(10_000 * scale)


def _sections(scale: float) -> str:
    """10,000 sections, each dosing a substance that needs a caution, none given."""
    unit = "## Notes on caffeine\n\nTake 200 mg of caffeine with 100 mg of L-theanine.\n\n"
    return "# Stack\n\n" + unit * int(10_000 * scale)


def _disclosed_links(scale: float) -> str:
    """10,000 paragraphs, each an affiliate link right after a disclosure: nothing to flag."""
    unit = (
        "We earn a commission if you buy through links on this page. "
        "[Buy magnesium](https://www.amazon.com/dp/B01?tag=notes-20) here.\n\n"
    )
    return "# Deals\n\n" + unit * int(10_000 * scale)


def _suppressed(scale: float) -> str:
    """10,000 disease claims, each under its own disable-next-line comment."""
    unit = "<!-- supplint: disable-next-line=fda -->\nBacopa cures ADHD in children.\n\n"
    return "# Notes\n\n" + unit * int(10_000 * scale)


INPUTS = [
    Input(
        "sentence of triggers",
        "triggers.txt",
        lambda s: _repeat("Ginkgo boosts memory and focus ", 25_000, s),
    ),
    Input(
        "sentence of negations",
        "negations.txt",
        lambda s: _repeat("Ginkgo does not boost memory and never cures no fog ", 25_000, s),
    ),
    Input(
        "sentence of hedges",
        "hedges.txt",
        lambda s: _repeat("Bacopa may possibly improve memory and might suggest focus ", 25_000, s),
    ),
    Input(
        "sentence of disease claims",
        "disease.md",
        lambda s: _repeat("bacopa treats ADHD and cures anxiety like Adderall ", 25_000, s),
    ),
    Input("sentence of links", "links.md", _links),
    Input(
        "sentence of substance names",
        "substances.md",
        lambda s: _repeat(
            "take 300 mg of ashwagandha with 200 mg of caffeine and 5 g of creatine ", 25_000, s
        ),
    ),
    Input(
        "sentence of citations",
        "citations.md",
        lambda s: _repeat(
            "rhodiola reduces fatigue [3] (Smith et al., 2019) and doi:10.1000/xyz123 ", 25_000, s
        ),
    ),
    Input(
        "sentence of quotes",
        "quotes.txt",
        lambda s: _repeat('"Ginkgo boosts memory" and "it cures fog" ', 25_000, s),
    ),
    Input("line of 1 MB", "line.txt", _one_line),
    Input("100,000 paragraphs", "paragraphs.md", _paragraphs),
    Input("10,000 sections dosing a substance", "sections.md", _sections),
    Input("10,000 disclosed affiliate links", "disclosed.md", _disclosed_links),
    Input("10,000 suppressed claims", "suppressed.md", _suppressed),
    Input("run of ‹ x 20,000", "angle.txt", lambda s: _run("‹", 20_000, s)),
    Input(
        "run of &amp; x 20,000 (HTML)",
        "amp.html",
        lambda s: "<p>" + _run("&amp;", 20_000, s) + "</p>\n",
    ),
    Input("run of 🧠 x 20,000", "brain.txt", lambda s: _run("🧠", 20_000, s)),
    Input("[ x 10,000, x, ] x 10,000", "brackets.txt", _brackets),
]


def ordinary_text(words: int, seed: int = 13) -> str:
    """An ordinary Markdown article of about `words` words, from the benchmark's generator."""
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    rng = random.Random(seed)
    parts = []
    total = 0
    while total < words:
        text = corpus.to_markdown(corpus.article(rng, 1500))
        parts.append(text)
        total += len(text.split())
    return "\n".join(parts)


def lint_cost(engine, name: str, text: str, repeat: int = 1) -> tuple[float, int, str | None]:
    """Best CPU seconds of `repeat` lints of `text` as file `name`, its findings, its error."""
    from lint.sources import Source, format_for

    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        [result] = engine.lint_sources([Source(name, text, format_for(name))])
        best = min(best, time.process_time() - start)
        if best > 2.0:  # long enough that noise is small: do not pay for it twice
            break
    return best, len(result.findings), result.error


def paired_cost(
    engine, ordinary: str, name: str, text: str, rounds: int = 2
) -> tuple[float, float, int, str | None]:
    """Best CPU seconds of the ordinary article and of `text`, measured in turns.

    A ratio of two runs seconds apart is only as steady as the machine between them (a
    neighbour's load, the clock): measuring the ordinary article next to each input, before
    and after it, makes each input's factor a local comparison."""
    base = lint_cost(engine, "ordinary.md", ordinary)[0]
    best = float("inf")
    findings, error = 0, None
    for _ in range(rounds):
        cost, findings, error = lint_cost(engine, name, text)
        best = min(best, cost)
        base = min(base, lint_cost(engine, "ordinary.md", ordinary)[0])
        if best > 2.0:  # long enough that noise is small: do not pay for it twice
            break
    return base, best, findings, error


def token_count(text: str) -> int:
    from lint.nlp import get_nlp

    return len(get_nlp().make_doc(text))


def peak_rss_mb() -> float:
    """This process's own peak (VmHWM). Not ru_maxrss: Linux keeps that across exec, so a
    child started by a 500 MB pytest reports pytest's peak as its own."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(scale: float = 1.0, names: list[str] | None = None) -> dict[str, object]:
    """Per-word cost of an ordinary article and of each worst case, with peak RSS after each.

    An error row (the budget ran out) is timed again in the second pass: a regression costs
    its budget twice, once for each figure."""
    from lint.config import Config
    from lint.engine import Engine

    engine = Engine(Config(timeout=BUDGET))  # a quadratic regression ends as an error row
    ordinary = ordinary_text(30_000)
    lint_cost(engine, "warm.md", ordinary[:20_000])  # lazy set-up is not the article's cost
    seconds, _, _ = lint_cost(engine, "ordinary.md", ordinary, repeat=3)
    words = len(ordinary.split())
    chars_per_word = len(ordinary) / words
    tokens_per_word = token_count(ordinary) / words
    rows: list[dict[str, object]] = []
    texts: list[tuple[str, float]] = []  # each input and its size in words
    for item in INPUTS:  # first pass: findings, errors and peak RSS, input after input
        if names and item.name not in names:
            continue
        text = item.build(scale)
        equivalent = max(
            len(text.split()), len(text) / chars_per_word, token_count(text) / tokens_per_word
        )
        before = peak_rss_mb()
        _, findings, error = lint_cost(engine, item.filename, text)
        texts.append((text, equivalent))
        rows.append(
            {
                "name": item.name,
                "filename": item.filename,
                "chars": len(text),
                "words": round(equivalent),
                "findings": findings,
                "error": error,
                "rss_mb": peak_rss_mb(),
                "rss_growth_mb": peak_rss_mb() - before,
            }
        )
    # second pass, CPU only: the ordinary article linted in turns with each input would
    # fragment the heap between the big inputs and raise the peak the first pass measures
    for row, (text, equivalent) in zip(rows, texts, strict=True):
        base, cost, _, _ = paired_cost(engine, ordinary, str(row["filename"]), text)
        row["seconds"] = cost
        row["us_per_word"] = cost / equivalent * 1e6
        row["ordinary_us_per_word"] = base / words * 1e6
    return {"ordinary_us_per_word": seconds / words * 1e6, "ordinary_words": words, "rows": rows}


def table(result: dict) -> str:
    base = result["ordinary_us_per_word"]
    lines = [
        "| input | size | µs per word | x ordinary | peak RSS |",
        "|---|---|---|---|---|",
        f"| ordinary articles (bench generator) | {result['ordinary_words']:,} words "
        f"| {base:.1f} | 1.0 | |",
    ]
    for row in result["rows"]:
        lines.append(
            f"| {row['name']} | {row['chars'] / 1e6:.2f} MB, {row['words']:,} words "
            f"| {row['us_per_word']:.1f} | {row['us_per_word'] / row['ordinary_us_per_word']:.2f} "
            f"| {row['rss_mb']:.0f} MB |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every input's size")
    parser.add_argument("--json", action="store_true", help="print JSON, not a table")
    parser.add_argument("--only", action="append", help="run only this input (repeatable)")
    args = parser.parse_args(argv)
    result = measure(args.scale, args.only)
    print(json.dumps(result) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
