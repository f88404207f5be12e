"""Linking on hand-built Articles: markers, hyperlinks, inheritance, cited claims."""

from __future__ import annotations

import pytest

from sourcetrace.link import link_attributions
from sourcetrace.model import Article, Attribution, Marker, Reference, Span


def _build(text: str, quotes: list[tuple[str, str | None]], markers: list[str], refs: list[str] | None = None) -> Article:
    """Article with attributions on each quoted string (speaker id given) and markers on each "[n]"."""
    attributions = []
    cursor = 0
    for i, (quote, speaker) in enumerate(quotes, 1):
        start = text.index(quote, cursor)
        cursor = start + len(quote)
        attributions.append(Attribution(id=f"q{i}", kind="direct", content=(Span(start, cursor),), speaker=speaker))
    found = []
    cursor = 0
    for i, label in enumerate(markers, 1):
        start = text.index(f"[{label}]", cursor)
        cursor = start + len(label) + 2
        found.append(Marker(id=f"m{i}", start=start, end=cursor, label=label, reference=f"r{label}"))
    references = tuple(Reference(id=f"r{n}", start=0, end=1, label=n) for n in (refs or markers))
    return Article(text=text, attributions=tuple(attributions), markers=tuple(found), references=references)


def _pairs(article: Article) -> set[tuple[str | None, str, str]]:
    return {(l.attribution, l.reference, l.method) for l in article.links}


@pytest.mark.parametrize(
    ("text", "quote", "expected_ref"),
    [
        ('She said "we will win."[1] Then more.', '"we will win."', "r1"),
        ('She said "we will win". [1] Then more.', '"we will win"', "r1"),
        ('"We will win," she said on Monday [1]. Then more.', '"We will win,"', "r1"),
        ('She said "we will win." [1]\n\nNext paragraph.', '"we will win."', "r1"),
    ],
)
def test_link_marker_after_quote(settings, text, quote, expected_ref):
    article = link_attributions(_build(text, [(quote, "s1")], ["1"]), settings)
    assert ("q1", expected_ref, "marker") in _pairs(article)


def test_link_marker_inside_quote(settings):
    article = link_attributions(_build('He wrote "the figure is 40% [1] of all." Later.', [('"the figure is 40% [1] of all."', "s1")], ["1"]), settings)
    assert _pairs(article) == {("q1", "r1", "marker")}


def test_link_marker_of_next_quote_is_not_taken(settings):
    text = 'A said "one." B said "two."[2]'
    article = link_attributions(_build(text, [('"one."', "s1"), ('"two."', "s2")], ["2"]), settings)
    assert ("q2", "r2", "marker") in _pairs(article)
    assert not any(l.attribution == "q1" for l in article.links)


def test_link_marker_in_later_sentence_is_a_claim(settings):
    text = 'A said "one." The budget doubled in 2010.[1]'
    article = link_attributions(_build(text, [('"one."', None)], ["1"]), settings)
    assert not any(l.attribution == "q1" for l in article.links)
    claims = [l for l in article.links if l.attribution is None]
    assert len(claims) == 1 and article.text_of(claims[0].claim) == "The budget doubled in 2010."


def test_link_inherits_within_paragraph_same_speaker(settings):
    text = 'Kim believes "x is true." Kim writes, "y is true." [7]\n\nOther says "z." '
    article = link_attributions(
        _build(text, [('"x is true."', "s1"), ('"y is true."', "s1"), ('"z."', "s2")], ["7"]), settings
    )
    pairs = _pairs(article)
    assert ("q2", "r7", "marker") in pairs
    assert ("q1", "r7", "inherited") in pairs
    assert not any(l.attribution == "q3" for l in article.links)  # other speaker, other paragraph


def test_link_no_inheritance_across_speakers(settings):
    text = 'Kim said "x." Lee said "y." [7]'
    article = link_attributions(_build(text, [('"x."', "s1"), ('"y."', "s2")], ["7"]), settings)
    assert not any(l.attribution == "q1" for l in article.links)


def test_link_hyperlink_on_cue(settings):
    text = "The minister told Reuters that taxes would rise."
    cue = Span(text.index("told Reuters"), text.index("told Reuters") + len("told Reuters"))
    content = Span(text.index("that"), len(text) - 1)
    anchor = text.index("Reuters")
    article = Article(
        text=text,
        attributions=(Attribution(id="q1", kind="indirect", content=(content,), cue=cue),),
        references=(Reference(id="r1", start=anchor, end=anchor + 7, kind="hyperlink"),),
    )
    assert _pairs(link_attributions(article, settings)) == {("q1", "r1", "hyperlink")}


