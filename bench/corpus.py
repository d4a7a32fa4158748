"""Generate a benchmark corpus of supplement-style articles (Markdown, HTML, text).

Every sentence template here was written for this benchmark. A fixed seed makes runs comparable:
the same seed and count always give byte-identical files.

    python bench/corpus.py --count 1000 --out bench/out/corpus
"""

from __future__ import annotations

import argparse
import html
import random
import shutil
from pathlib import Path

SEED = 20261125
FORMATS = ("md", "html", "txt")

SUBSTANCES = [
    ("creatine monohydrate", "3 to 5 g a day"),
    ("magnesium glycinate", "200 to 400 mg in the evening"),
    ("L-theanine", "100 to 200 mg"),
    ("bacopa monnieri", "300 mg of a standardized extract"),
    ("rhodiola rosea", "200 to 600 mg before noon"),
    ("ashwagandha root extract", "300 to 600 mg"),
    ("citicoline", "250 to 500 mg"),
    ("lion's mane mushroom", "1 to 3 g of fruiting-body powder"),
    ("omega-3 fish oil", "1 to 2 g of combined EPA and DHA"),
    ("vitamin D3", "1,000 to 2,000 IU with a meal"),
    ("caffeine", "50 to 200 mg"),
    ("ginkgo biloba", "120 to 240 mg"),
    ("phosphatidylserine", "100 to 300 mg"),
    ("alpha-GPC", "300 to 600 mg"),
    ("melatonin", "0.5 to 3 mg an hour before bed"),
    ("N-acetyl cysteine", "600 to 1,200 mg"),
]
DRUGS = ["Adderall", "Ritalin", "modafinil", "Xanax", "Prozac", "Vyvanse"]
CONDITIONS = ["ADHD", "anxiety", "depression", "insomnia", "brain fog", "Alzheimer's disease"]
OUTCOMES = [
    "focus",
    "working memory",
    "reaction time",
    "sleep quality",
    "mood",
    "verbal recall",
    "exercise recovery",
    "stress resilience",
]
PEOPLE = ["students", "older adults", "shift workers", "athletes", "office workers", "new parents"]
AUTHORS = ["Lindqvist", "Okafor", "Marchetti", "Huang", "Delacroix", "Petrov", "Nakamura"]
STUDY_HOSTS = [
    "https://pubmed.ncbi.nlm.nih.gov/{n}/",
    "https://doi.org/10.{a}/jnutr.{n}",
    "https://clinicaltrials.gov/study/NCT0{n}",
]
SHOP_HOSTS = [
    "https://www.amazon.com/dp/B0{n}?tag=brainstack-20",
    "https://shop.example-nootropics.com/p/{n}?ref=blog",
    "https://www.iherb.com/pr/{n}?rcode=FOCUS{a}",
]

