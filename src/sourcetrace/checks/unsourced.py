"""unsourced-quote / inherited-source: direct quotations with no reference of their own.

Input: attributions, speakers, links, references, markers. Output: one finding per direct or mixed
quotation that no marker, hyperlink or note by its speaker backs.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..model import Article, Attribution, Finding
from ..settings import Settings
from ._text import TextIndex, attribution_frame, links_by_attribution, quote_excerpt, reference_label, text_index
from .registry import finding

# The writer's own interview: the quotation is sourced by the article itself, not by a reference.
RE_FIRST_HAND = re.compile(
    r"\b(?:told\s+(?:me|us|this\s+(?:newspaper|paper|reporter|writer|website|site|magazine|publication|author))"
    r"|(?:said|says|speaking)\s+in\s+an\s+interview\b(?!\s+(?:with|on|published|for|in)\b)"
    r"|in\s+an\s+interview\s+with\s+(?:me|us|this\s+\w+))",
    re.IGNORECASE,
)
# Links that source a quotation by themselves (an inherited one leans on another quotation's).
OWN_METHODS = ("marker", "hyperlink", "speaker")
# Text between quotation marks inside a content span (a mixed attribution's quoted part).
RE_QUOTED = re.compile(r"[\"“”](.+?)[\"“”]", re.S)


def _speaker_name(article: Article, attr: Attribution) -> str:
    speaker = article.speaker(attr.speaker)
    return speaker.name if speaker else "an unnamed speaker"


def check_unsourced(article: Article, settings: Settings) -> Iterable[Finding]:
    """Yield unsourced-quote (warning) and inherited-source (info) findings."""
    # An article with no notes is first-hand reporting: its quotations are the reporter's own
    # interviews (a few inline links do not change that), and flagging every one of them would bury
    # the real findings. Measured on 40 benchmark news pages: 36 such findings, all of this kind.
    # Inheritance is still reported there: it is never silent.
    cites_notes = bool(article.markers) or any(r.kind == "note" for r in article.references)
    flag_unsourced = cites_notes or not settings.get("checks", "unsourced_requires_references")
    index = text_index(article)
    by_attr = links_by_attribution(article)
    min_mixed = int(settings.get("checks", "unsourced_min_mixed_words"))
    for attr in article.attributions:
        if not attr.content:
            continue
        links = by_attr.get(attr.id, [])
        if any(l.method in OWN_METHODS for l in links):
            continue
        inherited = [l for l in links if l.method == "inherited"]
        quotation = attr.kind == "direct" or (
            attr.kind == "mixed" and attr.speaker is not None and _quoted_words(article, attr) >= min_mixed
        )
        if not inherited and not quotation:
            continue  # reported speech, or a paraphrase around a short quoted label: nothing to inherit or flag
        donors = list(_donors(article, index, attr, by_attr))
        if inherited or donors:
            refs = list(dict.fromkeys([l.reference for l in inherited] + [r for d in donors for r in _cited(by_attr, d)]))
            labels = ", ".join(reference_label(article, r) for r in refs)
            donor_txt = f" from {donors[0].id} ({quote_excerpt(article, donors[0], 40)})" if donors else ""
            yield finding(
                "inherited-source",
                f"{attr.id} ({quote_excerpt(article, attr)}) by {_speaker_name(article, attr)} has no marker "
                f"of its own; it is taken to rest on {labels}, inherited{donor_txt} by the same speaker in the "
                "same paragraph.",
                [min(attr.content, key=lambda s: s.start)],
                attributions=[attr.id] + [d.id for d in donors[:1]],
                references=refs,
            )
            continue
        if not flag_unsourced:
            continue
        frame = " ".join(article.text[s.start : s.end] for s in attribution_frame(index, article, attr))
        if RE_FIRST_HAND.search(frame):
            continue
        yield finding(
            "unsourced-quote",
            f"{attr.id} ({quote_excerpt(article, attr)}) by {_speaker_name(article, attr)} has no marker "
            "or link, no listed note by its speaker, and no cited quotation of the same speaker in its paragraph "
            "to inherit a reference from.",
            [min(attr.content, key=lambda s: s.start)],
            attributions=[attr.id],
        )


def _quoted_words(article: Article, attr: Attribution) -> int:
    """Words inside quotation marks in the attribution's content, minus quoted names and labels."""
    terms = [(t.start, t.end) for t in article.quoted_terms]
    n = 0
    for span in attr.content:
        chunk = article.text[span.start : span.end]
        for m in RE_QUOTED.finditer(chunk):
            start = span.start + m.start()
            if any(ts <= start < te for ts, te in terms):
                continue
            n += len(m.group(1).split())
    return n


def _cited(by_attr: dict, attr: Attribution) -> list[str]:
    return [l.reference for l in by_attr.get(attr.id, []) if l.method in OWN_METHODS]


def _donors(article: Article, index: TextIndex, attr: Attribution, by_attr: dict) -> Iterator[Attribution]:
    """Cited quotations of the same (known) speaker in the same paragraph, nearest first."""
    if attr.speaker is None:
        return
    paragraph = index.paragraph(attr.start)
    candidates = [
        other
        for other in article.attributions
        if other.id != attr.id
        and other.speaker == attr.speaker
        and paragraph.start <= other.start < paragraph.end
        and _cited(by_attr, other)
    ]
    yield from sorted(candidates, key=lambda o: abs(o.start - attr.start))
