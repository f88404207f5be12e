"""A reference list's span -> its entries: (label, start, end, body_start) in order.

Numbered entries ("[1] ..", "1. ..", "1) ..", "(1) ..", "¹ ..") run from their number to the next
entry's number, over as many lines as they take (the seed's note 5 takes six, with "See also:" parts).
Unnumbered lists split on blank lines or, without blank lines, on lines that start a new sentence
after one that ended (a line with a hanging indent never starts one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as P

# How far a numbered entry may skip ahead ("[3]" after "[1]") and still count as the next one.
MAX_SKIP = 3


@dataclass(frozen=True, slots=True)
class Entry:
    label: str | None
    start: int  # the entry with its number
    end: int
    body_start: int  # after the number: where the citation itself starts


def entry_label(m: re.Match) -> tuple[str, str]:
    """(number as digits, style) of an RE_ENTRY_START match."""
    for kind in ("br", "pa", "dot", "caret"):
        if m.group(kind):
            return m.group(kind), kind
    return m.group("sup").translate(P.SUPERSCRIPT_DIGITS), "sup"


def split_entries(text: str, start: int, end: int) -> list[Entry]:
    """Entries of the reference list text[start:end] (offsets into `text`)."""
    numbered = _numbered(text, start, end)
    return numbered if numbered else _unnumbered(text, start, end)


def _numbered(text: str, start: int, end: int) -> list[Entry]:
    starts: list[tuple[re.Match, str]] = []
    style = None
    previous = 0
    for m in P.RE_ENTRY_START.finditer(text, start, end):
        label, kind = entry_label(m)
        n = int(label)
        if style is None:
            if n > MAX_SKIP + 1:
                continue
            style = kind
        elif kind != style or not previous < n <= previous + MAX_SKIP:
            continue  # a number at a line start inside an entry ("1992. Doc call no."), not a new entry
        starts.append((m, str(n)))
        previous = n
    entries = []
    for i, (m, label) in enumerate(starts):
        e = starts[i + 1][0].start() if i + 1 < len(starts) else end
        e = m.start() + len(text[m.start() : e].rstrip())
        entries.append(Entry(label, m.start(), e, min(m.end(), e)))
    return entries


_ENDS_ENTRY = tuple(".)]><")
# Lines shorter than this share of the longest line in an unnumbered list end their entry.
SHORT_LINE = 0.6


def _unnumbered(text: str, start: int, end: int) -> list[Entry]:
    block = text[start:end]
    pieces: list[tuple[int, int]] = []
    if re.search(r"\n[ \t]*\n", block):
        for m in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", block):
            if m.group(0).strip():
                pieces.append((start + m.start(), start + m.end()))
    else:
        lines = [ln for ln in block.split("\n") if ln.strip()]
        # a list whose lines never end in a full stop ("Board minutes, 14 April 2022") has one entry per line
        stops = any(ln.rstrip().endswith(_ENDS_ENTRY) for ln in lines)
        # a line much shorter than the wrap width ends its entry even without a full stop
        short = SHORT_LINE * max((len(ln.rstrip()) for ln in lines), default=0)
        cur = None
        cur_indent = 0
        prev_line = ""
        for m in P.RE_LINE.finditer(block):
            line = m.group(0)
            if not line.strip():
                continue
            indent = len(line) - len(line.lstrip())
            s = start + m.start() + indent
            e = start + m.start() + len(line.rstrip())
            first = line.lstrip()[:1]
            opens = first.isupper() or first in "\"“'‘*@[(" or first.isdigit()
            prev = prev_line.rstrip()
            ended = prev.endswith(_ENDS_ENTRY) or not stops or (len(prev) < short and not prev.endswith((",", ":", ";", "-")))
            # a hanging indent (a line indented deeper than its entry's first line) always continues it
            new = cur is None or (ended and opens and indent <= cur_indent)
            if new:
                if cur is not None:
                    pieces.append(cur)
                cur = (s, e)
                cur_indent = indent
            else:
                cur = (cur[0], e)
            prev_line = line
        if cur is not None:
            pieces.append(cur)
    out = []
    for s, e in pieces:
        s += len(text[s:e]) - len(text[s:e].lstrip())
        e = s + len(text[s:e].strip())
        if e > s:
            out.append(Entry(None, s, e, s))
    return out
