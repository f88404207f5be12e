from sourcetrace.model import Article, Region
from sourcetrace.references.locate import locate_references


def test_locate_uses_references_regions_from_extract():
    text = "Body.\n\nNotes\n[1] A."
    article = Article(text=text, regions=(Region(13, 19, "references", "Notes"),))
    assert locate_references(article) == [(13, 19, "Notes")]


def test_locate_trailing_numbered_notes_without_heading(load_fixture):
    text = "Body text here " * 20 + "\n\n[1] One. <\n[2] Two.\nmore of two.\n\nBy A. Writer\n\nYou may also like"
    [(start, end, _)] = locate_references(Article(text=text))
    assert text[start:end] == "[1] One. <\n[2] Two.\nmore of two."


def test_locate_ignores_numbered_list_at_the_top():
    text = "1. First point.\n2. Second point.\n\n" + "Body text here. " * 40
    assert locate_references(Article(text=text)) == []


def test_locate_list_under_heading_skips_body_list(load_fixture):
    text = load_fixture("refs_notes_dot.txt")
    [(start, end, heading)] = locate_references(Article(text=text))
    assert heading == "Notes"
    assert text[start:end].startswith("1. Brennan") and text[start:end].endswith("who-pays…")


def test_locate_unnumbered_under_heading_stops_at_chrome(load_fixture):
    text = load_fixture("refs_unnumbered.txt") + "\nYou may also like\nOther story"
    chrome = text.index("You may also like")
    [(start, end, heading)] = locate_references(Article(text=text, regions=(Region(chrome, len(text), "chrome"),)))
    assert heading == "Sources" and text[start:end].startswith("Marsh") and text[start:end].endswith("fieldnotes.example/river.")


def test_locate_region_heading_is_not_an_entry():
    text = "Body.\n\nSources\nMarsh, D. Four Tonnes. 2022."
    start = text.index("Sources")
    [(s, e, heading)] = locate_references(Article(text=text, regions=(Region(start, len(text), "references"),)))
    assert (text[s:e], heading) == ("Marsh, D. Four Tonnes. 2022.", "Sources")


def test_locate_skips_a_listicle_numbering_its_sections():
    # a blog post numbers its section headings "1." / "2." in the back half: no citation in sight
    prose = "This is a paragraph of the post that says something useful about the topic at hand.\n\n"
    text = prose * 6 + "1. Start small\n\n" + prose * 2 + "2. Ask for help\n\n" + prose * 2 + "3. Keep going\n\n" + prose
    assert locate_references(Article(text=text)) == []


def test_locate_takes_plain_numbered_notes_with_citation_evidence():
    prose = "This is a paragraph of the post that says something useful about the topic at hand.\n\n"
    notes = "1. Lee, A. Four Rivers. Boston: Hale, 2019.\n2. Marsh, D. \"Dry Years.\" The Ledger, 12 May 2021."
    text = prose * 6 + notes
    [(start, end, _)] = locate_references(Article(text=text))
    assert text[start:end] == notes