def test_link_orphan_marker_makes_no_link(settings):
    text = 'She said "we will win."[9]'
    article = _build(text, [('"we will win."', "s1")], ["9"], refs=[])
    article = article.__class__(text=article.text, attributions=article.attributions,
                                markers=tuple(m.__class__(m.id, m.start, m.end, m.label, None) for m in article.markers))
    assert link_attributions(article, settings).links == ()


SUPERSCRIPT_ARTICLE = """Council Delays Budget Vote

The council postponed its vote again on Tuesday. "We need more time to read the numbers," said council member Tom Baker.¹ Critics disagree. The mayor's office wrote that the delay "will cost the city millions."² A 2019 audit found unpaid invoices, according to the comptroller.[3]

Notes
1. Baker, Tom. Interview by Ana Ruiz. 3 March 2021.
2. Office of the Mayor. "Statement on the Budget Delay." City of Valdera, 4 March 2021.
3. Valdera Comptroller. Annual Audit Report 2019. Valdera: City Press, 2020.
"""


def test_link_markers_glued_to_the_period_end_their_sentence(settings):
    # "Tom Baker.¹ Critics disagree": the marker closes the quote's sentence, so the speaker is the
    # one named before it and the next sentence's subject is not taken for the source
    import sourcetrace

    article = sourcetrace.audit(SUPERSCRIPT_ARTICLE.encode(), settings=settings)
    text = article.text
    by_quote = {text[a.content[0].start : a.content[0].end]: a for a in article.attributions}
    names = {s.id: s.name for s in article.speakers}
    baker = by_quote['"We need more time to read the numbers,"']
    assert names[baker.speaker] == "Tom Baker"
    mayor = next(a for q, a in by_quote.items() if "will cost the city millions" in q)
    assert "audit" not in text[mayor.content[0].start : mayor.content[-1].end]
    refs = {a.id: {l.reference for l in article.links if l.attribution == a.id} for a in (baker, mayor)}
    assert refs == {baker.id: {"r1"}, mayor.id: {"r2"}}


def test_link_marker_glued_to_the_next_sentence_is_that_sentences(settings):
    # "...according to the CDC.[1] The first case ... said.[2]": [2] ends the next sentence, which has no
    # attribution of its own: a cited claim, not a second note of the first quotation
    text = ("Officials confirmed new cases, according to the CDC.[1] The first case was reported last week, "
            "the Times said.[2]\n\nNotes\n[1] CDC. Cases. 2020.\n[2] Times. First case. 2020.")
    article = _build(text, [("new cases", None)], ["1", "2"])
    article = link_attributions(article, settings)
    assert {(l.attribution, l.reference) for l in article.links} == {("q1", "r1"), (None, "r2")}
    claim = next(l.claim for l in article.links if l.attribution is None)
    assert text[claim.start : claim.end].startswith("The first case")


def test_link_comma_joined_superscripts_end_their_sentence(settings):
    # "said.¹,² The first case ... said.³": linking ends the sentence where the tokenizer does, after "¹,²"
    text = "Officials confirmed new cases, the CDC said.¹,² The first case was reported, the Times said.³"
    found = [Marker(id=f"m{n}", start=text.index(c), end=text.index(c) + 1, label=str(n), reference=f"r{n}")
             for n, c in ((1, "¹"), (2, "²"), (3, "³"))]
    start = text.index("new cases")
    quote = Attribution(id="q1", kind="indirect", content=(Span(start, start + len("new cases")),))
    refs = tuple(Reference(id=f"r{n}", start=0, end=1, label=str(n)) for n in (1, 2, 3))
    article = link_attributions(Article(text=text, attributions=(quote,), markers=tuple(found), references=refs), settings)
    assert {(l.attribution, l.reference) for l in article.links} == {("q1", "r1"), ("q1", "r2"), (None, "r3")}


def _with_source_list(text: str, speaker_name: str, authors: list[tuple[str, str]], kind: str | None) -> Article:
    from sourcetrace.model import Author, ReferenceFields, Speaker

    quote = '"prices went up."'
    start = text.index(quote)
    attribution = Attribution(id="q1", kind="direct", content=(Span(start, start + len(quote)),), speaker="s1")
    fields = ReferenceFields(authors=tuple(Author(f, g) for f, g in authors), type=kind)
    return Article(
        text=text,
        attributions=(attribution,),
        speakers=(Speaker(id="s1", name=speaker_name),),
        references=(Reference(id="r1", start=0, end=1, label="1", fields=fields),),
    )


