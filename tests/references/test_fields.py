import pytest

from sourcetrace.model import Author
from sourcetrace.references.anystyle import parse_anystyle_xml, to_anystyle_xml
from sourcetrace.references.fields import clean, normalise, parse_authors, parse_date, parse_reference


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("22 September 2010.", "2010-09-22"),
        ("Web. 1 Nov 2010.", "2010-11-01"),
        ("(2011, May 3).", "2011-05-03"),
        ("Sept. 9, 2014,", "2014-09-09"),
        ("[cited 2007 Nov 4].", "2007-11-04"),
        ("Retrieved 2010-08-07.", "2010-08-07"),
        ("Nov 1992.", "1992-11"),
        ("(1999).", "1999"),
        ("Accessed: 05 May 2005", "2005-05-05"),
        ("n.d.", None),
    ],
)
def test_fields_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Disney, Patrick.", [("Disney", "Patrick")]),
        # outlets and public bodies as fact-checkers list them are one organisation, not people
        ("Customs and Border Protection,", [("Customs and Border Protection", "")]),
        ("Orange County Register,", [("Orange County Register", "")]),
        ("The Intelligencer/Wheeling News-Register,", [("The Intelligencer/Wheeling News-Register", "")]),
        ("Heath Ledger", [("Ledger", "Heath")]),
        ("Halloran, Ruth, and Omar Haddad.", [("Halloran", "Ruth"), ("Haddad", "Omar")]),
        ("Romero, C., Paunesku, D., & Dweck, C.", [("Romero", "C."), ("Paunesku", "D."), ("Dweck", "C.")]),
        ("Lee, L. L., W. E. Howard, and R. E. Marsh.", [("Lee", "L. L."), ("Howard", "W. E."), ("Marsh", "R. E.")]),
        ("Pérez-Higueras JJ, Arias A.", [("Pérez-Higueras", "JJ"), ("Arias", "A")]),
        ("Nora Abedin,", [("Abedin", "Nora")]),
        ("Ruth van der Berg", [("van der Berg", "Ruth")]),
        ("Quispe, Sofia, et al.", [("Quispe", "Sofia")]),
        ("Human Rights Watch.", [("Human Rights Watch", "")]),
        ("@lbrennan (Laura Brennan).", [("Brennan", "Laura")]),
    ],
)
def test_fields_parse_authors(text, expected):
    assert parse_authors(text) == tuple(Author(f, g) for f, g in expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [('"The Middle East Channel."', "The Middle East Channel"), ("*Foreign Policy*.", "Foreign Policy"),
     ("*Newsweek *", "Newsweek"), ("“Saddam’s Iranian Allies”", "Saddam’s Iranian Allies"), ("‘Title’,", "Title")],
)
def test_fields_clean_strips_quotes_and_italics(text, expected):
    assert clean(text) == expected


def test_fields_normalise_volume_issue_pages_and_type():
    fields = normalise([("author", "Lindqvist, I."), ("date", "(2017)."), ("title", "Water and war."),
                        ("journal", "*Current History*,"), ("volume", "96(4),"), ("pages", "pp. 88–97.")])
    assert (fields.volume, fields.issue, fields.pages, fields.type) == ("96", "4", "88–97", "article-journal")


def test_fields_normalise_without_a_title_names_the_work_by_its_container_run():
    fields = normalise([("author", "Katzman, Kenneth."), ("genre", "Report,"),
                        ("container-title", "Research Service. The Coastal Survey."),
                        ("publisher", "Library of Congress."), ("date", "Nov 1992.")])
    assert (fields.title, fields.container, fields.publisher) == ("Research Service. The Coastal Survey", None,
                                                                  "Library of Congress")
    journal = normalise([("author", "Lindqvist, I."), ("journal", "*Current History*,"), ("volume", "96(4).")])
    assert (journal.title, journal.container) == (None, "Current History")


def test_fields_type_of_a_journal_article_with_a_doi_link():
    segments = [("author", "Park, I."), ("title", "Flow."), ("journal", "Journal of Hydrology,"), ("volume", "598,")]
    with_doi = segments + [("url", "https://doi.org/10.1016/j.jhydrol.2021.126140")]
    doi = normalise(with_doi, " ".join(t for _, t in with_doi))
    assert (doi.type, doi.doi) == ("article-journal", "10.1016/j.jhydrol.2021.126140")
    assert normalise(segments + [("url", "https://www.hydro.example/flow")]).type == "article-newspaper"


@pytest.mark.parametrize(
    ("segments", "kind"),
    [
        ([("medium", "Email exchange with"), ("author", "Kwame Asante,"), ("date", "Sept. 3, 2020")], "interview"),
        ([("medium", "Phone call with"), ("author", "Ada Okonkwo,"), ("date", "Feb. 2, 2020")], "interview"),
        ([("author", "Sen. Mara Delgado,"), ("genre", "tweet,"), ("date", "June 9, 2021")], "post"),
        ([("author", "Mayor Colette Brandt,"), ("genre", "Facebook post,"), ("date", "April 22, 2020")], "post"),
        # a press release is neither; a post office in a title is no post
        ([("genre", "Press release,"), ("author", "Office of Rep. Harlan Pike,"), ("title", '"Pike bill,"')], None),
        ([("author", "Lee, A."), ("title", "The Post Office."), ("publisher", "Hale,"), ("date", "2001.")], "book"),
    ],
)
def test_fields_type_of_fact_check_sources(segments, kind):
    assert normalise(segments).type == kind


@pytest.mark.parametrize(
    ("text", "medium", "author", "note"),
    [
        ("Email interview with Ines Park, hydrologist at the Valley Water Board, March 2, 2021",
         "Email interview with", "Ines Park,", "hydrologist at the Valley Water Board,"),
        ("[4] Phone call with Sgt. Owen Pryce, public information officer, Dec. 6, 2022",
         "Phone call with", "Sgt. Owen Pryce,", "public information officer,"),
        ("Emails with Dr. Lena de Vries, Jan. 9, 2020", "Emails with", "Dr. Lena de Vries,", None),
        ("[3] Phone call with Dr. Ann Lee", "Phone call with", "Dr. Ann Lee", None),  # the name ends the string
    ],
)
def test_fields_interview_with_a_named_person(text, medium, author, note):
    fields, segments = parse_reference(text)
    by_tag = {t: x.strip() for t, x in segments}
    assert (by_tag.get("medium"), by_tag.get("author"), by_tag.get("note")) == (medium, author, note)
    assert fields.type == "interview" and (fields.date is not None or not text[-1].isdigit())


def test_fields_interview_with_needs_a_name_and_comma():
    # a title that starts like the phrase is left to the model
    _, segments = parse_reference("Interview with the Vampire. New York: Knopf, 1976.")
    assert "medium" not in [t for t, _ in segments]


@pytest.mark.parametrize(
    ("author", "container", "authors"),
    [
        # an outlet named first (fact-checkers' source lists) is the story's container, not its author
        ("Calder Daily Ledger,", "Calder Daily Ledger", ()),
        ("The Orange County Register,", "The Orange County Register", ()),
        # an organisation that is no outlet, a one-word name, and a person stay authors
        ("Congressional Budget Office,", None, (Author("Congressional Budget Office"),)),
        ("Reuters,", None, (Author("Reuters"),)),
        ("Ledger, Heath.", None, (Author("Ledger", "Heath"),)),
    ],
)
def test_fields_outlet_named_first_is_the_container(author, container, authors):
    fields = normalise([("author", author), ("title", '"Steel tariffs and what they cost,"'), ("date", "March 3, 2021")])
    assert (fields.container, fields.authors) == (container, authors)
    assert fields.type == ("article-newspaper" if container else None)


# Whole strings through the committed model; these are not in the training data.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Brennan, Laura. "Sea Wall Plan Revived." *Harbour Gazette*, 3 March 2009. Web. 5 Apr. 2009. <',
            {"authors": (Author("Brennan", "Laura"),), "title": "Sea Wall Plan Revived", "container": "Harbour Gazette",
             "date": "2009-03-03", "accessed": "2009-04-05", "medium": "Web"},
        ),
        (
            "Reyes, T. (2021, June 15). Council backs wall. *Coastal Times*. Retrieved from https://www.coastaltimes.example/news/wall",
            {"authors": (Author("Reyes", "T."),), "title": "Council backs wall", "container": "Coastal Times", "date": "2021-06-15"},
        ),
        (
            'Okafor, Kwame. "Who pays for the sea?" *The Shoreline*, 20 June 2021, www.shoreline.example/opinion/who-pays. Accessed 22 June 2021.',
            {"authors": (Author("Okafor", "Kwame"),), "container": "The Shoreline", "date": "2021-06-20", "accessed": "2021-06-22"},
        ),
        (
            'Marsh, Daniel. "Four Tonnes Later." The Valley Courier, 2 May 2022.',
            {"authors": (Author("Marsh", "Daniel"),), "title": "Four Tonnes Later", "date": "2022-05-02"},
        ),
    ],
)
def test_fields_parse_reference(text, expected):
    fields, segments = parse_reference(text)
    assert {k: getattr(fields, k) for k in expected} == expected
    assert "".join(t for _, t in segments).replace(" ", "") == text.replace(" ", "")


