import pytest

from sourcetrace.model import Author
from sourcetrace.references.fields import (
    clean, normalise, parse_authors, parse_date, parse_reference, read_anystyle_xml, to_anystyle_xml,
)


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
    assert read_anystyle_xml(to_anystyle_xml(sequences)) == sequences


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
