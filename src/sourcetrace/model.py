"""The document model: one immutable Article whose layers are character-offset spans into `text`.

Every stage takes an Article and returns a new one via `dataclasses.replace`; `text` never changes
after ingest, so every offset in every layer (and in the JSON and brat outputs) indexes the same string.
Offsets are Python str indices (Unicode code points), which is also what brat and the shared scorers use.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Literal

RegionKind = Literal["title", "byline", "breadcrumb", "body", "chrome", "references", "dateline"]
AttributionKind = Literal["direct", "indirect", "mixed"]
UrlStatus = Literal[
    "ok", "truncated", "malformed", "missing", "live", "redirected", "dead", "blocked", "unknown"
]
LinkMethod = Literal["marker", "hyperlink", "speaker", "inherited"]
Severity = Literal["info", "warning", "error"]


def _check_offsets(obj: object, start: int, end: int) -> None:
    if not (0 <= start <= end):
        raise ValueError(f"{type(obj).__name__}: bad offsets start={start} end={end}")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of `Article.text`; `label` says what it is when the layer holds mixed spans."""

    start: int
    end: int
    label: str = ""

    def __post_init__(self) -> None:
        _check_offsets(self, self.start, self.end)

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Region:
    """A labelled block of the page: body text, chrome (navigation, share/related blocks), references, ..."""

    start: int
    end: int
    kind: RegionKind
    label: str = ""  # e.g. "You may also like" for a chrome block, "Notes" for a reference heading

    def __post_init__(self) -> None:
        _check_offsets(self, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Hyperlink:
    """An anchor kept from HTML: its text's span in `Article.text` and its href."""

    start: int
    end: int
    href: str

    def __post_init__(self) -> None:
        _check_offsets(self, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Tokens:
    """Token and sentence boundaries as offset arrays (no per-token objects).

    `starts[i]`, `ends[i]` are token i's character offsets; `sentence_starts[j]` is the index of the
    first token of sentence j. Built once by the tokenize stage and shared by every later stage.
    """

    starts: array = field(default_factory=lambda: array("I"))
    ends: array = field(default_factory=lambda: array("I"))
    sentence_starts: array = field(default_factory=lambda: array("I"))

    def __len__(self) -> int:
        return len(self.starts)

    def sentence_spans(self) -> list[tuple[int, int]]:
        """Character spans of the sentences, in order."""
        spans = []
        bounds = list(self.sentence_starts) + [len(self.starts)]
        for first, nxt in zip(bounds, bounds[1:]):
            if nxt > first:
                spans.append((self.starts[first], self.ends[nxt - 1]))
        return spans


@dataclass(frozen=True, slots=True)
class Document:
    """Metadata about the article as a publication."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None  # ISO 8601, partial allowed ("2010-11")
    section: tuple[str, ...] = ()  # breadcrumb trail without "Home" and the title
    site: str | None = None
    url: str | None = None
    source: str | None = None  # where we read it from: a path, "-" or a URL
    format: Literal["text", "html"] = "text"
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names or points to a speaker ("Patrick Disney", "Disney", "He")."""

    start: int
    end: int
    kind: Literal["name", "surname", "pronoun", "title", "group", "other"] = "name"

    def __post_init__(self) -> None:
        _check_offsets(self, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Speaker:
    """An entity quoted in the article, with its canonical (fullest) name and all its mentions."""

    id: str  # "s1", "s2", ... in order of first mention
    name: str
    mentions: tuple[Mention, ...] = ()
    kind: Literal["person", "organization", "group", "unknown"] = "person"


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said what: PolNeAR's Source / Cue / Content, plus the resolved speaker.

    A direct quotation's content span includes its quotation marks (the PolNeAR convention); content
    may be several spans when a quotation runs over paragraphs or is interrupted by the cue.
    """

    id: str  # "q1", "q2", ... in document order
    kind: AttributionKind
    content: tuple[Span, ...]
    source: Span | None = None
    cue: Span | None = None
    speaker: str | None = None  # the Speaker.id it resolves to
    confidence: float = 1.0
    method: str = "rules"  # which finder produced it: "rules", "crf", ...

    @property
    def start(self) -> int:
        return min(s.start for s in self.content)

    @property
    def end(self) -> int:
        return max(s.end for s in self.content)


@dataclass(frozen=True, slots=True)
class QuotedTerm:
    """Words in quotation marks that are not a statement: a name or a scare quote."""

    start: int  # includes the quotation marks
    end: int
    kind: Literal["name", "scare"]

    def __post_init__(self) -> None:
        _check_offsets(self, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Url:
    url: str
    status: UrlStatus
    start: int | None = None  # None for a URL with no place in the text (e.g. an HTML href)
    end: int | None = None
    final_url: str | None = None  # after redirects, with --check-links
    http_status: int | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Author:
    family: str
    given: str = ""

    def display(self) -> str:
        """"Family, Given" ("Family" alone when there is no given name), as the reports print it."""
        return f"{self.family}, {self.given}" if self.given else self.family


@dataclass(frozen=True, slots=True)
class ReferenceFields:
    """A reference parsed into fields; every value is a plain string taken (and cleaned) from the entry."""

    authors: tuple[Author, ...] = ()
    title: str | None = None
    container: str | None = None
    publisher: str | None = None
    date: str | None = None  # ISO 8601, partial allowed
    accessed: str | None = None
    doi: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    location: str | None = None
    medium: str | None = None
    type: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Reference:
    """One reference-list entry (or a cited hyperlink): its raw span, its URLs and parsed fields."""

    id: str  # "r1", "r2", ... in document order
    start: int
    end: int
    label: str | None = None  # the number it is cited by ("2"), None when unnumbered
    kind: Literal["note", "hyperlink"] = "note"
    urls: tuple[Url, ...] = ()
    fields: ReferenceFields = field(default_factory=ReferenceFields)
    segments: tuple[Span, ...] = ()  # tagged pieces from the field parser (label = anystyle tag)

    def __post_init__(self) -> None:
        _check_offsets(self, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Marker:
    """An in-text citation mark ("[2]", "²", an HTML footnote link); one per cited number."""

    id: str  # "m1", ...
    start: int
    end: int
    label: str  # "2"
    reference: str | None = None  # Reference.id, None for an orphan marker

    def __post_init__(self) -> None:
        _check_offsets(self, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Link:
    """Attribution (or cited claim) -> reference, and how the link was made."""

    attribution: str | None  # Attribution.id, None for a cited claim with no quotation
    reference: str
    method: LinkMethod
    marker: str | None = None
    confidence: float = 1.0
    claim: Span | None = None  # the cited sentence, for a cited claim


@dataclass(frozen=True, slots=True)
class Finding:
    """A sourcing problem in the article, with the evidence and the ids it concerns."""

    code: str  # a stable slug from checks.registry.CODES
    severity: Severity
    message: str
    evidence: tuple[Span, ...] = ()
    attributions: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    markers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Failure:
    """A document we could not process (batch mode): recorded, never raised."""

    doc_id: str
    stage: str
    code: str
    message: str
    digest: str = ""  # short traceback digest for debugging


@dataclass(frozen=True, slots=True)
class Article:
    """The article text and every layer found in it. `text` is fixed once ingest is done."""

    text: str
    id: str = ""
    document: Document = field(default_factory=Document)
    hyperlinks: tuple[Hyperlink, ...] = ()
    regions: tuple[Region, ...] = ()
    tokens: Tokens | None = None
    attributions: tuple[Attribution, ...] = ()
    quoted_terms: tuple[QuotedTerm, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    references: tuple[Reference, ...] = ()
    markers: tuple[Marker, ...] = ()
    links: tuple[Link, ...] = ()
    findings: tuple[Finding, ...] = ()

    def text_of(self, span: Span | Region | Mention | Marker | Reference | QuotedTerm | Hyperlink) -> str:
        return self.text[span.start : span.end]

    def regions_of(self, kind: str) -> tuple[Region, ...]:
        return tuple(r for r in self.regions if r.kind == kind)

    def in_kind(self, start: int, end: int, kind: str) -> bool:
        """True when [start, end) lies inside a region of `kind`."""
        return any(r.start <= start and end <= r.end for r in self.regions if r.kind == kind)

    def speaker(self, speaker_id: str | None) -> Speaker | None:
        for s in self.speakers:
            if s.id == speaker_id:
                return s
        return None

    def reference(self, reference_id: str | None) -> Reference | None:
        for r in self.references:
            if r.id == reference_id:
                return r
        return None
