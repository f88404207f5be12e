"""HTML str -> article text, hyperlinks and metadata: trafilatura for the body, plus the footnotes /
endnotes / reference lists it drops, found in the DOM with lxml and appended as "[n] entry" lines."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

from ..errors import InputError
from ..model import Document, Hyperlink
from ._render import Renderer
from .patterns import (
    NOTES_HEADINGS,
    RE_BACKLINK_TEXT,
    RE_HEADING_TEXT,
    RE_MARKER_TEXT,
    RE_NOTE_ID,
    RE_NOTE_LEADING_NUMBER,
    RE_NOTES_CLASS,
    RE_UNIT_BEFORE,
    RE_XML_DECLARATION,
)

# trafilatura settings, measured on the 181 pages of article-extraction-benchmark with
# `python bench/extraction.py` (mean per-page bag-of-tokens body F1): favor_recall=True scores 0.961
# (P 0.955, R 0.979) against 0.959 (P 0.956, R 0.976) without, for ~12% more time; a missed paragraph
# costs quotations, so recall wins. Comments are never article text: include_comments=False.
FAVOR_RECALL = True
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
NOTE_CONTAINER_TAGS = frozenset({"ol", "ul", "dl", "section", "div", "aside", "footer", "table"})
NOTE_ROLES = frozenset({"doc-endnotes", "doc-footnotes", "doc-bibliography", "doc-footnote", "doc-endnote"})
# A notes block holding more than this share of the page's text is a misdetected wrapper, not notes.
MAX_NOTES_SHARE = 0.5
MAX_NOTE_CHARS = 2000  # one entry longer than this is body text under a "Notes" heading
# Fewer words than this is a menu or landing page (favor_recall returns "Home" for a nav-only page);
# the shortest ground-truth body in article-extraction-benchmark has 18 words.
MIN_ARTICLE_WORDS = 10


@dataclass(frozen=True, slots=True)
class Note:
    label: str
    text: str
    links: tuple[Hyperlink, ...] = ()  # offsets relative to `text`


@dataclass(frozen=True, slots=True)
class HtmlText:
    """What ingest keeps of an HTML page: the rendered text and where its notes part starts."""

    text: str
    hyperlinks: tuple[Hyperlink, ...]
    document: Document
    notes: tuple[int, int] | None = None  # span of the appended notes part (heading + entries)
    notes_label: str = ""


def parse_html(markup: str):
    """An lxml tree for `markup`; raises InputError(code="no-article") when nothing parses."""
    # lxml refuses a str that still carries its XML encoding declaration (XHTML pages); the text is
    # already decoded, so the declaration says nothing any more.
    markup = RE_XML_DECLARATION.sub("", markup, count=1)
    try:
        tree = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(
            f"the HTML could not be parsed ({exc}); pass the page's HTML source or its text", code="no-article"
        ) from None
    return tree


def _tag(element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _clean(text: str) -> str:
    return " ".join(text.split())


def mark_note_refs(tree) -> set[str]:
    """Replace footnote-marker links (`<sup><a href="#fn2">2</a></sup>`) with the text "[2]".

    Returns the ids the markers point to, so the notes they cite can be found.
    """
    targets: set[str] = set()
    # A link to an earlier link is a note's way back to its marker (Substack's "footnote-number" links to
    # "#footnote-anchor-1" in the text), not a marker itself.
    anchors = list(tree.iter("a"))
    position = {a.get("id"): k for k, a in enumerate(anchors) if a.get("id")}
    for k, anchor in enumerate(anchors):
        href = (anchor.get("href") or "").strip()
        if not href.startswith("#") or len(href) < 2 or position.get(href[1:], k) < k:
            continue
        match = RE_MARKER_TEXT.match(anchor.text_content())
        if not match:
            continue
        parent = anchor.getparent()
        hint = " ".join(filter(None, (anchor.get("class"), anchor.get("role"), anchor.get("id"))))
        in_sup = parent is not None and _tag(parent) == "sup" or anchor.find(".//sup") is not None
        if not (in_sup or "note" in hint.lower() or "fn" in hint.lower() or RE_NOTE_ID.match(href[1:])):
            continue
        targets.add(href[1:])
        replaced = parent if parent is not None and _tag(parent) == "sup" and len(parent) == 1 and not (parent.text or "").strip() else anchor
        _replace_with_text(replaced, f"[{match.group(1)}]")
    return targets


def mark_plain_sup_markers(tree, count: int) -> int:
    """Turn unlinked `<sup>2</sup>` into "[2]" when the page has `count` notes and 1 <= 2 <= count.

    Only called when the page has notes but no linked markers (pages pasted from a word processor):
    a number beyond the notes or right after a digit or unit ("m<sup>2</sup>") is left alone.
    Returns how many were marked.
    """
    marked = 0
    for sup in list(tree.iter("sup")):
        text = (sup.text_content() or "").strip()
        if len(sup) or not text.isdigit() or not 1 <= int(text) <= count:
            continue
        previous = sup.getprevious()
        before = (previous.tail if previous is not None else sup.getparent().text) or ""
        if not before.strip() or before.rstrip()[-1:].isdigit() or RE_UNIT_BEFORE.search(before):
            continue
        _replace_with_text(sup, f"[{text}]")
        marked += 1
    return marked


def _replace_with_text(element, text: str) -> None:
    """Put `text` (and the element's tail) where `element` was, keeping the surrounding text."""
    parent = element.getparent()
    if parent is None:
        return
    addition = text + (element.tail or "")
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + addition
    else:
        parent.text = (parent.text or "") + addition
    parent.remove(element)


def _is_backlink(element) -> bool:
    if _tag(element) != "a":
        return False
    href = element.get("href") or ""
    if href.startswith("#") and ("ref" in href.lower() or RE_BACKLINK_TEXT.match(element.text_content() or "")):
        return True
    return bool(RE_BACKLINK_TEXT.match(element.text_content() or "")) and len(element.text_content().strip()) <= 6


def _heading_text(element) -> str | None:
    """The notes heading this element is ("References"), or None."""
    tag = _tag(element)
    if tag not in HEADING_TAGS and (tag not in ("p", "div", "strong", "b", "dt") or len(element) > 2):
        return None  # a heading-like paragraph has at most a <strong> or two inside: skip big containers
    text = element.text_content()
    if len(text) < 60:
        text = _clean(text)
        match = RE_HEADING_TEXT.match(text)
        key = match.group(1).lower() if match else ""
        if key in NOTES_HEADINGS:
            if tag in HEADING_TAGS or tag in ("strong", "b") or _is_bold_only(element):
                return match.group(1)
    return None


def _is_bold_only(element) -> bool:
    children = [c for c in element if isinstance(c.tag, str)]
    return len(children) == 1 and _tag(children[0]) in ("strong", "b") and not (element.text or "").strip()


def _entries_of(container) -> list:
    """A notes container's entries: its list items, else its paragraphs, else the container itself."""
    items = [li for li in container.iter("li", "dd")]
    if items:
        return items
    paragraphs = [p for p in container.iter("p") if _clean(p.text_content())]
    return paragraphs or [container]


def _section_after(heading) -> list:
    """The entries after a notes heading: lists and paragraphs up to the next heading."""
    entries: list = []
    sibling = heading.getnext()
    level = _tag(heading)
    while sibling is not None:
        tag = _tag(sibling)
        if tag in HEADING_TAGS and (level not in HEADING_TAGS or tag <= level):
            break
        if tag and _heading_text(sibling) is None:
            if tag in ("ol", "ul", "dl"):
                entries.extend(sibling.iter("li", "dd"))
            elif tag in ("p", "div", "blockquote") and _clean(sibling.text_content()):
                entries.extend(_entries_of(sibling) if tag == "div" else [sibling])
        sibling = sibling.getnext()
    return entries


def find_notes(tree, targets: set[str]) -> tuple[str, list[Note]]:
    """Find the footnote / endnote / reference-list entries of the page and detach them from `tree`.

    Returns (heading label, notes in document order). Looked for: containers marked as notes by
    class/role/id (`<ol class="footnotes">`, `role="doc-endnotes"`), the elements footnote markers
    point to, and lists or paragraphs after a "Notes"/"References"/"Sources"... heading.
    """
    body = tree.find("body")
    root = body if body is not None else tree
    page_chars = len(_clean(root.text_content())) or 1
    label = ""
    groups: list[tuple[object | None, list]] = []  # (element to detach, entries)

    for element in root.iter():
        tag = _tag(element)
        if not tag:
            continue
        marker = " ".join(filter(None, (element.get("class"), element.get("id"))))
        role = (element.get("role") or "").lower()
        if role in NOTE_ROLES or (tag in NOTE_CONTAINER_TAGS and RE_NOTES_CLASS.search(marker)):
            groups.append((element, _entries_of(element)))
            continue
        heading = _heading_text(element)
        if heading:
            entries = _section_after(element)
            if entries:
                label = label or heading
                groups.append((element, entries))

    for target in sorted(targets):
        element = tree.get_element_by_id(target, None)
        while element is not None and _tag(element) not in ("li", "p", "div", "dd", "aside", "section", "td"):
            element = element.getparent()
        if element is not None and element is not root:
            groups.append((None, [element]))

    chosen: list = []
    detach: list = []
    for container, entries in groups:
        # an entry inside, or around, one already taken is the same note ("div#footnote-1" around its <p>)
        entries = [e for e in entries if not any(e is c or _is_descendant(e, c) or _is_descendant(c, e) for c in chosen)]
        text_chars = sum(len(_clean(e.text_content())) for e in entries)
        if not entries or text_chars / page_chars > MAX_NOTES_SHARE:
            continue
        if any(len(_clean(e.text_content())) > MAX_NOTE_CHARS for e in entries):
            continue
        chosen.extend(entries)
        if container is not None:
            detach.append(container)
    order = {id(el): i for i, el in enumerate(root.iter())}
    chosen.sort(key=lambda el: order.get(id(el), 0))
    notes = [_note(entry, index) for index, entry in enumerate(chosen, 1)]
    notes = [n for n in notes if n.text]
    for element in chosen + detach:
        if element.getparent() is not None:
            # keep the tail text: it belongs to the surrounding paragraph, not to the note
            _replace_with_text(element, "")
    if targets and not label:
        label = "Notes"
    return (label or "Notes"), notes


def _is_descendant(element, ancestor) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.getparent()
    return False


def _note(entry, position: int) -> Note:
    renderer = Renderer(skip=_is_backlink, inline=True)
    renderer.render(entry)
    text, links = renderer.text, renderer.links
    number = None
    holder = entry
    for _ in range(3):  # the number may sit on the note's wrapper: <div id="footnote-1"><div><p>
        match = RE_NOTE_ID.match(holder.get("id") or "")
        if match or holder.getparent() is None:
            break
        holder = holder.getparent()
    if match:
        number = match.group(1)
    lead = RE_NOTE_LEADING_NUMBER.match(text)
    if lead:  # the entry writes its own number ("1. Smith, ..."): keep it as the label only
        number = number or lead.group(1)
        cut = lead.end()
        links = [Hyperlink(l.start - cut, l.end - cut, l.href) for l in links if l.start >= cut]
        text = text[cut:]
    if number is None:
        parent = entry.getparent()
        if _tag(entry) == "li" and parent is not None and _tag(parent) == "ol":
            start = parent.get("start") or "1"
            siblings = [c for c in parent if _tag(c) == "li"]
            number = str((int(start) if start.isdigit() else 1) + siblings.index(entry))
        else:
            number = str(position)
    return Note(number, text, tuple(links))


def _render_body(body) -> tuple[str, list[Hyperlink]]:
    renderer = Renderer()
    renderer.render(body)
    return renderer.text, renderer.links


def _date_params() -> dict:
    """The page date from its markup only (meta tags, <time>, the URL): htmldate's extensive search
    also guesses from the text, and "fallen since 2010" became a publication date of 2010-01-01. On
    the 181 benchmark pages (bench/html_dates.py) this loses two dates: one printed in the text
    ("publiziert am 25. September 2018"), one taken from an event's year. A missing date is shown as
    missing; an invented one would be taken for the page's."""
    return {"original_date": True, "extensive_search": False, "max_date": datetime.date.today().isoformat()}


def html_to_text(markup: str, *, url: str | None = None) -> HtmlText:
    """Render an HTML page into article text (body, then notes), hyperlinks and metadata.

    Raises InputError(code="no-article") when neither trafilatura nor the notes finder finds text.
    """
    tree = parse_html(markup)
    targets = mark_note_refs(tree)
    label, notes = find_notes(tree, targets)
    if notes and not targets:
        mark_plain_sup_markers(tree, len(notes))
    extracted = trafilatura.bare_extraction(
        tree, url=url, include_links=True, with_metadata=True, favor_recall=FAVOR_RECALL, include_comments=False,
        date_extraction_params=_date_params(),
    )
    body_text, links = ("", [])
    if extracted is not None and extracted.body is not None:
        body_text, links = _render_body(extracted.body)
    if len(body_text.split()) < MIN_ARTICLE_WORDS:
        raise InputError(
            "the HTML page has no article text (trafilatura found no main content); "
            "pass the article's page rather than a listing, or save its text as a .txt file",
            code="no-article",
        )
    text = body_text
    notes_span = None
    if notes:
        start = len(text) + 2
        text += "\n\n" + label + "\n"
        for note in notes:
            prefix = f"[{note.label}] "
            entry_start = len(text) + len(prefix)
            links.extend(Hyperlink(entry_start + l.start, entry_start + l.end, l.href) for l in note.links)
            text += prefix + note.text + "\n"
        text = text[:-1]
        notes_span = (start, len(text))
    document = _document(extracted, url)
    return HtmlText(text, tuple(links), document, notes_span, label if notes else "")


def _document(extracted, url: str | None) -> Document:
    if extracted is None:
        return Document(format="html", url=url)
    authors = tuple(a.strip() for a in (extracted.author or "").split(";") if a.strip())
    section = tuple(c.strip() for c in (extracted.categories or []) if c and c.strip())
    return Document(
        title=extracted.title or None,
        authors=authors,
        date=extracted.date or None,
        section=section,
        site=extracted.sitename or extracted.hostname or None,
        url=extracted.url or url,
        format="html",
        language=extracted.language or None,
    )
