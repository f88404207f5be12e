"""Attribution stages: Article (tokens, regions) -> attributions + quoted terms, then speakers.

`find_attributions` labels body tokens with Source / Cue / Content (trained CRF, or the rules when
settings say so or no model is installed) and assembles the labels into Attributions;
`resolve_speakers` maps each attribution's source to a canonical Speaker.
"""

from __future__ import annotations

import dataclasses
import re

from ..errors import ConfigError
from ..model import Article, Attribution, QuotedTerm, Span
from ..settings import Settings
from ..tokenize import tokenize_text
from .assemble import Relation, assemble, inverted_sources, passive_subjects, transcript_turns
from .block import block_quotes
from .direct import label_words
from .layout import TokenView, build_view
from .patterns import CUE_FORMS, DIRECT_OPENERS, SPEECH_LEMMAS
from .reported import rule_labels
from .speakers import resolve_speakers

__all__ = ["find_attributions", "resolve_speakers"]

FINDERS = ("crf", "rules")


def find_attributions(article: Article, settings: Settings) -> Article:
    """Return `article` with `attributions` (ids q1.. in order of content start) and `quoted_terms`."""
    if article.tokens is None:
        article = dataclasses.replace(article, tokens=tokenize_text(article.text))
    view = build_view(article)
    max_label_words = int(settings.get("attributions", "max_label_words"))
    rules = rule_labels(view, max_label_words)
    method = "rules"
    confidences: list[float] | None = None
    labels = rules
    finder = settings.get("attributions", "finder")
    if finder not in FINDERS:
        raise ConfigError(f"attributions.finder is {finder!r}; use one of {', '.join(FINDERS)}")
    if finder == "crf":
        from .crf import tag

        tagged = tag(view, rules)
        if tagged is not None:
            labels, confidences = tagged
            method = "crf"
    labels, confidences = transcript_turns(view, labels, confidences)
    relations = assemble(view, passive_subjects(view, inverted_sources(view, labels)))
    attributions = _to_attributions(view, relations, method, confidences)
    attributions = tuple(
        a for a in attributions if a.confidence >= MIN_CONFIDENCE and not _is_label(view, a, max_label_words)
    )
    attributions = _renumber(sorted(attributions + tuple(block_quotes(view, attributions)), key=lambda a: a.content[0].start))
    terms = _quoted_terms(view, attributions, max_label_words)
    return dataclasses.replace(article, attributions=attributions, quoted_terms=terms)


# CRF attributions whose mean label confidence is below this are dropped: tuned on PolNeAR dev
# (0.4 gave relation F1 +0.01 over 0.0, trading recall for precision; 0.5 and up lose F1).
MIN_CONFIDENCE = 0.4


def _speech_cue(view: TokenView, attribution: Attribution) -> bool:
    if attribution.cue is None:
        return False
    words = view.text[attribution.cue.start : attribution.cue.end].lower().split()
    # "According to the hydrologist, “the river is dying”": a statement however short, like "said"
    return words[:2] == ["according", "to"] or any(CUE_FORMS.get(w) in SPEECH_LEMMAS for w in words)


def _label_quote(view: TokenView, start: int, end: int, max_words: int) -> bool:
    """A short quotation that is not a sentence: a name or a scare quote."""
    inner = view.text[start + 1 : end - 1].strip(" ,;:\"'“”‘’")
    if not inner or len(label_words(inner)) > max_words or inner.endswith(("!", "?")):
        return False
    return not (inner.endswith(".") and inner[:1].isupper() and len(inner.split()) > 3)


def _is_label(view: TokenView, attribution: Attribution, max_words: int) -> bool:
    """True when the content is one short label quotation and the cue is not a speech verb
    ('is known as “the Donald”'); 'Trump said “sad.”' quotes a statement, however short."""
    if attribution.kind != "direct" or len(attribution.content) != 1 or _speech_cue(view, attribution):
        return False
    span = attribution.content[0]
    return _label_quote(view, span.start, span.end, max_words)


def _renumber(attributions) -> tuple[Attribution, ...]:
    # Most keep the id they were built with: replace only those that change.
    return tuple(
        a if a.id == f"q{n}" else dataclasses.replace(a, id=f"q{n}") for n, a in enumerate(attributions, 1)
    )


# An editor's note in brackets at the end of a content span ("overstates withdrawals.[citation needed]"),
# closed or cut off by the tagger, is the page's, not the speaker's.
RE_TRAILING_NOTE = re.compile(r"\s*\[[a-z][a-z ?'’–-]{0,40}\]?$")


def _without_note(text: str, start: int, end: int) -> int:
    m = RE_TRAILING_NOTE.search(text, start, end)
    return m.start() if m and m.start() > start else end


def _to_attributions(
    view: TokenView, relations: list[Relation], method: str, confidences: list[float] | None
) -> tuple[Attribution, ...]:
    text = view.text
    found = []
    for rel in relations:
        contents = sorted(rel.contents)
        content = tuple(Span(view.starts[a], _without_note(text, view.starts[a], view.ends[b])) for a, b in contents)
        if not any(ch.isalnum() for c in content for ch in text[c.start : c.end]):
            continue  # a stray mark or punctuation is not a statement
        source = None
        if rel.sources:
            # The source run nearest to the cue wins when the finder produced several.
            a, b = min(rel.sources, key=lambda r: min(abs(r[0] - rel.cue[1]), abs(rel.cue[0] - r[1])))
            source = Span(view.starts[a], view.ends[b])
        cue = Span(view.starts[rel.cue[0]], view.ends[rel.cue[1]])
        toks = [t for a, b in contents for t in range(a, b + 1)]
        quoted = sum(1 for t in toks if view.quote[t] >= 0)
        if text[content[0].start :].startswith(DIRECT_OPENERS) and quoted == len(toks):
            kind = "direct"
        elif quoted:
            kind = "mixed"
        else:
            kind = "indirect"
        confidence = 1.0
        if confidences is not None:
            spans = [t for a, b in contents + rel.sources + [rel.cue] for t in range(a, b + 1)]
            confidence = round(sum(confidences[t] for t in spans) / len(spans), 4)
        found.append((content[0].start, content, source, cue, kind, confidence))
    found.sort(key=lambda f: f[0])
    return tuple(
        Attribution(
            id=f"q{n}", kind=kind, content=content, source=source, cue=cue, confidence=confidence, method=method
        )
        for n, (_, content, source, cue, kind, confidence) in enumerate(found, 1)
    )


def _quoted_terms(view: TokenView, attributions: tuple[Attribution, ...], max_words: int) -> tuple[QuotedTerm, ...]:
    """Short quotations that are not statements: names ("No to Ahmadinejad Committee") or scare
    quotes ("human rights activist"), unless a speech verb quotes them ('said “sad.”')."""
    spoken = [(s.start, s.end) for a in attributions if _speech_cue(view, a) for s in a.content]
    terms = []
    for q in view.quotes:
        if len(q.segments) != 1:
            continue
        a, b = q.segments[0]
        if any(ua <= a and b <= ub for ua, ub in spoken) or not _label_quote(view, a, b, max_words):
            continue
        inner = view.text[a + 1 : b - 1].strip(" ,.;:!?\"'“”‘’")
        content_words = label_words(inner)
        is_name = bool(content_words) and all(w[:1].isupper() for w in content_words)
        terms.append(QuotedTerm(a, b, "name" if is_name else "scare"))
    return tuple(terms)
