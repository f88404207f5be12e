"""tests for sourcetrace.ingest.html: trafilatura body + the footnotes it drops, markers, hyperlinks, metadata."""

from __future__ import annotations

import pytest

from sourcetrace.errors import InputError
from sourcetrace.ingest import HTML_NOTES_LABEL, ingest, ingest_text
from sourcetrace.ingest.html import find_notes, mark_note_refs, parse_html

FIXTURES = "tests/fixtures/articles/"


@pytest.fixture(scope="module")
def footnoted(settings):
    return ingest(FIXTURES + "ingest_footnotes.html", settings)


def test_html_body_and_metadata(footnoted):
    doc = footnoted.document
    assert doc.format == "html"
    assert doc.title == "Rivers Are Running Dry Across the Valley"
    assert doc.authors == ("Ana Ferreira",)
    assert doc.date == "2021-06-14"
    assert doc.site == "The Example Ledger"
    assert '"The pumps are pulling up sand."' in footnoted.text
    assert "Subscribe" not in footnoted.text  # navigation dropped by trafilatura
    assert "Drought hits olive harvest" not in footnoted.text


def test_html_sup_markers_kept_as_brackets(footnoted):
    text = footnoted.text
    assert "published by the regional water board.[1] Farmers" in text
    assert "over two decades.[2] The board's chair" in text
    assert "in an average year.[3]" in text


def test_html_footnotes_appended_as_numbered_lines(footnoted):
    text = footnoted.text
    lines = text.splitlines()
    assert '[1] Regional Water Board, "Annual River Flow Report 2021", 2 June 2021. https://example.org/flow-2021.pdf' in lines
    assert any(line.startswith("[2] Silva, R. and Costa, P.") for line in lines)
    assert any(line.startswith("[3] Valley Water Alliance") for line in lines)
    assert "↩" not in text  # backlinks dropped
    assert text.index("[1] Regional") > text.index("upper dams.")  # notes come after the body


def test_html_notes_part_marked_as_references_region(footnoted):
    (region,) = footnoted.regions
    assert region.kind == "references" and region.label == HTML_NOTES_LABEL
    part = footnoted.text_of(region)
    assert part.startswith("Notes\n[1]") and part.rstrip().endswith("March 2021.")
    assert "upper dams" not in part


def test_html_hyperlinks_point_at_anchor_text(footnoted):
    anchors = {footnoted.text_of(h): h.href for h in footnoted.hyperlinks}
    assert anchors["reservoir management plan"] == "https://example.org/reservoir-plan"
    assert anchors["Over-allocation report"] == "https://example.org/over-allocation"
    assert anchors["https://example.org/flow-2021.pdf"] == "https://example.org/flow-2021.pdf"
    assert all(not h.href.startswith("#") for h in footnoted.hyperlinks)


def test_html_references_heading_list_kept(settings):
    article = ingest(FIXTURES + "ingest_references_heading.html", settings)
    part = article.text_of(article.regions[0])
    assert part.startswith("References\n")
    assert "[1] City Parks Department. Street Tree Census 2019. https://example.org/census-2019" in part
    assert '[2] Nowak, D. and Greenfield, E. "Declining urban tree cover." Urban Forestry 2018.' in part
    assert "We replant two trees for every one we lose" in article.text[: article.regions[0].start]


def test_html_malformed_markup_still_extracted(settings):
    article = ingest(FIXTURES + "ingest_malformed.html", settings)
    assert article.document.title == "Night Trains Return to the Coast"
    assert '"People want to wake up by the sea," said a spokesperson' in article.text
    assert "losing money on every journey." in article.text
    assert article.regions == ()


@pytest.mark.parametrize(
    "markup",
    [
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
        "<html><head><title>Unclosed title<body><p>" + "swallowed by the title " * 20 + "</p></body></html>",
        "<!DOCTYPE html><html><body></body></html>",
    ],
)
def test_html_without_article_raises_no_article(settings, markup):
    with pytest.raises(InputError) as info:
        ingest_text(markup, settings, name="page.html")
    assert info.value.code == "no-article"
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("markup", "expected_text", "expected_targets"),
    [
        ('<p>Claim.<sup><a href="#fn2">2</a></sup> Next.</p>', "Claim.[2] Next.", {"fn2"}),
        ('<p>Claim<a href="#cite_note-7" class="reference">[7]</a>.</p>', "Claim[7].", {"cite_note-7"}),
        ('<p>Claim.<a class="footnote-ref" href="#footnote-3" role="doc-noteref"><sup>3</sup></a></p>', "Claim.[3]", {"footnote-3"}),
        ('<p>See <a href="#section2">2</a> below.</p>', "See 2 below.", set()),  # an in-page link, not a marker
    ],
)
def test_html_mark_note_refs(markup, expected_text, expected_targets):
    tree = parse_html(f"<html><body>{markup}</body></html>")
    targets = mark_note_refs(tree)
    assert targets == expected_targets
    assert tree.find(".//p").text_content() == expected_text


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<div role="doc-endnotes"><ol><li id="en1">First source, 2020.</li><li>Second source.</li></ol></div>',
         [("1", "First source, 2020."), ("2", "Second source.")]),
        ('<h3>Sources</h3><p>Ministry report, 2019.</p><p>Interview, May 2020.</p><h3>About</h3><p>Bio.</p>',
         [("1", "Ministry report, 2019."), ("2", "Interview, May 2020.")]),
        ('<p>Body text.</p><p id="fn4">4. A note written with its number.</p>',
         [("4", "A note written with its number.")]),
        ('<h2>Note</h2><p>Sign up for an account first.</p>', []),  # singular "Note" is not a notes heading
    ],
)
def test_html_find_notes(markup, expected):
    tree = parse_html(f"<html><body><p>{'Article body sentence. ' * 30}</p>{markup}</body></html>")
    targets = {"fn4"} if 'id="fn4"' in markup else set()
    _label, notes = find_notes(tree, targets)
    assert [(n.label, n.text) for n in notes] == expected