def test_fields_anystyle_xml_round_trip():
    sequences = [[("author", "Smith, J. & Co"), ("date", "(2001)."), ("title", "A <b> title.")], [("url", "<")]]
    assert parse_anystyle_xml(to_anystyle_xml(sequences)) == sequences


def test_fields_xml_is_scored_by_the_shared_scorer(shared_dir, tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_references", shared_dir / "eval/score_references.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    text = 'Disney, Patrick. "A Title." *Some Outlet*. 22 September 2010. Web. 1 Nov 2010. <'
    path = tmp_path / "p.xml"
    path.write_text(to_anystyle_xml([parse_reference(text)[1]]), "utf-8")
    assert scorer.raw_text(scorer.read_dataset(path)[0]) == text


@pytest.mark.parametrize("content", [None, b"not a model"])
def test_fields_bad_model_raises_model_error(tmp_path, content):
    from sourcetrace.errors import ModelError

    path = tmp_path / "references.crfsuite"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ModelError):
        parse_reference("Smith, J. A title. 2020.", path)


def test_fields_committed_model_is_small():
    from sourcetrace.references.fields import model_path

    assert model_path().stat().st_size < 5_000_000


_THREAD_REFS = [
    'Brennan, Laura. "Sea Wall Plan Revived." *Harbour Gazette*, 3 March 2009. Web. 5 Apr. 2009.',
    "Reyes, T. (2021, June 15). Council backs wall. *Coastal Times*. Retrieved from https://www.coastaltimes.example/news/wall",
    "Lindqvist I, Moreau P. Water and war. Curr Hist. 2017;96(4):88-97.",
    "Okafor, K. 2019. Tides. London: Harbour Press.",
    "Marsh, D.",
    "Quispe, Sofia, Ana Torres, and Li Wei. “Mapping the Coast.” In *Shorelines*, edited by R. Hale, 12–40. Lima: Andes, 2015.",
]


def test_fields_parse_reference_is_thread_safe():
    """Four threads parsing at once get exactly what one thread gets (a shared Tagger did not)."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    work = _THREAD_REFS * 60
    serial = [parse_reference(t)[1] for t in work]
    barrier = threading.Barrier(4)

    def run(offset: int) -> list:
        barrier.wait()  # start together so the taggers are used concurrently
        order = work[offset:] + work[:offset]  # different strings at the same moment in each thread
        got = [parse_reference(t)[1] for t in order]
        return got[len(work) - offset:] + got[: len(work) - offset]

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(run, range(4)))
    for got in results:
        assert got == serial


def test_fields_tagger_is_per_thread():
    """A pycrfsuite.Tagger holds the sequence being tagged, so no two threads may share one."""
    import threading

    from sourcetrace.references.fields import _tagger, model_path

    path = str(model_path())
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(_tagger(path))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(t) for t in seen}) == 4
    assert _tagger(path) is _tagger(path)  # but one thread keeps its own


def _joined(tagged: list[tuple[str, str]]) -> tuple[str, list[tuple[str, int, int]]]:
    """The reference string that space-joins `tagged` values, and each value's (tag, start, end)."""
    text, spans = "", []
    for tag, value in tagged:
        start = len(text) + (1 if text else 0)
        text = f"{text} {value}" if text else value
        spans.append((tag, start, len(text)))
    return text, spans


