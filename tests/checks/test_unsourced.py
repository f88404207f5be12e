"""unsourced-quote / inherited-source."""

from __future__ import annotations

import pytest

from checks.checks_build import Q, R, build
from sourcetrace.checks.unsourced import check_unsourced

REF = R("[1] Abedin, Mahan. Allies. Terrorism Monitor, 2005.", "1", (("Abedin", "Mahan"),), "Allies", "Terrorism Monitor", date="2005")


def _codes(article, settings):
    return [(f.code, f.attributions[0]) for f in check_unsourced(article, settings)]


def test_unsourced_fires_on_uncited_quote_in_citing_article(settings):
    text = 'Ann Lee said "the dam is safe." Bo Park wrote "the dam is not safe."[1]\n\n' + REF.raw
    article = build(text, quotes=[Q('"the dam is safe."', "Ann Lee", None, "s1"), Q('"the dam is not safe."', "Bo Park", None, "s2")],
                    speakers=[("s1", "Ann Lee", "person"), ("s2", "Bo Park", "person")], refs=[REF], markers=["1"],
                    links=[(2, "1", "marker", "1")])
    found = list(check_unsourced(article, settings))
    assert [(f.code, f.severity, f.attributions) for f in found] == [("unsourced-quote", "warning", ("q1",))]
    assert "Ann Lee" in found[0].message and "the dam is safe" in found[0].message


def test_unsourced_inherited_link_is_reported_not_silent(settings):
    text = 'Mahan Abedin believes that "both sides admit it." He writes that, "the alliance was a blunder." [1]\n\n' + REF.raw
    article = build(text, quotes=[Q('"both sides admit it."', "Mahan Abedin", None, "s1"), Q('"the alliance was a blunder."', "He", None, "s1")],
                    speakers=[("s1", "Mahan Abedin", "person")], refs=[REF], markers=["1"],
                    links=[(2, "1", "marker", "1"), (1, "1", "inherited")])
    found = list(check_unsourced(article, settings))
    assert [(f.code, f.severity) for f in found] == [("inherited-source", "info")]
    assert found[0].references == ("r1",) and found[0].attributions[0] == "q1"
    assert "[1]" in found[0].message and "inherited" in found[0].message


def test_unsourced_inherits_itself_when_linker_did_not(settings):
    text = 'Ann Lee said "the dam is safe." She added "it was built well."[1]\n\n' + REF.raw
    article = build(text, quotes=[Q('"the dam is safe."', "Ann Lee", None, "s1"), Q('"it was built well."', "She", None, "s1")],
                    speakers=[("s1", "Ann Lee", "person")], refs=[REF], markers=["1"], links=[(2, "1", "marker", "1")])
    assert _codes(article, settings) == [("inherited-source", "q1")]


def test_unsourced_no_inheritance_across_paragraphs_or_speakers(settings):
    text = 'Ann Lee said "the dam is safe."\n\nShe added "it was built well."[1] Bo Park said "no."\n\n' + REF.raw
    article = build(text, quotes=[Q('"the dam is safe."', "Ann Lee", None, "s1"), Q('"it was built well."', "She", None, "s1"),
                                  Q('"no."', "Bo Park", None, "s2")],
                    speakers=[("s1", "Ann Lee", "person"), ("s2", "Bo Park", "person")], refs=[REF], markers=["1"],
                    links=[(2, "1", "marker", "1")])
    assert _codes(article, settings) == [("unsourced-quote", "q1"), ("unsourced-quote", "q3")]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # first-hand: the writer's own interview
        ('Ann Lee told this newspaper that "the dam is safe." Bo Park wrote "no."[1]', '"the dam is safe."'),
        ('"The dam is safe," Ann Lee told me. Bo Park wrote "no."[1]', '"The dam is safe,"'),
    ],
)
def test_unsourced_first_hand_quotes_do_not_fire(text, quote, settings):
    article = build(text + "\n\n" + REF.raw, quotes=[Q(quote, "Ann Lee", None, "s1"), Q('"no."', "Bo Park", None, "s2")],
                    speakers=[("s1", "Ann Lee", "person"), ("s2", "Bo Park", "person")], refs=[REF], markers=["1"],
                    links=[(2, "1", "marker", "1")])
    assert _codes(article, settings) == []


