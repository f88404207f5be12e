"""Comparing names across layers: the checks (a speaker against a note's author) and the linker (a
quotation against its speaker's own note) must agree on when two spellings are one name."""

from __future__ import annotations

import re
import unicodedata

# Honorifics and roles that precede a name; never a surname.
TITLES = frozenset(
    "mr mrs ms miss dr prof professor sir dame lord lady rev sen senator rep gov governor president "
    "gen general col colonel capt captain sgt judge justice minister ambassador secretary mayor "
    "chairman chairwoman director former the".split()
)
NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv phd md esq".split())
RE_EMPHASIS = re.compile(r"[*_]+")
RE_WORD = re.compile(r"\w+(?:[’'-]\w+)*")  # a word, with its inner apostrophes and hyphens
RE_NAME_PIECE = re.compile(r"[\w.&]+")
RE_PAREN_ACRONYM = re.compile(r"\(([A-Z](?:\.?[A-Z]){1,5}\.?)\)")
# Words an acronym skips: "Department of Homeland Security" is DHS.
ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "on", "in", "to", "at", "&", "de", "du", "des", "la", "le"})
MAX_ACRONYM = 6
# A run of capitalised words, small words allowed inside: where a spelled-out name can stand in a text.
RE_CAPITALISED_RUN = re.compile(r"[A-Z][\w.&'-]*(?:\s+(?:(?:of|the|and|for|on|in|&)\s+)*[A-Z][\w.&'-]*)*")


def fold(text: str) -> str:
    """Lower-cased, accent-free, emphasis-free text for comparing names ("Dashtestani" == "DASHTESTANI")."""
    text = RE_EMPHASIS.sub(" ", text)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("’", "'")


def words(text: str) -> list[str]:
    """The folded words of a text, as names are compared ("O’Neil's" -> ["o'neil's"])."""
    return RE_WORD.findall(fold(text))


def person_words(name: str) -> list[str]:
    """The folded words of a person's name without the honorifics before it and the suffixes after it, and
    without a possessive: "Dr. Mary E. Lovely Jr.'s" -> ["mary", "e", "lovely"]."""
    found = words(name)
    while found and found[0] in TITLES:
        found.pop(0)
    while found and found[-1] in NAME_SUFFIXES:
        found.pop()
    if found and found[-1].endswith("'s"):
        found[-1] = found[-1][:-2]
    return found


def same_person(name: str, family: str, given: str) -> bool:
    """True when a speaker's name ("Mary E. Lovely", "Dr. Lovely") is the reference author Lovely, Mary E.:
    the family name's words end the name, and the first initials agree when both give one (accents, case,
    honorifics and suffixes aside)."""
    words = person_words(name)
    family_words = fold(family).replace(",", " ").split()
    given = fold(given).strip()
    if not words or not family_words or len(family_words) > len(words):
        return False
    if words[-len(family_words):] != family_words:
        return False
    first = words[0] if len(words) > len(family_words) else ""
    return not (first and given) or first[0] == given[0]


def _acronym_letters(name: str) -> str | None:
    """"CBO", "the DEA", "U.N." -> its letters; None when the name is not a bare acronym."""
    name = name.strip().strip(",;:")
    if name[:4].lower() == "the ":
        name = name[4:].strip()
    letters = name.replace(".", "")
    if 2 <= len(letters) <= MAX_ACRONYM and letters.isalpha() and letters.isupper():
        return letters
    return None


def _initials(name: str) -> list[str]:
    """The acronyms a full organisation name can go by: the initials of its words (an abbreviation such
    as "U.S." gives all its letters), with and without a leading country abbreviation; none when a word
    that counts is not capitalised (then it is not a name an acronym stands for)."""
    pieces = [p.strip(".") for p in RE_NAME_PIECE.findall(name.replace("-", " "))]
    pieces = [p for p in pieces if p and p.lower() not in ACRONYM_SKIPS]
    letters = []
    for p in pieces:
        if not p[0].isupper():
            return []
        letters.append(p.replace(".", "") if p.replace(".", "").isupper() and len(p) <= 4 else p[0])
    full = "".join(letters)
    out = [full]
    if len(letters) > 2 and len(letters[0]) > 1:  # "U.S. Drug Enforcement Administration" is also the DEA
        out.append("".join(letters[1:]))
    return out


def is_acronym_of(short: str, long: str) -> bool:
    """True when `short` ("CBO", "the DEA") abbreviates `long` ("Congressional Budget Office", "U.S. Drug
    Enforcement Administration", "Drug Enforcement Administration (DEA)")."""
    letters = _acronym_letters(short)
    return letters is not None and _abbreviates(letters, long)


def _abbreviates(letters: str, long: str) -> bool:
    """True when the acronym `letters` ("DEA") stands for the spelled-out name `long`."""
    if _acronym_letters(long) is not None:
        return False
    given = RE_PAREN_ACRONYM.search(long)
    if given and given.group(1).replace(".", "") == letters:
        return True
    return letters in _initials(RE_PAREN_ACRONYM.sub(" ", long))



def names_by_acronym(name: str, text: str) -> bool:
    """True when `text` names the organisation `name` by the other form: its acronym when `name` is
    spelled out ("Drug Enforcement Administration" / "... DEA report"), or spelled out when `name` is
    the acronym ("the DEA" / "... Drug Enforcement Administration report")."""
    letters = _acronym_letters(name)
    if letters is not None:
        for m in RE_CAPITALISED_RUN.finditer(text):
            words = m.group().split()
            # the run may hold words around the name ("Drug Enforcement Administration Warns of Fentanyl")
            for k in range(len(words)):
                for j in range(k + 2, min(len(words), k + 2 * MAX_ACRONYM) + 1):
                    if _abbreviates(letters, " ".join(words[k:j])):
                        return True
        return False
    tokens = {t.strip(".,;:()[]\"'*").replace(".", "") for t in text.split()}
    return any(a in tokens for a in _initials(name) if len(a) >= 2)
