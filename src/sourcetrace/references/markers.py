"""Article text outside reference lists and chrome -> in-text citation markers.

"[2]" -> one marker, "[2, 3]" -> two on the same span, "[2–4]" -> 2, 3 and 4, superscripts "²";
author-date citations "(Hart, 2019; Moss & Chen, 2020)" and "Hart (2019)" -> (authors, year) pairs
that the references stage matches to entries by first author and year.
Years ("[2010]"), prices, editorial brackets ("[Saddam]", "[sic]", "[and]") never match: a marker
holds only 1-3 digit numbers, commas and dashes. Superscripts after a digit or a unit ("10²", "km²")
are exponents, not markers.
"""

from __future__ import annotations

from typing import Iterable

from . import patterns as P

# Words a superscript digit after them is an exponent of (square metres, cubic feet, ...).
_UNITS = {"m", "km", "cm", "mm", "ft", "in", "mi", "yd", "sq", "x", "y", "n", "e"}


def expand(inner: str) -> list[str]:
    """The cited numbers of a marker's inside: "2, 3" -> ["2", "3"], "2–4" -> ["2", "3", "4"].

    A range longer than MAX_RANGE or running backwards is kept as its two ends."""
    labels: list[str] = []
    for m in P.RE_MARKER_PART.finditer(inner):
        a = int(m.group(1))
        b = int(m.group(2)) if m.group(2) else None
        if b is None or b <= a or b - a > P.MAX_RANGE:
            labels.append(str(a))
            if b is not None:
                labels.append(str(b))
        else:
            labels.extend(str(n) for n in range(a, b + 1))
    return [label for label in labels if label != "0"]


def _superscript_ok(text: str, start: int) -> bool:
    if start == 0:
        return False
    prev = text[start - 1]
    if prev.isdigit():
        return False
    if prev.isalpha():
        word_start = start - 1
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        if text[word_start:start].lower() in _UNITS:
            return False
    return True


def find_markers(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int, list[str]]]:
    """(start, end, labels) of each marker inside the given (start, end) spans of `text`, in order."""
    out: list[tuple[int, int, list[str]]] = []
    for lo, hi in spans:
        for m in P.RE_BRACKET_MARKER.finditer(text, lo, hi):
            labels = expand(m.group(1))
            if labels:
                out.append((m.start(), m.end(), labels))
        for m in P.RE_SUPERSCRIPT_MARKER.finditer(text, lo, hi):
            if _superscript_ok(text, m.start()):
                labels = expand(m.group(0).translate(P.SUPERSCRIPT_DIGITS).replace(",", ", "))
                if labels:
                    out.append((m.start(), m.end(), labels))
    out.sort()
    return out


def find_author_date(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int, list[tuple[str, str]]]]:
    """(start, end, [(authors, year), ...]) of each author-date citation inside the spans, in order.
    "(March 2019)" and the like are left out; whether an author is cited at all is for the caller
    to decide against the reference list."""
    out: list[tuple[int, int, list[tuple[str, str]]]] = []
    for lo, hi in spans:
        for m in P.RE_AUTHOR_DATE_PAREN.finditer(text, lo, hi):
            cites = [(c.group("authors"), c.group("year")) for c in P.RE_AUTHOR_DATE.finditer(text, m.start(), m.end())]
            cites = [c for c in cites if c[0].split()[0].lower() not in P.DATE_WORDS]
            if cites:
                out.append((m.start(), m.end(), cites))
        for m in P.RE_AUTHOR_DATE_NARRATIVE.finditer(text, lo, hi):
            if m.group("authors").split()[-1].lower() not in P.DATE_WORDS:
                out.append((m.start("authors"), m.end(), [(m.group("authors"), m.group("year"))]))
    out.sort()
    return out
