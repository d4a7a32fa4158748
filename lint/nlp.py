"""Analyse: one rule-based spaCy pipeline per process (no trained model, no download)."""

from __future__ import annotations

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


def get_nlp() -> Language:
    """The process-wide pipeline, built on first use."""
    global _NLP
    if _NLP is None:
        _NLP = build_nlp()
    return _NLP


def build_nlp() -> Language:
    from lint.spacy_import import import_spacy

    import_spacy()  # first, so spaCy's CLI is never imported (see that module)
    from spacy.language import Language

    if not Language.has_factory("supplint_sentences"):
        Language.component("supplint_sentences")(split_sentences)
    nlp = _article_english().from_config({})  # spacy.blank("en"), footnote suffixes built in
    # spaCy refuses texts over 1M chars to protect its parser and NER, which we do not run;
    # memory here is linear, and sources.MAX_BYTES already caps what is read.
    nlp.max_length = 1 << 30
    nlp.add_pipe("supplint_sentences")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    from lint.lemmas import initialize_lemmatizer

    if not initialize_lemmatizer(nlp):  # the same lemmas, without hashing the table at start
        nlp.initialize()
    return nlp


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


def split_sentences(doc: Doc) -> Doc:
    """Sentence starts: after a block break, or after end punctuation outside brackets.

    Better than spaCy's sentencizer for articles: "(Smith et al., 2019)" stays in its sentence,
    a footnote glued after the period ("rats.1 It") stays with the sentence it cites, and a
    heading without a period is its own sentence.
    """
    from lint.tokens import token_strings

    tokens = token_strings(doc)  # plain lists: no Token object per word
    texts = tokens.text
    size = len(texts)
    # 1 starts a sentence, -1 does not (spaCy's SENT_START values)
    starts = [1] + [-1] * (size - 1) if size else []
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
            depth, ended = 0, False
        elif ended and not _continues(tokens, i):
            starts[i] = 1
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
    _set_sentence_starts(doc, starts)
    return doc


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
