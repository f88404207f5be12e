"""Article -> the (start, end) spans of its reference lists.

The extract stage labels reference lists as Region(kind="references"); when it found none, we look
ourselves: text under a heading ("Notes", "References", "Sources", ...) or, failing that, the last
run of numbered notes ("[1] ..", "1. ..", "¹ ..") that counts up from 1 in the back part of the text.
"""

from __future__ import annotations

from ..extract.patterns import NUMBERED_CITATION_SHARE, RE_CITATION_HINT
from ..model import Article
from . import patterns as P
from .split import entry_label

# A numbered run found without a heading must start in the last part of the text: numbered lists
# in the body ("1. First, ...") are common, endnotes sit at the end. 0.4 keeps the seed-like layouts
# (notes take up to half of a short article) while ignoring lists in the first part of the body.
MIN_TAIL_POSITION = 0.4
# A numbered run needs this many entries to be taken for notes without a heading.
MIN_RUN = 2
# Without a heading, a "1." / "(1)" run needs citation evidence, as in extract (NUMBERED_CITATION_SHARE):
# listicles number their section headings the same way. Bracketed and superscript numbers ("[1]", "¹")
# are note numbers by their form.
PLAIN_STYLES = ("dot", "pa")


def locate_references(article: Article) -> list[tuple[int, int, str]]:
    """(start, end, heading) of each reference list, in order; [] when the article has none."""
    regions = article.regions_of("references")
    if regions:
        return [_skip_heading(article.text, r.start, r.end, r.label) for r in regions]
    text = article.text
    blocked = [(r.start, r.end) for r in article.regions if r.kind in ("chrome", "title", "byline", "breadcrumb")]
    found = _under_heading(text, blocked) or _numbered_tail(text, blocked)
    return found


def _skip_heading(text: str, start: int, end: int, label: str) -> tuple[int, int, str]:
    """A region that begins with its heading line ("Notes") starts after it: the heading is no entry."""
    m = P.RE_HEADING.match(text, start, end)
    if m:
        label = label or m.group(1)
        start = m.end()
        while start < end and text[start] in " \t\r\n":
            start += 1
    return start, end, label


def _cut_at_blocked(start: int, end: int, blocked: list[tuple[int, int]]) -> int:
    for b_start, _ in sorted(blocked):
        if start <= b_start < end:
            return b_start
    return end


def _under_heading(text: str, blocked: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    out = []
    headings = list(P.RE_HEADING.finditer(text))
    for i, m in enumerate(headings):
        if any(s <= m.start() < e for s, e in blocked):
            continue
        start = m.end()
        while start < len(text) and text[start] in " \t\n\r":
            start += 1
        end = headings[i + 1].start() if i + 1 < len(headings) else len(text)
        end = _cut_at_blocked(start, end, blocked)
        end = start + len(text[start:end].rstrip())
        # a numbered list under the heading ends after its last entry's paragraph
        numbered = _numbered_runs(text, start, end)
        if numbered:
            end = numbered[-1][1]
        if end > start:
            out.append((start, end, m.group(1)))
    return out


def _numbered_runs(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Runs of line-initial note numbers counting up (1, 2, 3 ...) between lo and hi."""
    runs: list[tuple[int, int]] = []
    run_start = last_start = None
    expected = 1
    style = None
    for m in P.RE_ENTRY_START.finditer(text, lo, hi):
        label, kind = entry_label(m)
        n = int(label)
        if run_start is not None and kind == style and expected <= n <= expected + 2:
            last_start = m.start()
            expected = n + 1
            continue
        if run_start is not None:
            runs.append((run_start, _paragraph_end(text, last_start, hi)))
            run_start = None
        if n == 1:
            run_start = last_start = m.start()
            style, expected = kind, 2
    if run_start is not None:
        runs.append((run_start, _paragraph_end(text, last_start, hi)))
    return runs


def _paragraph_end(text: str, pos: int, hi: int) -> int:
    """End of the paragraph holding `pos` (a blank line or `hi`), trailing space excluded."""
    blank = text.find("\n\n", pos, hi)
    end = hi if blank < 0 else blank
    return pos + len(text[pos:end].rstrip())


def _numbered_tail(text: str, blocked: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    runs = [
        (s, _cut_at_blocked(s, e, blocked))
        for s, e in _numbered_runs(text, 0, len(text))
        if s >= MIN_TAIL_POSITION * len(text) and not any(bs <= s < be for bs, be in blocked)
    ]
    runs = [(s, e) for s, e in runs if _looks_like_notes(text, s, e)]
    return [(s, e, "") for s, e in runs[-1:]]


def _looks_like_notes(text: str, start: int, end: int) -> bool:
    """True when the run has MIN_RUN entries or more and is not a plain-numbered list whose entries
    mostly show no citation evidence; each entry is judged by its first paragraph (a listicle's item
    is a heading over prose)."""
    starts = list(P.RE_ENTRY_START.finditer(text, start, end))
    if len(starts) < MIN_RUN:
        return False
    if entry_label(starts[0])[1] not in PLAIN_STYLES:
        return True
    bounds = [m.start() for m in starts[1:]] + [end]
    cited = sum(1 for m, b in zip(starts, bounds) if RE_CITATION_HINT.search(text, m.end(), _paragraph_end(text, m.end(), b)))
    return cited / len(starts) >= NUMBERED_CITATION_SHARE
