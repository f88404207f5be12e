"""attributions.direct: quote-mark pairing."""

from __future__ import annotations

import pytest

from sourcetrace.attributions.direct import find_quotes
from sourcetrace.tokenize import line_spans


def quotes(text: str) -> list[list[str]]:
    return [[text[a:b] for a, b in q.segments] for q in find_quotes(text, line_spans(text, 0, len(text)))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "yes, we will" today.', [['"yes, we will"']]),
        ("He said “yes, we will” today.", [["“yes, we will”"]]),
        ("He said ‘yes, we will’ today.", [["‘yes, we will’"]]),
        ("He said «yes, we will» today.", [["«yes, we will»"]]),
        ("He said „yes, we will“ today.", [["„yes, we will“"]]),
        ("He said ''yes, we will'' today.", [["''yes, we will''"]]),
        # nested quotation in the other style stays inside the outer one
        ('He said "she told me “no” twice" today.', [['"she told me “no” twice"']]),
        # single marks nested in double ones are not separate quotations
        ("He said “she told me ‘no’ twice” today.", [["“she told me ‘no’ twice”"]]),
        # opened straight, closed curly (sloppy but common)
        ('He said "we are done.” Then left.', [['"we are done.”']]),
    ],
)
def test_direct_pairs_each_mark_style(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Don’t take the Clintons’ word for it; it’s the ’90s again.",
        "Don't take the Clintons' word for it; it's the '90s again.",
        "O’Brien’s dog and the rock ’n’ roll band.",
    ],
)
def test_direct_apostrophes_are_not_quotes(text):
    assert quotes(text) == []


def test_direct_quote_closing_in_next_paragraph():
    text = 'Park said "the trust raised money.\n\nWe will spend it all." Then she left.'
    assert quotes(text) == [['"the trust raised money.', 'We will spend it all."']]


def test_direct_quote_reopened_each_paragraph():
    text = 'He said:\n\n"First part.\n\n"Second part.\n\n"Third part."\n\nThe end.'
    assert quotes(text) == [['"First part.', '"Second part.', '"Third part."']]


def test_direct_unbalanced_mark_does_not_lose_later_quotes():
    text = (
        'Cole said the river was "dying in front of us.\n\n'
        'The police disagreed. "We counted two thousand," said Shah.\n\n'
        '"It was peaceful," Shah added.'
    )
    found = quotes(text)
    assert ['"We counted two thousand,"'] in found
    assert ['"It was peaceful,"'] in found
    assert found[0] == ['"dying in front of us.']


def test_direct_unclosed_quote_ends_at_paragraph():
    text = 'He said "this never closes.\n\nA plain paragraph with no marks.'
    found = find_quotes(text, line_spans(text, 0, len(text)))
    assert len(found) == 1 and not found[0].closed
    assert text[found[0].start : found[0].end] == '"this never closes.'
