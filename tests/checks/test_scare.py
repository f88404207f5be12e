"""scare-quote: labels in quotation marks in the writer's prose."""

from __future__ import annotations

from checks.checks_build import Q, build
from sourcetrace.checks.scare import check_scare_quotes


def test_scare_fires_on_scare_terms_only(settings):
    text = 'He calls himself a "human rights activist" and runs the "No to Tolls Committee".'
    article = build(text, terms=[('"human rights activist"', "scare"), ('"No to Tolls Committee"', "name")])
    found = list(check_scare_quotes(article, settings))
    assert [f.code for f in found] == ["scare-quote"]
    assert "human rights activist" in found[0].message
    assert text[found[0].evidence[0].start : found[0].evidence[0].end] == '"human rights activist"'


def test_scare_inside_someone_elses_quotation_does_not_fire(settings):
    text = "Ann Lee said \"the so-called 'reform' is a trick.\""
    article = build(text, quotes=[Q("\"the so-called 'reform' is a trick.\"", "Ann Lee", "said", "s1")],
                    speakers=[("s1", "Ann Lee", "person")], terms=[("'reform'", "scare")])
    assert list(check_scare_quotes(article, settings)) == []


def test_scare_no_terms_no_findings(settings):
    assert list(check_scare_quotes(build('Ann Lee said "yes."'), settings)) == []


import pytest


@pytest.mark.parametrize(
    ("term", "fires"),
    [
        ('"human rights activist,"', True),
        ("''genius''", True),
        ('"1474387200"', False),
        ('"pic.twitter.com/"', False),
        ('"she"', False),
        ('"a living room in western Pennsylvania"', False),  # longer than attributions.max_label_words
    ],
)
def test_scare_guards_against_debris_and_statements(term, fires, settings):
    text = f"He called it {term} again."
    article = build(text, terms=[(term, "scare")])
    assert [f.code for f in check_scare_quotes(article, settings)] == (["scare-quote"] if fires else [])
