"""Compare supplint's negation/hedge lists with negspacy and medspaCy ConText (issue 14).

    python tests/eval/assertion_compare.py [set.yaml ...]   (default: fda*, evidence*, blind round6)
    python tests/eval/assertion_compare.py --cost           (cold start and per-word cost)

medspaCy 1.3.1 pins spacy<3.8 (supplint runs 3.8), so it is not installed in the project venv:
install it beside, `pip install --no-deps --target DIR medspacy==1.3.1 pysbd PyRuSH PyFastNER
quicksectx loguru medspacy_quickumls==3.2 medspacy_unqlite pysimstring Unidecode six nltk joblib
regex`, and put DIR on PYTHONPATH (ConText itself then runs on spaCy 3.8).

Method. Every case of the labelled sets is linted twice in-process:
- "candidates": with supplint's negation and hedge decisions switched off (Sentence.negated,
  Sentence.hedged, Sentence.hedged_apart_from_animals, claim.local_negation and
  ClaimFinder._negated all answer False), i.e. the matchers' spans before the assertion filter;
- (a) "supplint": the engine as shipped (its own lists decide).
Then each candidate is kept or dropped by a library that sees the candidate's sentence with the
candidate span as its only entity: (b) negspacy (termsets en_clinical and en), (c) medspaCy
ConText (default rules: negated or, for rules that honour hedges, uncertain/hypothetical),
(d) union: dropped when supplint drops it OR the library does. Scoring is evaluate.py's.
The libraries are optional: without them only (a) is printed and the exit code is 0.
An eval script, never run by the test suite (like external.py).
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

# which assertion drops a rule's finding: negation always; a hedge only where the rule
# lowers or drops hedged claims (the causal-claim strength, animal-to-human)
HEDGE_RULES = {"evidence.unsupported-causal-claim", "evidence.animal-to-human"}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n")

Decider = Callable[[str, int, int, str], bool]  # (sentence, start, end, rule) -> drop?


def default_paths() -> list[Path]:
    return (
        sorted(HERE.glob("fda*.yaml"))
        + sorted(HERE.glob("evidence*.yaml"))
        + [
            HERE / "blind" / "fda_round6.yaml",
            HERE / "blind" / "evidence_round6.yaml",
        ]
    )


def sentence_around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence holding text[start:end], with the span's offsets inside it."""
    lo, hi = 0, len(text)
    for m in SENTENCE_END.finditer(text):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return text[lo:hi], start - lo, end - lo


def keep(findings: Iterable[Any], text: str, decide: Decider | None) -> list[Any]:
    """The findings a decider does not drop (all of them when decide is None)."""
    if decide is None:
        return list(findings)
    kept = []
    for f in findings:
        sentence, s, e = sentence_around(text, f.start_offset, f.end_offset)
        if not decide(sentence, s, e, f.rule_id):
            kept.append(f)
    return kept


def score_method(
    cases: list[Any],
    candidates: list[list[Any]],
    shipped: list[list[Any]],
    decide: Decider | None,
    union: bool,
    rules: Iterable[str],
) -> dict[str, Any]:
    """Per-rule Score when `decide` (and, with union, supplint too) filters the candidates."""
    from evaluate import Score, score_case

    scores = {rule: Score(targets={"precision": 0.0, "recall": 0.0}) for rule in rules}
    for case, cands, ships in zip(cases, candidates, shipped, strict=True):
        # union: what supplint keeps, further filtered by the library
        pool = ships if union else cands
        score_case(case, keep(pool, case.text, decide), scores)
    return scores


def lint_all(cases: list[Any], assertions_off: bool) -> list[list[Any]]:
    from lint.config import Config
    from lint.engine import Engine
    from lint.sources import Source, format_for

    names = [f"case{i}.{c.format}" for i, c in enumerate(cases)]
    sources = [Source(n, c.text, format_for(n)) for n, c in zip(names, cases, strict=True)]
    with _assertions_disabled(assertions_off):
        results = list(Engine(Config()).lint_sources(sources))
    return [list(r.findings) for r in results]


class _assertions_disabled:
    """Switch supplint's own negation/hedge decisions off (the seam before the filter)."""

    def __init__(self, active: bool) -> None:
        self.active = active
        self.saved: list[tuple[Any, str, Any]] = []

    def __enter__(self) -> None:
        if not self.active:
            return
        from lint.analysis import Sentence
        from lint.rules.kinds import claim
        from lint.rules.match import cue_target as claims

        no = property(lambda self: False)
        for owner, name, value in (
            (Sentence, "negated", no),
            (Sentence, "hedged", no),
            (Sentence, "hedged_apart_from_animals", no),
            (claim, "local_negation", lambda *a: False),
            (claims.ClaimFinder, "_negated", staticmethod(lambda *a: False)),
        ):
            self.saved.append((owner, name, owner.__dict__[name]))
            setattr(owner, name, value)

    def __exit__(self, *exc: object) -> None:
        for owner, name, value in reversed(self.saved):
            setattr(owner, name, value)


def _nlp_with(component: str, config: dict[str, Any] | None = None) -> Any:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe(component, config=config or {})
    return nlp


def _doc_with_entity(nlp: Any, sentence: str, start: int, end: int) -> tuple[Any, Any]:
    doc = nlp.make_doc(sentence)
    for token in doc:  # the text is one sentence: ConText needs the boundaries set
        token.is_sent_start = token.i == 0
    span = doc.char_span(start, end, label="CLAIM", alignment_mode="expand")
    if span is not None:
        doc.ents = [span]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc, (doc.ents[0] if doc.ents else None)


