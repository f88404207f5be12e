"""Article -> Article with `regions` (title, byline, breadcrumb, dateline, chrome, references, body) and
`document` filled from what the text shows (title, authors, date, section), by classifying lines."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Article, Document, Region
from ..settings import Settings
from .patterns import (
    BLOCK_ITEM_MAX_WORDS,
    BREADCRUMB_SEPARATORS,
    BYLINE_MAX_WORDS,
    BYLINE_TAIL_MAX_WORDS,
    CHROME_MAX_WORDS,
    MONTHS,
    NOTE_MEAN_MAX_WORDS,
    NOTE_PARAGRAPH_MAX_WORDS,
    NUMBERED_CITATION_SHARE,
    RE_AUTHOR_SPLIT,
    RE_BREADCRUMB,
    RE_BREADCRUMB_SPLIT,
    RE_BYLINE,
    RE_CHROME_BLOCK,
    RE_CHROME_LINE,
    RE_CHROME_PREFIX,
    RE_CITATION_HINT,
    RE_COOKIE,
    RE_DATELINE_PREFIX,
    RE_DATE_DMY,
    RE_DATE_ISO,
    RE_DATE_LINE,
    RE_DATE_MDY,
    RE_DATE_MY,
    RE_NOTES_HEADING,
    RE_NOTE_BRACKET,
    RE_NOTE_NUMBER,
    RE_NOTE_SUPERSCRIPT,
    RE_WIRE_BYLINE,
    SUPERSCRIPT_DIGITS,
    TITLE_MAX_CHARS,
    TITLE_MAX_WORDS,
    TITLE_SEARCH_LINES,
)

# A "1." / "1)" numbered run counts as notes only with citation evidence (patterns.NUMBERED_CITATION_SHARE)
# and when it starts in the second half of the text (by characters): a list higher up is the body's own.
NUMBERED_MIN_POSITION = 0.5


@dataclass(slots=True)
class Line:
    """One non-blank line: stripped offsets, its paragraph number and what it was classified as."""

    start: int
    end: int
    text: str
    paragraph: int
    kind: str = "body"
    label: str = ""


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of `text` with stripped offsets; a blank line starts a new paragraph."""
    lines: list[Line] = []
    paragraph = 0
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            lines.append(Line(offset + lead, offset + lead + len(stripped), stripped, paragraph))
        elif lines and lines[-1].paragraph == paragraph:
            paragraph += 1
        offset += len(raw) + 1
    return lines


def _words(text: str) -> int:
    return len(text.split())


def _find_date(text: str):
    """The first date match in `text` (ISO, month-day-year, day-month-year, then month-year), or None."""
    for pattern in (RE_DATE_ISO, RE_DATE_MDY, RE_DATE_DMY, RE_DATE_MY):
        match = pattern.search(text)
        if match:
            return match
    return None


def iso_date(text: str) -> str | None:
    """The first date written in `text` as ISO 8601 ("2010-11-01", or "2010-11" without a day)."""
    match = _find_date(text)
    if match is None:
        return None
    month = match.group("month")
    number = int(month) if month.isdigit() else MONTHS.get(month[:4].lower().rstrip("."), MONTHS.get(month[:3].lower()))
    if not number or not 1 <= number <= 12:
        return None
    if "day" not in match.re.groupindex:
        return f"{match.group('year')}-{number:02d}"
    day = int(match.group("day"))
    return f"{match.group('year')}-{number:02d}-{day:02d}" if 1 <= day <= 31 else None


def _is_date_line(text: str) -> bool:
    """True for a line that is only a date (with an optional "Published:" prefix, weekday and time)."""
    if len(text) > 90 or _words(text) > 12:
        return False
    line = RE_DATE_LINE.match(text)
    if not line:
        return False
    written = line.group("date")
    match = _find_date(written)
    # nothing but the date itself: "In May 2019 the law changed" is a body line that contains a date
    return bool(match and iso_date(written)) and not (written[: match.start()] + written[match.end():]).strip(" ,.-/")


def _byline_authors(text: str) -> tuple[str, ...] | None:
    """The author names of a byline line, or None when the line is not a byline."""
    if len(text) > 160:
        return None
    if _words(text) > BYLINE_MAX_WORDS:
        return None
    match = RE_BYLINE.match(text.rstrip("."))
    if not match:
        wire = RE_WIRE_BYLINE.match(text)
        if wire:
            return tuple(n.strip() for n in wire.group("names").split(" and "))
        return None
    rest = match.group("rest").strip()
    if rest[:1] in (",", ";"):
        tail = rest[1:].strip()
        if _words(tail) > BYLINE_TAIL_MAX_WORDS or (text.endswith(".") and _words(tail) > 2):
            return None  # a sentence starting "By Monday, ..." rather than a name and a role
    names = [n.strip(" .") for n in RE_AUTHOR_SPLIT.split(match.group("names")) if n.strip(" .")]
    names = [n for n in names if n[:1].isupper()]
    return tuple(names) or None


