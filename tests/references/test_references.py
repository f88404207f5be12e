"""find_references end to end: the example article and small fixtures, built by hand (no other stage)."""

import pytest

from sourcetrace.model import Article, Author, Document, Hyperlink, Region
from sourcetrace.references import find_references


@pytest.fixture(scope="module")
def example(seed_path):
    from sourcetrace.settings import Settings

    return find_references(Article(text=seed_path.read_text("utf-8")), Settings())


def test_references_example_has_seven_notes(example):
    assert [(r.id, r.label, r.kind) for r in example.references] == [(f"r{i}", str(i), "note") for i in range(1, 8)]
    assert example.text_of(example.references[4]).startswith("[5]Katzman")
    assert example.text_of(example.references[4]).endswith("CORI (Country of Origin Research and Information) website:")


def test_references_example_markers_point_at_their_notes(example):
    assert [(m.id, m.label, example.text_of(m), m.reference) for m in example.markers] == [
        (f"m{i}", str(i), f"[{i}]", f"r{i}") for i in range(1, 8)
    ]


def test_references_example_url_statuses(example):
    statuses = [[(u.url, u.status) for u in r.urls] for r in example.references]
    assert statuses[4] == [("http://www.unhcr.org/refworld/pdfid/4ac9c2c52.pdf", "ok")]
    for i in (0, 1, 2, 3, 5, 6):
        assert statuses[i] == [("", "truncated")]
        url = example.references[i].urls[0]
        assert example.text[url.start : url.end] == "<"


def test_references_example_fields_of_note_6(example):
    f = example.references[5].fields
    assert f.authors == (Author("Disney", "Patrick"),)
    assert (f.title, f.container, f.publisher, f.date, f.accessed, f.medium) == (
        "The Middle East Channel", "Foreign Policy", "The Slate Group", "2010-09-22", "2010-11-01", "Web",
    )


@pytest.mark.parametrize(
    ("index", "family", "container", "date"),
    [(1, "Disney", "Iran Affairs", "2010-09-24"), (2, "Iskoff", "Newsweek", "2002-09-26"), (6, "Abedin", "Terrorism Monitor", "2005-05-05")],
)
def test_references_example_fields_of_other_notes(example, index, family, container, date):
    f = example.references[index].fields
    assert (f.authors[0].family, f.container, f.date, f.accessed) == (family, container, date, "2010-11-01")


def test_references_example_segments_cover_the_entry(example):
    ref = example.references[5]
    seg_text = "".join(example.text_of(s) for s in ref.segments)
    assert seg_text.replace("\n", "").replace(" ", "") == example.text[ref.start + 3 : ref.end].replace("\n", "").replace(" ", "")
    assert [s.label for s in ref.segments][:3] == ["author", "title", "journal"]


def test_references_notes_under_heading_and_grouped_markers(load_fixture, settings):
    article = find_references(Article(text=load_fixture("refs_notes_dot.txt")), settings)
    assert [r.label for r in article.references] == ["1", "2", "3", "4", "5"]
    assert [(m.label, article.text_of(m), m.reference) for m in article.markers] == [
        ("1", "[1]", "r1"), ("2", "[2, 3]", "r2"), ("3", "[2, 3]", "r3"), ("4", "[4–5]", "r4"), ("5", "[4–5]", "r5"),
    ]
    assert [[u.status for u in r.urls] for r in article.references] == [["ok"], [], ["truncated"], [], ["truncated"]]
    assert article.references[1].fields.medium == "Interview by Tom Reyes"
    assert article.references[1].fields.type == "interview"


def test_references_superscript_notes(load_fixture, settings):
    article = find_references(Article(text=load_fixture("refs_superscript.txt")), settings)
    assert [(m.label, m.reference) for m in article.markers] == [("1", "r1"), ("2", "r2"), ("3", "r3")]
    assert article.references[1].fields.accessed == "2018-02-10"


def test_references_unnumbered_list(load_fixture, settings):
    article = find_references(Article(text=load_fixture("refs_unnumbered.txt")), settings)
    assert [r.label for r in article.references] == [None, None, None]
    assert article.markers == ()
    assert article.references[2].fields.authors == (Author("Ito", "Keiko"), Author("Brandt", "Samuel"))
    assert [u.url for u in article.references[2].urls] == ["fieldnotes.example/river"]


def test_references_orphan_marker_and_region_from_extract(settings):
    text = "A claim.[1] Another.[9]\n\nNotes\n[1] Smith, John. \"A Title.\" *The Paper*, 2 May 2020."
    notes = text.index("[1] Smith")
    article = Article(text=text, regions=(Region(0, notes - 7, "body"), Region(notes, len(text), "references", "Notes")))
    article = find_references(article, settings)
    assert [(m.label, m.reference) for m in article.markers] == [("1", "r1"), ("9", None)]


