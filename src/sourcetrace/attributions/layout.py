"""The token view the finders work on: body tokens with their sentence, paragraph and quotation.

Built once per article from `Article.tokens` (no re-tokenizing) and the quotations found by
direct.py; plain lists of ints/strings, indexed by position in the body token sequence.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from ..model import Article
from ..tokenize import line_spans
from .direct import Quote, find_quotes


@dataclass(slots=True)
class TokenView:
    text: str
    starts: list[int]
    ends: list[int]
    words: list[str]
    lower: list[str]
    sent: list[int]  # sentence number of each token
    para: list[int]  # paragraph number of each token
    quote: list[int]  # index into `quotes`, -1 outside quotations
    sentences: list[tuple[int, int]]  # [first, last+1) token ranges
    quotes: list[Quote] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.starts)


def body_spans(article: Article) -> list[tuple[int, int]]:
    """The body regions, or the whole text when the article has no regions at all."""
    if not article.regions:
        return [(0, len(article.text))]
    return sorted((r.start, r.end) for r in article.regions if r.kind == "body")


def build_view(article: Article) -> TokenView:
    """The TokenView of `article`'s body tokens (Article.tokens must be set)."""
    text = article.text
    tokens = article.tokens
    spans = body_spans(article)
    paras = [p for a, b in spans for p in line_spans(text, a, b)]
    quotes = find_quotes(text, paras)
    all_starts = tokens.starts
    all_ends = tokens.ends
    n_all = len(all_starts)
    # Sentence number of every token of the text, from the tokenizer's sentence starts.
    bounds = list(tokens.sentence_starts) + [n_all]
    sent_all: list[int] = []
    for j in range(len(bounds) - 1):
        sent_all.extend([j] * (bounds[j + 1] - bounds[j]))
    index: list[int] = []  # text token index of each body token
    para: list[int] = []
    for p, (a, b) in enumerate(paras):
        lo = bisect_left(all_starts, a)
        hi = bisect_left(all_starts, b)
        index.extend(range(lo, hi))
        para.extend([p] * (hi - lo))
    starts = [all_starts[i] for i in index]
    ends = [all_ends[i] for i in index]
    # A sentence also ends at each paragraph end (and so at each body region's end).
    sent: list[int] = []
    last = None
    number = -1
    for i, p in zip(index, para):
        key = (sent_all[i], p)
        if key != last:
            number += 1
            last = key
        sent.append(number)
    quote = [-1] * len(index)
    for qi, q in enumerate(quotes):
        for a, b in q.segments:
            lo = bisect_left(starts, a)
            hi = bisect_left(starts, b)
            quote[lo:hi] = [qi] * (hi - lo)
    words = [text[a:b] for a, b in zip(starts, ends)]
    sentences = []
    first = 0
    for i in range(1, len(sent) + 1):
        if i == len(sent) or sent[i] != sent[i - 1]:
            sentences.append((first, i))
            first = i
    return TokenView(
        text=text,
        starts=starts,
        ends=ends,
        words=words,
        lower=[w.lower() for w in words],
        sent=sent,
        para=para,
        quote=quote,
        sentences=sentences,
        quotes=quotes,
    )