def _note_number(text: str) -> tuple[str, str] | None:
    """(number, style) when `text` starts like a numbered note: "[1]", "1.", "1)", "¹"/"^1"."""
    match = RE_NOTE_BRACKET.match(text)
    if match:
        return match.group("n"), "bracket"
    match = RE_NOTE_SUPERSCRIPT.match(text)
    if match:
        return (match.group("n") or match.group("sup").translate(SUPERSCRIPT_DIGITS)), "superscript"
    match = RE_NOTE_NUMBER.match(text)
    if match:
        return match.group("n"), "number"
    return None


def _is_chrome(text: str) -> bool:
    if "ookie" in text and _words(text) < 80 and RE_COOKIE.search(text):
        return True
    if len(text) > 200 or _words(text) > CHROME_MAX_WORDS:
        return False
    return bool(RE_CHROME_LINE.match(text) or RE_CHROME_PREFIX.match(text))


def _classify(lines: list[Line]) -> None:
    """First pass: label each line on its own (breadcrumb, byline, date, chrome, notes heading)."""
    for line in lines:
        if line.kind != "body":
            continue
        if RE_BREADCRUMB.match(line.text) and _words(line.text) <= 30:
            line.kind = "breadcrumb"
        elif _byline_authors(line.text):
            line.kind = "byline"
        elif _is_date_line(line.text):
            line.kind = "dateline"
        elif RE_NOTES_HEADING.match(line.text):
            line.kind = "notes-heading"
        elif _is_chrome(line.text):
            line.kind = "chrome"
            line.label = line.text[:60]


def _stops_notes(line: Line) -> bool:
    """True for a line that ends a notes block: the page's furniture after the notes."""
    if line.kind in ("byline", "breadcrumb", "dateline"):
        return True
    return line.kind == "chrome" and not ("http" in line.text or line.text.lower().startswith("see also"))


def _mark_notes(lines: list[Line]) -> None:
    """Find the notes / references blocks and mark their lines kind="references"."""
    index = 0
    total = len(lines)
    while index < total:
        line = lines[index]
        if line.kind == "notes-heading" and index + 1 < total:
            end = _notes_extent(lines, index + 1, numbered_only=False)
            if end > index + 1:
                _assign(lines, index, end, "references", RE_NOTES_HEADING.match(line.text).group("label"))
                index = end
                continue
            line.kind = "body"
        elif line.kind == "body" and _note_number(line.text):
            number, style = _note_number(line.text)
            if number in ("0", "1") or style == "bracket":
                end = _notes_extent(lines, index, numbered_only=True)
                if _looks_like_notes(lines, index, end, style):
                    _assign(lines, index, end, "references", "")
                    index = end
                    continue
        if line.kind == "notes-heading":
            line.kind = "body"
        index += 1


def _notes_extent(lines: list[Line], first: int, *, numbered_only: bool) -> int:
    """Index after the last line of the notes block starting at `first`.

    Within a paragraph every line belongs to the current entry (continuation lines: "See also: ...");
    after a blank line the block goes on only with another numbered entry (or, under a heading, any
    line that is not page furniture).
    """
    end = first
    previous_number = None
    for index in range(first, len(lines)):
        line = lines[index]
        if _stops_notes(line) or line.kind in ("references", "notes-heading"):
            break
        numbered = _note_number(line.text)
        if index > first and line.paragraph != lines[index - 1].paragraph and not numbered:
            if numbered_only or (
                _words(line.text) > NOTE_PARAGRAPH_MAX_WORDS and not RE_CITATION_HINT.search(line.text)
            ):
                break
        if numbered and previous_number is not None and numbered_only:
            if int(numbered[0]) <= previous_number:
                break  # numbering restarts: a new list, not this notes block
        if numbered:
            previous_number = int(numbered[0])
        end = index + 1
    return end


def _looks_like_notes(lines: list[Line], first: int, end: int, style: str) -> bool:
    entries = [lines[i] for i in range(first, end) if _note_number(lines[i].text)]
    if not entries:
        return False
    if style in ("bracket", "superscript"):
        return True
    text_end = lines[-1].end or 1
    if len(entries) < 2 or lines[first].start / text_end < NUMBERED_MIN_POSITION:
        return False
    if sum(_words(e.text) for e in entries) / len(entries) > NOTE_MEAN_MAX_WORDS:
        return False
    if any(line.kind == "body" and _words(line.text) > CHROME_MAX_WORDS for line in lines[end:]):
        return False  # prose after the list: it is part of the body, not the notes at the end
    cited = sum(1 for e in entries if RE_CITATION_HINT.search(e.text))
    return cited / len(entries) >= NUMBERED_CITATION_SHARE


def _assign(lines: list[Line], first: int, end: int, kind: str, label: str) -> None:
    for index in range(first, end):
        lines[index].kind = kind
        lines[index].label = label


