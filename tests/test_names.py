"""Name comparison shared by the linker and the checks."""

import pytest

from sourcetrace._names import fold, is_acronym_of


def test_fold_drops_case_accents_and_emphasis():
    assert fold("Pérez") == "perez"
    assert fold("O’Neil") == "o'neil"
    assert fold("**DASHTESTANI**").strip() == "dashtestani"


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("CBO", "Congressional Budget Office", True),
        ("the DEA", "U.S. Drug Enforcement Administration", True),  # a country prefix may drop
        ("USDA", "U.S. Department of Agriculture", True),  # or stay
        ("DHS", "Department of Homeland Security", True),  # "of" is skipped
        ("U.N.", "United Nations", True),
        ("DEA", "Drug Enforcement Administration (DEA)", True),  # the name gives its acronym
        ("CBO", "Congressional Research Service", False),
        ("NASA", "National Aeronautics and Space Administration", True),
        ("AP", "associated press", False),  # a lower-case name is not a proper name
        ("Cbo", "Congressional Budget Office", False),  # not an acronym
        ("CBO", "CBO", False),  # two acronyms: the exact-name comparison decides
        ("EU", "European", False),  # one word has no acronym
    ],
)
def test_is_acronym_of(short, long, expected):
    assert is_acronym_of(short, long) is expected


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("the DEA", '"Drug Enforcement Administration Warns of Counterfeit Pills." Harbor Gazette', True),
        ("Congressional Budget Office", '"CBO Scores the Harbor Bill." Harbor Gazette', True),
        ("the CBO", '"Congressional Research Service Scores the Bill."', False),
        ("Congressional Budget Office", '"Scores of Bills Pass." Harbor Gazette', False),
    ],
)
def test_names_by_acronym(name, text, expected):
    from sourcetrace._names import names_by_acronym

    assert names_by_acronym(name, text) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dr. Mary E. Lovely", ["mary", "e", "lovely"]),
        ("Rudolph Giuliani Jr.", ["rudolph", "giuliani"]),
        ("Safdari's", ["safdari"]),
        ("former Senator Ann Church", ["ann", "church"]),
        ("José Pérez", ["jose", "perez"]),
    ],
)
def test_person_words_drop_honorifics_suffixes_and_possessive(name, expected):
    from sourcetrace._names import person_words

    assert person_words(name) == expected


@pytest.mark.parametrize(
    ("name", "family", "given", "expected"),
    [
        ("Mary E. Lovely", "Lovely", "Mary E.", True),
        ("Dr. Mary Lovely", "Lovely", "Mary", True),  # an honorific is no first name
        ("Mr. Lovely", "Lovely", "John", True),  # nor is "Mr." an initial
        ("Rudolph Giuliani Jr.", "Giuliani", "Rudolph", True),
        ("Ines van der Berg", "van der Berg", "Ines", True),
        ("Mary Lovely", "Lovely", "John", False),  # another first name
        ("Mary Lovely", "Lovelace", "Mary", False),
        ("Lovely", "van Lovely", "Ann", False),  # the family is longer than the name
    ],
)
def test_same_person(name, family, given, expected):
    from sourcetrace._names import same_person

    assert same_person(name, family, given) is expected