@pytest.mark.parametrize(
    ("speaker_name", "authors", "kind", "confidence"),
    [
        ("Mary E. Lovely", [("Lovely", "Mary E.")], "interview", 0.75),
        ("Lovely", [("Lovely", "Mary")], "interview", 0.75),  # the surname alone, as a later mention reads
        ("Ines van der Berg", [("van der Berg", "Ines")], None, 0.6),  # another work of theirs
        ("Mary Lovely", [("Lovely", "  ")], "interview", 0.75),  # a blank given name is no given name
        ("José Pérez", [("Perez", "Jose")], "interview", 0.75),  # a source list without accents
    ],
)
def test_link_speaker_backed_by_a_note_they_wrote_or_gave(settings, speaker_name, authors, kind, confidence):
    article = link_attributions(_with_source_list('She said "prices went up." Then more.', speaker_name, authors, kind), settings)
    assert [(l.attribution, l.reference, l.method, l.confidence) for l in article.links] == [("q1", "r1", "speaker", confidence)]


@pytest.mark.parametrize(
    ("speaker_name", "authors"),
    [
        ("Mary E. Lovely", [("Lovely", "John")]),  # another first name
        ("Mary E. Lovely", [("Lovelace", "Mary")]),  # another family
        ("Lovely", [("van Lovely", "Ann")]),  # the reference's family is longer than the name
    ],
)
def test_link_speaker_needs_the_same_person(settings, speaker_name, authors):
    article = link_attributions(_with_source_list('She said "prices went up." Then more.', speaker_name, authors, "interview"), settings)
    assert article.links == ()


def test_link_speaker_is_not_used_when_a_marker_backs_the_quote(settings):
    article = _with_source_list('She said "prices went up."[1] Then more.', "Mary E. Lovely", [("Lovely", "Mary")], "interview")
    marker = Marker(id="m1", start=article.text.index("[1]"), end=article.text.index("[1]") + 3, label="1", reference="r1")
    from dataclasses import replace

    linked = link_attributions(replace(article, markers=(marker,)), settings)
    assert [l.method for l in linked.links] == ["marker"]


def test_link_fact_check_source_list_end_to_end(load_fixture):
    # a fact-check's "Our Sources" list is not cited inline: the interviews back their speakers' quotes
    from sourcetrace.ingest.source import ingest_text
    from sourcetrace.pipeline import audit
    from sourcetrace.settings import Settings

    text = load_fixture("link_factcheck_sources.txt")
    article = audit(ingest_text(text, Settings()), Settings())
    labels = {r.id: r.label for r in article.references}
    by_speaker = {}
    for link in article.links:
        attr = next(a for a in article.attributions if a.id == link.attribution)
        by_speaker.setdefault(article.speaker(attr.speaker).name, set()).add((labels[link.reference], link.method))
    assert by_speaker == {"Ines Harrow": {("2", "speaker")}, "Tomas Reyes": {("3", "speaker")}}
    assert not [f for f in article.findings if f.code == "unsourced-quote"]


@pytest.mark.parametrize(
    ("org", "authors", "container", "linked"),
    [
        ("Congressional Budget Office", [("Congressional Budget Office", "")], None, True),
        ("the Tax Foundation", [("Tax Foundation", "")], None, True),
        ("Reuters", [("Lee", "Ann")], "Reuters", True),  # the outlet of the cited story
        ("Tax Foundation", [("Tax Policy Center", "")], None, False),
        ("Lee", [("Lee", "Ann")], None, False),  # an organisation is never matched to a person's name
        ("the DEA", [("U.S. Drug Enforcement Administration", "")], None, True),  # an acronym
        ("Congressional Budget Office", [("CBO", "")], None, True),  # the other way round
        ("the CBO", [("Congressional Research Service", "")], None, False),
        ("Agência Nacional", [("Agencia Nacional", "")], None, True),  # accents aside
    ],
)
def test_link_speaker_organisation_by_name_or_acronym(settings, org, authors, container, linked):
    from dataclasses import replace

    from sourcetrace.model import Author, ReferenceFields, Speaker

    article = _with_source_list('It said "prices went up." Then more.', org, authors, "report")
    fields = ReferenceFields(authors=tuple(Author(f, g) for f, g in authors), container=container, type="report")
    article = replace(article, speakers=(Speaker(id="s1", name=org, kind="organization"),),
                      references=(replace(article.references[0], fields=fields),))
    links = link_attributions(article, settings).links
    assert [(l.method, l.confidence) for l in links] == ([("speaker", 0.6)] if linked else [])
