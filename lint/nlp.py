"""Analyse: one rule-based spaCy pipeline per process (no trained model, no download)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from lint.tokens import TokenStrings

_NLP: Language | None = None
_ARTICLE_ENGLISH: type[Language] | None = None

# Footnote markers glued to text: "effects3", "in rats.1", "in 1996.1" -> split the number off
# so the word lemmatizes and the number reads as a citation.
FOOTNOTE_SUFFIXES = (r"(?<=[a-z]{3})\d{1,2}", r"(?<=[A-Za-z]{2}\.)\d{1,2}", r"(?<=\d{4}\.)\d{1,2}")
SENTENCE_END = {".", "!", "?", "…", "?!", "!?"}
CLOSERS = {")", "]", '"', "”", "’", "'", "»"}
OPENERS = {"(": ")", "[": "]"}
_MARKS = SENTENCE_END | CLOSERS | set(OPENERS)  # tokens the sentence splitter must look at

# A sentence is at most this many tokens: every per-sentence scan of every rule is then bounded
# by a constant, so a 1 MB line without a full stop costs per word what prose does. No article
# sentence comes near it (the longest in examples/, tests/ and the bench corpus: 54 tokens).
MAX_SENTENCE_TOKENS = 250
MIN_PIECE_TOKENS = MAX_SENTENCE_TOKENS // 2  # a cap never leaves a piece shorter than this
# where to cut an over-long sentence, best first (prose has no line breaks inside a block:
# the builder folds them into spaces); with none of these in reach, a hard cut
SENTENCE_BREAKS = (SENTENCE_END, {";"}, {",", ":", "—", "–"})

# spaCy's prefix/suffix search is quadratic in the length of a whitespace-free run (it searches
# the rest of the run again after each piece it splits off): "🧠" x 20,000 took over a minute.
# Runs longer than this are tokenized in pieces of this length.
MAX_RUN_CHARS = 200
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN_CHARS + 1},}}")  # \S is exactly not str.isspace()


def get_nlp() -> Language:
    """The process-wide pipeline, built on first use."""
    global _NLP
    if _NLP is None:
        _NLP = build_nlp()
    return _NLP


def shared_nlp() -> Language | None:
    """The process-wide pipeline if it is built (lint.term_tokens keeps its tokenizations)."""
    return _NLP


def build_nlp() -> Language:
    from lint.spacy_import import import_spacy

    import_spacy()  # first, so spaCy's CLI is never imported (see that module)
    from spacy.language import Language

    if not Language.has_factory("supplint_sentences"):
        Language.component("supplint_sentences")(split_sentences)
    nlp = _article_english().from_config({})  # spacy.blank("en"), footnote suffixes built in
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    # spaCy refuses texts over 1M chars to protect its parser and NER, which we do not run;
    # memory here is linear, and sources.MAX_BYTES already caps what is read.
    nlp.max_length = 1 << 30
    nlp.add_pipe("supplint_sentences")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    from lint.lemmas import initialize_lemmatizer

    if not initialize_lemmatizer(nlp):  # the same lemmas, without hashing the table at start
        nlp.initialize()
    for word, norm in INFORMAL_NORMS.items():
        for form in (word, word.capitalize()):
            nlp.vocab[form].norm_ = norm
    return nlp


# forum spellings read as the words they stand for: every rule matching on token norms (cue
# lists, audiences, conditions) then reads "got my kids thru chickenpox", "if u have lupus"
INFORMAL_NORMS = {"thru": "through", "u": "you", "ur": "your", "tho": "though", "cuz": "because"}


def _article_english() -> type[Language]:
    """English whose tokenizer knows the footnote suffixes from the start.

    Setting `tokenizer.suffix_search` afterwards compiled the suffix regex twice and reloaded
    all ~2,700 tokenizer exceptions (spaCy re-adds them on that setter): a sixth of start-up.
    """
    global _ARTICLE_ENGLISH
    if _ARTICLE_ENGLISH is None:
        from spacy.lang.en import English

        class ArticleEnglish(English):
            class Defaults(English.Defaults):  # type: ignore[valid-type, misc]
                suffixes = list(English.Defaults.suffixes or []) + list(FOOTNOTE_SUFFIXES)

        _ARTICLE_ENGLISH = ArticleEnglish
    return _ARTICLE_ENGLISH


class BoundedTokenizer:
    """spaCy's tokenizer, with whitespace-free runs over MAX_RUN_CHARS tokenized in pieces.

    The pieces' Docs are joined with nothing added between them (`Doc.from_docs`), so the
    Doc's text is exactly the prose and every token's `start_char`/`end_char`, hence every
    span and finding, stays exact. (Inserting a space into the prose instead would give it a
    character that maps to no source character, and would change what regex rules and the
    sentence splitter see.) The only difference: a piece boundary inside such a run also
    ends a token. Text without a long run, i.e. every article, goes to spaCy unchanged.
    """

    def __init__(self, tokenizer: Any):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if len(text) <= MAX_RUN_CHARS or _LONG_RUN.search(text) is None:
            return self.tokenizer(text)
        from spacy.tokens import Doc

        docs = [self.tokenizer(piece) for piece in bounded_pieces(text)]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def __getattr__(self, name: str) -> Any:  # vocab, explain, rules...: the wrapped tokenizer's
        if name == "tokenizer":  # not set yet (copy, unpickle): no recursion
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def bounded_pieces(text: str) -> Iterator[str]:
    """`text` cut so that no piece holds a whitespace-free run longer than MAX_RUN_CHARS.

    Cuts fall only inside long runs; the one space after a run stays with its last piece,
    where spaCy would attach it (a piece starting with a space would make it a token).
    """
    done = 0
    for run in _LONG_RUN.finditer(text):
        if run.start() > done:
            yield text[done : run.start()]
        end = run.end() + 1 if text.startswith(" ", run.end()) else run.end()
        for cut in range(run.start(), run.end(), MAX_RUN_CHARS):
            stop = cut + MAX_RUN_CHARS
            yield text[cut : stop if stop < run.end() else end]
        done = end
    if done < len(text):
        yield text[done:]


def split_sentences(doc: Doc) -> Doc:
    """Sentence starts: after a block break, or after end punctuation outside brackets.

    Better than spaCy's sentencizer for articles: "(Smith et al., 2019)" stays in its sentence,
    a footnote glued after the period ("rats.1 It") stays with the sentence it cites, and a
    heading without a period is its own sentence. A sentence longer than MAX_SENTENCE_TOKENS
    is cut into pieces (see cap_sentences).
    """
    from lint.tokens import token_strings

    tokens = token_strings(doc)  # plain lists: no Token object per word
    texts = tokens.text
    size = len(texts)
    # 1 starts a sentence, -1 does not (spaCy's SENT_START values)
    starts = [1] + [-1] * (size - 1) if size else []
    heads = [0] if size else []  # the tokens set to 1, in order
    # Only punctuation, brackets and line breaks change the state below; any other token,
    # met while no sentence end is pending, starts nothing and changes nothing: skip it.
    marks = [i for i, text in enumerate(texts) if text in _MARKS or "\n" in text]
    next_mark = 0
    depth = 0
    ended = False
    i = 0
    while i < size:
        text = texts[i]
        if i == 0:
            pass
        elif "\n\n" in texts[i - 1]:
            starts[i] = 1
            heads.append(i)
            depth, ended = 0, False
        elif ended and not _continues(tokens, i):
            starts[i] = 1
            heads.append(i)
            ended = False
        if text in OPENERS:
            depth += 1
        elif text in CLOSERS and depth:
            depth -= 1
        if text in SENTENCE_END and depth == 0 and not _after_et_al(tokens, i):
            ended = True
        elif ended and not _trails(tokens, i):
            ended = False
        if ended or "\n\n" in text:
            i += 1  # the next token's start depends on this one
        else:
            while next_mark < len(marks) and marks[next_mark] <= i:
                next_mark += 1
            i = marks[next_mark] if next_mark < len(marks) else size
    cap_sentences(texts, starts, heads)
    _set_sentence_starts(doc, starts)
    return doc


def cap_sentences(texts: list[str], starts: list[int], heads: list[int]) -> None:
    """Cut every sentence longer than MAX_SENTENCE_TOKENS, in place.

    A sentence of 5,000 tokens is not prose (a list pasted without punctuation, a generated
    page, an attack); cutting it keeps each rule's look-back and look-ahead within a sentence
    bounded. Each cut falls at the best break of the last half of the window (SENTENCE_BREAKS),
    else at the window's end; every cut advances at least MIN_PIECE_TOKENS, so this is linear.
    """
    ends = [*heads[1:], len(texts)] if heads else []
    for start, end in zip(heads, ends, strict=True):
        while end - start > MAX_SENTENCE_TOKENS:
            start = _cut(texts, start)
            starts[start] = 1


def _cut(texts: list[str], start: int) -> int:
    """Where the piece of a long sentence beginning at `start` should end (the next start)."""
    low, high = start + MIN_PIECE_TOKENS, start + MAX_SENTENCE_TOKENS
    for breaks in SENTENCE_BREAKS:
        for i in range(high - 1, low - 1, -1):
            if texts[i] in breaks:
                return i + 1
    return high


def _set_sentence_starts(doc: Doc, starts: list[int]) -> None:
    """All at once: the `token.is_sent_start` setter rescans the whole Doc on every call."""
    if not starts:
        return
    import numpy
    from spacy.attrs import SENT_START

    values: Any = numpy.array(starts, dtype="int64").astype("uint64").reshape(-1, 1)
    doc.from_array([SENT_START], values)


def _after_et_al(tokens: TokenStrings, i: int) -> bool:
    """The period of "Smith et al. (2019) found": an abbreviation, not a sentence end."""
    return i >= 2 and tokens.lower[i - 1] == "al" and tokens.lower[i - 2] == "et"


def _trails(tokens: TokenStrings, i: int) -> bool:
    """Tokens that may follow end punctuation inside the same sentence: quotes, footnotes."""
    text = tokens.text[i]
    glued = not tokens.spaced[i - 1]
    return text in SENTENCE_END or text in CLOSERS or (glued and tokens.like_num[i])


def _continues(tokens: TokenStrings, i: int) -> bool:
    """After end punctuation, is token i still the same sentence?"""
    if tokens.is_space[i]:
        return True
    text = tokens.text[i]
    if not tokens.spaced[i - 1] and (tokens.like_num[i] or text in CLOSERS):
        return True
    return text[:1].islower()


def analyse_texts(texts: list[str], batch_size: int = 32) -> list[Any]:
    return list(get_nlp().pipe(texts, batch_size=batch_size))
