"""dominant-source: one voice holding most quoted words, with the documented limits."""

from __future__ import annotations

from checks.checks_build import Q, build
from sourcetrace.checks.dominant import check_dominant

LONG = '"' + " ".join(["word"] * 120) + '"'
SHORT = '"' + " ".join(["other"] * 10) + '"'


def _article(a_quote: str, b_quote: str | None):
    text = f"Ann Lee said {a_quote}." + (f" Bo Park said {b_quote}." if b_quote else "")
    quotes = [Q(a_quote, "Ann Lee", "said", "s1")] + ([Q(b_quote, "Bo Park", None, "s2")] if b_quote else [])
    return build(text, quotes=quotes, speakers=[("s1", "Ann Lee", "person"), ("s2", "Bo Park", "person")])


def test_dominant_fires_over_share(settings):
    found = list(check_dominant(_article(LONG, SHORT), settings))
    assert [f.code for f in found] == ["dominant-source"]
    assert "Ann Lee" in found[0].message and "120 of the 130" in found[0].message and found[0].attributions == ("q1",)


def test_dominant_single_speaker_piece_is_quiet(settings):
    assert list(check_dominant(_article(LONG, None), settings)) == []


def test_dominant_balanced_or_short_is_quiet(settings):
    balanced = '"' + " ".join(["other"] * 55) + '"'
    assert list(check_dominant(_article(LONG, balanced), settings)) == []
    assert list(check_dominant(_article('"' + "a " * 60 + '"', '"x y"'), settings)) == []  # under dominant_min_words


def test_dominant_share_is_a_setting(settings):
    lenient = settings.with_overrides({"checks": {"dominant_share": 0.95}})
    assert list(check_dominant(_article(LONG, SHORT), lenient)) == []
