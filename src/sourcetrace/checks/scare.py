"""scare-quote: quotation marks that hold a label at a distance instead of quoting a statement.

Input: quoted_terms (kind "scare"), attributions. Output: one info finding per scare-quoted term
in the writer's own prose (a term nested inside someone's quotation is theirs, not the writer's).
"""

from __future__ import annotations

from typing import Iterable

from .._names import RE_WORD
from ..model import Article, Finding, Span
from ..settings import Settings
from .patterns import RE_NOT_A_LABEL
from .registry import finding


def check_scare_quotes(article: Article, settings: Settings) -> Iterable[Finding]:
    """Yield scare-quote for each QuotedTerm of kind "scare" outside quotations."""
    contents = [s for a in article.attributions for s in a.content]
    max_words = int(settings.get("attributions", "max_label_words"))
    for term in article.quoted_terms:
        if term.kind != "scare":
            continue
        inner = article.text[term.start : term.end].strip("\"“”‘’'„«» ,.;:!?")
        n_words = len(RE_WORD.findall(inner))
        if n_words == 0 or n_words > max_words or RE_NOT_A_LABEL.fullmatch(inner):
            # Longer quoted stretches are statements (a finder's miss, not a label); numbers, handles,
            # URLs and lone pronouns ("she") are never labels held at a distance.
            continue
        span = Span(term.start, term.end)
        if any(c.contains(span) and (c.start, c.end) != (span.start, span.end) for c in contents):
            continue
        words = " ".join(article.text[term.start : term.end].split())
        yield finding(
            "scare-quote",
            f"the quotation marks around {words} mark a label, not a statement: they distance the writer "
            "from the words without saying who used them or why.",
            [span],
        )
