"""Article text outside reference lists and chrome -> in-text citation markers.

"[2]" -> one marker, "[2, 3]" -> two on the same span, "[2–4]" -> 2, 3 and 4, superscripts "²".
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
