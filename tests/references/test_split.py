import pytest

from sourcetrace.references.split import split_entries


def entries(text):
    return [(e.label, text[e.body_start : e.end]) for e in split_entries(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[1] One.\n[2] Two.", [("1", "One."), ("2", "Two.")]),
        ("1. One.\n2. Two.", [("1", "One."), ("2", "Two.")]),
        ("1) One.\n2) Two.", [("1", "One."), ("2", "Two.")]),
        ("(1) One.\n(2) Two.", [("1", "One."), ("2", "Two.")]),
        ("¹ One.\n² Two.", [("1", "One."), ("2", "Two.")]),
        ("[1]One.\n\n[2]Two.\n", [("1", "One."), ("2", "Two.")]),
    ],
)
def test_split_numbering_styles(text, expected):
    assert entries(text) == expected


def test_split_entry_runs_over_many_lines():
    text = (
        "[4] Dashtestani, Mahmoud. Interview. <\n"
        "[5]Katzman, Kenneth. Report, Library of Congress.\n"
        "Washington, Nov 1992. Doc. call no.: M-U 42953-1 as posted on the\n"
        "Iran-interlink.org website:\n"
        "See also: UNHCR website: http://www.unhcr.org/refworld/pdfid/4ac9c2c52.pdf.\n"
        "See also: CORI website:\n"
        "[6] Disney, Patrick. Web. <"
    )
    got = entries(text)
    assert [label for label, _ in got] == ["4", "5", "6"]
    assert got[1][1].startswith("Katzman") and got[1][1].endswith("See also: CORI website:")
    assert got[1][1].count("\n") == 4


def test_split_ignores_numbers_that_are_not_the_next_entry():
    text = "1. Smith, J. Report. Washington,\n1992. Doc.\n2. Jones, K. Book.\n2010. Reprint."
    got = entries(text)
    assert [label for label, _ in got] == ["1", "2"]
    assert got[0][1] == "Smith, J. Report. Washington,\n1992. Doc."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Marsh, D. Four Tonnes.\n\nIto, K. River notes,\ncontinued here.", ["Marsh, D. Four Tonnes.", "Ito, K. River notes,\ncontinued here."]),
        ("Marsh, D. Four Tonnes.\nIto, K. \"What the river\ncarries.\" Field Notes, 2022.", ["Marsh, D. Four Tonnes.", "Ito, K. \"What the river\ncarries.\" Field Notes, 2022."]),
    ],
)
def test_split_unnumbered_entries(text, expected):
    assert [(label, body) for label, body in entries(text)] == [(None, e) for e in expected]


def test_split_unnumbered_lines_without_full_stops():
    text = "Harbour Authority board minutes, 14 April 2022\nEnvironmental assessment, Marine Consultants Ltd, 2021\nInterview with the Fishermen's Association, 15 April 2022"
    assert [body for _, body in entries(text)] == text.split("\n")


def test_split_unnumbered_wrapped_entry_continues_on_capital():
    text = 'Disney, Patrick. "On the Record." *Iran Weekly\nAffairs* (24 September 2010): Web. 1 Nov 2010.\nMarsh, D. Four Tonnes. 2022.'
    assert [body for _, body in entries(text)] == [
        'Disney, Patrick. "On the Record." *Iran Weekly\nAffairs* (24 September 2010): Web. 1 Nov 2010.', "Marsh, D. Four Tonnes. 2022.",
    ]


def test_split_unnumbered_hanging_indent_continues_the_entry():
    # "twenty-first century. Journal of Coastal" is short and ends a sentence, but the next line is
    # indented under its entry: the entry goes on
    text = ("Hart, L. (2019). Coastal retreat in the\n    twenty-first century. Journal of Coastal\n    Research, 35(4), 711–729.\n"
            "Hart, L., Ode, B., & Sy, K. (2018). Sand budgets. Coastal Engineering, 12, 1–9.\n"
            "Moss, P., & Chen, Y. (2020). Walls and their\n    discontents. Oxford: Harbour Press.")
    assert [" ".join(body.split()) for _, body in entries(text)] == [
        "Hart, L. (2019). Coastal retreat in the twenty-first century. Journal of Coastal Research, 35(4), 711–729.",
        "Hart, L., Ode, B., & Sy, K. (2018). Sand budgets. Coastal Engineering, 12, 1–9.",
        "Moss, P., & Chen, Y. (2020). Walls and their discontents. Oxford: Harbour Press.",
    ]