# {s} substance, {d} dose, {o}/{o2} outcomes, {p} people, {c} condition, {g} drug,
# {y} year, {n} sample size, {au} author, {pct} percent
NEUTRAL = [
    "Most of the research on {s} is small, short and funded by manufacturers.",
    "In a {y} trial of {n} {p}, {s} changed {o} only slightly compared with placebo.",
    "The usual dose in studies is {d}, taken with food to limit stomach upset.",
    "People who take prescription medicine should ask a pharmacist before adding {s}.",
    "Effects on {o} tend to show up after several weeks of daily use, if at all.",
    "A review by {au} and colleagues in {y} found the evidence for {o} to be mixed.",
    "Quality varies between brands, so look for third-party testing on the label.",
    "Some {p} report fewer afternoon slumps, although self-reports are easy to bias.",
    "{S} is generally well tolerated at {d}, but higher amounts add risk without benefit.",
    "Nobody should treat a supplement as a replacement for sleep, food or exercise.",
    "Side effects reported in trials were mild: headache, nausea and vivid dreams.",
    "The authors noted that the sample was young, healthy and mostly male.",
    "It is worth keeping a simple log of {o} for a month before and after starting.",
    "Cost matters too: a month of {s} runs between ten and forty dollars.",
    "Stacking {s} with other products is common, yet few studies test such pairs together.",
    "Pregnant or breastfeeding readers should skip {s} unless a doctor advises otherwise.",
    "In rodent studies, {s} raised markers linked to {o}, which may not carry over to people.",
    "Researchers at {au}'s lab measured {o} with a standard computer test battery.",
    "Results in the placebo group improved by about {pct} percent as well.",
    "Long-term safety data beyond twelve weeks are scarce for {s}.",
]
CLAIMS = [
    "{S} is clinically proven to boost {o} in just one week.",
    "This is the closest thing to a natural alternative to {g} you can buy.",
    "{S} cures {c} without the side effects of prescription drugs.",
    "Our stack works like {g} but is completely safe.",
    "Thousands of {p} say {s} gave them guaranteed results.",
    "{S} reverses {c} and repairs damaged brain cells.",
    "With {s}, there are no side effects at all, even at high doses.",
    "It is a miracle pill for {o} and {o2}.",
    "{S} prevents {c} in {p}.",
    "This legal {g} sharpens {o} instantly.",
]
HEDGED = [
    "{S} may modestly help {o} in some {p}, according to early research.",
    "One small study suggests {s} might support {o}, though more research is needed.",
    "{S} is not proven to treat {c}, and it is no substitute for {g}.",
    "Animal data hint that {s} could affect {o}, but human trials are limited.",
]
HEADINGS = [
    "What is {s}?",
    "What the studies say",
    "Dosage and timing",
    "Side effects and safety",
    "Who should avoid it",
    "How it compares",
    "Our experience",
    "The bottom line",
]
DISCLOSURE = (
    "Disclosure: we earn a commission if you buy through links on this page, at no extra cost "
    "to you."
)
FDA_DISCLAIMER = (
    "These statements have not been evaluated by the Food and Drug Administration. This "
    "product is not intended to diagnose, treat, cure, or prevent any disease."
)


def fill(rng: random.Random, template: str, subject: tuple[str, str]) -> str:
    substance, dose = subject
    outcomes = rng.sample(OUTCOMES, 2)
    values = {
        "s": substance,
        "S": substance[0].upper() + substance[1:],
        "d": dose,
        "o": outcomes[0],
        "o2": outcomes[1],
        "p": rng.choice(PEOPLE),
        "c": rng.choice(CONDITIONS),
        "g": rng.choice(DRUGS),
        "y": str(rng.randint(2004, 2025)),
        "n": str(rng.randint(18, 240)),
        "au": rng.choice(AUTHORS),
        "pct": str(rng.randint(3, 30)),
    }
    return template.format(**values)


def citation(rng: random.Random) -> str:
    style = rng.random()
    if style < 0.4:
        return f" [{rng.randint(1, 25)}]"
    if style < 0.7:
        return f" ({rng.choice(AUTHORS)} et al., {rng.randint(2004, 2025)})"
    return ""


def sentence(rng: random.Random, subject: tuple[str, str]) -> str:
    roll = rng.random()
    pool = CLAIMS if roll < 0.08 else HEDGED if roll < 0.2 else NEUTRAL
    text = fill(rng, rng.choice(pool), subject)
    return text[:-1] + citation(rng) + text[-1] if pool is NEUTRAL else text


def url(rng: random.Random, hosts: list[str]) -> str:
    return rng.choice(hosts).format(
        n=rng.randint(10_000_000, 39_999_999), a=rng.randint(1000, 9999)
    )


def article(rng: random.Random, target_words: int) -> dict[str, object]:
    """An article as data: title, sections of paragraphs (sentences + links), footer flags."""
    subject = rng.choice(SUBSTANCES)
    angle = rng.choice(["a review", "benefits, dosage and risks", "does it work?", "honest take"])
    title = f"{subject[0].title()}: {angle}"
    sections: list[tuple[str, list[list[tuple[str, str | None]]]]] = []
    words = 0
    headings = iter(rng.sample(HEADINGS, len(HEADINGS)))
    while words < target_words:
        heading = fill(rng, next(headings, "More notes"), subject)
        paragraphs = []
        for _ in range(rng.randint(2, 4)):
            paragraph: list[tuple[str, str | None]] = []
            for _ in range(rng.randint(3, 7)):
                text = sentence(rng, subject)
                link = None
                if rng.random() < 0.06:
                    link = url(rng, SHOP_HOSTS)
                elif rng.random() < 0.08:
                    link = url(rng, STUDY_HOSTS)
                paragraph.append((text, link))
                words += len(text.split())
            paragraphs.append(paragraph)
        sections.append((heading, paragraphs))
    return {
        "title": title,
        "sections": sections,
        "disclosure": rng.random() < 0.6,
        "disclaimer": rng.random() < 0.5,
        "date": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    }


