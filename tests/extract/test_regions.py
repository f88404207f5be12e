"""tests for sourcetrace.extract.regions: title, byline, breadcrumb, dates, chrome, references, body."""

from __future__ import annotations

import pytest

from sourcetrace.extract import extract_regions
from sourcetrace.extract.regions import iso_date
from sourcetrace.ingest import ingest, ingest_text
from sourcetrace.model import Article, Document

FIXTURES = "tests/fixtures/articles/"
NON_BODY = ("chrome", "breadcrumb", "byline", "title", "dateline", "references")


def _extract(text, settings, document=None):
    article = Article(text, document=document or Document())
    return extract_regions(article, settings)


def _body(article):
    return [article.text_of(r) for r in article.regions_of("body")]


def _in_body(article, phrase):
    return any(phrase in text for text in _body(article))


def _kind_of(article, phrase):
    """The kinds of the regions holding `phrase` (located in the text, so offsets are checked too)."""
    start = article.text.index(phrase)
    end = start + len(phrase)
    return {r.kind for r in article.regions if r.start <= start and end <= r.end}


@pytest.fixture(scope="module")
def seed(settings, seed_path):
    return extract_regions(ingest(seed_path, settings), settings)


# --- the example article, end to end ---------------------------------------------------------------

def test_regions_seed_document(seed):
    assert seed.document.title == "MKO Has No Base Amongst Iranians"
    assert seed.document.authors == ("Mazda Parsi",)
    assert seed.document.section == ("Mujahedin Khalq Organization",)
    assert seed.document.format == "text"


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("Home » Mujahedin Khalq Organization » MKO Has No Base Amongst Iranians", "breadcrumb"),
        ("You may also like", "chrome"),
        ("Leave a Comment", "chrome"),
        ("By Mazda Parsi", "byline"),
    ],
)
def test_regions_seed_page_furniture(seed, phrase, kind):
    assert _kind_of(seed, phrase) == {kind}
    assert not _in_body(seed, phrase)


def test_regions_seed_one_references_region_with_all_entries(seed):
    (refs,) = seed.regions_of("references")
    block = seed.text_of(refs)
    for n in range(1, 8):
        assert f"[{n}]" in block
    assert block.startswith("[1] Anti-Ahmadinejad demonstration")
    assert block.endswith("05 May 2005. Web. 1 Nov 2010. <")
    # entry 5 runs over six lines, "See also:" parts included
    assert "See also: CORI (Country of Origin Research and Information) website:" in block
    assert "Americans need to know that." not in block


def test_regions_seed_body_excludes_references_and_keeps_quotes(seed):
    body = "\n".join(_body(seed))
    assert "Anti-Ahmadinejad demonstration in New York addressed by dignitaries" not in body
    assert "Katzman, Kenneth" not in body
    assert "the MEK organization has literally zero support among the Iranian people." in body
    assert "The closest thing to how Iranians feel about the MEK" in body
    assert "Americans need to know that." in body
    assert seed.document.title not in body


# --- generalisation: varied fixture pages, tested both ways ----------------------------------------

PAGES = [
    (
        "extract_blog_related.txt",
        ["For two years my sourdough came out of the oven flat and dense.", '"Your starter is hungry," she said.',
         "The loaf in the photo above is the first one I was proud of."],
        ["Share this:", "Facebook", "Related posts", "Five mistakes I made with rye bread",
         "How to keep a starter alive on holiday", "12 Comments", "Leave a Reply", "Posted on March 3, 2022"],
    ),
    (
        "extract_news_sources.txt",
        ["The harbour authority on Thursday approved a plan", '"This port either grows or it dies,"',
         "The work is due to start in November."],
        ["Sources", "Harbour Authority board minutes, 14 April 2022", "Interview with the Bristolport Fishermen's",
         "Reporting by Lena Marsh", "BRISTOLPORT (Coastal Wire) -"],
    ),
    (
        "extract_plain.txt",
        ["The village school will stay open for at least another year", '"We were not going to let them close it',
         "the school is too small to run."],
        [],
    ),
    (
        "extract_byline_top.txt",
        ["Astronomers have detected water vapour", '"Water is where the story of habitable planets begins,"',
         "The team plans to observe three similar stars next year."],
        ["By Jane Okoro and Mark Lindqvist", "June 2, 2023", "Notes", "1. Andersen, S. et al.",
         "2. Interview with Sofia Andersen", "Tags: astronomy", "Leave a Reply", "Home » Science"],
    ),
]