def negspacy_decider(termset: str) -> Decider:
    import negspacy.negation  # noqa: F401  (registers the "negex" factory)
    from negspacy.termsets import termset as Termset

    terms = Termset(termset).get_patterns()
    nlp = _nlp_with("negex", {"neg_termset": terms, "chunk_prefix": []})

    def decide(sentence: str, start: int, end: int, rule: str) -> bool:
        _, ent = _doc_with_entity(nlp, sentence, start, end)
        return ent is not None and bool(ent._.negex)

    return decide


def context_decider() -> Decider:
    import medspacy.context  # noqa: F401  (registers "medspacy_context")

    nlp = _nlp_with("medspacy_context")

    def decide(sentence: str, start: int, end: int, rule: str) -> bool:
        _, ent = _doc_with_entity(nlp, sentence, start, end)
        if ent is None:
            return False
        if ent._.is_negated:
            return True
        return rule in HEDGE_RULES and bool(ent._.is_uncertain or ent._.is_hypothetical)

    return decide


def available() -> dict[str, bool]:
    return {name: importlib.util.find_spec(name) is not None for name in ("negspacy", "medspacy")}


def micro(scores: dict[str, Any], prefix: str) -> tuple[int, int, int]:
    tp = sum(s.tp for r, s in scores.items() if r.startswith(prefix))
    fp = sum(s.fp for r, s in scores.items() if r.startswith(prefix))
    fn = sum(s.fn for r, s in scores.items() if r.startswith(prefix))
    return tp, fp, fn


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    return f"TP {tp:4} FP {fp:4} FN {fn:4}  P {p:.3f}  R {r:.3f}"


def _least_seconds(commands: dict[str, list[str]], reps: int = 7) -> dict[str, float]:
    """Least wall time of a fresh interpreter running each command, runs interleaved so that
    background load hits all alike (the 2 shared cores make any other statistic noisy)."""
    best = dict.fromkeys(commands, float("inf"))
    for _ in range(reps):
        for name, command in commands.items():
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True)
            if done.returncode > 1:  # 1: lint check found problems, as it should on the article
                raise RuntimeError(f"{command}: {done.stderr.decode()[-300:]}")
            best[name] = min(best[name], time.perf_counter() - started)
    return best


def cost() -> int:
    """Cold start (import + building the component) against supplint's own cold start, and
    per-word cost of the component on the bench article, one claim entity per sentence."""
    sys.path.insert(0, str(ROOT / "bench"))
    import corpus

    article = corpus.single(Path(tempfile.mkdtemp()) / "one-article.md", 1500)
    py = sys.executable
    have = available()
    commands = {
        "supplint": [py, "-m", "lint", "check", str(article)],
        "blank": [py, "-c", "import spacy; spacy.blank('en')"],
        "negspacy": [
            py,
            "-c",
            "import spacy, negspacy.negation; spacy.blank('en').add_pipe('negex')",
        ],
        "medspacy": [
            py,
            "-c",
            "import spacy, medspacy.context; spacy.blank('en').add_pipe('medspacy_context')",
        ],
    }
    best = _least_seconds({k: v for k, v in commands.items() if have.get(k, True)})
    lint = best["supplint"]
    print(f"supplint cold start (lint check one 1500-word article): {lint:.3f} s")
    print(f"python + import spacy + spacy.blank('en'): {best['blank']:.3f} s")
    text = article.read_text()
    sentences = [s for s in SENTENCE_END.split(text) if len(s.split()) > 3]
    words = sum(len(s.split()) for s in sentences)
    deciders = {"negspacy": lambda: negspacy_decider("en_clinical"), "medspacy": context_decider}
    for name, ok in have.items():
        if not ok:
            print(f"{name}: not installed")
            continue
        extra = best[name] - best["blank"]
        decide = deciders[name]()
        started = time.perf_counter()
        for s in sentences:
            decide(s, 0, len(s), "evidence.unsupported-causal-claim")
        per_word = (time.perf_counter() - started) / words * 1e6
        print(
            f"{name}: cold start +{extra:.3f} s over blank spaCy"
            f" ({extra / lint:.0%} of supplint's),"
            f" {per_word:.1f} us/word on {words} words"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    sys.path[:0] = [str(ROOT), str(HERE)]
    from evaluate import load_set

    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--cost"]:
        return cost()
    paths = [Path(a) for a in args] or default_paths()
    cases: list[Any] = []
    rules: set[str] = set()
    for path in paths:
        file_cases, _ = load_set(path)
        cases.extend(file_cases)
        rules.update(r for c in file_cases for r in c.rules)
    have = available()
    missing = [name for name, ok in have.items() if not ok]
    if missing:
        print(f"not installed: {', '.join(missing)} (measuring what is available)")
    candidates = lint_all(cases, assertions_off=True)
    shipped = lint_all(cases, assertions_off=False)
    methods: list[tuple[str, Decider | None, bool]] = [
        ("candidates (no filter)", None, False),
        ("(a) supplint lists", None, True),
    ]
    for label, make, need in (
        ("negspacy en_clinical", lambda: negspacy_decider("en_clinical"), "negspacy"),
        ("negspacy en", lambda: negspacy_decider("en"), "negspacy"),
        ("medspaCy ConText", context_decider, "medspacy"),
    ):
        if have[need]:
            library = make()
            methods += [
                (f"(b/c) {label}", library, False),
                (f"(d) supplint + {label}", library, True),
            ]
    for label, chosen, union in methods:
        started = time.perf_counter()
        scores = score_method(cases, candidates, shipped, chosen, union, sorted(rules))
        took = time.perf_counter() - started
        print(f"== {label}  ({took:.1f}s)")
        for family in ("fda.", "evidence."):
            print(f"  {family:10} {prf(*micro(scores, family))}")
        for rule in sorted(scores):
            print(f"    {rule:34} {prf(*micro(scores, rule))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
