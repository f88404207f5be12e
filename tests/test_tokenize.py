"""tokenize: offsets and abbreviation-aware sentence splitting."""

from __future__ import annotations

import pytest

from sourcetrace.model import Article
from sourcetrace.tokenize import tokenize, tokenize_text


def sentences(text: str) -> list[str]:
    tokens = tokenize_text(text)
    return [text[a:b] for a, b in tokens.sentence_spans()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith arrived. He sat down.", ["Mr. Smith arrived.", "He sat down."]),
        ("The U.S. Senate met on Sept. 12. It voted.", ["The U.S. Senate met on Sept. 12.", "It voted."]),
        ("George W. Bush spoke. Then he left.", ["George W. Bush spoke.", "Then he left."]),
        ('He said: "It is over." Then he left.', ['He said: "It is over."', "Then he left."]),
        ("She asked “Why?” Nobody answered.", ["She asked “Why?”", "Nobody answered."]),
        ("A headline without a period\nThe first sentence", ["A headline without a period", "The first sentence"]),
        ("It cost 3.5 million dollars. Fine.", ["It cost 3.5 million dollars.", "Fine."]),
        # a footnote marker glued to the period ends the sentence with it
        ("said Tom Baker.¹ Critics disagree.", ["said Tom Baker.¹", "Critics disagree."]),
        ('it "will cost millions."²³ A 2019 audit', ['it "will cost millions."²³', "A 2019 audit"]),
        ("as he wrote.[2] He left.", ["as he wrote.[2]", "He left."]),
        ('as he wrote."[2, 3] He left.', ['as he wrote."[2, 3]', "He left."]),
        ("the end.¹,² Next one.", ["the end.¹,²", "Next one."]),
        ("overstates withdrawals.[citation needed] Farmers say so.", ["overstates withdrawals.[citation needed]", "Farmers say so."]),
        # not markers: an editorial bracket, a bracket after a space
        ("Iran's leader.[Saddam] was not.", ["Iran's leader.[Saddam] was not."]),
        ("the end.¹Next", ["the end.¹Next"]),
    ],
)
def test_tokenize_splits_sentences(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clinton’s plan isn't new.", ["Clinton’s", "plan", "isn't", "new", "."]),
        ('"Yes," said Ann.', ['"', "Yes", ",", '"', "said", "Ann", "."]),
        ("It cost $1,000 in the U.S.", ["It", "cost", "$", "1,000", "in", "the", "U.S."]),
    ],
)
def test_tokenize_tokens(text, expected):
    tokens = tokenize_text(text)
    assert [text[a:b] for a, b in zip(tokens.starts, tokens.ends)] == expected


def test_tokenize_stage_sets_tokens_and_keeps_text(settings):
    article = tokenize(Article(text="One. Two."), settings)
    assert article.text == "One. Two."
    assert len(article.tokens) == 4
    assert list(article.tokens.sentence_starts) == [0, 2]


def test_tokenize_empty_text():
    tokens = tokenize_text("")
    assert len(tokens) == 0 and len(tokens.sentence_starts) == 0