@pytest.mark.parametrize(("name", "body", "furniture"), PAGES, ids=[p[0] for p in PAGES])
def test_regions_body_and_chrome_both_ways(settings, load_fixture, name, body, furniture):
    article = _extract(load_fixture(name), settings)
    for sentence in body:
        assert _in_body(article, sentence), sentence
    for phrase in furniture:
        assert not _in_body(article, phrase), phrase
        assert _kind_of(article, phrase) & set(NON_BODY), phrase


@pytest.mark.parametrize(("name", "body", "furniture"), PAGES, ids=[p[0] for p in PAGES])
def test_regions_ordered_and_disjoint(settings, load_fixture, name, body, furniture):
    article = _extract(load_fixture(name), settings)
    regions = article.regions
    assert regions
    for before, after in zip(regions, regions[1:]):
        assert before.end <= after.start
    covered = {i for r in regions for i in range(r.start, r.end)}
    # every non-space character of the page is labelled
    assert all(i in covered for i, ch in enumerate(article.text) if not ch.isspace())


@pytest.mark.parametrize(
    ("name", "title", "authors", "date", "section"),
    [
        ("extract_blog_related.txt", "Why My Sourdough Finally Rose", (), "2022-03-03", ("Recipes", "Baking")),
        ("extract_news_sources.txt", "Harbour Authority Approves Dredging Plan", ("Lena Marsh",), None, ()),
        ("extract_plain.txt", None, (), None, ()),
        ("extract_byline_top.txt", "Telescope Finds Water Vapour Around a Young Star", ("Jane Okoro", "Mark Lindqvist"),
         "2023-06-02", ("Science", "Space")),
    ],
)
def test_regions_document_fields(settings, load_fixture, name, title, authors, date, section):
    doc = _extract(load_fixture(name), settings).document
    assert (doc.title, doc.authors, doc.date, doc.section) == (title, authors, date, section)


# --- single rules ------------------------------------------------------------------------------------

BODY = "The minister said the plan would be published next week, after a final review by the cabinet.\n\n"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("By Mazda Parsi", "byline"),
        ("By Jane Doe and John Roe", "byline"),
        ("Written by Ana Ferreira", "byline"),
        ("By Jane Doe | Reuters", "byline"),
        ("By Jane Doe, Staff Writer", "byline"),
        ("BY JANE DOE", "byline"),
        ("Reporting by Lena Marsh; editing by Tom Hale", "byline"),
        ("Home » World » Europe", "breadcrumb"),
        ("Home > News > Local", "breadcrumb"),
        ("Home / Politics / Elections", "breadcrumb"),
        ("Published: November 1, 2010", "dateline"),
        ("12 Nov 2019", "dateline"),
        ("Updated: Tue., Nov. 19, 2019 at 10:30 a.m.", "dateline"),
        ("2019-11-18", "dateline"),
        ("You may also like", "chrome"),
        ("Leave a Comment", "chrome"),
        ("Related posts", "chrome"),
        ("Share this", "chrome"),
        ("Follow us on Twitter", "chrome"),
        ("Subscribe to our newsletter", "chrome"),
        ("Read more: Why the plan failed", "chrome"),
        ("Tags: politics, budget", "chrome"),
        ("Posted in Politics", "chrome"),
        ("3 Comments", "chrome"),
        ("Related", "chrome"),
        ("Share", "chrome"),
        ("Copyright © 2021 The Example Ledger", "chrome"),
        ("Filed under: Politics, Budget", "chrome"),
        ("This website uses cookies to improve your experience. By continuing you accept our use of cookies.", "chrome"),
    ],
)
def test_regions_line_kinds(settings, line, kind):
    article = _extract(BODY + line + "\n\n" + BODY, settings)
    assert _kind_of(article, line) == {kind}


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, the minister said, the plan would be finished.",
        "By contrast, the opposition wants a vote before the summer.",
        "By Monday, the minister said the plan was ready.",
        "By April, prices had doubled.",
        "In May 2019 the law changed",
        "Subscribers to the council's scheme say the new charges are unfair and will drive people away from it.",
        "Home owners in the area have complained about the noise for years, residents said on Monday.",
        "1. The first reason is cost, which has tripled since the plan was announced.",
        "Recommended doses were cut in half.",
        "Subscribers say the charges are unfair.",
        "Share the load, the minister said.",
        "Sponsored by the ministry, the study found no effect.",
        "Copyright lawyers welcomed the ruling.",
        "More than half of the voters stayed home.",
    ],
)
def test_regions_body_lines_stay_body(settings, line):
    article = _extract(BODY + line + "\n\n" + BODY, settings)
    assert _kind_of(article, line) == {"body"}