def test_unsourced_quiet_in_article_citing_nothing(settings):
    article = build('Ann Lee said "the dam is safe."', quotes=[Q('"the dam is safe."', "Ann Lee", None, "s1")],
                    speakers=[("s1", "Ann Lee", "person")])
    assert _codes(article, settings) == []
    strict = settings.with_overrides({"checks": {"unsourced_requires_references": False}})
    assert _codes(article, strict) == [("unsourced-quote", "q1")]


def test_unsourced_ignores_indirect_and_hyperlinked(settings):
    text = 'Ann Lee said the dam is safe. Bo Park told Reuters "it is not."\n\n' + REF.raw
    article = build(text, quotes=[Q("the dam is safe", "Ann Lee", "said", "s1", kind="indirect"), Q('"it is not."', "Bo Park", None, "s2")],
                    speakers=[("s1", "Ann Lee", "person"), ("s2", "Bo Park", "person")], refs=[REF],
                    links=[(2, "1", "hyperlink")])
    assert _codes(article, settings) == []


@pytest.mark.parametrize(
    ("text", "content", "speaker", "fires"),
    [
        # a paraphrase around a short quoted label or motto is not a quotation
        ('No one agrees with the motto that they are "The Voice of Change for a New Iran."',
         'the motto that they are "The Voice of Change for a New Iran."', "s1", False),
        # a long quoted part with a named speaker is
        ('Ann Lee believes that "both sides in the debate readily admit the isolation of the group is not appreciated."',
         'that "both sides in the debate readily admit the isolation of the group is not appreciated."', "s1", True),
        # ... but not without a speaker
        ('It is said that "both sides in the debate readily admit the isolation of the group is not appreciated."',
         'that "both sides in the debate readily admit the isolation of the group is not appreciated."', None, False),
    ],
)
def test_unsourced_mixed_needs_a_real_quotation(text, content, speaker, fires, settings):
    article = build(text + " Bo Park wrote it.[1]\n\n" + REF.raw, quotes=[Q(content, None, None, speaker, kind="mixed")],
                    speakers=[("s1", "Ann Lee", "person")], refs=[REF], markers=["1"])
    assert _codes(article, settings) == ([("unsourced-quote", "q1")] if fires else [])


def test_unsourced_mixed_quote_of_quoted_terms_only_does_not_fire(settings):
    text = 'Ann Lee calls herself a "human rights activist and a freedom fighter for the people of the valley." Bo Park wrote it.[1]'
    term = '"human rights activist and a freedom fighter for the people of the valley."'
    article = build(text + "\n\n" + REF.raw, quotes=[Q("herself a " + term, "Ann Lee", "calls", "s1", kind="mixed")],
                    speakers=[("s1", "Ann Lee", "person")], refs=[REF], markers=["1"], terms=[(term, "scare")])
    assert _codes(article, settings) == []


def test_unsourced_reports_inherited_reported_speech_too(settings):
    text = 'Ann Lee explained the plan. She recalls, "we were never asked."[1]\n\n' + REF.raw
    article = build(text, quotes=[Q("the plan", "Ann Lee", "explained", "s1", kind="indirect"), Q('"we were never asked."', "She", None, "s1")],
                    speakers=[("s1", "Ann Lee", "person")], refs=[REF], markers=["1"],
                    links=[(2, "1", "marker", "1"), (1, "1", "inherited")])
    assert _codes(article, settings) == [("inherited-source", "q1")]


def test_unsourced_not_fired_on_news_with_only_inline_links(settings):
    from dataclasses import replace

    from sourcetrace.checks.unsourced import check_unsourced
    from sourcetrace.model import Article, Attribution, Reference, Span

    text = 'The mayor said "we will build the bridge next year." Read the council report.'
    quote = Span(text.index('"we'), text.index('year."') + 6)
    link = Reference(id="r1", start=text.index("council report"), end=text.index("council report") + 14, kind="hyperlink")
    article = Article(text=text, attributions=(Attribution(id="q1", kind="direct", content=(quote,)),), references=(link,))
    assert list(check_unsourced(article, settings)) == []
    # the same quote in an article that uses numbered notes is flagged
    note = Reference(id="r2", start=0, end=3, label="1")
    assert [f.code for f in check_unsourced(replace(article, references=(link, note)), settings)] == ["unsourced-quote"]
