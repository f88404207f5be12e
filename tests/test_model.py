"""The document model: offsets are validated, layers are immutable."""

from dataclasses import FrozenInstanceError, replace

import pytest

from sourcetrace.model import Article, Attribution, Region, Span, Tokens
from array import array


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (5, 4)])
def test_model_span_rejects_bad_offsets(start, end):
    with pytest.raises(ValueError):
        Span(start, end)


def test_model_article_is_frozen():
    article = Article(text="abc")
    with pytest.raises(FrozenInstanceError):
        article.text = "x"  # type: ignore[misc]


def test_model_replace_adds_layer_keeps_text():
    article = Article(text="Hello world")
    new = replace(article, regions=(Region(0, 5, "body"),))
    assert new.text is article.text and article.regions == () and new.text_of(new.regions[0]) == "Hello"


def test_model_attribution_bounds_cover_all_content():
    a = Attribution(id="q1", kind="direct", content=(Span(10, 20), Span(30, 40)))
    assert (a.start, a.end) == (10, 40)


def test_model_in_kind_and_tokens_sentences():
    article = Article(text="Ab cd. Ef.", regions=(Region(0, 6, "body"), Region(7, 10, "chrome")))
    assert article.in_kind(0, 2, "body") and not article.in_kind(7, 9, "body")
    tokens = Tokens(array("I", [0, 3, 5, 7, 9]), array("I", [2, 5, 6, 9, 10]), array("I", [0, 3]))
    assert tokens.sentence_spans() == [(0, 6), (7, 10)]
