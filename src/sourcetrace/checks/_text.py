"""Sentence and paragraph lookup over Article.text, and small name helpers, shared by the checks."""

from __future__ import annotations

import bisect

from .._names import NAME_SUFFIXES, RE_EMPHASIS, RE_WORD, TITLES, fold
from ..model import Article, Attribution, Link, Span
from .patterns import RE_PARAGRAPH_BREAK, RE_SENTENCE_END


class TextIndex:
    """Sentence and paragraph boundaries of one article, found once and looked up by bisection.

    Uses the tokens layer when there is one; otherwise (hand-built Articles) a punctuation splitter.
    """

    def __init__(self, article: Article) -> None:
        text = article.text
        self.text = text
        if article.tokens is not None and len(article.tokens):
            starts = [s for s, _ in article.tokens.sentence_spans()]
        else:
            starts = [0] + [m.end() for m in RE_SENTENCE_END.finditer(text)]
        self.sentence_starts = sorted(set(starts)) or [0]
        self.paragraph_starts = [0] + [m.end() for m in RE_PARAGRAPH_BREAK.finditer(text)]

    def sentence(self, offset: int) -> Span:
        """The sentence holding `offset` (up to the next sentence start or paragraph break)."""
        i = bisect.bisect_right(self.sentence_starts, offset) - 1
        start = self.sentence_starts[max(i, 0)]
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        para = self.paragraph(offset)
        start, end = max(start, para.start), min(end, para.end)
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Span(start, max(start, end))

    def previous_sentence(self, offset: int) -> Span | None:
        """The sentence before the one holding `offset`, across a paragraph break too."""
        current = self.sentence(offset)
        probe = current.start - 1
        while probe >= 0 and self.text[probe].isspace():
            probe -= 1
        return self.sentence(probe) if probe >= 0 else None

    def paragraph(self, offset: int) -> Span:
        i = bisect.bisect_right(self.paragraph_starts, offset) - 1
        start = self.paragraph_starts[max(i, 0)]
        end = self.paragraph_starts[i + 1] if i + 1 < len(self.paragraph_starts) else len(self.text)
        return Span(start, end)


# The last index built, with the text and tokens it was built from: the checks of one article each
# ask for it, so it is built once per article instead of once per check. Compared by identity (the
# objects are kept alive here), so a different article never gets a stale index.
_LAST_INDEX: tuple[str, object, TextIndex] | None = None


def text_index(article: Article) -> TextIndex:
    """TextIndex(article), shared by the checks that run on the same article."""
    global _LAST_INDEX
    last = _LAST_INDEX
    if last is not None and last[0] is article.text and last[1] is article.tokens:
        return last[2]
    index = TextIndex(article)
    _LAST_INDEX = (article.text, article.tokens, index)
    return index


def surname(name: str) -> str | None:
    """The family name of a person's name: last capitalised word that is not a title or suffix.

    Handles "Mr. Dashtestani", "Martin Indyk", "Rudolph Giuliani Jr.", "Safdari's" and the inverted
    "Disney, Patrick". Returns None when the name holds no capitalised word (a pronoun, "officials").
    """
    name = RE_EMPHASIS.sub(" ", name).strip()
    if "," in name:
        head = name.split(",", 1)[0].strip()
        if head and head[0].isupper() and " " not in head:
            return fold(head)
    tokens = [t for t in RE_WORD.findall(name)]
    for token in reversed(tokens):
        t = token.rstrip(".")
        if t.lower() in NAME_SUFFIXES or t.lower() in TITLES:
            continue
        if t.lower().endswith(("'s", "’s")):
            t = t[:-2]
        if t[:1].isupper():
            return fold(t)
    return None


def attribution_frame(index: TextIndex, article: Article, attr: Attribution) -> list[Span]:
    """Text around an attribution that is not the quotation itself: source/cue sentences minus content.

    For a quotation with no source or cue, the sentence it starts in; when that sentence (or the
    paragraph before a block quotation) ends with a colon, that lead-in sentence too.
    """
    anchors = [s.start for s in (attr.source, attr.cue) if s is not None]
    if attr.content:
        anchors.append(attr.start)
    if not anchors:
        return []
    sentences = {index.sentence(a) for a in anchors}
    first = min(anchors)
    lead = index.previous_sentence(first)
    if lead is not None and article.text[lead.start : lead.end].rstrip().endswith(":"):
        sentences.add(lead)
    pieces: list[Span] = []
    for sent in sorted(sentences, key=lambda s: s.start):
        cursor = sent.start
        for content in sorted(attr.content, key=lambda s: s.start):
            if content.end <= cursor or content.start >= sent.end:
                continue
            if content.start > cursor:
                pieces.append(Span(cursor, content.start))
            cursor = max(cursor, content.end)
        if cursor < sent.end:
            pieces.append(Span(cursor, sent.end))
    return pieces


def links_by_attribution(article: Article) -> dict[str, list[Link]]:
    out: dict[str, list[Link]] = {}
    for link in article.links:
        if link.attribution is not None:
            out.setdefault(link.attribution, []).append(link)
    return out


def reference_label(article: Article, reference_id: str) -> str:
    """How a reader names the reference: "[2]" for a numbered note, "Hart 2019 (r1)" for an unnumbered
    one with an author, else its id."""
    ref = article.reference(reference_id)
    if ref is not None and ref.label:
        return f"[{ref.label}]"
    if ref is not None and ref.kind == "note" and ref.fields.authors:
        year = (ref.fields.date or "")[:4]
        return f"{ref.fields.authors[0].family}{' ' + year if year else ''} ({reference_id})"
    return reference_id


def quote_excerpt(article: Article, attr: Attribution, limit: int = 60) -> str:
    """The start of an attribution's content, shortened for a message."""
    first = min(attr.content, key=lambda s: s.start)
    text = " ".join(article.text[first.start : first.end].split()).strip("\"“”‘’' ")
    text = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return f"“{text}”"