@pytest.mark.parametrize(
    "notes",
    [
        "[1] Smith, J. Report. 2020.\n[2] Doe, A. Paper. 2019.",
        "1. Smith, J. \"Report.\" 2020.\n2. Doe, A. https://example.org/paper",
        "¹ Smith, J. Report, 2020.\n² Doe, A. Paper, 2019.",
        "References\nSmith, J. Report. 2020.\nDoe, A. Paper. 2019.",
        "Works Cited\n\nSmith, J. Report. 2020.\n\nDoe, A. Paper. 2019.",
    ],
)
def test_regions_references_block(settings, notes):
    text = BODY + BODY + notes + "\n\nLeave a Reply\n"
    article = _extract(text, settings)
    (refs,) = article.regions_of("references")
    block = article.text_of(refs)
    assert "Smith, J." in block and "Doe, A." in block
    assert "minister said" not in block and "Leave a Reply" not in block
    assert not _in_body(article, "Smith, J.")


def test_regions_numbered_body_list_is_not_references(settings):
    text = (
        "Three reasons explain the delay.\n\n1. The contractor went bankrupt in the spring.\n"
        "2. The design had to be changed twice.\n3. Steel prices rose sharply.\n\n" + BODY * 3
    )
    article = _extract(text, settings)
    assert article.regions_of("references") == ()
    assert _in_body(article, "The design had to be changed twice.")


def test_regions_dateline_prefix_split_from_body(settings):
    article = _extract("WASHINGTON (Reuters) - The Senate passed the bill on Tuesday by a wide margin.\n", settings)
    assert _kind_of(article, "WASHINGTON (Reuters) -") == {"dateline"}
    assert _body(article) == ["The Senate passed the bill on Tuesday by a wide margin."]


def test_regions_html_keeps_metadata_and_notes_region(settings, load_fixture):
    article = extract_regions(ingest(FIXTURES + "ingest_footnotes.html", settings), settings)
    doc = article.document
    assert doc.title == "Rivers Are Running Dry Across the Valley" and doc.authors == ("Ana Ferreira",)
    assert doc.format == "html"
    (refs,) = article.regions_of("references")
    assert article.text_of(refs).startswith("Notes\n[1] Regional Water Board")
    assert _kind_of(article, "Rivers Are Running Dry Across the Valley") == {"title"}
    assert _in_body(article, "published by the regional water board.[1]")
    assert not _in_body(article, "Annual River Flow Report")


def test_regions_keep_existing_document_fields(settings):
    document = Document(title="Metadata Title", authors=("Meta Author",), format="html")
    article = _extract("Home > A > B\n\nBy Someone Else\n\n" + BODY, settings, document)
    assert article.document.title == "Metadata Title"
    assert article.document.authors == ("Meta Author",)
    assert article.document.section == ("A", "B")


def test_regions_ingest_text_then_extract(settings):
    article = extract_regions(ingest_text("Short Title\n\n" + BODY, settings), settings)
    assert article.document.title == "Short Title"
    assert [r.kind for r in article.regions] == ["title", "body"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("November 1, 2010", "2010-11-01"),
        ("1 Nov 2010", "2010-11-01"),
        ("Sept. 3rd, 2019", "2019-09-03"),
        ("2021-06-14T08:00", "2021-06-14"),
        ("Posted in March 2020", "2020-03"),
        ("no date here", None),
    ],
)
def test_regions_iso_date(text, expected):
    assert iso_date(text) == expected


GALLERY_PAGE = """Harbour Wall Repairs Begin

Ruth Calder, AP Regional Writer

Updated

Image 1 of 6

Caption

Close

Photo: Sam Idris, AP

Back to Gallery

1 / 6

Work began on Monday to repair the harbour wall that storms breached in March, the council said.

Updated figures from the council put the cost at four million pounds, twice the first estimate.
"""


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("Ruth Calder, AP Regional Writer", "byline"),
        ("Image 1 of 6", "chrome"),
        ("Caption", "chrome"),
        ("Photo: Sam Idris, AP", "chrome"),
        ("Back to Gallery", "chrome"),
        ("1 / 6", "chrome"),
        ("Work began on Monday", "body"),
        # a sentence that starts with a furniture word stays body
        ("Updated figures from the council", "body"),
    ],
)
def test_regions_gallery_furniture_and_wire_byline(settings, phrase, kind):
    article = extract_regions(ingest_text(GALLERY_PAGE, settings), settings)
    assert _kind_of(article, phrase) == {kind}
    assert article.document.authors == ("Ruth Calder",)
