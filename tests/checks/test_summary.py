"""summarize(): the summary figures of the JSON contract."""

from __future__ import annotations

import pytest

from checks.checks_build import R, build, opinion_article
from sourcetrace.checks import run_checks
from sourcetrace.checks.summary import reference_kind, summarize
from sourcetrace.model import Article


def test_summary_counts_on_opinion_fixture(settings):
    s = summarize(run_checks(opinion_article(), settings))
    assert s["quotations"] == {"total": 6, "direct": 6, "indirect": 0, "mixed": 0}
    assert s["speakers"] == 3
    top = s["quoted_words"]["by_speaker"][0]
    assert top["speaker"] == "Tomas Brandt" and top["words"] == 30 and top["share"] == pytest.approx(30 / 70, abs=1e-3)
    assert s["sourced"]["linked"] == 5 and s["sourced"]["inherited"] == 2 and s["sourced"]["share"] == pytest.approx(0.833)
    assert s["references"]["total"] == 5 and s["references"]["with_working_url"] == 2
    assert s["references"]["by_kind"]["interview"] == 1 and s["references"]["by_kind"]["government"] == 1
    assert s["findings"]["by_severity"]["warning"] == 6
    assert s["findings"]["by_code"]["duplicate-reference"] == 2


def test_summary_empty_article_has_zero_shares():
    s = summarize(Article(text="Nothing here."))
    assert s["quotations"]["total"] == 0 and s["sourced"]["share"] == 0.0
    assert s["references"]["working_url_share"] == 0.0 and s["findings"]["total"] == 0


@pytest.mark.parametrize(
    ("ref", "kind"),
    [
        (R("x", type="interview"), "interview"),
        (R("x", medium="Interview by Habilian Association"), "interview"),
        (R("x", title="Interview with the author"), "interview"),
        (R("x", title="A long interview with the mayor", container="Valley News"), "news"),
        (R("x", container="US State Department Report", urls=(("http://state.example/x", "ok"),)), "government"),
        (R("x", urls=(("https://www.cia.gov/library/x", "ok"),)), "government"),
        (R("x", urls=(("https://www.who.int/emergencies/x", "ok"),)), "government"),
        (R("x", container="Journal of Peace Research", extra={"volume": "3", "issue": "2"}), "journal"),
        (R("x", extra={"doi": "10.1000/xyz"}), "journal"),
        (R("x", urls=(("https://someone.wordpress.com/post", "ok"),)), "blog"),
        (R("x", container="Newsweek"), "news"),
        (R("x", urls=(("https://www.nytimes.com/2010/x", "ok"),)), "news"),
        (R("x", urls=(("https://example.org/page", "ok"),)), "web"),
        (R("x"), "other"),
        # a book: its publisher's "Press" is no newspaper
        (R("x", publisher="Corvin University Press", type="book"), "book"),
        (R("x", publisher="Harbour Press", type="book"), "book"),
        (R("x", publisher="Valley Courier", type="book"), "news"),  # a newspaper read as a publisher
        (R("x", publisher="State Water Board", type="book", urls=(("https://www.water.corvin.gov/s.pdf", "ok"),)), "government"),
    ],
)
def test_summary_reference_kind(ref, kind):
    built = build("x", refs=[ref]).references[0]
    assert reference_kind(built) == kind
