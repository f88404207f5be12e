"""loaded-cue: framing verbs fire, neutral verbs and non-cue uses never do."""

from __future__ import annotations

import pytest

from checks.checks_build import Q, build
from sourcetrace.checks.cues import check_loaded_cues


@pytest.mark.parametrize(
    ("cue", "fires"),
    [
        ("admitted", True), ("claimed", True), ("conceded", True), ("insisted", True), ("has claimed", True),
        ("reminds us", True), ("confessed", True),
        ("said", False), ("wrote", False), ("told", False), ("added", False), ("noted", False), ("according to", False),
        ("asserts", False), ("explained", False), ("alleged", False),  # "alleged" is the neutral legal term
    ],
)
def test_cues_loaded_or_neutral(cue, fires, settings):
    text = f'Ann Lee {cue} "the dam is safe."'
    article = build(text, quotes=[Q('"the dam is safe."', "Ann Lee", cue, "s1")], speakers=[("s1", "Ann Lee", "person")])
    found = list(check_loaded_cues(article, settings))
    assert [f.code for f in found] == (["loaded-cue"] if fires else [])
    if fires:
        span = found[0].evidence[0]
        assert text[span.start : span.end] in cue and found[0].severity == "info"


def test_cues_claim_outside_a_cue_does_not_fire(settings):
    text = 'This claim is much disputed. Ann Lee said "the dam is safe."'
    article = build(text, quotes=[Q('"the dam is safe."', "Ann Lee", "said", "s1")], speakers=[("s1", "Ann Lee", "person")])
    assert list(check_loaded_cues(article, settings)) == []