def _linked_md(text: str, link: str | None) -> str:
    if link is None:
        return text
    words = text.split(" ")
    cut = min(3, len(words))
    return f"[{' '.join(words[:cut])}]({link}) {' '.join(words[cut:])}".rstrip()


def to_markdown(a: dict[str, object]) -> str:
    out = [f'---\ntitle: "{a["title"]}"\ndate: {a["date"]}\n---\n', f"# {a['title']}\n"]
    if a["disclosure"]:
        out.append(f"*{DISCLOSURE}*\n")
    for heading, paragraphs in a["sections"]:  # type: ignore[attr-defined]
        out.append(f"## {heading}\n")
        for paragraph in paragraphs:
            out.append(" ".join(_linked_md(t, link) for t, link in paragraph) + "\n")
    if a["disclaimer"]:
        out.append(f"> {FDA_DISCLAIMER}\n")
    return "\n".join(out)


def to_html(a: dict[str, object]) -> str:
    def linked(text: str, link: str | None) -> str:
        if link is None:
            return html.escape(text)
        rel = ' rel="sponsored nofollow"' if "tag=" in link or "ref=" in link else ""
        head, _, tail = text.partition(" ")
        return f'<a href="{html.escape(link)}"{rel}>{html.escape(head)}</a> {html.escape(tail)}'

    out = [
        "<!doctype html>",
        f'<html lang="en"><head><meta charset="utf-8"><title>{html.escape(str(a["title"]))}'
        "</title><style>body{max-width:40em}</style></head><body><article>",
        f"<h1>{html.escape(str(a['title']))}</h1>",
    ]
    if a["disclosure"]:
        out.append(f'<p class="disclosure"><em>{html.escape(DISCLOSURE)}</em></p>')
    for heading, paragraphs in a["sections"]:  # type: ignore[attr-defined]
        out.append(f"<h2>{html.escape(heading)}</h2>")
        for paragraph in paragraphs:
            out.append("<p>" + " ".join(linked(t, link) for t, link in paragraph) + "</p>")
    if a["disclaimer"]:
        out.append(f"<aside><p>{html.escape(FDA_DISCLAIMER)}</p></aside>")
    out.append("</article><script>window.dataLayer=[];</script></body></html>")
    return "\n".join(out) + "\n"


def to_text(a: dict[str, object]) -> str:
    out = [str(a["title"]), ""]
    if a["disclosure"]:
        out += [DISCLOSURE, ""]
    for heading, paragraphs in a["sections"]:  # type: ignore[attr-defined]
        out += [heading, ""]
        for paragraph in paragraphs:
            body = " ".join(t + (f" ({link})" if link else "") for t, link in paragraph)
            out += [body, ""]
    if a["disclaimer"]:
        out += [FDA_DISCLAIMER, ""]
    return "\n".join(out)


RENDER = {"md": to_markdown, "html": to_html, "txt": to_text}


def generate(out: Path, count: int, seed: int = SEED) -> list[Path]:
    """Write `count` articles (800-2,000 words each) into `out`, replacing what was there."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        fmt = FORMATS[i % len(FORMATS)]
        data = article(rng, rng.randint(800, 1750))  # the last section overshoots a little
        path = out / f"article-{i:05d}.{fmt}"
        path.write_text(RENDER[fmt](data), encoding="utf-8")
        paths.append(path)
    return paths


def single(path: Path, words: int = 1500, seed: int = SEED) -> Path:
    """One Markdown article of about `words` words, for cold-start timing."""
    rng = random.Random(seed + 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_markdown(article(rng, words)), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out" / "corpus")
    args = parser.parse_args()
    paths = generate(args.out, args.count, args.seed)
    print(f"wrote {len(paths)} articles to {args.out}")


if __name__ == "__main__":
    main()
