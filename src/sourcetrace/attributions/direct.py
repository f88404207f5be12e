"""Quote-mark pairing: body paragraphs -> quotations (character spans that include their marks).

Robust by design: straight, curly, single (as outer marks, British style), « » and „ “; a quotation
may run over paragraphs (closing in a later one, or reopening each paragraph with a mark); a missing
closing mark ends the quotation at the end of its paragraph instead of swallowing the article; an
apostrophe (don't, Clinton’s, ’90s) is never taken for a quotation mark.
"""

from __future__ import annotations

from dataclasses import dataclass

from .patterns import (
    DOUBLE_AMBIG,
    DOUBLE_CLOSE,
    DOUBLE_OPEN,
    RE_QUOTE_MARK,
    SINGLE_AMBIG,
    SINGLE_CLOSE,
    SINGLE_OPEN,
)

# A quotation left open is carried into at most this many following paragraphs (long speeches
# quoted paragraph by paragraph run to 4-5 paragraphs in PolNeAR; a stray mark should not run on).
MAX_QUOTE_PARAGRAPHS = 8
OPEN_BEFORE = frozenset(" \t\n\r([{—–-/\u00a0") | DOUBLE_OPEN | SINGLE_OPEN


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: its segments (one per paragraph it spans), each including its quotation marks."""

    segments: tuple[tuple[int, int], ...]
    closed: bool = True  # False when the closing mark was missing
    single: bool = False  # outer marks are single quotes

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]


FUNCTION_WORDS = frozenset("of to the a an and for in on at by with".split())


def label_words(text: str) -> list[str]:
    """The content words of a quotation's text (function words left out): a name like "Friends of
    the River Committee" counts 3, so it stays under the label-length limit."""
    return [w for w in text.split() if any(c.isalnum() for c in w) and w.lower() not in FUNCTION_WORDS]


def _role(text: str, i: int, ch: str, limit_start: int, limit_end: int) -> str:
    """'open', 'close', 'either' or 'none' (apostrophe) for the mark `ch` at text[i]."""
    before = text[i - 1] if i > limit_start else " "
    after = text[i + len(ch)] if i + len(ch) < limit_end else " "
    if ch == "''":
        ch = '"'
    if ch in DOUBLE_OPEN or ch in SINGLE_OPEN:
        if ch == "‘" and after.isdigit():
            return "none"  # ‘90s
        return "open"
    if ch in DOUBLE_CLOSE:
        return "close"
    if ch in SINGLE_CLOSE or ch in SINGLE_AMBIG:
        if before.isalnum() and after.isalnum():
            return "none"  # don’t, O’Brien
        if after.isdigit():
            return "none"  # ’90s
        if before.isspace() or before in OPEN_BEFORE:
            return "open" if after.isalnum() or after in DOUBLE_OPEN else "none"
        if before in "sS" and after in " ,;.":
            return "either"  # voters’ or the end of a quotation
        return "close" if not after.isalnum() else "none"
    # straight double quote
    if before.isspace() or before in OPEN_BEFORE:
        return "open" if not after.isspace() else "either"
    if after.isspace() or not after.isalnum():
        return "close"
    return "either"


def find_quotes(text: str, paras: list[tuple[int, int]]) -> list[Quote]:
    """Quotations in the given paragraphs, in document order (double-mark ones, then single-mark
    ones found outside them, merged by position)."""
    doubles = _pair_double(text, paras)
    singles = _pair_single(text, paras, doubles)
    return sorted(doubles + singles, key=lambda q: q.start)


def _pair_double(text: str, paras: list[tuple[int, int]]) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None
    style = ""
    depth = 0  # nesting of the other mark style inside the current quotation
    segments: list[tuple[int, int]] = []
    carried = 0
    for p_index, (pa, pb) in enumerate(paras):
        marks = [
            (m.start(), m.group())
            for m in RE_QUOTE_MARK.finditer(text, pa, pb)
            if m.group() in DOUBLE_OPEN or m.group() in DOUBLE_CLOSE or m.group() in DOUBLE_AMBIG
            or m.group() == "''"
        ]
        roles = [(i, ch, _role(text, i, ch, pa, pb)) for i, ch in marks]
        if open_at is not None:
            # A quotation carried over from an earlier paragraph goes on when this paragraph reopens
            # with a mark, or closes before opening anything; otherwise it ended without its mark.
            first = roles[0] if roles else None
            if first and first[0] == pa and first[2] in ("open", "either") and carried < MAX_QUOTE_PARAGRAPHS:
                open_at = pa
                roles = roles[1:]
                depth = 0
                carried += 1
            elif first and first[2] in ("close", "either") and carried < MAX_QUOTE_PARAGRAPHS:
                open_at = pa
                carried += 1
            else:
                quotes.append(Quote(tuple(segments), closed=False))
                open_at, segments, depth, carried = None, [], 0, 0
        for i, ch, role in roles:
            if role == "none":
                continue
            mark_style = "straight" if ch in ('"', "''") else ("guillemet" if ch in "«»" else "low" if ch == "„" else "curly")
            if open_at is None:
                if role in ("open", "either"):
                    open_at, style, depth, segments, carried = i, mark_style, 0, [], 0
                continue
            if style == "low" and ch == "“":
                role = "close"  # „ ... “
                mark_style = "low"
            if mark_style != style and role == "open" and i > open_at:
                depth += 1  # a nested quotation in the other style
                continue
            if mark_style != style and depth and role in ("close", "either"):
                depth -= 1
                continue
            if role in ("close", "either"):
                segments.append((open_at, i + len(ch)))
                quotes.append(Quote(tuple(segments)))
                open_at, segments, depth, carried = None, [], 0, 0
            else:
                # Same-style opener while open: the earlier mark was never closed. End that quotation
                # at this paragraph's sentence boundary before the new mark and start again here.
                if i > open_at + 1:
                    segments.append((open_at, _trim_end(text, open_at, i)))
                    quotes.append(Quote(tuple(segments), closed=False))
                open_at, style, depth, segments, carried = i, mark_style, 0, [], 0
        if open_at is not None:
            segments.append((open_at, pb))
            if p_index + 1 == len(paras):
                quotes.append(Quote(tuple(segments), closed=False))
                open_at = None
    return [q for q in quotes if q.segments and q.end - q.start > 2]


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _pair_single(text: str, paras: list[tuple[int, int]], doubles: list[Quote]) -> list[Quote]:
    """Single-mark quotations outside double-mark ones, paired within one paragraph."""
    inside = [seg for q in doubles for seg in q.segments]
    quotes = []
    for pa, pb in paras:
        open_at = None
        for m in RE_QUOTE_MARK.finditer(text, pa, pb):
            ch, i = m.group(), m.start()
            if not (ch in SINGLE_OPEN or ch in SINGLE_CLOSE or ch in SINGLE_AMBIG):
                continue
            if any(a <= i < b for a, b in inside):
                continue
            role = _role(text, i, ch, pa, pb)
            if role == "open" and open_at is None:
                open_at = i
            elif role in ("close", "either") and open_at is not None:
                if i + 1 - open_at > 3:
                    quotes.append(Quote(((open_at, i + 1),), single=True))
                open_at = None
    return quotes
