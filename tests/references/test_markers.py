import pytest

from sourcetrace.references.markers import expand, find_author_date, find_markers


def labels_in(text):
    return [labels for _, _, labels in find_markers(text, [(0, len(text))])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a claim.[2] more", [["2"]]),
        ("a claim [2, 3] more", [["2", "3"]]),
        ("a claim [2–4] more", [["2", "3", "4"]]),
        ("a claim [2-4,7] more", [["2", "3", "4", "7"]]),
        ("said so.² Then", [["2"]]),
        ("said so.¹² Then", [["12"]]),
        ("first[1] and second[3]", [["1"], ["3"]]),
    ],
)
def test_markers_finds_cited_numbers(text, expected):
    assert labels_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "in the spring of [2010] they met",       # a year in brackets
        "That was all we had on [Saddam] then",   # editorial insertion
        "it will [sic] protect the marina",
        "half of the territory, [and] I was never asked",
        "the $4 million figure [2010 prices]",
        "a floor area of 300 m² for the press",   # unit exponent
        "grew by 10² times",                      # number exponent
        "costs rose to $12.50 in 1994",
    ],
)
def test_markers_ignores_non_markers(text):
    assert labels_in(text) == []


def test_markers_span_is_shared_by_grouped_numbers():
    text = "x [2, 3] y"
    [(start, end, labels)] = find_markers(text, [(0, len(text))])
    assert text[start:end] == "[2, 3]" and labels == ["2", "3"]


def test_markers_only_inside_given_spans():
    text = "body [1] ... notes [2]"
    assert [labels for *_, labels in find_markers(text, [(0, 9)])] == [["1"]]


@pytest.mark.parametrize(("inner", "expected"), [("5-3", ["5", "3"]), ("1-200", ["1", "200"]), ("0", [])])
def test_markers_expand_refuses_odd_ranges(inner, expected):
    assert expand(inner) == expected


def author_date_in(text):
    return [(text[s:e], cites) for s, e, cites in find_author_date(text, [(0, len(text))])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It doubled (Hart, 2019).", [("(Hart, 2019)", [("Hart", "2019")])]),
        ("It moved (Moss & Chen 2020, p. 4).", [("(Moss & Chen 2020, p. 4)", [("Moss & Chen", "2020")])]),
        ("Both (Hart et al., 2018; State Water Board, 2022b).",
         [("(Hart et al., 2018; State Water Board, 2022b)", [("Hart et al.", "2018"), ("State Water Board", "2022b")])]),
        ("As Hart (2019) notes.", [("As Hart (2019)", [("As Hart", "2019")])]),
        # dates in parentheses are no citations
        ("It opened (March 2019) and closed (Winter 2020).", []),
        ("The plan (2019) and the price ($2019) and a year [2019].", []),
    ],
)
def test_markers_author_date_citations(text, expected):
    assert author_date_in(text) == expected