STORY = "".join(
    f"<p>Paragraph {i} of the story says that the committee met on Tuesday and agreed the budget "
    "for the coming year after a long debate.</p>"
    for i in range(3)
)


@pytest.mark.parametrize(
    ("markup", "body_phrase", "note_lines"),
    [
        (  # Substack-style: footnote anchors with a class, notes in div.footnote
            f"<html><body><article>{STORY}<p>A claim with a note.<a class='footnote-anchor' id='footnote-anchor-1' "
            "href='#footnote-1'>1</a> More text.</p></article><div class='footnote'><a id='footnote-1' "
            "href='#footnote-anchor-1' class='footnote-number'>1</a><div class='footnote-content'><p>Smith, J. "
            "The budget report, 2020.</p></div></div></body></html>",
            "A claim with a note.[1] More text.",
            ["[1] Smith, J. The budget report, 2020."],
        ),
        (  # the same with the note's id on its wrapper and a backlink to the marker's id: each note once
            f"<html><body><article>{STORY}<p>First.<a class='footnote-anchor' id='footnote-anchor-1' href='#footnote-1'>1</a> "
            "Second.<a class='footnote-anchor' id='footnote-anchor-2' href='#footnote-2'>2</a></p></article>"
            "<div class='footnote' id='footnote-1'><a href='#footnote-anchor-1' class='footnote-number'>1</a>"
            "<div class='footnote-content'><p>Smith, J. The budget report, 2020.</p></div></div>"
            "<div class='footnote' id='footnote-2'><a href='#footnote-anchor-2' class='footnote-number'>2</a>"
            "<div class='footnote-content'><p>Interview with the author, 3 May 2023.</p></div></div></body></html>",
            "First.[1] Second.[2]",
            ["[1] Smith, J. The budget report, 2020.", "[2] Interview with the author, 3 May 2023."],
        ),
        (  # Wikipedia-style: sup.reference markers, ol.references under a "References" heading, ^ backlinks
            f"<html><body><div id='content'>{STORY}<p>Wiki claim.<sup id='cite_ref-2' class='reference'>"
            "<a href='#cite_note-2'>[2]</a></sup> Rest.</p><h2><span>References</span></h2><ol class='references'>"
            "<li id='cite_note-1'>Roe, B. Notes on budgets.</li><li id='cite_note-2'><span><a href='#cite_ref-2'>^</a>"
            "</span> <cite>Doe, A. (2019). Title.</cite></li></ol></div></body></html>",
            "Wiki claim.[2] Rest.",
            ["[1] Roe, B. Notes on budgets.", "[2] Doe, A. (2019). Title."],
        ),
        (  # DPUB-ARIA endnotes with role attributes and no classes
            f"<html><body><main>{STORY}<p>Aria claim.<a role='doc-noteref' href='#en1'>1</a></p></main>"
            "<section role='doc-endnotes'><ol><li id='en1'>Ministry of Finance, Annual report, 2021. "
            "<a role='doc-backlink' href='#ref1'>↩</a></li></ol></section></body></html>",
            "Aria claim.[1]",
            ["[1] Ministry of Finance, Annual report, 2021."],
        ),
    ],
)
def test_html_notes_styles(settings, markup, body_phrase, note_lines):
    article = ingest_text(markup, settings, name="page.html")
    (region,) = article.regions
    body, notes = article.text[: region.start], article.text_of(region)
    assert body_phrase in body
    assert notes.splitlines()[1:] == note_lines


def test_html_xhtml_with_xml_declaration(settings):
    markup = '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>' + STORY + "</body></html>"
    article = ingest_text(markup, settings, name="page.xhtml")
    assert article.document.format == "html"
    assert "Paragraph 2 of the story says" in article.text


def test_html_plain_sup_markers_when_page_has_notes(settings):
    markup = (
        f"<html><body><article>{STORY}<p>The plot covers 40 m<sup>2</sup> of land, the survey said.<sup>1</sup> "
        "A second claim follows.<sup>2</sup> A third one cites nothing<sup>7</sup>.</p></article>"
        "<h2>Notes</h2><ol><li>Land Survey Office, 2020.</li><li>Parish records, 1901.</li></ol></body></html>"
    )
    article = ingest_text(markup, settings, name="page.html")
    assert "the survey said.[1] A second claim follows.[2]" in article.text
    assert "40 m2 of land" in article.text  # an exponent, not a marker
    assert "nothing7." in article.text  # no note 7: left alone
    assert article.text_of(article.regions[0]).splitlines()[1:] == [
        "[1] Land Survey Office, 2020.",
        "[2] Parish records, 1901.",
    ]


def _page(head: str, body: str) -> bytes:
    words = " ".join(["The river has lost a third of its flow since 2010, and farmers worry."] * 4)
    return f"<html><head><title>River</title>{head}</head><body><article><h1>River</h1><p>{words}</p>{body}</article></body></html>".encode()


def test_html_date_from_markup_never_from_a_year_in_the_text(settings):
    # "since 2010" in the text is no publication date (htmldate's extensive search made it 2010-01-01)
    assert ingest(_page("", ""), settings).document.date is None
    dated = ingest(_page('<meta property="article:published_time" content="2023-05-02T08:00:00Z">', ""), settings)
    assert dated.document.date == "2023-05-02"
    timed = ingest(_page("", '<p>Posted <time datetime="2021-03-04">4 March 2021</time>.</p>'), settings)
    assert timed.document.date == "2021-03-04"
