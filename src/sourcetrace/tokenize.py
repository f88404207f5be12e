"""Tokenize stage: Article.text -> Article.tokens (token and sentence boundaries as offset arrays).

A regex tokenizer plus an abbreviation-aware sentence splitter. The whole text is tokenized once;
later stages look tokens up by offset instead of re-tokenizing.
"""

from __future__ import annotations

import dataclasses
import re
from array import array
from bisect import bisect_left

from .model import Article, Tokens
from .settings import Settings

# Dotted abbreviations ("U.S.", "a.m.") first, then numbers with inner separators ("1,000", "3.5"),
# then words with inner apostrophes / hyphens ("don't", "Clinton’s", "re-elect"), then any other
# non-space character on its own (punctuation, quote marks, symbols).
RE_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|\d+(?:[.,:]\d+)*"
    r"|\w+(?:[-'’]\w+)*"
    r"|\S",
)

RE_NEWLINE_RUN = re.compile(r"\n\s*")
RE_SENTENCE_PUNCT = re.compile(r"[.!?…]")

# Closers that may follow sentence-final punctuation inside the same sentence.
CLOSERS = frozenset("\"'”’»)]")
# A footnote marker as it sits glued to a sentence's end: "[2]", "[2, 3]", "[2–4]", "²", "¹,²". The
# linking stage ends its sentences with the same definition.
FOOTNOTE_MARKER = r"\[\d{1,3}(?:\s?[,–-]\s?\d{1,3})*\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,⁻-][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*"
# A footnote marker glued to the end of a sentence ('Tom Baker.¹ Critics', 'millions."[2] A') belongs
# to that sentence, and so does an editor's lower-case note in brackets ('withdrawals.[citation
# needed] Farmers'); the next sentence starts after it.
RE_GLUED_MARKER = re.compile(FOOTNOTE_MARKER + r"|\[[a-z][a-z ?'’–-]{1,40}\]")

# Words that take a period without ending the sentence ("Mr. Smith", "Sept. 12", "Gov. Pence").
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st sen rep gov gen col lt sgt capt maj cmdr adm rev hon pres supt
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft vs etc inc corp co ltd no nos vol
    fig al approx dept est univ ave blvd rd""".split()
)


def tokenize(article: Article, settings: Settings) -> Article:
    """Return `article` with `tokens` set; never fails (empty text gives empty arrays)."""
    return dataclasses.replace(article, tokens=tokenize_text(article.text))


def tokenize_text(text: str) -> Tokens:
    """Tokens of `text`: starts/ends offset arrays and the index of each sentence's first token."""
    spans = [m.span() for m in RE_TOKEN.finditer(text)]
    starts = array("I", [a for a, _ in spans])
    ends = array("I", [b for _, b in spans])
    return Tokens(starts=starts, ends=ends, sentence_starts=_split_sentences(text, starts, ends))


def _split_sentences(text: str, starts: array, ends: array) -> array:
    n = len(starts)
    if not n:
        return array("I")
    # Only tokens after a line break or after sentence-final punctuation can start a sentence, so
    # look at those instead of walking every token.
    breaks = {0}
    for m in RE_NEWLINE_RUN.finditer(text):
        i = bisect_left(starts, m.end())
        if 0 < i < n:
            breaks.add(i)
    for m in RE_SENTENCE_PUNCT.finditer(text):
        dot = bisect_left(starts, m.start())
        if dot >= n or starts[dot] != m.start() or _is_abbreviation(text, starts, ends, dot):
            continue
        i = dot + 1
        # Closing quotes/brackets and footnote markers right after the period stay in this sentence:
        # ."  .”)  .¹  ."[2]
        while i < n and starts[i] == ends[i - 1]:
            if text[starts[i] : ends[i]] in CLOSERS:
                i += 1
                continue
            marker = RE_GLUED_MARKER.match(text, starts[i])
            if marker is None:
                break
            i = bisect_left(starts, marker.end(), i + 1)
        if i < n and starts[i] > ends[i - 1] and _starts_sentence(text[starts[i] : ends[i]]):
            breaks.add(i)
    return array("I", sorted(breaks))


def _is_abbreviation(text: str, starts: array, ends: array, dot: int) -> bool:
    """True when the period token at `dot` belongs to an abbreviation or an initial ("J. Smith")."""
    if dot == 0 or text[starts[dot] : ends[dot]] != "." or starts[dot] != ends[dot - 1]:
        return False
    word = text[starts[dot - 1] : ends[dot - 1]]
    if word.lower() in ABBREVIATIONS:
        return True
    # A single capital letter before the dot is an initial ("George W. Bush").
    return len(word) == 1 and word.isupper()


def _starts_sentence(token: str) -> bool:
    ch = token[0]
    return ch.isupper() or ch.isdigit() or ch in "\"“‘'«„‚([—–-―"


def line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-blank lines of text[start:end] as (start, end) spans without surrounding whitespace.

    Shared by the attribution layout (paragraphs) and the brat writer (fragments split at newlines).
    """
    spans = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        a, b = pos, stop
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
        pos = stop + 1
    return spans
