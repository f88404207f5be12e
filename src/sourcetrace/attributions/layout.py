"""The token view the finders work on: body tokens with their sentence, paragraph and quotation.

Built once per article from `Article.tokens` (no re-tokenizing) and the quotations found by
direct.py; plain lists of ints/strings, indexed by position in the body token sequence.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
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
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # [first, last+1) of each non-empty one

    def __len__(self) -> int:
        return len(self.starts)


def body_spans(article: Article) -> list[tuple[int, int]]:
    """The body regions, or the whole text when the article has no regions at all."""
    if not article.regions:
        return [(0, len(article.text))]
    return sorted((r.start, r.end) for r in article.regions if r.kind == "body")


def _sentence_numbers(
    sentence_starts, n_all: int, index: list[int], para: list[int], ranges: list[tuple[int, int]]
) -> list[int]:
    """Sentence number of each body token: a new number at each tokenizer sentence start and at
    each paragraph start."""
    ss = sentence_starts
    if len(ss) and ss[0] == 0 and all(x < y for x, y in zip(ss, ss[1:])):
        # The tokenizer's layout (sorted, from 0): walk the sentence starts inside each paragraph's
        # token run instead of labelling every token of the text.
        sent: list[int] = []
        number = -1
        for lo, hi in ranges:
            if hi <= lo:
                continue
            number += 1
            pos = lo
            k = bisect_right(ss, lo)
            while k < len(ss) and ss[k] < hi:
                nxt = ss[k]
                sent.extend([number] * (nxt - pos))
                number += 1
                pos = nxt
                k += 1
            sent.extend([number] * (hi - pos))
        return sent
    # Any other sentence_starts (hand-built Tokens): the general per-token walk.
    bounds = list(ss) + [n_all]
    sent_all: list[int] = []
    for j in range(len(bounds) - 1):
        sent_all.extend([j] * (bounds[j + 1] - bounds[j]))
    sent = []
    last = None
    number = -1
    for i, p in zip(index, para):
        key = (sent_all[i], p)
        if key != last:
            number += 1
            last = key
        sent.append(number)
    return sent


def build_view(article: Article) -> TokenView:
    """The TokenView of `article`'s body tokens (Article.tokens must be set)."""
    text = article.text
    tokens = article.tokens
    spans = body_spans(article)
    paras = [p for a, b in spans for p in line_spans(text, a, b)]
    quotes = find_quotes(text, paras)
    all_starts = tokens.starts
    all_ends = tokens.ends
    index: list[int] = []  # text token index of each body token
    para: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    ranges: list[tuple[int, int]] = []  # [lo, hi) text token range of each paragraph
    view_paras: list[tuple[int, int]] = []  # the same in view tokens, empty paragraphs left out
    for p, (a, b) in enumerate(paras):
        lo = bisect_left(all_starts, a)
        hi = bisect_left(all_starts, b)
        if hi > lo:
            view_paras.append((len(index), len(index) + hi - lo))
        index.extend(range(lo, hi))
        para.extend([p] * (hi - lo))
        # Paragraphs are runs of consecutive text tokens: slice the offset arrays per run.
        starts.extend(all_starts[lo:hi])
        ends.extend(all_ends[lo:hi])
        ranges.append((lo, hi))
    # A sentence also ends at each paragraph end (and so at each body region's end).
    sent = _sentence_numbers(tokens.sentence_starts, len(all_starts), index, para, ranges)
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
        paragraphs=view_paras,
    )
