"""anonymous-source: unnamed sources, and the many ordinary sentences that must not fire."""

from __future__ import annotations

import pytest

from checks.checks_build import Q, build
from sourcetrace.checks.anonymous import check_anonymous


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A senior official, who asked not to be named, said the talks had failed.", "asked not to be named"),
        ("One, who did not want to be identified, said the plant was closing.", "did not want to be identified"),
        ("The talks failed, sources said.", "sources said"),
        ("The van was diverted, a source said.", "a source said"),
        ("An aide spoke on condition of anonymity because he was not authorized to speak.", "spoke on condition of anonymity"),
        ("According to people familiar with the matter, the deal is off.", "people familiar with"),
        ("Two unnamed officials confirmed the move.", "unnamed officials"),
        ("The deal is off, according to sources.", "according to sources"),
        ("The deal is off, a senior administration official said.", "a senior administration official said"),
        ("Two White House aides told reporters the bill was dead.", "Two White House aides told"),
    ],
)
def test_anonymous_fires(text, expected, settings):
    found = list(check_anonymous(build(text), settings))
    assert [f.code for f in found] == ["anonymous-source"]
    span = found[0].evidence[0]
    assert expected.lower() in text[span.start : span.end].lower()


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Irene Castell said the water is safe.",
        "The company named a new chief executive on Monday.",
        "The open-source software was released under a free licence.",
        "Officials at the Department of Energy said the plant would reopen.",
        "Water sources in the valley are drying up.",
        "The source of the leak was a cracked pipe.",
        "The sources said more later. Nobody else commented.",  # "the sources" points back: reported once already
        "He identified the suspect by name.",
        "An official at the Department of Energy said the plant would reopen.",  # the institution is named
        "A Pentagon official, Maria Lopez, said the drill went ahead.",  # named right there
    ],
)
def test_anonymous_does_not_fire(text, settings):
    assert list(check_anonymous(build(text), settings)) == []


def test_anonymous_skips_quotations_and_reference_lists(settings):
    text = 'Ann Lee said "sources said nothing to us."\n\n[1] Lee, Ann. Sources said it. Web.'
    article = build(text, quotes=[Q('"sources said nothing to us."', "Ann Lee", None, "s1")],
                    speakers=[("s1", "Ann Lee", "person")], regions=[("[1] Lee, Ann. Sources said it. Web.", "references")])
    assert list(check_anonymous(article, settings)) == []


def test_anonymous_one_finding_per_sentence_with_attribution(settings):
    text = "A senior official, who asked not to be named and spoke on condition of anonymity, said the deal was off."
    article = build(text, quotes=[Q("the deal was off", "A senior official", "said", None, kind="indirect")])
    found = list(check_anonymous(article, settings))
    assert len(found) == 1 and found[0].attributions == ("q1",)
