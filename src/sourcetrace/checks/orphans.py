"""orphan-marker / uncited-reference / duplicate-reference: markers and references that do not pair up.

Input: markers, references, links. Output: findings for a marker with no reference, a numbered
reference no marker cites, and references that point to the same source.
"""

from __future__ import annotations

from typing import Iterable

from .._names import words
from ..model import Article, Finding, Reference, Span
from ..settings import Settings
from ._text import fold, reference_label
from .patterns import RE_HOST
from .registry import finding

WORKING = ("ok", "live", "redirected")


def check_orphan_markers(article: Article, settings: Settings) -> Iterable[Finding]:
    """Yield orphan-marker for each marker whose reference is None or unknown."""
    known = {r.id for r in article.references}
    labels = sorted({r.label for r in article.references if r.label}, key=lambda x: (len(x), x))
    for marker in article.markers:
        if marker.reference in known:
            continue
        numbered = marker.label.isdigit()  # else an author-date citation, "(Hart, 2019)"
        shown = f"[{marker.label}]" if numbered else f"({marker.label})"
        if numbered and labels:
            have = f"the references are numbered {labels[0]}–{labels[-1]}"
        elif not numbered and article.references:
            have = "no listed entry has that first author and year"
        else:
            have = "the article has no reference list"
        yield finding(
            "orphan-marker",
            f"marker {shown} points to no reference ({have}).",
            [Span(marker.start, marker.end)],
            markers=[marker.id],
        )


def check_uncited(article: Article, settings: Settings) -> Iterable[Finding]:
    """Yield uncited-reference for numbered references nothing cites, in articles that use markers at all
    (and for unnumbered ones when the text cites by author and year)."""
    if not article.markers:
        # A bibliography with no in-text markers is a style, not a defect: nothing to compare.
        return
    cited = {m.reference for m in article.markers} | {l.reference for l in article.links}
    # an unnumbered list can be checked when the text cites it by author and year
    author_date = any(not m.label.isdigit() for m in article.markers)
    for ref in article.references:
        if ref.kind != "note" or ref.id in cited or not (ref.label or author_date):
            continue
        yield finding(
            "uncited-reference",
            f"reference {reference_label(article, ref.id)} is listed but no marker in the text points to it.",
            [Span(ref.start, ref.end)],
            references=[ref.id],
        )


def _url_key(url: str) -> str | None:
    m = RE_HOST.match(url)
    if not m:
        return None
    host = m.group("host").lower().removeprefix("www.")
    rest = url[m.end() :].split("#", 1)[0].rstrip("/")
    return host + rest


def _keys(article: Article, ref: Reference) -> list[tuple[str, str]]:
    keys = [("URL", k) for u in ref.urls if u.status in WORKING and (k := _url_key(u.url))]
    f = ref.fields
    if f.authors and f.title:
        families = " ".join(sorted(fold(a.family) for a in f.authors))
        keys.append(("authors and title", families + "|" + " ".join(words(f.title))))
    return keys


def check_duplicates(article: Article, settings: Settings) -> Iterable[Finding]:
    """Yield duplicate-reference for each reference repeating an earlier one's URL or authors + title."""
    first: dict[tuple[str, str], Reference] = {}
    reported: set[tuple[str, str]] = set()
    # Only notes: a web page linking the same URL twice in its text is ordinary, not a list defect
    # (7 such findings on 40 benchmark news pages before this rule).
    for ref in (r for r in article.references if r.kind == "note"):
        for what, key in _keys(article, ref):
            earlier = first.setdefault((what, key), ref)
            if earlier is ref or (earlier.id, ref.id) in reported:
                continue
            reported.add((earlier.id, ref.id))
            yield finding(
                "duplicate-reference",
                f"{reference_label(article, ref.id)} has the same {what} as {reference_label(article, earlier.id)}.",
                [Span(ref.start, ref.end), Span(earlier.start, earlier.end)],
                references=[earlier.id, ref.id],
            )
