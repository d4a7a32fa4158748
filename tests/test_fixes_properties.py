"""Property tests: fixing is idempotent and never corrupts the encoding, in every format."""

from __future__ import annotations

import html
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.documents import parse
from lint.fixes.command import fix_source
from lint.fixes.write import encode
from lint.sources import Source, decode

# Sentences of our own: claims, disease claims, doses, cautions, neutral facts, multibyte text.
SENTENCES = [
    "Bacopa boosts memory in older adults.",
    "Lion's mane will definitely sharpen focus before exams.",
    "Rhodiola reduces fatigue on long shifts.",
    "Ginkgo treats ADHD in teenagers.",
    "Some sellers say ashwagandha cures insomnia.",
    "Take piracetam at 1,200 mg twice a day.",
    "Phenibut at 500 mg helps people relax at parties.",
    "Magnesium is a mineral found in nuts and seeds.",
    "Café owners in Zürich sell matcha with L-theanine ☕.",
    "研究 suggests caffeine may improve alertness [3].",
    "Citicoline does not cure anything.",
    "Early research suggests creatine may support recall.",
]
LINKS = [
    ("this bottle on Amazon", "https://www.amazon.com/dp/B0TEST01?tag=notes-20"),
    ("the store brand", "https://shop.example.com/go/theanine?aff=12"),
    ("a review paper", "https://pubmed.ncbi.nlm.nih.gov/12345678/"),
]


@st.composite
def articles(draw):
    fmt = draw(st.sampled_from(["md", "html", "txt"]))
    paragraphs = []
    for _ in range(draw(st.integers(1, 5))):
        words = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3))
        link = draw(st.none() | st.sampled_from(LINKS))
        paragraphs.append((" ".join(words), link, draw(st.sampled_from(WRAPPERS))))
    title = draw(st.sampled_from(["Nootropic notes", "Ümlaut stack review", "Sleep aids"]))
    text = render(fmt, title, paragraphs, trailing_newline=draw(st.booleans()))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return fmt, text, draw(st.booleans())


# how a paragraph is marked up: plain, list item, quote, heading, emphasis, table row
WRAPPERS = ["p", "li", "quote", "h2", "strong", "table"]
MD_WRAP = {
    "p": "{}",
    "li": "- {}",
    "quote": "> {}",
    "h2": "## {}",
    "strong": "**{}**",
    "table": "| Note | Source |\n| --- | --- |\n| {} | ours |",
}
HTML_WRAP = {
    "p": "<p>{}</p>",
    "li": "<ul>\n    <li>{}</li>\n  </ul>",
    "quote": "<blockquote><p>{}</p></blockquote>",
    "h2": "<h2>{}</h2>",
    "strong": "<p><strong>{}</strong></p>",
    "table": "<table><tr><td>{}</td><td>ours</td></tr></table>",
}


def render(fmt: str, title: str, paragraphs, trailing_newline: bool) -> str:
    if fmt == "html":
        body = []
        for words, link, wrap in paragraphs:
            extra = f' Buy <a href="{link[1]}">{link[0]}</a>.' if link else ""
            inner = html.escape(words, quote=False) + extra
            body.append("  " + HTML_WRAP[wrap].format(inner))
        text = "<html>\n<body>\n  <h1>" + title + "</h1>\n" + "\n".join(body) + "\n</body>\n</html>"
    elif fmt == "md":
        blocks = [f"# {title}"]
        for words, link, wrap in paragraphs:
            inner = words + (f" Buy [{link[0]}]({link[1]})." if link else "")
            blocks.append(MD_WRAP[wrap].format(inner))
        text = "\n\n".join(blocks)
    else:
        text = "\n\n".join([title] + [words for words, _, _ in paragraphs])
    return text + "\n" if trailing_newline else text


@settings(
    max_examples=int(os.environ.get("SUPPLINT_FIX_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(case=articles(), unsafe=st.booleans())
def test_fixing_twice_equals_fixing_once_and_keeps_the_encoding(engine, case, unsafe):
    fmt, text, bom = case
    name = f"draft.{fmt}"
    once = fix_source(engine, Source(name, text, _format(fmt), bom), unsafe)
    twice = fix_source(engine, Source(name, once.text, _format(fmt), bom), unsafe)
    assert once.settled
    assert twice.text == once.text
    assert twice.applied == 0
    data = encode(once.text, bom)
    assert decode(name, data) == (once.text, bom)  # valid UTF-8, same BOM, same characters
    if not unsafe:  # safe fixes only ever add text: the original survives in order
        assert _is_subsequence(text, once.text)
    # the markup survives: same links, same headings, same table cells and quotes
    assert _structure(name, text, fmt) == _structure(name, once.text, fmt)
    if "\r\n" in text and "\n" not in text.replace("\r\n", ""):
        assert "\n" not in once.text.replace("\r\n", "")  # a CRLF file stays pure CRLF


# Two sections whose doses and mentions sit in headings: every caution of both goes after the
# one paragraph below them, sixteen insertions at two points. Each pass used to take one
# insertion per point, so the loop ran out of passes and refused to write.
HEADING_DOSES = (
    "# Nootropic notes\n\n"
    "## Bacopa boosts memory in older adults. Ginkgo treats ADHD in teenagers. "
    "Take piracetam at 1,200 mg twice a day.\n\n"
    "## Lion's mane will definitely sharpen focus before exams. "
    "Rhodiola reduces fatigue on long shifts.\n\n"
    "Phenibut at 500 mg helps people relax at parties."
)


def test_many_cautions_at_one_point_settle_and_fixing_again_changes_nothing(engine):
    once = fix_source(engine, Source("draft.md", HEADING_DOSES, "markdown"), unsafe=True)
    assert once.settled, once.note
    # (adopted safety conventions: only dosed substances with one caution given get per-kind
    # caution fixes; the claims' hedges and the disclaimer still all land at once)
    assert once.applied >= 5
    twice = fix_source(engine, Source("draft.md", once.text, "markdown"), unsafe=True)
    assert twice.text == once.text and twice.applied == 0


def _format(ext: str) -> str:
    return {"md": "markdown", "html": "html", "txt": "text"}[ext]


def _is_subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(char in chars for char in short)


def _structure(name: str, text: str, fmt: str) -> tuple:
    document = parse(Source(name, text, _format(fmt)))
    headings = sum(1 for b in document.blocks if b.kind == "heading")  # rewording may edit one
    cells = sum(1 for b in document.blocks if b.kind == "table_cell")
    quotes = sum(1 for b in document.blocks if b.quote)
    return [link.url for link in document.links], headings, cells, quotes > 0