def test_references_markers_skip_chrome(settings):
    text = "A claim.[1]\n\nRelated: story [2]\n\n[1] Smith, J. Title. 2020.\n[2] Jones, K. Other. 2021."
    chrome = (text.index("Related"), text.index("[2]\n") + 3)
    refs = text.index("[1] Smith")
    article = find_references(Article(text=text, regions=(Region(*chrome, "chrome"), Region(refs, len(text), "references"))), settings)
    assert [m.label for m in article.markers] == ["1"]


def test_references_body_hyperlinks_become_references(settings):
    text = ("As a report by the agency showed, prices rose.[1] She told Reuters so. See our homepage. Tweet this. Share."
            "\n\n[1] Smith, J. Title. 2020.\n[2] Jones, K. Other. 2021.")
    report = text.index("a report")
    told = text.index("told Reuters")
    home = text.index("our homepage")
    tweet = text.index("Tweet this")
    share = text.index("Share.")
    links = (
        Hyperlink(report, report + 8, "https://www.agency.example/reports/2020.pdf"),
        Hyperlink(told, told + 12, "https://www.reuters.com/world/story-1"),
        Hyperlink(home, home + 12, "https://news.example.com/"),  # the article's own site: navigation
        Hyperlink(0, 2, "#top"),
        # share buttons: a platform's posting form, not a source
        Hyperlink(tweet, tweet + 10, "https://twitter.com/share?text=Prices+rose+...%E2%80%A6&url=https://news.example.com/x"),
        Hyperlink(share, share + 5, "https://www.facebook.com/sharer/sharer.php?u=https://news.example.com/x"),
    )
    article = Article(text=text, hyperlinks=links, document=Document(url="https://news.example.com/2020/story"))
    article = find_references(article, settings)
    hyper = [r for r in article.references if r.kind == "hyperlink"]
    assert [r.id for r in article.references] == ["r1", "r2", "r3", "r4"]
    assert [(article.text_of(r), r.label, r.fields.container, r.urls[0].url, r.urls[0].start) for r in hyper] == [
        ("a report", None, "agency.example", "https://www.agency.example/reports/2020.pdf", None),
        ("told Reuters", None, "reuters.com", "https://www.reuters.com/world/story-1", None),
    ]


def test_references_no_list_no_references(settings):
    article = find_references(Article(text="Just a story from 2010 [with] an aside. It cost $5."), settings)
    assert article.references == () and article.markers == ()


def test_references_broken_hyperlink_does_not_break_the_stage(settings):
    text = "See the report now."
    article = Article(text=text, hyperlinks=(Hyperlink(8, 14, "http://[broken"),))
    [ref] = find_references(article, settings).references
    assert (ref.kind, ref.urls[0].status) == ("hyperlink", "malformed")


def test_references_author_date_citations_find_their_entries(load_fixture, settings):
    article = find_references(Article(text=load_fixture("refs_author_date.txt")), settings)
    assert [r.label for r in article.references] == [None] * 4
    ids = {r.fields.authors[0].family + r.fields.date[:4]: r.id for r in article.references}
    got = [(m.label, m.reference) for m in article.markers]
    assert got == [
        ("Hart, 2019", ids["Hart2019"]),
        ("Moss & Chen, 2020", ids["Moss2020"]),
        ("Hart et al., 2018", ids["Hart2018"]),
        ("Hart, 2019", ids["Hart2019"]),  # "As Hart (2019)": the citation starts at the name
        ("Lund, 2021", None),  # cited, but not in the list: an orphan
    ]
    narrative = article.markers[3]
    assert article.text[narrative.start : narrative.end] == "Hart (2019)"


def test_references_author_date_needs_an_entry_in_a_numbered_list(settings):
    # with numbered notes, "(Reuters, 2019)" that matches no entry is text, not an orphan marker
    text = "A claim.[1] Prices rose (Reuters, 2019).\n\nNotes\n[1] Smith, John. \"A Title.\" *The Paper*, 2 May 2020."
    notes = text.index("[1] Smith")
    article = Article(text=text, regions=(Region(0, notes - 7, "body"), Region(notes, len(text), "references", "Notes")))
    assert [(m.label, m.reference) for m in find_references(article, settings).markers] == [("1", "r1")]


def test_references_lone_big_bracket_number_without_notes_is_no_marker(settings):
    # "[538]" (FiveThirtyEight) in a page with no notes is text; "[1] ... [2]" there are notes gone missing
    text = "Polls differ [538] and so do the averages [538]."
    assert find_references(Article(text=text), settings).markers == ()
    lost = find_references(Article(text="A claim.[1] Another claim.[2]"), settings)
    assert [(m.label, m.reference) for m in lost.markers] == [("1", None), ("2", None)]


def test_references_bare_address_entry_names_its_site(settings):
    text = "A claim.[1]\n\nSources:\n1. https://www.cdc.gov/coronavirus/index.html\n2. Smith, J. \"Title.\" *The Paper*, 2020."
    notes = text.index("Sources")
    article = Article(text=text, regions=(Region(0, notes - 2, "body"), Region(notes, len(text), "references", "Sources")))
    refs = find_references(article, settings).references
    assert refs[0].fields.container == "cdc.gov" and refs[0].fields.title is None
    assert refs[1].fields.container == "The Paper"
