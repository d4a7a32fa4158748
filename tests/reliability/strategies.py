"""Hypothesis strategies that generate article-like Markdown, HTML and plain text.

Markup is built from pieces (emphasis, links, code, entities, tables, quotes, nested tags,
front matter, CRLF, BOM) mixed with words that trigger the built-in rules, so properties see
findings and not only empty output.
"""

from __future__ import annotations

from hypothesis import strategies as st

# Words the built-in rules react to, plus plain filler; all written for these tests.
TRIGGERS = [
    "proven",
    "clinically proven",
    "guaranteed",
    "miracle",
    "no side effects",
    "risk-free",
    "alternative to Adderall",
    "like Ritalin",
    "natural Xanax",
    "100%",
]
FILLER = [
    "Magnesium",
    "helps",
    "sleep",
    "the",
    "capsule",
    "is",
    "not",
    "may",
    "focus",
    "café",
    "naïve",
    "日本語",
    "emoji 🧠",
    "x\u0301",
    "Ω",
    "[3]",
    "(Lee 2019)",
]
ENTITIES = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#x2014;", "&nbsp;", "&copy;", "&bogus;"]
ENTITIES += ["&#0;", "&#x110000;", "&NotEqualTilde;", "&amp", "&#12345678;"]
NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])

word = st.one_of(
    st.sampled_from(TRIGGERS),
    st.sampled_from(FILLER),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        min_size=1,
        max_size=6,
    ),
)
phrase = st.lists(word, min_size=1, max_size=8).map(" ".join)


def _wrap(inner: st.SearchStrategy[str], pairs: list[tuple[str, str]]) -> st.SearchStrategy[str]:
    return st.tuples(st.sampled_from(pairs), inner).map(lambda p: p[0][0] + p[1] + p[0][1])


# ---- Markdown ---------------------------------------------------------------------------------
_MD_WRAPS = [
    ("*", "*"),
    ("**", "**"),
    ("_", "_"),
    ("~~", "~~"),
    ("`", "`"),
    ("``", "``"),
    ("[", "](https://example.org/a)"),
    ("[", '](<https://example.org/b c> "title")'),
    ("[", "][ref]"),
    ("![", "](img.png)"),
    ("<", ">"),
    ("\\", ""),
    ("<span>", "</span>"),
    ("<!-- ", " -->"),
]
md_inline = st.recursive(
    st.one_of(phrase, st.sampled_from(ENTITIES), st.just("https://example.com/x?y=1")),
    lambda inner: st.one_of(
        _wrap(inner, _MD_WRAPS), st.lists(inner, min_size=1, max_size=3).map(" ".join)
    ),
    max_leaves=8,
)
_MD_PREFIXES = ["", "# ", "## ", "- ", "* ", "1. ", "> ", "> > ", "    ", "| ", "   - "]
md_line = st.one_of(
    st.tuples(st.sampled_from(_MD_PREFIXES), md_inline).map("".join),
    st.sampled_from(
        [
            "",
            "---",
            "```",
            "~~~python",
            "| a | b |",
            "|---|---|",
            "| proven | ok |",
            "<div>",
            "</div>",
            "<p>guaranteed &amp; <b>miracle</b></p>",
            "<!-- supplint: disable-next-line=evidence.overclaim -->",
            "[ref]: https://example.org/r",
            "***",
            "===",
            "\t",
        ]
    ),
)
front_matter = st.one_of(
    st.just(""),
    st.sampled_from(
        [
            "---\ntitle: Sleep\n---\n",
            "---\r\ntitle: x\r\n---\r\n",
            "---\nsupplint: {disable: [evidence]}\n---\n",
            "---\n- a list\n---\n",
            "---\n---\n",
            "---\nkey: [unclosed\n---\n",
            "---\ntitle: a\n...\n",
        ]
    ),
)


@st.composite
def markdown_documents(draw: st.DrawFn) -> str:
    lines = draw(st.lists(md_line, max_size=12))
    breaks = draw(st.lists(NEWLINES, min_size=len(lines), max_size=len(lines)))
    body = "".join(line + brk for line, brk in zip(lines, breaks, strict=True))
    bom = draw(st.sampled_from(["", "\ufeff"]))
    return bom + draw(front_matter) + body


# ---- HTML -------------------------------------------------------------------------------------
_TAGS = ["p", "div", "span", "b", "em", "li", "td", "h2", "blockquote", "section", "code", "pre"]
_ODD = [
    "<script>var x = 'proven';</script>",
    "<style>p{}</style>",
    "<br>",
    "<br/>",
    "<hr>",
    "<!-- proven -->",
    "<!---->",
    "<img src=x onerror=alert(1)>",
    "<a href='https://example.org' rel='sponsored nofollow'>buy</a>",
    "<a>no href</a>",
    "<textarea>miracle</textarea>",
    "<![CDATA[proven]]>",
    "<?xml version='1.0'?>",
    "<!DOCTYPE html>",
    "</p>",
    "<p",
    "< p>",
    "a < b > c",
    "<title>t</title>",
    "<table><tr><td>guaranteed</td></tr></table>",
]


@st.composite
def _element(draw: st.DrawFn, inner: st.SearchStrategy[str]) -> str:
    tag = draw(st.sampled_from(_TAGS))
    attrs = draw(st.sampled_from(["", " class='c'", ' title="a &amp; b"', " data-x=1"]))
    body = "".join(draw(st.lists(inner, min_size=1, max_size=3)))
    close = draw(st.sampled_from([f"</{tag}>", f"</{tag.upper()}>", ""]))
    return f"<{tag}{attrs}>{body}{close}"


html_fragment = st.recursive(
    st.one_of(phrase, st.sampled_from(ENTITIES), st.sampled_from(_ODD), NEWLINES),
    lambda inner: _element(inner),
    max_leaves=12,
)


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    parts = draw(st.lists(html_fragment, max_size=8))
    sep = draw(st.sampled_from(["", " ", "\n", "\r\n"]))
    wrap = draw(st.booleans())
    body = sep.join(parts)
    bom = draw(st.sampled_from(["", "\ufeff"]))
    return bom + (f"<html><body>{body}</body></html>" if wrap else body)


# ---- Plain text -------------------------------------------------------------------------------
@st.composite
def text_documents(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.one_of(phrase, st.just(""), st.just("   \t")), max_size=10))
    breaks = draw(st.lists(NEWLINES, min_size=len(lines), max_size=len(lines)))
    return "".join(line + brk for line, brk in zip(lines, breaks, strict=True))


unicode_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=400,
)

FORMATS = {
    "draft.md": markdown_documents(),
    "page.html": html_documents(),
    "notes.txt": text_documents(),
}
any_document = st.one_of(
    *(st.tuples(st.just(name), strategy) for name, strategy in FORMATS.items()),
    st.tuples(st.sampled_from(list(FORMATS)), unicode_text),
)
