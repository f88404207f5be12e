"""Numbers -> inline SVG charts (horizontal bars, lines over months); no script, no external asset.

Colours come from the page's CSS custom properties (--chart-1..5), so charts follow light/dark mode;
lines also differ by dash pattern so they stay apart without colour. Each chart has a <title>/<desc>
for screen readers, and the pages put the same numbers in a table next to it.
"""

from __future__ import annotations

import math
from html import escape
from typing import Sequence

WIDTH = 640
BAR_ROW = 30  # px per bar row
BAR_LABEL = 190  # px for the label column
LINE_HEIGHT = 260
MAX_SERIES = 5  # colours / dash patterns available (--chart-1..5)
MAX_X_LABELS = 8  # month labels shown on the x axis; the others are thinned out


def _clip(label: str, limit: int = 22) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _fmt(value: float, percent: bool) -> str:
    if percent:
        return f"{value * 100:.0f}%" if value >= 0.1 or value == 0 else f"{value * 100:.1f}%"
    return f"{value:g}"


def bar_chart(rows: Sequence[tuple[str, int | float]], *, ident: str, title: str, desc: str) -> str:
    """Horizontal bars, one per (label, value), in the given order; an empty string when there are no rows."""
    if not rows:
        return ""
    top = max(v for _, v in rows) or 1
    room = WIDTH - BAR_LABEL - 56  # leave space for the value after the longest bar
    height = len(rows) * BAR_ROW + 8
    parts = [
        f'<svg viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{ident}-t {ident}-d" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-t">{escape(title)}</title><desc id="{ident}-d">{escape(desc)}</desc>',
    ]
    for i, (label, value) in enumerate(rows):
        y = 4 + i * BAR_ROW
        w = max(2.0, room * value / top)
        parts.append(
            f"<g><title>{escape(label)}: {value:g}</title>"
            f'<text x="{BAR_LABEL - 10}" y="{y + 19}" text-anchor="end" font-size="14">{escape(_clip(label))}</text>'
            f'<rect class="bar" x="{BAR_LABEL}" y="{y + 4}" width="{w:.1f}" height="{BAR_ROW - 10}" rx="3"/>'
            f'<text x="{BAR_LABEL + w + 6:.1f}" y="{y + 19}" font-size="13" class="muted">{value:g}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _nice_max(value: float, percent: bool) -> float:
    """A round axis maximum at or above `value` (shares: 10/20/25/50/100 %)."""
    if percent:
        for top in (0.1, 0.2, 0.25, 0.5, 0.75, 1.0):
            if value <= top:
                return top
        return math.ceil(value * 4) / 4
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def line_chart(
    series: Sequence[tuple[str, Sequence[float | None]]],
    x_labels: Sequence[str],
    *,
    ident: str,
    title: str,
    desc: str,
    percent: bool = True,
    notes: Sequence[Sequence[str]] | None = None,
) -> str:
    """One line per (name, values-by-x) over `x_labels`; None is a gap. `notes[s][x]` is a point's tooltip
    extra (e.g. "3 of 25"). Only the first MAX_SERIES series are drawn. Empty string when nothing to draw."""
    series = list(series)[:MAX_SERIES]
    values = [v for _, vs in series for v in vs if v is not None]
    if not series or not x_labels or not values:
        return ""
    left, right, top_pad, bottom = 48, 36, 14, 40
    plot_w, plot_h = WIDTH - left - right, LINE_HEIGHT - top_pad - bottom
    y_max = _nice_max(max(values), percent)
    n = len(x_labels)

    def x_at(i: int) -> float:
        return left + (plot_w / 2 if n == 1 else plot_w * i / (n - 1))

    def y_at(v: float) -> float:
        return top_pad + plot_h * (1 - v / y_max)

    parts = [
        f'<svg viewBox="0 0 {WIDTH} {LINE_HEIGHT}" role="img" aria-labelledby="{ident}-t {ident}-d" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-t">{escape(title)}</title><desc id="{ident}-d">{escape(desc)}</desc>',
    ]
    for k in range(5):  # horizontal grid and y labels at 0, 25, 50, 75, 100 % of the axis
        v = y_max * k / 4
        y = y_at(v)
        parts.append(
            f'<line class="grid" x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12" class="muted">{_fmt(v, percent)}</text>'
        )
    step = max(1, math.ceil(n / MAX_X_LABELS))
    for i, label in enumerate(x_labels):
        if i % step == 0 or i == n - 1 and (n - 1) % step >= 0.75 * step:  # the last one, if it has room
            parts.append(
                f'<text x="{x_at(i):.1f}" y="{LINE_HEIGHT - bottom + 20}" text-anchor="middle" font-size="12" '
                f'class="muted">{escape(label)}</text>'
            )
    for s, (name, vs) in enumerate(series):
        cls = f"s{s + 1}"
        segment: list[str] = []
        segments: list[list[str]] = []
        for i, v in enumerate(vs):
            if v is None:
                if segment:
                    segments.append(segment)
                segment = []
                continue
            segment.append(f"{x_at(i):.1f},{y_at(v):.1f}")
        if segment:
            segments.append(segment)
        for seg in segments:
            if len(seg) > 1:
                parts.append(f'<polyline class="line {cls}" fill="none" points="{" ".join(seg)}"/>')
        for i, v in enumerate(vs):
            if v is None:
                continue
            extra = f" ({notes[s][i]})" if notes and notes[s][i] else ""
            parts.append(
                f'<circle class="dot {cls}" cx="{x_at(i):.1f}" cy="{y_at(v):.1f}" r="4">'
                f"<title>{escape(name)}, {escape(x_labels[i])}: {_fmt(v, percent)}{escape(extra)}</title></circle>"
            )
    parts.append("</svg>")
    return "".join(parts)


def legend(names: Sequence[str]) -> str:
    """The HTML legend for a line chart's first MAX_SERIES series (same classes as the lines)."""
    items = "".join(
        f'<li><span class="swatch s{i + 1}" aria-hidden="true"></span>{escape(name)}</li>'
        for i, name in enumerate(names[:MAX_SERIES])
    )
    return f'<ul class="legend">{items}</ul>'
