"""References stage: Article (with regions) -> Article with `references` and `markers`.

Reference entries are read only inside references regions (located here when extract found none),
markers only outside them and outside chrome. Each entry gets its URLs classified offline and its
fields parsed by the CRF (fields.py); body hyperlinks with an external href become references of
kind "hyperlink" after the notes.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

from ..limits import check_deadline
from ..model import Article, Marker, Reference, ReferenceFields, Span, Url
from ..settings import Settings
from .anystyle import parse_anystyle_xml, read_anystyle_xml, to_anystyle_xml
from . import patterns as P
from .fields import parse_reference, segment_spans, normalise
from .locate import locate_references
from .markers import find_author_date, find_markers
from .split import split_entries
from .urls import classify_url, find_urls

__all__ = [
    "find_references", "parse_reference", "to_anystyle_xml", "read_anystyle_xml", "parse_anystyle_xml", "classify_url", "find_urls",
]

# Without numbered notes, markers count (as orphans) only when the smallest is at most this: a page whose
# notes were lost still cites [1], [2], ...
MAX_FIRST_MARKER = 3
# Regions no marker or cited hyperlink is taken from.
_NOT_BODY = ("references", "chrome", "breadcrumb", "title", "byline")


def find_references(article: Article, settings: Settings) -> Article:
    """The article with its reference entries, cited hyperlinks and in-text markers.

    Raises ModelError when the reference model is missing."""
    text = article.text
    lists = locate_references(article)
    references: list[Reference] = []
    for lo, hi, _heading in lists:
        for entry in split_entries(text, lo, hi):
            check_deadline("in references")
            references.append(_note(article, entry, len(references) + 1))
    references += _hyperlink_references(article, lists, len(references))
    markers = _markers(article, lists, references)
    return replace(article, references=tuple(references), markers=tuple(markers))


def _note(article: Article, entry, number: int) -> Reference:
    text = article.text
    body = text[entry.body_start : entry.end]
    urls = list(find_urls(body, entry.body_start))
    # HTML footnotes: a linked href that the rendered text does not show is still the entry's URL
    shown = {u.url for u in urls}
    for h in article.hyperlinks:
        if entry.start <= h.start and h.end <= entry.end and h.href not in shown and _external(h.href):
            urls.append(Url(url=h.href, status=classify_url(h.href)))
            shown.add(h.href)
    spans = segment_spans(body)
    segments = tuple(Span(entry.body_start + s, entry.body_start + e, tag) for tag, s, e in spans)
    fields = normalise([(tag, body[s:e]) for tag, s, e in spans], body)
    if urls and not (fields.title or fields.container or fields.authors):
        # a bare address ("1. https://www.cdc.gov/..."): its site is the one thing it names
        host = _host(urls[0].url)
        fields = replace(fields, container=host.removeprefix("www.") or None)
    return Reference(
        id=f"r{number}", start=entry.start, end=entry.end, label=entry.label, kind="note",
        urls=tuple(urls), fields=fields, segments=segments,
    )


def _external(href: str) -> bool:
    return href.lower().startswith(("http://", "https://", "www."))


def _outside(article: Article, lists, start: int, end: int) -> bool:
    if any(lo <= start < hi for lo, hi, _ in lists):
        return False
    return not any(r.start <= start < r.end for r in article.regions if r.kind in _NOT_BODY)


def _hyperlink_references(article: Article, lists, count: int) -> list[Reference]:
    """A Reference for each body hyperlink to another site (a link on "a report" is a citation)."""
    own = _host(article.document.url or "")
    out = []
    for h in article.hyperlinks:
        if not _external(h.href) or h.end <= h.start or not _outside(article, lists, h.start, h.end):
            continue
        if P.RE_SHARE_LINK.match(h.href):
            continue  # a share button, not a citation
        host = _host(h.href)
        domain = host[4:] if host.startswith("www.") else host
        if own and (host == own or host.endswith("." + own.removeprefix("www."))):
            continue  # navigation inside the same site, not a citation
        fields = ReferenceFields(title=" ".join(article.text[h.start : h.end].split()) or None, container=domain or None, type="webpage")
        out.append(Reference(
            id=f"r{count + len(out) + 1}", start=h.start, end=h.end, label=None, kind="hyperlink",
            urls=(Url(url=h.href, status=classify_url(h.href)),), fields=fields,
        ))
    return out


def _host(url: str) -> str:
    """The lower-cased host of `url` ("" when there is none or the URL cannot be parsed)."""
    try:
        return (urlsplit(url if "://" in url else "http://" + url).hostname or "").lower() if url else ""
    except ValueError:
        return ""


def _markers(article: Article, lists, references: list[Reference]) -> list[Marker]:
    text = article.text
    blocked = sorted([(lo, hi) for lo, hi, _ in lists] + [(r.start, r.end) for r in article.regions if r.kind in _NOT_BODY])
    spans, pos = [], 0
    for lo, hi in blocked:
        if lo > pos:
            spans.append((pos, lo))
        pos = max(pos, hi)
    if pos < len(text):
        spans.append((pos, len(text)))
    by_label: dict[str, str] = {}
    for ref in references:
        if ref.label is not None:
            by_label.setdefault(ref.label, ref.id)
    found = [(start, end, label, by_label.get(label)) for start, end, labels in find_markers(text, spans) for label in labels]
    if not by_label and found and min(int(label) for _, _, label, _ in found) > MAX_FIRST_MARKER:
        # no numbered notes and no marker near the start of a numbering ("[538]" for FiveThirtyEight):
        # brackets of the text, not notes that went missing
        found = []
    found += _author_date_markers(text, spans, references)
    found.sort(key=lambda f: (f[0], f[1]))
    return [Marker(id=f"m{k}", start=start, end=end, label=label, reference=ref) for k, (start, end, label, ref) in enumerate(found, 1)]


def _author_date_markers(text: str, spans, references: list[Reference]) -> list[tuple[int, int, str, str | None]]:
    """(start, end, label, reference id) for author-date citations ("(Hart, 2019)", "Hart (2019)"),
    each matched to the entry whose first author's family name and year it gives. An unmatched one is
    kept (as an orphan) only when the list is unnumbered, the style such citations go with; elsewhere
    "(Reuters, 2019)" is just text."""
    notes = [r for r in references if r.kind == "note" and r.fields.authors and r.fields.date]
    if not notes:
        return []
    unnumbered = any(r.label is None for r in references if r.kind == "note")
    by_key: dict[tuple[str, str], str] = {}
    for ref in notes:
        by_key.setdefault((_fold_name(ref.fields.authors[0].family), ref.fields.date[:4]), ref.id)
    out = []
    for start, end, cites in find_author_date(text, spans):
        for authors, year in cites:
            first = authors.split(" & ")[0].split(" and ")[0].removesuffix(" et al.").removesuffix(" et al")
            words = first.split()
            # "As Hart (2019)": the author may be a shorter tail of the capitalised run
            skip, ref_id = next(
                ((k, by_key[key]) for k in range(len(words)) if (key := (_fold_name(" ".join(words[k:])), year[:4])) in by_key),
                (0, None),
            )
            if ref_id is None and not unnumbered:
                continue
            if skip:
                start = text.find(words[skip], start, end)  # the narrative citation starts at the name
                authors = " ".join(authors.split()[skip:])
            out.append((start, end, f"{authors}, {year}", ref_id))
    return out


def _fold_name(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").strip(" .,").split())
