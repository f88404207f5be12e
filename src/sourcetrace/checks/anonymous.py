"""anonymous-source: claims resting on someone the reader cannot identify.

Input: text (body regions when labelled), attributions. Output: one finding per sentence that gives
an unnamed source ("sources said", "a senior official, who asked not to be named").
"""

from __future__ import annotations

import re
from typing import Iterable

from ..model import Article, Finding, Span
from ..settings import Settings
from ._text import text_index
from .patterns import RE_ANONYMOUS
from .registry import finding

# "the sources said" points back at sources already introduced (and already reported).
RE_BACK_REFERENCE = re.compile(r"\b(?:the|these|those|both|his|her|their|our|its)\s+$", re.IGNORECASE)
# Regions whose text is not the article's own prose.
SKIP_KINDS = ("references", "chrome", "breadcrumb", "byline", "title")


def check_anonymous(article: Article, settings: Settings) -> Iterable[Finding]:
    """Yield anonymous-source findings, one per sentence."""
    text = article.text
    index = text_index(article)
    skip = [r for r in article.regions if r.kind in SKIP_KINDS]
    quotes = [s for a in article.attributions if a.kind in ("direct", "mixed") for s in a.content]
    seen: set[int] = set()
    for m in RE_ANONYMOUS.finditer(text):
        start, end = m.start(), m.end()
        if any(r.start <= start < r.end for r in skip):
            continue
        if any(q.start <= start and end <= q.end for q in quotes):
            continue  # someone else's words: the writer does not rely on that source
        if RE_BACK_REFERENCE.search(text, max(0, start - 12), start):
            continue
        sentence = index.sentence(start)
        if sentence.start in seen:
            continue
        seen.add(sentence.start)
        attrs = [
            a.id
            for a in article.attributions
            if (a.source is not None and a.source.overlaps(Span(start, end)))
            or (sentence.start <= a.start < sentence.end)
        ]
        phrase = " ".join(m.group(0).split())
        yield finding(
            "anonymous-source",
            f"\"{phrase}\": the claim rests on a source the article does not name, so a reader cannot weigh or check it.",
            [Span(start, end)],
            attributions=attrs,
        )