def _mark_chrome_blocks(lines: list[Line]) -> None:
    """A "You may also like" / "Related posts" heading takes the short link-title lines under it."""
    for index, line in enumerate(lines):
        if line.kind != "chrome" or not RE_CHROME_BLOCK.match(line.text):
            continue
        for follower in lines[index + 1:]:
            if follower.kind != "body":
                if follower.kind == "chrome" and not RE_CHROME_BLOCK.match(follower.text):
                    continue  # "12 Comments" between two blocks; a new block heading takes its own lines
                break
            if _words(follower.text) > BLOCK_ITEM_MAX_WORDS or follower.text.endswith("."):
                break
            follower.kind = "chrome"
            follower.label = line.label


def _breadcrumb_parts(text: str) -> list[str]:
    body = text.split(":", 1)[1] if text.lower().startswith("you are here") else text
    return [p.strip() for p in RE_BREADCRUMB_SPLIT.split(body) if p.strip()]


def _mark_title(lines: list[Line], document: Document) -> str | None:
    """Mark the title line(s) and return the title text (None when the text shows none)."""
    crumbs = [_breadcrumb_parts(l.text)[-1].lower() for l in lines if l.kind == "breadcrumb" and len(_breadcrumb_parts(l.text)) > 1]
    known = (document.title or "").strip().lower()
    title = None
    candidates = [l for l in lines[:TITLE_SEARCH_LINES + len(crumbs)] if l.kind == "body"]
    for line in lines:
        if line.kind == "body" and (line.text.lower() in crumbs or (known and line.text.lower() == known)):
            line.kind = "title"
            title = title or line.text
    if title or document.format == "html":
        return title
    for line in candidates[:1]:
        others = [l for l in lines if l.kind == "body" and l is not line]
        if (
            others
            and _words(line.text) <= TITLE_MAX_WORDS
            and len(line.text) <= TITLE_MAX_CHARS
            and not line.text.endswith((".", ",", ";", ":"))
            and not _note_number(line.text)
        ):
            line.kind = "title"
            title = line.text
    return title


def _section(lines: list[Line], title: str | None) -> tuple[str, ...]:
    for line in lines:
        if line.kind != "breadcrumb":
            continue
        parts = _breadcrumb_parts(line.text)[1:]  # drop "Home"
        if parts and title and parts[-1].lower() == title.lower():
            parts = parts[:-1]
        elif len(parts) > 1 and _words(parts[-1]) >= 4:
            parts = parts[:-1]  # a long last crumb is the page's own title, even when not repeated
        return tuple(p for p in parts if p not in BREADCRUMB_SEPARATORS)
    return ()


def _body_regions(lines: list[Line]) -> list[Region]:
    """One body region per paragraph (a run of body lines), a dateline region for a "CITY (Agency) -" start."""
    regions: list[Region] = []
    run: list[Line] = []

    def flush() -> None:
        if not run:
            return
        start = run[0].start
        prefix = RE_DATELINE_PREFIX.match(run[0].text)
        if prefix and _words(run[0].text) > 8:
            regions.append(Region(start, start + len(prefix.group("dateline")), "dateline", "dateline"))
            start += prefix.end()
        regions.append(Region(start, run[-1].end, "body"))
        run.clear()

    for line in lines:
        if line.kind == "body" and (not run or run[-1].paragraph == line.paragraph):
            run.append(line)
            continue
        flush()
        if line.kind == "body":
            run.append(line)
    flush()
    return regions


def _other_regions(lines: list[Line]) -> list[Region]:
    """Non-body lines as regions; consecutive lines of one kind and label merge into one region."""
    regions: list[Region] = []
    previous: Line | None = None
    for line in lines:
        kind = "references" if line.kind == "notes-heading" else line.kind
        if kind != "body":
            if (
                previous is not None
                and regions
                and regions[-1].end == previous.end
                and regions[-1].kind == kind
                and regions[-1].label == line.label
            ):
                regions[-1] = Region(regions[-1].start, line.end, kind, line.label)
            else:
                regions.append(Region(line.start, line.end, kind, line.label))
        previous = line
    return regions


def extract_regions(article: Article, settings: Settings) -> Article:
    """Label every non-blank line of `article.text` and return the Article with regions and document.

    Regions are in document order and never overlap. A references region set by ingest (HTML notes)
    is kept as it is. Document fields already set (from HTML metadata) are kept; only empty ones are
    filled from the text.
    """
    fixed = [r for r in article.regions if r.kind == "references"]
    lines = [
        line for line in split_lines(article.text) if not any(r.start <= line.start < r.end for r in fixed)
    ]
    _classify(lines)
    _mark_notes(lines)
    _mark_chrome_blocks(lines)
    document = article.document
    title = _mark_title(lines, document)
    authors: tuple[str, ...] = ()
    date = None
    for line in lines:
        if line.kind == "byline" and not authors:
            authors = _byline_authors(line.text) or ()
            date = date or iso_date(line.text)
        elif line.kind == "dateline" and not date:
            date = iso_date(line.text)
    regions = sorted(_body_regions(lines) + _other_regions(lines) + fixed, key=lambda r: (r.start, r.end))
    document = replace(
        document,
        title=document.title or title,
        authors=document.authors or authors,
        date=document.date or date,
        section=document.section or _section(lines, title),
    )
    return replace(article, regions=tuple(regions), document=document)
