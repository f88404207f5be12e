"""Article with attributions, markers and references -> Article with `links`.

Rules, in order (each Link records which one made it):
1. marker: a marker inside a quotation, or after it in the same sentence, or glued right after that
   sentence's end ("...war". [7]) and before the next quotation starts, backs that quotation;
2. hyperlink: a cited hyperlink whose anchor lies on the attribution's source, cue or content
   ("told <a>Reuters</a>") backs it;
3. inherited: an attribution still unlinked takes the references of the nearest linked attribution of
   the same speaker in the same paragraph (a fact-checker sees it reported as inherited, never silently);
4. speaker: an attribution still unlinked whose speaker (a person, or an organisation by its
   name or acronym) is the author of a listed note
   ("Email interview with Mary E. Lovely, ..." in a fact-check's source list, "Lovely, Mary. "Tariffs."
   ...") is backed by that note: source lists are often not cited inline. After inheritance, which
   names the one note of the paragraph where this may name several;
5. a marker that backs no attribution makes a cited claim: a Link with attribution=None and the
   sentence it ends.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from .._names import fold, is_acronym_of, same_person
from ..model import Article, Link, Marker, Reference, Span
from ..settings import Settings
from .patterns import RE_ENDS_SENTENCE, RE_GLUE, RE_NON_WORD, RE_PARAGRAPH_BREAK, RE_SENTENCE_END

# Confidence per method: a marker glued to the quote is near certain; one later in the sentence can
# belong to a clause after the quote; inheritance is a guess that the same speaker's note covers both.
CONFIDENCE_GLUED = 0.95
CONFIDENCE_SENTENCE = 0.85
CONFIDENCE_HYPERLINK = 0.8
CONFIDENCE_INHERITED = 0.6
# A note by the speaker: an interview or post is what the quotation most likely comes from; another
# work of theirs (an op-ed, a report) may or may not hold it.
CONFIDENCE_SPEAKER_INTERVIEW = 0.75
CONFIDENCE_SPEAKER_WORK = 0.6
SPEAKER_TYPES = ("interview", "post")


def _paragraph_bounds(text: str) -> list[int]:
    """Start offsets of paragraphs (blank-line separated), for bisecting."""
    return [0] + [m.end() for m in RE_PARAGRAPH_BREAK.finditer(text)]


def _paragraph_of(bounds: list[int], offset: int) -> int:
    return bisect.bisect_right(bounds, offset) - 1


def _paragraph_end(text: str, bounds: list[int], offset: int) -> int:
    index = _paragraph_of(bounds, offset)
    return bounds[index + 1] if index + 1 < len(bounds) else len(text)


def _markers_after(text: str, markers: list[Marker], start: int, limit: int) -> list[tuple[Marker, bool]]:
    """Markers from `start` to the end of its sentence, plus any glued right after that end, before `limit`.

    `markers` is sorted by offset. Returns (marker, glued) pairs; `glued` when only punctuation and
    space separate the marker from `start` (the quotation's end).
    """
    if RE_ENDS_SENTENCE.search(text, max(0, start - 3), start):
        end = start  # the quotation closed its sentence ("...win."): only glued markers are its own
    else:
        boundary = RE_SENTENCE_END.search(text, start, limit)
        end = boundary.end() if boundary else limit
    found: list[tuple[Marker, bool]] = []
    cursor = start
    for marker in markers:
        if marker.start < start:
            continue
        if marker.start >= limit:
            break
        chained = RE_GLUE.fullmatch(text, cursor, marker.start) is not None
        if marker.start > end and not chained:
            break
        found.append((marker, RE_GLUE.fullmatch(text, start, marker.start) is not None))
        cursor = marker.end
    return found


def _sentence_before(article: Article, marker: Marker, floor: int) -> Span:
    """The sentence a marker closes: from the previous sentence end (or `floor`) to the marker."""
    text = article.text
    start = floor
    for m in RE_SENTENCE_END.finditer(text, floor, marker.start):
        if m.end() < marker.start and text[m.end() : marker.start].strip():
            start = m.end()
    while start < marker.start and text[start].isspace():
        start += 1
    end = marker.start
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, max(start, end), "claim")


def _same_organisation(a: str, b: str) -> bool:
    """One organisation: the same name ("the Congressional Budget Office" / "Congressional Budget Office"),
    or one is the other's acronym ("the DEA" / "U.S. Drug Enforcement Administration")."""
    return _org_key(a) == _org_key(b) or is_acronym_of(a, b) or is_acronym_of(b, a)


def _by_speaker(name: str, kind: str, ref: Reference) -> bool:
    """True when the note is by the speaker: a person among its authors, or an organisation that is its
    author or its outlet ("the Congressional Budget Office estimated" / "[1] Congressional Budget Office,
    "The Effects of Tariffs ...," Aug. 22, 2019")."""
    authors = ref.fields.authors
    if kind == "person":
        return any(same_person(name, a.family, a.given) for a in authors)
    names = [a.family for a in authors if not a.given] + ([ref.fields.container] if ref.fields.container else [])
    return any(_same_organisation(name, n) for n in names)


def _org_key(name: str) -> str:
    words = RE_NON_WORD.sub(" ", fold(name)).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def link_attributions(article: Article, settings: Settings) -> Article:
    """Return the Article with `links` set; never raises on odd input (unlinked items stay unlinked)."""
    text = article.text
    bounds = _paragraph_bounds(text)
    markers = sorted((m for m in article.markers if m.reference), key=lambda m: (m.start, m.label))
    attrs = sorted(article.attributions, key=lambda a: a.start)
    links: list[Link] = []
    linked: dict[str, list[Link]] = {}
    used_markers: set[str] = set()

    def add(link: Link) -> None:
        links.append(link)
        if link.attribution:
            linked.setdefault(link.attribution, []).append(link)
        if link.marker:
            used_markers.add(link.marker)

    # 1. markers inside or right after each attribution
    starts = [a.start for a in attrs]
    for attr in attrs:
        limit = _paragraph_end(text, bounds, attr.end)
        # stop at the next quotation: its marker is its own
        nxt = bisect.bisect_left(starts, attr.end)
        if nxt < len(attrs):
            limit = min(limit, attrs[nxt].start)
        inside = [(m, True) for m in markers if attr.start <= m.start and m.end <= attr.end]
        for marker, glued in inside + _markers_after(text, markers, attr.end, limit):
            add(
                Link(
                    attribution=attr.id,
                    reference=marker.reference,
                    method="marker",
                    marker=marker.id,
                    confidence=CONFIDENCE_GLUED if glued else CONFIDENCE_SENTENCE,
                )
            )

    # 2. cited hyperlinks on the source, cue or content
    for ref in article.references:
        if ref.kind != "hyperlink":
            continue
        anchor = Span(ref.start, ref.end)
        for attr in attrs:
            parts = [p for p in (attr.source, attr.cue, *attr.content) if p is not None]
            if any(p.overlaps(anchor) for p in parts) and not any(
                l.reference == ref.id for l in linked.get(attr.id, [])
            ):
                add(Link(attribution=attr.id, reference=ref.id, method="hyperlink", confidence=CONFIDENCE_HYPERLINK))

    # 3. inheritance within a paragraph from the same speaker's nearest linked attribution
    for attr in attrs:
        if attr.id in linked or attr.speaker is None:
            continue
        para = _paragraph_of(bounds, attr.start)
        donors = [
            other
            for other in attrs
            if other.id != attr.id
            and other.speaker == attr.speaker
            and any(l.method != "inherited" for l in linked.get(other.id, []))
            and para in (_paragraph_of(bounds, other.start), _paragraph_of(bounds, other.end))
        ]
        if not donors:
            continue
        donor = min(donors, key=lambda o: (abs(o.start - attr.start), o.start > attr.start))
        for ref_id in dict.fromkeys(l.reference for l in linked[donor.id] if l.method != "inherited"):
            add(Link(attribution=attr.id, reference=ref_id, method="inherited", confidence=CONFIDENCE_INHERITED))

    # 4. notes written by (or an interview with) the speaker
    for attr in attrs:
        if attr.id in linked:
            continue
        speaker = article.speaker(attr.speaker)
        if speaker is None or speaker.kind not in ("person", "organization"):
            continue
        for ref in article.references:
            if ref.kind == "note" and _by_speaker(speaker.name, speaker.kind, ref):
                confidence = CONFIDENCE_SPEAKER_INTERVIEW if ref.fields.type in SPEAKER_TYPES else CONFIDENCE_SPEAKER_WORK
                add(Link(attribution=attr.id, reference=ref.id, method="speaker", confidence=confidence))

    # 5. markers that back no attribution become cited claims
    for marker in markers:
        if marker.id in used_markers:
            continue
        floor = bounds[_paragraph_of(bounds, marker.start)]
        links.append(
            Link(
                attribution=None,
                reference=marker.reference,
                method="marker",
                marker=marker.id,
                confidence=CONFIDENCE_SENTENCE,
                claim=_sentence_before(article, marker, floor),
            )
        )

    order = {a.id: a.start for a in attrs}
    links.sort(key=lambda l: (order.get(l.attribution, l.claim.start if l.claim else 0), l.reference))
    return replace(article, links=tuple(links))

