"""Inline SVG charts: well-formed, accessible, escaped, and drawn to scale."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from sourcetrace.server.charts import _nice_max, bar_chart, legend, line_chart

NS = "{http://www.w3.org/2000/svg}"


def test_charts_bar_scale_and_escaping():
    svg = ET.fromstring(bar_chart([("A <b>&", 10), ("B", 5)], ident="b", title="T & t", desc="d"))
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "b-t b-d"
    assert svg.find(f"{NS}title").text == "T & t"
    wide, narrow = (float(r.get("width")) for r in svg.iter(f"{NS}rect"))
    assert wide == pytest.approx(2 * narrow)
    assert [g.find(f"{NS}title").text for g in svg.iter(f"{NS}g")] == ["A <b>&: 10", "B: 5"]


def test_charts_bar_clips_long_labels_but_keeps_them_in_the_tooltip():
    name = "An Extremely Long Organisation Name Indeed"
    svg = ET.fromstring(bar_chart([(name, 1)], ident="b", title="t", desc="d"))
    shown = [t.text for t in svg.iter(f"{NS}text")][0]
    assert shown.endswith("…") and len(shown) <= 26
    assert svg.find(f"{NS}g/{NS}title").text == f"{name}: 1"


@pytest.mark.parametrize("rows", [[], [("x", 0)]])
def test_charts_bar_empty_or_zero(rows):
    out = bar_chart(rows, ident="b", title="t", desc="d")
    if rows:
        assert float(ET.fromstring(out).find(f".//{NS}rect").get("width")) == 2.0  # a visible stub
    else:
        assert out == ""


def test_charts_line_gaps_split_the_line():
    svg = ET.fromstring(
        line_chart([("site", [0.1, 0.2, None, 0.4, 0.5])], ["m1", "m2", "m3", "m4", "m5"], ident="l", title="t", desc="d")
    )
    lines = svg.findall(f"{NS}polyline")
    assert len(lines) == 2 and [len(p.get("points").split()) for p in lines] == [2, 2]
    assert len(svg.findall(f"{NS}circle")) == 4


def test_charts_line_higher_values_are_higher_up():
    svg = ET.fromstring(line_chart([("s", [0.1, 0.9])], ["a", "b"], ident="l", title="t", desc="d"))
    low, high = (float(c.get("cy")) for c in svg.iter(f"{NS}circle"))
    assert high < low  # SVG y grows downwards


def test_charts_line_caps_series_and_notes_tooltips():
    series = [(f"site{i}", [0.5]) for i in range(7)]
    notes = [["3 of 6"] for _ in range(7)]
    svg = ET.fromstring(line_chart(series, ["2024-01"], ident="l", title="t", desc="d", notes=notes))
    titles = [c.find(f"{NS}title").text for c in svg.iter(f"{NS}circle")]
    assert len(titles) == 5 and titles[0] == "site0, 2024-01: 50% (3 of 6)"
    assert legend([s for s, _ in series]).count("<li>") == 5


def test_charts_line_nothing_to_draw():
    assert line_chart([("s", [None, None])], ["a", "b"], ident="l", title="t", desc="d") == ""


@pytest.mark.parametrize(
    ("value", "percent", "expected"),
    [(0.03, True, 0.1), (0.12, True, 0.2), (0.6, True, 0.75), (1.0, True, 1.0), (7, False, 10), (230, False, 250)],
)
def test_charts_nice_max(value, percent, expected):
    assert _nice_max(value, percent) == pytest.approx(expected)
