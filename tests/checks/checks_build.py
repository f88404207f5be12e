"""Hand-built Articles for the checks and report tests (no other stage involved).

`build()` places every layer by searching for its text, so a test reads like the article it checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sourcetrace.model import (
    Article,
    Attribution,
    Author,
    Document,
    Link,
    Marker,
    Mention,
    QuotedTerm,
    Reference,
    ReferenceFields,
    Region,
    Span,
    Speaker,
    Url,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"


@dataclass
class Q:
    """A quotation: content text (several pieces for a split quote), optional source/cue, speaker id."""

    content: str | tuple[str, ...]
    source: str | None = None
    cue: str | None = None
    speaker: str | None = None
    kind: str = "direct"


@dataclass
class R:
    """A reference: its raw text (found in the article) and parsed fields."""

    raw: str
    label: str | None = None
    authors: tuple[tuple[str, str], ...] = ()
    title: str | None = None
    container: str | None = None
    publisher: str | None = None
    date: str | None = None
    medium: str | None = None
    type: str | None = None
    urls: tuple[tuple[str, str], ...] = ()
    kind: str = "note"
    extra: dict = field(default_factory=dict)


def _nearest(text: str, needle: str, near: int) -> int:
    hits, i = [], text.find(needle)
    while i >= 0:
        hits.append(i)
        i = text.find(needle, i + 1)
    assert hits, f"{needle!r} not in text"
    return min(hits, key=lambda h: abs(h - near))


def build(
    text: str,
    *,
    quotes: list[Q] = (),
    speakers: list[tuple[str, str, str]] = (),
    refs: list[R] = (),
    markers: list[str] = (),
    links: list[tuple] = (),
    terms: list[tuple[str, str]] = (),
    regions: list[tuple[str, str]] = (),
    document: Document | None = None,
) -> Article:
    """An Article over `text` with each layer located by substring search.

    links: (quote index 1-based or None, reference label, method[, marker label[, claim text]]).
    """
    attributions = []
    cursor = 0
    for n, q in enumerate(quotes, 1):
        pieces = (q.content,) if isinstance(q.content, str) else q.content
        spans = []
        for piece in pieces:
            start = text.index(piece, cursor)
            cursor = start + len(piece)
            spans.append(Span(start, cursor))
        anchor = spans[0].start
        source = cue = None
        if q.source:
            s = _nearest(text, q.source, anchor)
            source = Span(s, s + len(q.source))
        if q.cue:
            c = _nearest(text, q.cue, source.end if source else anchor)
            cue = Span(c, c + len(q.cue))
        attributions.append(
            Attribution(id=f"q{n}", kind=q.kind, content=tuple(spans), source=source, cue=cue, speaker=q.speaker)
        )
    speaker_objs = []
    for sid, name, kind in speakers:
        mentions = []
        i = text.find(name)
        if i >= 0:
            mentions.append(Mention(i, i + len(name)))
        speaker_objs.append(Speaker(id=sid, name=name, kind=kind, mentions=tuple(mentions)))
    references = []
    for n, r in enumerate(refs, 1):
        start = text.index(r.raw)
        end = start + len(r.raw)
        urls = []
        for url, status in r.urls:
            u = text.find(url, start, end) if url else -1
            urls.append(Url(url=url, status=status, start=u if u >= 0 else None, end=u + len(url) if u >= 0 else None))
        fields = ReferenceFields(
            authors=tuple(Author(f, g) for f, g in r.authors),
            title=r.title,
            container=r.container,
            publisher=r.publisher,
            date=r.date,
            medium=r.medium,
            type=r.type,
            **r.extra,
        )
        references.append(Reference(id=f"r{n}", start=start, end=end, label=r.label, kind=r.kind, urls=tuple(urls), fields=fields))
    by_label = {r.label: r.id for r in references if r.label}
    marker_objs = []
    cursor = 0
    body_end = min((r.start for r in references), default=len(text))
    for n, label in enumerate(markers, 1):
        start = text.index(f"[{label}]", cursor, body_end)
        cursor = start + len(label) + 2
        marker_objs.append(Marker(id=f"m{n}", start=start, end=cursor, label=label, reference=by_label.get(label)))
    link_objs = []
    for spec in links:
        qn, label, method = spec[:3]
        marker = next((m.id for m in marker_objs if m.label == spec[3]), None) if len(spec) > 3 and spec[3] else None
        claim = None
        if len(spec) > 4:
            c = text.index(spec[4])
            claim = Span(c, c + len(spec[4]))
        link_objs.append(
            Link(attribution=f"q{qn}" if qn else None, reference=by_label[label], method=method, marker=marker, claim=claim)
        )
    term_objs = []
    for t, kind in terms:
        s = text.index(t)
        term_objs.append(QuotedTerm(s, s + len(t), kind))
    region_objs = []
    for frag, kind in regions:
        s = text.index(frag)
        region_objs.append(Region(s, s + len(frag), kind))
    return Article(
        text=text,
        document=document or Document(),
        regions=tuple(region_objs),
        attributions=tuple(attributions),
        quoted_terms=tuple(term_objs),
        speakers=tuple(speaker_objs),
        references=tuple(references),
        markers=tuple(marker_objs),
        links=tuple(link_objs),
    )


def opinion_article() -> Article:
    """tests/fixtures/articles/checks_opinion.txt with every layer filled in by hand."""
    text = (FIXTURES / "checks_opinion.txt").read_text("utf-8")
    return build(
        text,
        document=Document(title="The Reservoir Nobody Audited", authors=("Sam Ortiz",), section=("Water",)),
        regions=[
            ("Home » Water » The Reservoir Nobody Audited", "breadcrumb"),
            ("By Sam Ortiz", "byline"),
            ("[1] Pryce", "references"),
        ],
        speakers=[
            ("s1", "Laura Whitcombe", "person"),
            ("s2", "Tomas Brandt", "person"),
            ("s3", "Irene Castell", "person"),
            ("s4", "The 2003 audit report", "organization"),
        ],
        quotes=[
            Q("\"nobody on the council read the engineering annex before the vote.\"", "She", "writes", "s1"),
            Q("\"We told them the clay liner would crack within a decade.\"", "Former engineer Tomas Brandt", "recalls", "s2"),
            Q("\"the budget made us cut corners on the inspection schedule.\"", "Brandt", "admitted", "s2"),
            Q("\"Every warning we wrote is still in the file.\"", "He", "added", "s2"),
            Q("\"The project exceeded its approved budget by forty percent, and no independent inspection was carried out before the reservoir was filled.\"", None, None, None),
            Q("\"the water has always been safe to drink.\"", "Mayor Irene Castell", "insisted", "s3"),
        ],
        refs=[
            R("[1] Pryce, Daniel. \"What the Council Missed.\" *Harbor Review* 3 May 2015. Web. 2 Jun 2015. <", "1",
              (("Pryce", "Daniel"),), "What the Council Missed.", "Harbor Review", date="2015-05-03", medium="Web", urls=(("<", "truncated"),)),
            R("[2] Brandt, Tomas. Interview by Millbrook Citizens Group. 14 April 2015. Web.", "2",
              (("Brandt", "Tomas"),), None, None, date="2015-04-14", medium="Interview by Millbrook Citizens Group", type="interview"),
            R("[3] Millbrook Town Auditor. *Reservoir Construction Audit*. Millbrook: Town Hall, Mar 2001. http://example.org/audit/2001.pdf", "3",
              (), "Reservoir Construction Audit", None, "Town Hall", date="2001-03", type="report", urls=(("http://example.org/audit/2001.pdf", "ok"),)),
            R("[4] Okafor, Ruth. \"Castell Promises Open Data.\" *Valley Courier* 9 June 2015. Web. http//valleycourier.example/castell", "4",
              (("Okafor", "Ruth"),), "Castell Promises Open Data.", "Valley Courier", date="2015-06-09", medium="Web",
              urls=(("http//valleycourier.example/castell", "malformed"),)),
            R("[5] Okafor, Ruth. \"Castell Promises Open Data.\" *Valley Courier* 9 June 2015. Web. http://example.org/audit/2001.pdf", "5",
              (("Okafor", "Ruth"),), "Castell Promises Open Data.", "Valley Courier", date="2015-06-09", medium="Web",
              urls=(("http://example.org/audit/2001.pdf", "ok"),)),
        ],
        markers=["1", "2", "3", "9", "4"],
        links=[(1, "1", "marker", "1"), (3, "2", "marker", "2"), (2, "2", "inherited"), (4, "2", "inherited"), (5, "3", "marker", "3"),
               (None, "4", "marker", "4", "Castell told the *Valley Courier* that the town would publish every test result.")],
        terms=[("\"community partner\"", "scare")],
    )