def _after_rule(rule, tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(tag, text) of each segment after a segment rule of fields.py runs on the string `tagged` joins."""
    text, spans = _joined(tagged)
    return [(t, text[s:e]) for t, s, e in rule(text, spans)]


def _assert_rule(rule, tagged: list[tuple[str, str]], expected: list[tuple[str, str]] | None) -> None:
    """The segments after `rule` are `expected`, or `tagged` unchanged when expected is None."""
    assert _after_rule(rule, tagged) == (tagged if expected is None else expected)


def _segment_pairs(text: str) -> list[tuple[str, str]]:
    """(tag, stripped text) of each segment parse_reference gives `text`."""
    return [(t, x.strip()) for t, x in parse_reference(text)[1]]


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        (  # the outlet's italics close before the publisher: split there
            [("journal", "*Harbour Review*. Coastline Media"), ("publisher", "Group,"), ("date", "3 May 2019.")],
            [("journal", "*Harbour Review*."), ("publisher", "Coastline Media Group,"), ("date", "3 May 2019.")],
        ),
        (  # nothing after the closing marker: unchanged
            [("journal", "*Harbour Review*."), ("publisher", "Coastline Media Group,"), ("date", "3 May 2019.")],
            [("journal", "*Harbour Review*."), ("publisher", "Coastline Media Group,"), ("date", "3 May 2019.")],
        ),
        (  # no publisher follows: unchanged
            [("journal", "*Harbour Review*. Coastline Media,"), ("date", "3 May 2019.")],
            [("journal", "*Harbour Review*. Coastline Media,"), ("date", "3 May 2019.")],
        ),
        (  # not in italics markers: unchanged
            [("journal", "Harbour Review. Coastline Media"), ("publisher", "Group,")],
            [("journal", "Harbour Review. Coastline Media"), ("publisher", "Group,")],
        ),
    ],
)
def test_fields_split_italic_container(tagged, expected):
    from sourcetrace.references.fields import _split_italic_container

    assert _after_rule(_split_italic_container, tagged) == expected


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        (  # one complete inverted name, then something that is no name: the author ends at the name
            [("author", "Quispe, Sofia. Regional Water Board Report, Andes Office."), ("title", "Dry Years.")],
            [("author", "Quispe, Sofia."), ("title", "Regional Water Board Report, Andes Office. Dry Years.")],
        ),
        (  # the list goes on: unchanged
            [("author", "Quispe, Sofia. and Li Wei."), ("title", "Dry Years.")],
            [("author", "Quispe, Sofia. and Li Wei."), ("title", "Dry Years.")],
        ),
        (  # "Family, Given." alone: unchanged
            [("author", "Quispe, Sofia."), ("title", "Dry Years.")],
            [("author", "Quispe, Sofia."), ("title", "Dry Years.")],
        ),
        (  # "Family, Given I." is complete too, and a capitalised word with a comma is no next name
            [("author", "Quispe, Sofia R. Andes,"), ("title", "a Valley Without Water.")],
            [("author", "Quispe, Sofia R."), ("title", "Andes, a Valley Without Water.")],
        ),
        (  # another "Family, Given" goes on with the list: unchanged
            [("author", "Quispe, Sofia R. Okafor, Ngozi."), ("title", "Dry Years.")],
            [("author", "Quispe, Sofia R. Okafor, Ngozi."), ("title", "Dry Years.")],
        ),
    ],
)
def test_fields_trim_lead_author(tagged, expected):
    from sourcetrace.references.fields import _trim_lead_author

    assert _after_rule(_trim_lead_author, tagged) == expected


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        (  # a second title after an "In ..." editor is the book the chapter is in
            [("title", "Tidal notes."), ("editor", "In P. Varga (Ed.)"), ("title", "Coastal Studies."),
             ("publisher", "Brill.")],
            [("title", "Tidal notes."), ("editor", "In P. Varga (Ed.)"), ("container-title", "Coastal Studies."),
             ("publisher", "Brill.")],
        ),
        (  # a second title opening with "in"
            [("title", "Tidal notes,"), ("date", "(2011)"), ("title", "in Coastal Studies,"), ("pages", "pp. 3-9.")],
            [("title", "Tidal notes,"), ("date", "(2011)"), ("container-title", "in Coastal Studies,"),
             ("pages", "pp. 3-9.")],
        ),
        (  # the first title is the work's own, even when it opens with "In"
            [("author", "Varga, P."), ("title", "In the Tidal Zone."), ("publisher", "Brill.")],
            [("author", "Varga, P."), ("title", "In the Tidal Zone."), ("publisher", "Brill.")],
        ),
        (  # a second title with no "In": left to the model
            [("title", "Tidal notes."), ("date", "1984."), ("title", "Coastal Studies.")],
            [("title", "Tidal notes."), ("date", "1984."), ("title", "Coastal Studies.")],
        ),
        (  # an editor without "In" before it: left to the model
            [("title", "Tidal notes."), ("editor", "Ed. P. Varga."), ("title", "Coastal Studies.")],
            [("title", "Tidal notes."), ("editor", "Ed. P. Varga."), ("title", "Coastal Studies.")],
        ),
        (  # a second title right before a volume is the periodical; a meeting's, the container
            [("title", "Tidal notes."), ("date", "1997."), ("title", "Coastal Review,"), ("volume", "54(3):")],
            [("title", "Tidal notes."), ("date", "1997."), ("journal", "Coastal Review,"), ("volume", "54(3):")],
        ),
        (
            [("title", "Tidal notes."), ("title", "Proc. Tide Symposium,"), ("pages", "pp. 3-9.")],
            [("title", "Tidal notes."), ("container-title", "Proc. Tide Symposium,"), ("pages", "pp. 3-9.")],
        ),
        (  # a note chaining works with ";": the next work's title, left alone
            [("title", "*Tidal notes*,"), ("date", "(2022),"), ("title", "9; and Varga Ltd, annual report,"),
             ("pages", "p. 88.")],
            [("title", "*Tidal notes*,"), ("date", "(2022),"), ("title", "9; and Varga Ltd, annual report,"),
             ("pages", "p. 88.")],
        ),
        (  # the "In ..." editor need not stand right before it; a container split off before joins it
            [("title", "Tidal notes,"), ("editor", "in P. Varga, Editor"), ("date", "(1995)."),
             ("container-title", "Coasts,"), ("title", "Tides and Ports."), ("publisher", "Brill.")],
            [("title", "Tidal notes,"), ("editor", "in P. Varga, Editor"), ("date", "(1995)."),
             ("container-title", "Coasts,"), ("container-title", "Tides and Ports."), ("publisher", "Brill.")],
        ),
    ],
)
def test_fields_later_title_after_in_is_the_container(tagged, expected):
    from sourcetrace.references.fields import _later_title_as_container

    assert _after_rule(_later_title_as_container, tagged) == expected


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        (  # editors, then a container, and no title: the edited book is the title
            [("editor", "Varga, Petra, and Li Wei, eds."), ("container-title", "Atlas of Tides."),
             ("publisher", "Brill,"), ("date", "1996.")],
            [("editor", "Varga, Petra, and Li Wei, eds."), ("title", "Atlas of Tides."),
             ("publisher", "Brill,"), ("date", "1996.")],
        ),
        (  # a meeting's proceedings stay the container
            [("editor", "Varga, Petra, editor."), ("container-title", "Proc. Third Workshop on Tides."),
             ("date", "1996.")],
            [("editor", "Varga, Petra, editor."), ("container-title", "Proc. Third Workshop on Tides."),
             ("date", "1996.")],
        ),
        (  # a title already: unchanged
            [("title", "Tidal notes."), ("editor", "In P. Varga (Ed.)"), ("container-title", "Atlas of Tides.")],
            [("title", "Tidal notes."), ("editor", "In P. Varga (Ed.)"), ("container-title", "Atlas of Tides.")],
        ),
    ],
)
def test_fields_edited_book_without_title_is_the_title(tagged, expected):
    from sourcetrace.references.fields import _edited_book_title

    assert _after_rule(_edited_book_title, tagged) == expected


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        (  # the container ends on an initial and the next segment is only the rest of the name
            [("container-title", "In The Collected Stories of J."), ("publisher", "G. Varga."),
             ("location", "New York:"), ("publisher", "Holt,")],
            [("container-title", "In The Collected Stories of J. G. Varga."), ("location", "New York:"),
             ("publisher", "Holt,")],
        ),
        (  # more than a name after the initial: left alone
            [("title", "Tides, by J."), ("publisher", "G. Varga Press,"), ("date", "1995.")],
            [("title", "Tides, by J."), ("publisher", "G. Varga Press,"), ("date", "1995.")],
        ),
    ],
)
def test_fields_name_cut_at_an_initial_rejoins_the_title(tagged, expected):
    from sourcetrace.references.fields import _name_cut_at_initial

    assert _after_rule(_name_cut_at_initial, tagged) == expected


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        (  # "Family, I." and then words no list of names holds ("across"): the title had begun
            [("author", "Varga, B. Tides and Coastal Towns across Europe,"), ("date", "2012.")],
            [("author", "Varga, B."), ("title", "Tides and Coastal Towns across Europe,"), ("date", "2012.")],
        ),
        (  # the rest joins a title that follows
            [("author", "Varga, Petra. Tides in the"), ("title", "North Sea."), ("date", "2012.")],
            [("author", "Varga, Petra."), ("title", "Tides in the North Sea."), ("date", "2012.")],
        ),
        (  # a list of names: "and", "et", particles, initials and "et al." are no title
            [("author", "Varga, B. and van der Berg, K."), ("date", "2012.")],
            [("author", "Varga, B. and van der Berg, K."), ("date", "2012.")],
        ),
        (
            [("author", "Varga, B. Okafor, N. et al."), ("date", "2012.")],
            [("author", "Varga, B. Okafor, N. et al."), ("date", "2012.")],
        ),
        (  # the initials go on after a comma: not a complete name yet
            [("author", "Varga, P. R., Okafor, N., Comment on"), ("title", "Tides."), ("date", "2012.")],
            [("author", "Varga, P. R., Okafor, N., Comment on"), ("title", "Tides."), ("date", "2012.")],
        ),
    ],
)
def test_fields_author_running_into_the_title_is_cut(tagged, expected):
    from sourcetrace.references.fields import _author_runs_into_title

    assert _after_rule(_author_runs_into_title, tagged) == expected


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        (  # the last word of a name left before the quoted title goes back to the authors
            [("author", "P. Varga and J. H."), ("title", 'Chern "Tidal Notes," Coasts,'), ("date", "1993.")],
            [("author", "P. Varga and J. H. Chern"), ("title", '"Tidal Notes," Coasts,'), ("date", "1993.")],
        ),
        (  # a word broken at a line end, and French quotes
            [("author", "R."), ("title", "Vrijen- hoek, « Tides », Coasts,")],
            [("author", "R. Vrijen- hoek,"), ("title", "« Tides », Coasts,")],
        ),
        (  # a lower-case word before the quote is the title's own ('Review of "..."'): unchanged
            [("author", "Varga, P."), ("title", 'Review of "Tides",'), ("date", "1993.")],
            [("author", "Varga, P."), ("title", 'Review of "Tides",'), ("date", "1993.")],
        ),
    ],
)
def test_fields_name_before_quoted_title_ends_the_authors(tagged, expected):
    from sourcetrace.references.fields import _name_before_quote

    assert _after_rule(_name_before_quote, tagged) == expected


@pytest.mark.parametrize(
    ("title", "periodical"),
    [
        ("“Tidal notes,”", "Coastal Review,"),
        ("``Tidal notes,''", "Coastal Review,"),  # TeX's quotes
        ("« Tidal notes »,", "Coastal Review,"),
    ],
)
def test_fields_quoted_title_ends_at_its_closing_mark(title, periodical):
    from sourcetrace.references.fields import _split_quoted_title

    tagged = [("author", "P. Varga,"), ("title", f"{title} {periodical}"), ("date", "2007.")]
    assert _after_rule(_split_quoted_title, tagged) == [
        ("author", "P. Varga,"), ("title", title), ("journal", periodical), ("date", "2007.")]


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        (  # no container: the title runs on with ", in <the book>"
            [("author", "Henry Varga,"), ("title", "The Tides, in Novels, 1871–1880"), ("date", "1983.")],
            [("author", "Henry Varga,"), ("title", "The Tides,"), ("container-title", "in Novels, 1871–1880"),
             ("date", "1983.")],
        ),
        (  # after a closing quote
            [("title", "« Tides » in Œuvres II,"), ("date", "2000.")],
            [("title", "« Tides »"), ("container-title", "in Œuvres II,"), ("date", "2000.")],
        ),
        (  # "in" inside a title, no comma or quote before it: unchanged
            [("title", "Democracy in America."), ("date", "1835.")],
            [("title", "Democracy in America."), ("date", "1835.")],
        ),
        (  # a container already: unchanged
            [("title", "The Tides, in Novels"), ("journal", "Coasts"), ("date", "1983.")],
            [("title", "The Tides, in Novels"), ("journal", "Coasts"), ("date", "1983.")],
        ),
    ],
)
def test_fields_title_running_on_with_in_is_split(tagged, expected):
    from sourcetrace.references.fields import _title_then_in

    assert _after_rule(_title_then_in, tagged) == expected


def test_fields_lexicon_built_from_tagged_data_only():
    """The lexicon behind the CRF's lex= features: a class needs 2 occurrences and half the word's uses."""
    from sourcetrace.references.features import build_lexicon

    seqs = [
        [("author", "Okafor, Kwame."), ("location", "Lagos:"), ("publisher", "Harbour Press,")],
        [("author", "Okafor, Ada."), ("location", "Lagos:"), ("publisher", "Harbour Press,"), ("title", "Okafor Rising.")],
        [("title", "Press Freedom."), ("publisher", "Tide Press.")],
    ]
    lexicon = build_lexicon(seqs)
    assert lexicon["okafor"] == ["name"]  # 2 of 3 uses tagged author
    assert lexicon["lagos"] == ["place"]
    assert lexicon["press"] == ["pub"]  # 3 of 4 uses tagged publisher
    assert "kwame" not in lexicon and "harbour" in lexicon and "freedom" not in lexicon


@pytest.mark.parametrize(
    ("text", "segment", "tag"),
    [
        ('U.S. Hydrology Office. "Flood Maps." Accessed 3 Oct. 2022. https://hydro.example.gov/maps', "Accessed 3 Oct. 2022.", "accessed"),
        ("Mills, K. (2010). Dry wells. *Plains Daily*. Retrieved January 15, 2010, from http://plains.example/wells",
         "Retrieved January 15, 2010, from", "accessed"),
        ("Ruiz A. Dry wells. Plains Daily [Internet]. 2010 Jan 2 [cited 2010 Feb 3]. Available from: http://plains.example/w",
         "[cited 2010 Feb 3].", "accessed"),
        ("Brandt, S. (2022). River waste survey [Data set]. Riverton Water Board. https://water.example/d", "[Data set].", "genre"),
        ("Moss, H. [@hmoss]. (2021, May 9). Queues around the block [Tweet]. Twitter. https://twitter.com/hmoss/status/1",
         "[Tweet].", "genre"),
        ('Harbour Board. "New Berths Open." Press release, 12 April 2021.', "Press release,", "genre"),
        ("Okoro, C. (2018). *Credit and small traders* (Working Paper No. 12). Market Institute.", "(Working Paper No. 12).", "genre"),
        ("Rossi, Giulia. Interview by Tom Everett. *Alpine Weekly*, 14 Feb. 2020.", "Interview by Tom Everett.", "medium"),
    ],
)
def test_fields_fixed_phrases_get_their_tag(text, segment, tag):
    assert (tag, segment) in _segment_pairs(text)


@pytest.mark.parametrize(
    ("text", "segment", "tag"),
    [
        # Wikipedia's marks: "(PDF)" is the medium; an archive notice and "– via" are notes, not access dates
        ('"Harbour Levy Review" (PDF). Oxmere Port Board. 2017. Retrieved 2 May 2018.', "(PDF).", "medium"),
        ('Dale, Ana (3 June 2015). "Pier reopens". *Oxmere Mail*. Archived from the original on 2015-06-09. '
         "Retrieved 2020-02-01.", "Archived from the original on 2015-06-09.", "note"),
        ('"Pier reopens". *Oxmere Mail*. 3 June 1988. p. 2. Retrieved 4 May 2016 – via NewsVault.', "– via NewsVault.", "note"),
        # the {{webarchive}} notice: the snapshot's date is no date of the work
        ('"Pier reopens". *Oxmere Mail*. 3 June 1988. Archived 2016-05-04 at the Wayback Machine. Retrieved 4 May 2016.',
         "Archived 2016-05-04 at the Wayback Machine.", "note"),
        ('"Tide Tables." Oxmere Port Board. Archived March 2, 2019, at the Wayback Machine. https://archive.example/web/1',
         "Archived March 2, 2019, at the Wayback Machine.", "note"),
        # words between italics markers are one field, an abbreviation's period inside them no boundary
        ("Brief for Appellant at 9, *Dale v. Oxmere Cnty. Hous. Auth.*, No. 21-114 (4th Cir. filed Jan. 3, 2022).",
         "*Dale v. Oxmere Cnty. Hous. Auth.*,", "title"),
        # APA 7 descriptions made up by the writer, versions, episodes
        ("Pell, R. (2020). *Salt marsh transects* (Version 3) [Data set]. Oxmere Field Station.", "(Version 3)", "edition"),
        ("Pell, R. (2021, May 2). Who dredges the harbour? (No. 41) [Audio podcast episode]. In *Low Water*. Reedcast.",
         "[Audio podcast episode].", "genre"),
        ("Pell, R. (2021, May 2). Who dredges the harbour? (No. 41) [Audio podcast episode]. In *Low Water*. Reedcast.",
         "(No. 41)", "volume"),
        ("Okafor, B. (2022). *Ferry subsidies compared* (Policy Brief No. 7). Oxmere Institute.", "(Policy Brief No. 7).", "genre"),
        ("Pell, R. (2019). *Harbour water temperatures* [Preprint]. Tidal Archive.", "[Preprint].", "genre"),
        # Chicago: "last modified" / "posted" are notes; the date after them stays the work's
        ('Ana Dale, "Why Piers Rot," *Salt Notes* (blog), last modified June 2, 2020, https://saltnotes.example/piers.',
         "last modified", "note"),
        ('Ana Dale, "Why Piers Rot," *Salt Notes* (blog), last modified June 2, 2020, https://saltnotes.example/piers.',
         "*Salt Notes* (blog),", "container-title"),
        # Vancouver: the update and the citation date are one access phrase
        ("Oxmere Port Board. Tide tables [Internet]. Oxmere: OPB; 2019 [updated 2021 Mar 3; cited 2021 Apr 1]. "
         "Available from: https://opb.example/tides", "[updated 2021 Mar 3; cited 2021 Apr 1].", "accessed"),
        ("Lo, W. (2018) 'Terns return', *Marsh Diary* [blog], 3 May. Available at: https://md.example/terns",
         "*Marsh Diary* [blog],", "container-title"),
        ('Ana Dale, host, "The Lost Jetty," *Low Tide* (podcast), episode 4, Reedcast, May 2, 2022, https://lt.example/4.',
         "episode 4,", "volume"),
        ('Dale, Ana. "Ferry Fares Rise." *The Oxmere Courier*, late ed., 4 Feb. 2019, p. B3.', "late ed.,", "edition"),
        ("Oxmere Coastguard [@oxcg]. (2023, May 5). *Rip currents explained* [Video]. TikTok. https://www.tiktok.com/@oxcg/video/1",
         "TikTok.", "container-title"),
        # a film's makers by role, as core.xml tags them
        ("Lund, A., Ware, B. (Producers), & Holm, C. (Director). (2011). *Low tide* [Motion picture]. Oxmere: Reel Co.",
         "Lund, A., Ware, B. (Producers),", "producer"),
        ("Lund, A., Ware, B. (Producers), & Holm, C. (Director). (2011). *Low tide* [Motion picture]. Oxmere: Reel Co.",
         "& Holm, C. (Director).", "director"),
        # a doi.org link is the DOI (core.xml keeps the older dx.doi.org links as urls)
        ("Dale, A. (2020). Pier loads. *Coastal Works*, 3(2), 1-9. https://doi.org/10.5555/cw.2020.3", "https://doi.org/10.5555/cw.2020.3", "doi"),
    ],
)
def test_fields_web_marks_get_their_tag(text, segment, tag):
    assert (tag, segment) in _segment_pairs(text)


@pytest.mark.parametrize(
    ("tokens", "tags", "expected"),
    [
        # Wikipedia's back-link, alone or with its letters, is the citation number; a caret later is not
        (["^", "Dale,", "Ana", "(2019)."], ["author"] * 4, ["citation-number", "author", "author", "author"]),
        (["^", "a", "b", '"Report".'], ["author", "author", "title", "title"], ["citation-number"] * 3 + ["title"]),
        (["^4", "Ibid.,", "12."], ["note", "note", "pages"], ["citation-number", "note", "pages"]),
        (["Dale,", "^", "a"], ["author"] * 3, ["author"] * 3),
    ],
)
def test_fields_caret_back_link_is_the_citation_number(tokens, tags, expected):
    from sourcetrace.references.fields import _caret_number

    _caret_number(tokens, tags)
    assert tags == expected


@pytest.mark.parametrize(
    ("tokens", "tags", "expected"),
    [
        # a time of day after the date, with its zone, joins the date
        (["post,", "4", "Sept.", "2022,", "06:41", "local", "time."], ["genre"] + ["date"] * 3 + ["note"] * 3,
         ["genre"] + ["date"] * 6),
        (["2022,", "06:41", "(Moscow", "time),", "https://t.me/x"], ["date", "note", "note", "note", "url"],
         ["date"] * 4 + ["url"]),
        # ... and before it, not past the comma that ends it
        (['high,"', "7:42", "a.m.", "ET,", "Nov.", "3,", "2021"], ["title"] + ["note"] * 3 + ["date"] * 3,
         ["title"] + ["date"] * 6),
        # a place in a recording is no time of day; a time with no date next to it is left alone
        (["2022,", "31:15–34:02,", "url"], ["date", "note", "url"], ["date", "note", "url"]),
        (["at", "4:12", "–", "via"], ["note"] * 4, ["note"] * 4),
    ],
)
def test_fields_clock_time_joins_its_date(tokens, tags, expected):
    from sourcetrace.references.fields import _clock_into_date

    _clock_into_date(tokens, tags)
    assert tags == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Bernardi, Chiara. “Il porto che nessuno voleva” [The port nobody wanted]. *Il Corriere di Lunetta*, "
         "12 maggio 2020, p. 15.", "“Il porto che nessuno voleva” [The port nobody wanted]."),
        ("El Heraldo del Valle, 5 May 2021, «La mina que nadie quiso cerrar» (The mine nobody wanted to close), "
         "p. 12.", "«La mina que nadie quiso cerrar» (The mine nobody wanted to close),"),
    ],
)
def test_fields_translation_after_a_quoted_title_is_title(text, title):
    assert ("title", title) in _segment_pairs(text)


def _tagged_tokens(tagged):
    tokens, tags = [], []
    for tag, text in tagged:
        words = text.split()
        tokens += words
        tags += [tag] * len(words)
    return tokens, tags


@pytest.mark.parametrize(
    ("tagged", "expected_tail"),
    [
        (  # "Reprinted in ..." after the work: a note to the end
            [("author", "Varga, P."), ("title", "Tidal notes."), ("journal", "Coast,"), ("date", "1950."),
             ("edition", "Reprinted"), ("editor", "in L. Moss (ed.),"), ("container-title", "Shore Readings,"),
             ("date", "1971.")],
            "note:Reprinted in L. Moss (ed.), Shore Readings, 1971.",
        ),
        (  # "as reprinted in" takes its "as"
            [("title", "Tidal notes,"), ("date", "(1950),"), ("note", "as"), ("edition", "reprinted"),
             ("container-title", "in Shore Readings.")],
            "note:as reprinted in Shore Readings.",
        ),
        (  # "To appear in"
            [("author", "Varga, P."), ("title", "Tidal notes."), ("container-title", "To appear in Coast.")],
            "note:To appear in Coast.",
        ),
        (  # "Special Issue on ..." runs over the container words after it, up to the volume
            [("title", "Tidal notes,"), ("journal", "Coast: Special Issue on Dunes, Reefs, and Bars,"),
             ("volume", "23(6),"), ("date", "1993.")],
            "note:Special Issue on Dunes, Reefs, and Bars, volume:23(6), date:1993.",
        ),
        (  # "Special Issue," alone ends at its comma
            [("title", "New media."), ("journal", "Special Issue, Coast Review"), ("volume", "54(3).")],
            "note:Special Issue, journal:Coast Review volume:54(3).",
        ),
    ],
)
def test_fields_later_publication_is_a_note(tagged, expected_tail):
    from sourcetrace.references.fields import _later_publication_note

    tokens, tags = _tagged_tokens(tagged)
    _later_publication_note(tokens, tags)
    runs = []
    for tok, tag in zip(tokens, tags):
        if runs and runs[-1][0] == tag:
            runs[-1][1].append(tok)
        else:
            runs.append((tag, [tok]))
    assert " ".join(f"{t}:{' '.join(w)}" for t, w in runs).endswith(expected_tail)


@pytest.mark.parametrize(
    "tokens",
    [
        ["Varga,", "P.", "Reprinted", "Tales.", "Brill,", "1990."],  # "Reprinted" without "in": an edition
        ["Also", "in", "the", "Tidal", "Zone.", "Brill,", "1990."],  # opening the string: a title
        ["Varga,", "P.", "Songs", "to", "appear", "in", "Spring.", "Brill."],  # inside a title, no block start
    ],
)
def test_fields_later_publication_leaves_lookalikes_alone(tokens):
    from sourcetrace.references.fields import _later_publication_note

    tags = ["title"] * len(tokens)
    _later_publication_note(tokens, tags)
    assert tags == ["title"] * len(tokens)


def test_fields_translation_rule_leaves_kinds_of_document_alone():
    from sourcetrace.references.fields import _translated_title

    tokens = ['"Dredging', 'update,"', "[Audio", "podcast", "episode].", "Low", "Water."]
    tags = ["title", "title", "genre", "genre", "genre", "container-title", "container-title"]
    _translated_title(tokens, tags)
    assert tags[2:5] == ["genre"] * 3
    tokens = ['"Tide', 'tables"', "(Version", "2).", "OPB."]
    tags = ["title", "title", "edition", "edition", "publisher"]
    _translated_title(tokens, tags)
    assert tags[2:4] == ["edition"] * 2  # a number inside: a version, not a translation
    tokens = ['"Ward', 'closures"', "(Press", "release).", "Oxmere", "Trust."]
    tags = ["title", "title", "genre", "genre", "publisher", "publisher"]
    _translated_title(tokens, tags)
    assert tags[2:4] == ["genre"] * 2  # a kind of document spelled out


@pytest.mark.parametrize(
    ("tokens", "tags", "expected"),
    [
        # a footnote's signal is a note, after a citation number too
        (["12.", "See", "also", "Dale,", '"Pier",'], ["citation-number", "author", "author", "author", "title"],
         ["citation-number", "note", "note", "author", "title"]),
        (["Quoted", "in", "Lena", "Ortiz,"], ["author"] * 4, ["note", "note", "author", "author"]),
        (["Cf.", "Dale,", "Pier."], ["author", "author", "title"], ["note", "author", "title"]),
        # "See," is a surname; "Seeing" no signal
        (["See,", "Jane.", "Salt."], ["author", "author", "title"], ["author", "author", "title"]),
        (["Seeing", "Salt.", "1999."], ["title", "title", "date"], ["title", "title", "date"]),
        # a repeat is a note, its pinpoint up to the ";" or "." pages
        (["16.", "Ibid.,", "31–33;", "Dale,", '"Pier,"', "A4."], ["citation-number"] + ["author"] * 4 + ["pages"],
         ["citation-number", "note", "pages", "author", "author", "pages"]),
        (["Ibid.,", "sec.", "B,", "p.", "2."], ["author"] * 5, ["note"] + ["pages"] * 4),
        (["5.", "Id.", "at", "*8."], ["citation-number", "author", "title", "title"], ["citation-number", "note", "pages", "pages"]),
        (["Ibid."], ["title"], ["note"]),
        # no pinpoint: only the repeat moves; "Idaho," is no repeat
        (["Ibid.;", "see", "also", "Dale,", "Pier."], ["author"] * 5, ["note", "note", "note", "author", "author"]),
        (["Idaho,", "Office.", "Salt."], ["author", "author", "title"], ["author", "author", "title"]),
    ],
)
def test_fields_lead_signal_is_a_note(tokens, tags, expected):
    from sourcetrace.references.fields import _lead_signal

    _lead_signal(tokens, tags)
    assert tags == expected


@pytest.mark.parametrize(
    ("text", "segment", "tag"),
    [
        # a date in numbers is a date, not a volume
        ("Il Corriere di Valdessa, 12/04/2021, p. 7: «Ospedale, i lavori ripartono»", "12/04/2021,", "date"),
        ("Il Corriere di Valdessa, 12.04.2021, p. 7: «Ospedale, i lavori ripartono»", "12.04.2021,", "date"),
        # an episode's show is a container, "Phone interview, NAME," an interview, "Press release:" a genre
        ('Osei-Bonsu, Kwame, host. "The Cocoa Price Shock." *Asante Morning Brief*, episode 212, Volta Audio, '
         "28 Feb. 2024.", "*Asante Morning Brief*,", "container-title"),
        ("Phone interview, Dr. Ana Mbeki-Laurent, epidemiologist at Lakeshore University, June 3, 2021",
         "Phone interview,", "medium"),
        ("Meridian Rail Authority (2023, 1 August). Press release: Service restored. https://mra.example/x",
         "Press release:", "genre"),
    ],
)
def test_fields_numeric_dates_shows_and_interviews(text, segment, tag):
    assert (tag, segment) in _segment_pairs(text)


@pytest.mark.parametrize(
    ("tokens", "tags", "expected"),
    [
        # name, role, how the author was told, date
        (["Jo", "Elling,", "press", "officer,", "email", "to", "the", "author,", "Nov.", "2022."],
         ["author", "author", "note", "note", "note", "note", "note", "note", "date", "date"],
         ["author", "author", "note", "note", "medium", "medium", "medium", "medium", "date", "date"]),
        (["14.", "Dan", "Okoro,", "spokesman,", "phone", "interview", "by", "the", "author,", "2020."],
         ["citation-number", "author", "author", "title", "note", "note", "note", "note", "note", "date"],
         ["citation-number", "author", "author", "note", "medium", "medium", "medium", "medium", "medium", "date"]),
        # a quoted title between the name and the phrase: only the phrase is fixed
        (["Jo", "Elling,", '"Port', 'fees,"', "message", "to", "the", "author."],
         ["author", "author", "title", "title", "note", "note", "note", "note"],
         ["author", "author", "title", "title", "medium", "medium", "medium", "medium"]),
        # "the author" alone is no phrase
        (["Jo", "Elling,", "the", "author,", "2020."], ["author", "author", "title", "title", "date"],
         ["author", "author", "title", "title", "date"]),
    ],
)
def test_fields_personal_communication_to_the_author(tokens, tags, expected):
    from sourcetrace.references.fields import _personal_communication

    _personal_communication(tokens, tags)
    assert tags == expected


def test_fields_quoted_title_is_not_split_before_its_translation():
    text = 'Saito Kenji (2021). "Seiryu-gawa hanran" [Seiryu River floods again]. Nishimine Shimbun. https://n.example/a'
    assert ("title", '"Seiryu-gawa hanran" [Seiryu River floods again].') in _segment_pairs(text)


def test_fields_vancouver_update_keeps_the_cited_date_as_accessed():
    fields, _ = parse_reference("Oxmere Port Board. Tide tables [Internet]. Oxmere: OPB; 2019 "
                                "[updated 2021 Mar 3; cited 2021 Apr 1]. Available from: https://opb.example/tides")
    assert fields.accessed == "2021-04-01"


def test_fields_body_tagged_as_periodical_becomes_publisher():
    from sourcetrace.references.fields import _body_as_publisher

    text = "Pell, R. (2020). Salt marsh transects. Oxmere Coastal Observatory. https://oco.example/d"
    start = text.index("Oxmere")
    segments = [("author", 0, 9), ("journal", start, start + len("Oxmere Coastal Observatory."))]
    assert _body_as_publisher(text, segments)[1][0] == "publisher"
    assert _body_as_publisher(text, segments[1:])[0][0] == "author"  # opening the reference: its author
    periodical = "Pell, R. (2020). Salt marsh transects. Oxmere Survey Review. https://oco.example/d"
    start = periodical.index("Oxmere")
    segments = [("author", 0, 9), ("journal", start, start + len("Oxmere Survey Review."))]
    assert _body_as_publisher(periodical, segments)[1][0] == "journal"  # a periodical's word
    italic = "Pell, R. (2020). Salt marsh transects. *Oxmere Coastal Observatory*."
    start = italic.index("*Oxmere")
    segments = [("author", 0, 9), ("journal", start, len(italic))]
    assert _body_as_publisher(italic, segments)[1][0] == "journal"  # italics mark a periodical or site


@pytest.mark.parametrize(
    "text",
    [
        # "Retrieved from" with no date is a note, and the year inside the URL is not an access date
        "Petrov, S. (2008, June 26). Dangerous trial. *Gulf Affairs*. Retrieved from https://gulf.example/2008/02/trial",
        # Vancouver's "[Internet]" belongs to the journal
        "Idowu I. Long scandal. The Hill [Internet]. 2000 Jun 11 [cited 2002 Apr 11]. Available from: https://hill.example/a",
        # an interview *with* someone is a title; "Speeches" is no genre
        "Rogers, C. (1965). Interview with Carl Rogers on the use of self. Journal of Counseling, 4, 1-9.",
        "Lincoln, Abraham. Speeches and Writings, 1832-1858. New York: Library of America, 1989.",
        # a bracketed translation of a title is no description, nor is "via" inside a title
        'Lund, Eir (2019). "Ferjene stanser" [The Ferries Stop]. *Oxmere Avis*. Retrieved 6 May 2019.',
        "Lo, W. (2010). Learning tides via error-correcting codes. Journal of Harbours, 4, 1-9.",
    ],
)
def test_fields_fixed_phrases_leave_lookalikes_alone(text):
    _, segments = parse_reference(text)
    tags = dict((x.strip(), t) for t, x in segments)
    assert not any(t == "accessed" and "http" in x for x, t in tags.items())
    assert not any(t == "genre" and ("Internet" in x or "Speeches" in x) for x, t in tags.items())
    assert not any(t == "medium" and "Interview with" in x for x, t in tags.items())
    assert not any(t == "genre" and ("Ferries" in x or "Ferjene" in x) for x, t in tags.items())
    assert not any(t == "note" and "via" in x for x, t in tags.items())


@pytest.mark.parametrize(
    ("text", "author", "title"),
    [
        ('Port Authority of Valdera. "New Container Terminal Opens." Press release, 12 April 2021.',
         "Port Authority of Valdera.", '"New Container Terminal Opens."'),
        ("Ministry of Water Affairs. *National Groundwater Survey 2018*. Windhoek: Government Printer, 2019.",
         "Ministry of Water Affairs.", "*National Groundwater Survey 2018*."),
    ],
)
def test_fields_plain_sentence_before_a_quoted_title_is_the_author(text, author, title):
    pairs = _segment_pairs(text)
    assert ("author", author) in pairs and ("title", title) in pairs


def test_fields_lead_title_split_needs_a_quoted_or_italic_title():
    # a plain title with no quoted or italic part after it stays a title
    _, segments = parse_reference("Annual report on refugee flows. Geneva: United Nations, 2010.")
    assert segments[0][0] == "title" and "Annual report" in segments[0][1]


def test_fields_segments_carry_plain_anystyle_tags():
    """The model marks field starts and ends (B-/E- labels); what comes out is one AnyStyle tag per field."""
    from sourcetrace.references.fields import tag_tokens

    for text in _THREAD_REFS:
        tokens = text.split()
        tags = tag_tokens(tokens)
        assert len(tags) == len(tokens)
        assert not [t for t in tags if t[:2] in ("B-", "E-")]
        segments = parse_reference(text)[1]
        assert all(a[0] != b[0] for a, b in zip(segments, segments[1:]))  # a field is never cut in two


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Growers Alliance.", (Author("Growers Alliance"),)),
        ("Valdera Comptroller.", (Author("Valdera Comptroller"),)),
        ("Brookings Institution.", (Author("Brookings Institution"),)),
        ("Ann Church.", (Author("Church", "Ann"),)),  # a person whose surname is a common noun
    ],
)
def test_fields_organisation_authors_are_one_name(value, expected):
    assert parse_authors(value) == expected


def test_italics_hold_together_only_up_to_a_closing_marker():
    from sourcetrace.references.fields import _italics_hold_together

    tokens = "*Dale v. Oxmere Cnty. Hous. Auth.*, No. 4".split()
    tags = ["title", "title", "title", "title", "journal", "journal", "note", "note"]
    _italics_hold_together(tokens, tags)
    assert tags == ["title"] * 6 + ["note", "note"]
    # a cut after a colon is the format's: a hearing's title and its genre
    tokens = "*Dry Wells: Hearing Before the S. Comm.*, 2021".split()
    tags = ["title", "title", "genre", "genre", "genre", "genre", "genre", "date"]
    _italics_hold_together(tokens, tags)
    assert tags == ["title", "title"] + ["genre"] * 5 + ["date"]
    # no closing marker: nothing moves; a new opening marker first: the open span is no span
    for text in ("*Corresponding author. Oxmere Cnty. 2020", "*Dale v. Oxmere *Courier*, 2020"):
        tokens = text.split()
        tags = ["title", "title", "note", "note", "date", "date"][: len(tokens)]
        before = list(tags)
        _italics_hold_together(tokens, tags)
        assert tags == before


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        # a fact-check's source line: the outlet first, then the quoted headline
        ([("author", "Oxmere Ledger, "), ("title", '"Ferry fares to rise," '), ("date", "March 3, 2021")],
         [("journal", "Oxmere Ledger, "), ("title", '"Ferry fares to rise," '), ("date", "March 3, 2021")]),
        ([("citation-number", "5 "), ("author", "Tidewater Press Agency. "), ("title", "“Pier closes.” "), ("date", "2020.")],
         [("citation-number", "5 "), ("journal", "Tidewater Press Agency. "), ("title", "“Pier closes.” "), ("date", "2020.")]),
        # a person, a list, an institute, an unquoted title, or a periodical later on: left alone
        ([("author", "Times, Peter. "), ("title", '"Ferry fares." '), ("date", "2021.")], None),
        ([("author", "Oxmere News and Ana Dale, "), ("title", '"Ferry fares," '), ("date", "2021.")], None),
        ([("author", "Oxmere Institute for Fiscal Studies, "), ("title", '"Who pays?" '), ("date", "2021.")], None),
        ([("author", "Oxmere Daily News. "), ("title", "Ferry fares. "), ("date", "2021.")], None),
        ([("author", "Oxmere Wire Service. "), ("title", '"Ferry fares." '), ("journal", "*Harbor Post*, "), ("date", "2021.")], None),
    ],
)
def test_fields_outlet_leads(tagged, expected):
    from sourcetrace.references.fields import _outlet_leads

    _assert_rule(_outlet_leads, tagged, expected)


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        # a person's job after their name is a note (the convention of the hand-written sets)
        ([("author", "Ana Dale-Ruiz, former harbour pilot of Oxmere, "), ("title", "“Why Piers Rot,” "), ("date", "2021.")],
         [("author", "Ana Dale-Ruiz,"), ("note", "former harbour pilot of Oxmere, "), ("title", "“Why Piers Rot,” "),
          ("date", "2021.")]),
        ([("author", "Dale, Ana, Mayor of Oxmere, "), ("medium", "phone interview, "), ("date", "2021.")],
         [("author", "Dale, Ana,"), ("note", "Mayor of Oxmere, "), ("medium", "phone interview, "), ("date", "2021.")]),
        ([("author", "Tom Hix (harbourmaster), "), ("genre", "Facebook post, "), ("date", "2021.")],
         [("author", "Tom Hix"), ("note", "(harbourmaster), "), ("genre", "Facebook post, "), ("date", "2021.")]),
        # a credit stays in the name; a second name, an organisation or a medium is no job
        ([("author", "Dale, Ana, host. "), ("title", "“Low Tide.” "), ("date", "2021.")], None),
        ([("author", "Dale, Ana, and Tom Hix. "), ("title", "“Low Tide.” "), ("date", "2021.")], None),
        ([("author", "Dale, Ana, van Hix, Tom. "), ("title", "“Low Tide.” "), ("date", "2021.")], None),
        ([("author", "Port Authority of Oxmere. "), ("title", "“New Berths.” "), ("date", "2021.")], None),
        ([("author", "Oxmere Harbour Board, chief executive's office, "), ("title", "“New Berths.” "), ("date", "2021.")], None),
        ([("author", "Ana Dale, email to the author, "), ("date", "2021.")], None),
        ([("author", "Ana Dale, President Street Books, "), ("date", "2021.")], None),
        # a job read as the title, before how the person was heard
        ([("author", "Dale, Ana. "), ("title", "Former harbour pilot, Oxmere Port. "), ("medium", "Interview by Tom Hix. "),
          ("date", "2021.")],
         [("author", "Dale, Ana. "), ("note", "Former harbour pilot, Oxmere Port. "), ("medium", "Interview by Tom Hix. "),
          ("date", "2021.")]),
        ([("author", "Dale, Ana. "), ("title", "Former lives of ports. "), ("publisher", "Penguin, "), ("date", "2021.")], None),
        ([("author", "Dale, Ana. "), ("title", "Harbour Lights. "), ("genre", "Telegram post, "), ("date", "2021.")], None),
    ],
)
def test_fields_role_after_name(tagged, expected):
    from sourcetrace.references.fields import _role_after_name

    _assert_rule(_role_after_name, tagged, expected)


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        # a wire story: the dateline in capitals is the place, and the wire opening the line its outlet
        ([("author", "Tidewater Press Agency, "), ("title", "“Pier closes,” "), ("journal", "OXMERE, "), ("date", "3 May 2020.")],
         [("author", "Tidewater Press Agency, "), ("title", "“Pier closes,” "), ("location", "OXMERE, "), ("date", "3 May 2020.")]),
        ([("title", "“Pier closes,” "), ("container-title", "Agence Maritime de Presse, "), ("publisher", "PORT-AUX-ÎLES, "),
          ("date", "3 May 2020.")],
         [("title", "“Pier closes,” "), ("container-title", "Agence Maritime de Presse, "), ("location", "PORT-AUX-ÎLES, "),
          ("date", "3 May 2020.")]),
        # capitals that name the periodical or the publisher, or a volume in Roman numerals: left alone
        ([("author", "Dale, A. "), ("title", "Pier safety. "), ("journal", "JAMA, "), ("date", "2010.")], None),
        ([("author", "Dale, A. "), ("title", "“Piers,” "), ("container-title", "Harbour Systems Conference, "),
          ("publisher", "IEEE, "), ("date", "2009.")], None),
        ([("author", "Oxmere News Service, "), ("title", "“Piers,” "), ("journal", "LXII, "), ("date", "2011.")], None),
    ],
)
def test_fields_dateline(tagged, expected):
    from sourcetrace.references.fields import _dateline

    _assert_rule(_dateline, tagged, expected)


def test_fields_wire_story_with_a_dateline():
    # the whole chain: dateline first, then the wire opening the line becomes the journal
    pairs = _segment_pairs("Agence Maritime de Presse, “Ferry Strike Ends After Nine Days,” OXMERE, 3 March 2022, "
                           "https://amp-wire.example/en/2022/03/03/ferry-strike")
    assert ("journal", "Agence Maritime de Presse,") in pairs
    assert ("location", "OXMERE,") in pairs


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        # a cue at the start of a block, then the names up to what ends them
        ("Ilves, Kaja. Salt Roads. Trans. Martin O. Rebane. Tartu: Vana Press, 2004.", "Trans. Martin O. Rebane."),
        ("Ilves, Kaja. Salt Roads. Translated by Ann Lee, Tom B. Kask, and Mari Saar. Tartu: Vana, 2004.",
         "Translated by Ann Lee, Tom B. Kask, and Mari Saar."),
        ("Ilves, K. Les routes du sel, trad. du estonien par Claire de Morel. Paris : Seuil, 2004.",
         "trad. du estonien par Claire de Morel."),
        ("Ilves, K. Salt Roads (tr. J.K. Vaher and Ann Lee), Tartu: Vana, 2004.", "(tr. J.K. Vaher and Ann Lee),"),
        # the names stop before a bracket that opens the imprint
        ("Ilves, K. Salt Roads, tr. P. Mets (Tartu: Vana, 2004).", "tr. P. Mets"),
        # names first, then "(trans.)" or APA's bracketed credit
        ("Ilves, K. Salt Roads, Ann Lee (ed.), Mari Saar and Tom Kask (trans.) (Tartu: Vana, 2004).",
         "Mari Saar and Tom Kask (trans.)"),
        ("Ilves, K. (2004). Salt roads (A. B. Lee, Trans.). Tartu: Vana.", "(A. B. Lee, Trans.)."),
    ],
)
def test_fields_translator_credit(text, credit):
    from sourcetrace.references.fields import _translator_credit

    tokens = text.split()
    tags = ["title"] * len(tokens)
    _translator_credit(tokens, tags)
    got = " ".join(tok for tok, tag in zip(tokens, tags) if tag == "translator")
    assert got == credit


@pytest.mark.parametrize(
    "text",
    [
        "Lee, A. 2019. Pollinator webs. Phil. Trans. R. Soc. B 374, 20180001.",  # a journal's "Trans."
        "Lee, A. 2019. Sparse trees. Trans. Amer. Math. Soc. 352, 1-20.",
        "Lee, A. 2019. Poultry litter. Trans. ASABE 55(4): 1401-1410.",
        "Lee, A. Rivers. Edited and translated by Mari Saar. Tartu: Vana, 2004.",  # the editor's credit
        "Lee, A. River post, 3 May 2021, translated from Estonian by the author.",  # a note
        "Lee, A. Condor Summary. TR 1069, Computer Sciences Dept., 1990.",  # a report number
    ],
)
def test_fields_translator_credit_leaves_lookalikes_alone(text):
    from sourcetrace.references.fields import _translator_credit

    tokens = text.split()
    tags = ["note"] * len(tokens)
    _translator_credit(tokens, tags)
    assert "translator" not in tags


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        ([("author", "Saar, M. R. (Ed.). "), ("date", "(2011). "), ("title", "Salt roads.")],
         [("editor", "Saar, M. R. (Ed.). "), ("date", "(2011). "), ("title", "Salt roads.")]),
        ([("citation-number", "[4] "), ("author", "Saar, Mari & Tom Kask Hrsg. "), ("date", "2011. "), ("title", "Salzwege.")],
         [("citation-number", "[4] "), ("editor", "Saar, Mari & Tom Kask Hrsg. "), ("date", "2011. "), ("title", "Salzwege.")]),
        ([("author", "Saar, Mari, and Tom Kask, eds. "), ("title", "Salt Roads.")],
         [("editor", "Saar, Mari, and Tom Kask, eds. "), ("title", "Salt Roads.")]),
        # the mark cut off into a segment of its own
        ([("author", "SAAR M. et KASK T. "), ("date", "(dir.), "), ("title", "Les routes du sel, "), ("date", "2011")],
         [("editor", "SAAR M. et KASK T. "), ("editor", "(dir.), "), ("title", "Les routes du sel, "), ("date", "2011")]),
        # a given name "Ed.", a film's "Dir.", an editor later on: left alone
        ([("author", "Koch, Ed. "), ("title", "Mayor."), ("date", "1984.")], None),
        ([("author", "Saar, Mari, dir. "), ("title", "Salt Roads."), ("date", "2011.")], None),
        ([("author", "Saar, M. "), ("title", "Salt roads. "), ("editor", "In T. Kask (Ed.),")], None),
    ],
)
def test_fields_lead_editors(tagged, expected):
    from sourcetrace.references.fields import _lead_editors

    _assert_rule(_lead_editors, tagged, expected)


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        ([("author", "Saar, M. "), ("title", "Salt and rivers. "), ("container-title", "Baltic Studies Quarterly, "),
          ("volume", "12(3), "), ("pages", "44-59.")],
         [("author", "Saar, M. "), ("title", "Salt and rivers. "), ("journal", "Baltic Studies Quarterly, "),
          ("volume", "12(3), "), ("pages", "44-59.")]),
        ([("author", "M. Saar, "), ("title", '"Salt," '), ("container-title", "Annals of Salt, "), ("volume", "Vol. 4, No. 12, "),
          ("pages", "pp. 1-9.")],
         [("author", "M. Saar, "), ("title", '"Salt," '), ("journal", "Annals of Salt, "), ("volume", "Vol. 4, No. 12, "),
          ("pages", "pp. 1-9.")]),
        # a book's volume (editor, publisher or place), "In", a meeting, an episode: left alone
        ([("author", "Saar, M. "), ("title", "Salt. "), ("container-title", "Baltic Handbook, "), ("volume", "12(3). "),
          ("location", "Tartu: "), ("publisher", "Vana.")], None),
        ([("author", "Saar, M. "), ("title", "Salt. "), ("container-title", "In Baltic Handbook, "), ("volume", "12(3).")], None),
        ([("author", "Saar, M. "), ("title", "Salt. "), ("container-title", "Proceedings of the Salt Symposium, "), ("volume", "12(3).")], None),
        ([("author", "Saar, Mari, host. "), ("title", "“Salt.” "), ("container-title", "*Salt Talk*, "), ("volume", "episode 12, "),
          ("date", "2 May 2022.")], None),
    ],
)
def test_fields_periodical_before_volume(tagged, expected):
    from sourcetrace.references.fields import _periodical_before_volume

    _assert_rule(_periodical_before_volume, tagged, expected)


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        ([("author", "Oxmere Police, "), ("title", "“Road closed,” "), ("journal", "Facebook post, "), ("date", "2 May 2023.")],
         [("author", "Oxmere Police, "), ("title", "“Road closed,” "), ("genre", "Facebook post, "), ("date", "2 May 2023.")]),
        ([("author", "Dale, A. "), ("title", "Pier. "), ("publisher", "[TikTok video]. "), ("url", "tiktok.example/1")],
         [("author", "Dale, A. "), ("title", "Pier. "), ("genre", "[TikTok video]. "), ("url", "tiktok.example/1")]),
        # more than the kind, or the title: left alone
        ([("author", "Dale, A. "), ("title", "Pier. "), ("journal", "Telegram Post Weekly, "), ("date", "2021.")], None),
        ([("author", "Dale, A. "), ("title", "Video. "), ("date", "2021.")], None),
    ],
)
def test_fields_platform_kind_is_the_genre(tagged, expected):
    from sourcetrace.references.fields import _platform_kind

    _assert_rule(_platform_kind, tagged, expected)


@pytest.mark.parametrize(
    ("text", "crf", "expected"),
    [
        # a bracketed role after the name is the note; what the CRF read after it stays
        ("Phone call with Ana Dale (economist, Oxmere Trust), March 5, 2020.",
         ["title"] * 8 + ["date"] * 3,
         ["medium"] * 3 + ["author"] * 2 + ["note"] * 3 + ["date"] * 3),
        ("Conversation with Ana Dale (Oxmere Trust) by WhatsApp call, 5 March 2020.",
         ["title"] * 6 + ["medium"] * 3 + ["date"] * 3,
         ["medium"] * 2 + ["author"] * 2 + ["note"] * 2 + ["medium"] * 3 + ["date"] * 3),
        # the role after a comma runs up to the date, as before
        ("Email interview with Ana Dale, economist at Oxmere Trust, Feb. 2, 2020.",
         ["title"] * 9 + ["date"] * 3,
         ["medium"] * 3 + ["author"] * 2 + ["note"] * 4 + ["date"] * 3),
        # one capitalised word of its own right before the date is the place; an organisation is not
        ("Interview with Ana Dale, parish priest, Oaxaca, 2 August 2019.",
         ["title"] * 7 + ["date"] * 3,
         ["medium"] * 2 + ["author"] * 2 + ["note"] * 2 + ["location"] + ["date"] * 3),
        ("Interview with Ana Dale, spokesperson, Parliament, 2 August 2019.",
         ["title"] * 6 + ["date"] * 3,
         ["medium"] * 2 + ["author"] * 2 + ["note"] * 2 + ["date"] * 3),
    ],
)
def test_fields_interview_with_a_role(text, crf, expected):
    from sourcetrace.references.fields import _interview_with

    tokens = text.split()
    assert len(tokens) == len(crf) == len(expected)
    _interview_with(tokens, crf)
    assert crf == expected


def test_fields_quoted_title_keeps_its_bracketed_translation():
    from sourcetrace.references.fields import _split_quoted_title

    tagged = [("author", "Dale, Ana. "),
              ("title", '"Chuvas na Zona Norte" [Rains in the North Zone]. Jornal do Sul (in Portuguese), '),
              ("location", "Porto, "), ("date", "12 jun. 2022.")]
    assert _after_rule(_split_quoted_title, tagged) == [
        ("author", "Dale, Ana. "), ("title", '"Chuvas na Zona Norte" [Rains in the North Zone].'),
        ("journal", "Jornal do Sul (in Portuguese), "), ("location", "Porto, "), ("date", "12 jun. 2022.")]
    # the translation alone after the quote: nothing to split
    alone = [("author", "Dale, Ana. "), ("title", '"Chuvas na Zona Norte" [Rains in the North Zone]. '), ("date", "2022.")]
    assert _after_rule(_split_quoted_title, alone) == alone


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        ([("title", '"Chuvas." '), ("journal", "Jornal do Sul (in Portuguese), "), ("date", "2022.")],
         [("title", '"Chuvas." '), ("journal", "Jornal do Sul"), ("note", "(in Portuguese), "), ("date", "2022.")]),
        # after a title, as core.xml has it; a whole segment of its own: left alone
        ([("author", "Dale, A. "), ("title", "Astroblemes (in Russian). "), ("date", "1970.")], None),
        ([("title", '"Chuvas." '), ("journal", "Jornal do Sul "), ("note", "(in Portuguese), "), ("date", "2022.")], None),
    ],
)
def test_fields_language_note_after_an_outlet(tagged, expected):
    from sourcetrace.references.fields import _language_note

    _assert_rule(_language_note, tagged, expected)


def test_fields_testimony_of_is_read_like_an_interview():
    from sourcetrace.references.fields import _interview_with

    tokens = "Testimony of Mara Holt, Chief Executive Officer, Oxmere Water Co., March 14, 2023.".split()
    tags = ["author"] * 3 + ["title"] * 3 + ["publisher"] * 3 + ["date"] * 3
    _interview_with(tokens, tags)
    assert tags == ["genre"] * 2 + ["author"] * 2 + ["note"] * 5 + ["date"] * 3
    tokens = "Testimony of the Heart. Oxmere: Vale Press, 2001.".split()  # no name after it: a title
    tags = ["title"] * 4 + ["location", "publisher", "publisher", "date"]
    _interview_with(tokens, tags)
    assert tags == ["title"] * 4 + ["location", "publisher", "publisher", "date"]


def test_fields_bracketed_testimony_is_one_note():
    from sourcetrace.references.fields import _bracketed_testimony

    tokens = "*Salt Hearing*, (2023) (testimony of Ana Dale, director, Oxmere Policy Center), 31.".split()
    tags = ["title", "title", "date", "genre", "genre", "genre", "genre", "genre", "publisher", "publisher", "publisher", "pages"]
    _bracketed_testimony(tokens, tags)
    assert tags == ["title", "title", "date"] + ["note"] * 8 + ["pages"]


@pytest.mark.parametrize(
    ("text", "crf", "expected"),
    [
        # a signal after ";" is a note, the name before a quoted or italic title the next work's author
        ("Dale, “Pier,” 4; cf. Holt, *Salt*, 88.",
         ["author", "title", "editor", "editor", "editor", "container-title", "pages"],
         ["author", "title", "editor", "note", "author", "container-title", "pages"]),
        ("See Dale, *Pier*, 12; and Ana Holt, “Salt,” 2021.",
         ["note", "author", "title", "pages", "note", "note", "note", "title", "date"],
         ["note", "author", "title", "pages", "note", "author", "author", "title", "date"]),
        # no name after the signal: only the signal
        ("Dale, “Pier,” 2021; and “Salt,” *Ledger*, 2021.",
         ["author", "title", "date", "title", "title", "journal", "date"],
         ["author", "title", "date", "note", "title", "journal", "date"]),
        # "A; B; and C": a list of names goes on
        ("Dale, A.; Holt, B.; and Mare, C. 2017. Salt.",
         ["author"] * 7 + ["date", "title"],
         ["author"] * 7 + ["date", "title"]),
    ],
)
def test_fields_chained_signal(text, crf, expected):
    from sourcetrace.references.fields import _chained_signal

    tokens = text.split()
    assert len(tokens) == len(crf) == len(expected)
    _chained_signal(tokens, crf)
    assert crf == expected


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        ([("author", "Dale, Ana. "), ("medium", "Interview by Tom Holt. "), ("journal", "*Morning Salt*, "),
          ("publisher", "Radio Oxmere One, "), ("date", "2 May 2018.")],
         [("author", "Dale, Ana. "), ("medium", "Interview by Tom Holt. "), ("container-title", "*Morning Salt*, "),
          ("publisher", "Radio Oxmere One, "), ("date", "2 May 2018.")]),
        ([("title", "*Salt Roads*, "), ("journal", "*Oxmere Stories*, "), ("volume", "series 4, episode 2. "), ("date", "2019.")],
         [("title", "*Salt Roads*, "), ("container-title", "*Oxmere Stories*, "), ("volume", "series 4, episode 2. "),
          ("date", "2019.")]),
        # a newspaper's publisher or volume: left alone
        ([("author", "Dale, Ana. "), ("medium", "Interview by Tom Holt. "), ("journal", "*Oxmere Courier*, "),
          ("publisher", "Lakeview Media Group, "), ("date", "2 May 2018.")], None),
        ([("title", "Salt. "), ("journal", "Oxmere Review, "), ("volume", "12(3), "), ("pages", "4-9.")], None),
    ],
)
def test_fields_programme_is_not_a_periodical(tagged, expected):
    from sourcetrace.references.fields import _programme_not_periodical

    _assert_rule(_programme_not_periodical, tagged, expected)
