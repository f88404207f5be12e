"""Reference string -> tagged segments (CRF, AnyStyle tags + `accessed`) -> model.ReferenceFields.

`parse_reference(text)` is the whole path for one string; `tag_tokens` is the CRF step alone,
`segment_spans` adds two structural fixes the CRF often misses in MLA web citations, and
`normalise` turns tagged segments into cleaned fields (authors split into family/given, dates to
ISO 8601, quotes and italics markers removed, a type guess).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ModelError
from ..model import Author, ReferenceFields
from . import patterns as P
from ._compiled import prefer_source_if_newer
from .decoder import open_tagger
from .features import OPEN_QUOTES, sequence_features, tokenize

Segment = tuple[str, str]  # (anystyle tag, text)
MODEL_PREFIX = "references-"
MODEL_FILE = "references.crfsuite"
CONTAINER_TAGS = ("journal", "container-title", "source", "collection-title")
_STRIP = " \t\r\n\"'“”‘’«».,:;"


# ------------------------------------------------------------------ model
@lru_cache(maxsize=1)
def model_path() -> Path:
    """The newest committed reference model (data/models/references-*/references.crfsuite).

    Raises ModelError when none is installed (run `make models`)."""
    root = resources.files("sourcetrace").joinpath("data/models")
    candidates = sorted(
        (Path(str(d)) for d in root.iterdir() if d.name.startswith(MODEL_PREFIX) and d.joinpath(MODEL_FILE).is_file()),
        key=lambda p: p.name,
    )
    if not candidates:
        raise ModelError("no reference model in sourcetrace/data/models/references-*; run `make models` to train one")
    return candidates[-1] / MODEL_FILE


# A pycrfsuite.Tagger (the fallback of decoder.open_tagger) keeps its current sequence inside itself,
# so two threads tagging with one Tagger corrupt each other ("position out of range"): each thread
# opens its own.
_LOCAL = threading.local()


def _tagger(path: str):
    taggers = getattr(_LOCAL, "taggers", None)
    if taggers is None:
        taggers = _LOCAL.taggers = {}
    tagger = taggers.get(path)
    if tagger is None:
        try:
            tagger = open_tagger(path)
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot open reference model {path}: {exc}") from None
        taggers[path] = tagger
    return tagger


def tag_tokens(tokens: list[str], path: str | Path | None = None) -> list[str]:
    """The CRF tag of each whitespace token (empty list for no tokens)."""
    if not tokens:
        return []
    tags = _tagger(str(path or model_path())).tag(sequence_features(tokens))
    # the model labels a field's first token "B-<tag>" and its last "E-<tag>" (scripts/train_references.py)
    return [t[2:] if t[1:2] == "-" else t for t in tags]


# ------------------------------------------------------------------ parsing
def segment_spans(text: str, path: str | Path | None = None) -> list[tuple[str, int, int]]:
    """(tag, start, end) runs of equally tagged tokens, in order, offsets into `text`."""
    spans = tokenize(text)
    tokens = [text[s:e] for s, e in spans]
    tags = tag_tokens(tokens, path)
    low = text.lower()
    if P.RE_FIX_HINT.search(low):
        tags = _fix_phrases(tokens, tags)
    if any(hint in low for hint in P.MARK_HINTS):
        _fix_marks(tokens, tags)  # in place: tags is a new list from tag_tokens or _fix_phrases
    if text[:1] == "^":
        _caret_number(tokens, tags)
    if "*" in text:
        _italics_hold_together(tokens, tags)
    if P.RE_LEAD_HINT.match(text):
        _lead_signal(tokens, tags)
    if any(hint in low for hint in P.LATER_HINTS):
        _later_publication_note(tokens, tags)
    if any(hint in low for hint in P.PERSONAL_HINTS):
        _personal_communication(tokens, tags)
    if P.RE_NUMERIC_DATE_HINT.search(text):
        _numbers_as_date(tokens, tags)
    if P.RE_CLOCK_HINT.search(text):
        _clock_into_date(tokens, tags)
    if P.RE_TRANSLATION_HINT.search(text):
        _translated_title(tokens, tags)
    if any(hint in text for hint in P.TRANSLATOR_HINTS) and P.RE_TRANSLATOR_HINT.search(text):
        _translator_credit(tokens, tags)
    if "(testimony" in low:
        _bracketed_testimony(tokens, tags)
    if ";" in text:
        _chained_signal(tokens, tags)
    out: list[tuple[str, int, int]] = []
    for (s, e), tag in zip(spans, tags):
        if out and out[-1][0] == tag:
            out[-1] = (tag, out[-1][1], e)
        else:
            out.append((tag, s, e))
    out = _trim_lead_author(text, _split_lead_title(text, out))
    out = _split_site_publisher(text, _split_italic_container(text, _split_quoted_title(text, out)))
    out = _later_title_as_container(text, _body_as_publisher(text, out))
    out = _title_then_in(text, _name_before_quote(text, _edited_book_title(text, out)))
    out = _author_runs_into_title(text, _name_cut_at_initial(text, out))
    out = _lead_editors(text, _role_after_name(text, _outlet_leads(text, _dateline(text, out))))
    out = _programme_not_periodical(text, _platform_kind(text, _periodical_before_volume(text, out)))
    if "(in " in text:
        out = _language_note(text, out)
    return _merge_runs(out)


def _merge_runs(segments: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """One segment per run of a tag: a retagged segment may now carry its neighbour's tag."""
    for k in range(1, len(segments)):
        if segments[k][0] == segments[k - 1][0]:
            break
    else:
        return segments
    out = [segments[0]]
    for tag, s, e in segments[1:]:
        if tag == out[-1][0]:
            out[-1] = (tag, out[-1][1], e)
        else:
            out.append((tag, s, e))
    return out


_IN_WORDS = frozenset(("in", "in:"))
_ACCESS_INITIALS = frozenset("aAcClLrRvV")  # of the access words: a cheap test before the regex
_PHRASE_INITIALS = frozenset("(pPnNmMoOlLwWdDrRsSiI")  # of the genre phrases and "Interview by"


def _first_field(items: list) -> int:
    """Where the reference proper starts in a list of tags or (tag, start, end) segments: 1 after a leading
    citation number ("12.", "[3]"), else 0."""
    head = items[0] if items else None
    return 1 if (head[0] if isinstance(head, tuple) else head) == "citation-number" else 0


def _end_before_space(text: str, start: int, end: int) -> int:
    """Where text[start:end] ends without its trailing whitespace: a segment cut at a regex match ends there."""
    return start + len(text[start:end].rstrip())


def _fix_phrases(tokens: list[str], tags: list[str]) -> list[str]:
    """Phrases whose tag the format fixes, whatever the CRF says: an access phrase ("Accessed 3 Oct.
    2022.", "Retrieved January 15, 2010, from", "[cited 2017 Apr 10]") is `accessed`; a bracketed or
    spelled-out kind of document ("[Tweet].", "[Online].", "Press release,", "(Working Paper No. 12).")
    is `genre`; "Interview by X." is `medium`."""
    tags = list(tags)
    n = len(tokens)
    _interview_with(tokens, tags)
    for i, tok in enumerate(tokens):
        if (i == 0 or tokens[i - 1][-1] in ".,:;)\"”’*") and tok[0] in _PHRASE_INITIALS:
            rest = " ".join(tokens[i : i + 6])
            m = P.RE_GENRE_PHRASE.match(rest) or P.RE_INTERVIEW_BY.match(rest)
            if m:
                k = len(rest[: m.end()].split())
                tags[i : i + k] = ["genre" if m.re is P.RE_GENRE_PHRASE else "medium"] * k
                continue
        if tok[0] == "[" and (P.RE_BRACKET_GENRE.match(tok) or P.RE_BRACKET_DESCRIPTION.match(tok)):
            tags[i] = "genre"
        elif tok[0] == "[" and (k := _bracket_description(tokens, i)):
            tags[i : i + k] = ["genre"] * k  # "[Blog post].", "[Audio podcast episode]."
        elif tok[0] == "(" and P.RE_PAREN_GENRE.match(" ".join(tokens[i : i + 4]).split(")")[0] + ")"):
            k = _paren_length(tokens, i)
            tags[i : i + k] = ["genre"] * k  # "(Statistical Bulletin)."
        elif tok.lstrip("([")[:1] in _ACCESS_INITIALS and P.RE_ACCESS_WORDS.match(tok) and not tok[-1].isdigit():
            # the date must follow within a few tokens and end in a year
            for j in range(i + 1, min(n, i + 6)):
                if P.RE_ACCESS_YEAR.match(tokens[j]):
                    end = j + 1 if j + 1 < n and tokens[j + 1].lower() == "from" else j
                    tags[i : end + 1] = ["accessed"] * (end + 1 - i)
                    break
                if not P.RE_ACCESS_DATE_PART.match(tokens[j]):
                    break
    return tags


def _bracket_description(tokens: list[str], i: int) -> int:
    """How many tokens a bracketed kind of document spans from token i ("[Blog post]." is 2), or 0."""
    for k in range(2, 5):
        if i + k > len(tokens):
            return 0
        words = " ".join(tokens[i : i + k])
        if "]" in tokens[i + k - 1]:
            return k if P.RE_BRACKET_GENRE.match(words) or P.RE_BRACKET_DESCRIPTION.match(words) else 0
        if "]" in words:
            return 0
    return 0


def _paren_length(tokens: list[str], i: int) -> int:
    """Tokens from token i up to the one that closes its parenthesis (at most four)."""
    for k in range(1, 5):
        if i + k > len(tokens) or ")" in tokens[i + k - 1]:
            return min(k, len(tokens) - i)
    return 4


def _fix_marks(tokens: list[str], tags: list[str]) -> None:
    """Short marks whose tag the format fixes, in place: Wikipedia's "(PDF)" is `medium` (as core.xml has
    it); a dataset's "(Version 2)" and a newspaper's "late ed.," `edition`; an episode's "(No. 58)" /
    "episode 17," `volume`; "– via JSTOR." and "Archived from the original on 2016-06-20." are notes, not
    access dates; Chicago's "last modified" / "posted" are notes (the date stays the work's); "(blog)"
    belongs to the container it follows, a platform after a description ("[Video]. TikTok.") is one; a
    doi.org link is the `doi`; Vancouver's "[updated 2022 Aug 16; cited 2022 Sep 2]" is one access phrase."""
    n = len(tokens)
    for i, tok in enumerate(tokens):
        first = tok[0]
        if first in "([" and i and tags[i - 1] in ("journal", "container-title") and P.RE_BLOG_TOKEN.match(tok):
            _blog_into_container(tags, i)
        elif first == "(":
            if P.RE_PDF_MARK.match(tok) and not (i and tokens[i - 1].lower() == "archived"):
                tags[i] = "medium"
            elif i + 1 < n and P.RE_VERSION.match(tok + " " + tokens[i + 1]):
                tags[i] = tags[i + 1] = "edition"
            elif i + 1 < n and P.RE_EPISODE.match(tok + " " + tokens[i + 1]):
                tags[i] = tags[i + 1] = "volume"
                _run_into_container(tags, i - 1, "journal")  # the episode's show is no periodical
            elif tags[i] in P.NAME_TAGS and (role := P.RE_FILM_ROLE.match(tok)):
                # the names back to the previous role mark are this role's
                j = i
                while j and tags[j - 1] in P.NAME_TAGS and not P.RE_FILM_ROLE.match(tokens[j - 1]):
                    j -= 1
                tags[j : i + 1] = [role.group(1).lower().rstrip("s")] * (i + 1 - j)
        elif tok in ("ed.,", "ed.") and i and tokens[i - 1].lower() in P.EDITION_WORDS and tags[i - 1] != "title":
            tags[i - 1] = tags[i] = "edition"  # "late ed.,"
        elif tok[-1] == "." and len(tok) < 12 and i and tokens[i - 1][-1] == "." and tok[:-1].lower() in P.PLATFORMS:
            tags[i] = "container-title"  # "[Video]. TikTok."
        elif tok in P.DASHES and i + 1 < n and tokens[i + 1].lower() == "via":
            _tag_through_block(tokens, tags, i, "note")
        elif first in "aA" and tok.lower() == "archived":
            if P.RE_ARCHIVED.match(" ".join(tokens[i : i + 4])):
                for j in range(i + 1, min(n, i + 9)):
                    if P.RE_ACCESS_YEAR.match(tokens[j]):
                        tags[i : j + 1] = ["note"] * (j + 1 - i)
                        break
            else:  # Wikipedia's "Archived 2017-01-09 at the Wayback Machine": the date is the copy's
                for j in range(i + 2, min(n, i + 9)):
                    if tokens[j].lower().startswith("machine") and tokens[j - 1].lower() == "wayback":
                        tags[i : j + 1] = ["note"] * (j + 1 - i)
                        break
        elif first in "lL" and tok.lower() == "last" and i + 1 < n and tokens[i + 1].lower().rstrip(":") in P.MODIFIED_WORDS:
            tags[i] = tags[i + 1] = "note"
        elif first in "pPuU" and tok.lower() in P.POSTED_WORDS and i + 1 < n and P.RE_ACCESS_DATE_PART.match(tokens[i + 1]):
            tags[i] = "note"
        elif first in "eE" and tok.lower() == "episode" and i + 1 < n and P.RE_EPISODE.match(tok + " " + tokens[i + 1]):
            tags[i] = tags[i + 1] = "volume"
            _run_into_container(tags, i - 1, "journal")  # the episode's show is no periodical
        elif first in "h<" and "doi.org/" in tok and P.RE_DOI_LINK.match(tok):
            tags[i] = "doi"
        elif first == "[" and P.RE_UPDATED_BRACKET.match(tok):
            for j in range(i + 1, min(n, i + 10)):
                if "]" in tokens[j]:
                    if P.RE_CITED_DATE.search(" ".join(tokens[i : j + 1])):
                        tags[i : j + 1] = ["accessed"] * (j + 1 - i)
                    break


def _italics_hold_together(tokens: list[str], tags: list[str]) -> None:
    """Words between italics markers are one field, in place: the CRF may cut '*Okafor v. Lakeshore Cnty.
    Hous. Auth.*' at an abbreviation's period; every word up to the closing marker takes the opening one's tag.
    A cut after a colon or comma stays ('*Securing the Grid: Hearing Before the S. Comm.*')."""
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        if tok[0] == "*" and tok.count("*") == 1 and tok != "*":
            for j in range(i + 1, min(n, i + 16)):
                if "*" in tokens[j]:
                    # not after a new opening marker (no closing one for this span), and only where each cut
                    # follows a period: "*Title: Hearing Before ...*" may hold a title and a genre
                    if tokens[j][0] != "*" and all(
                        tags[m] == tags[m - 1] or tokens[m - 1][-1] == "." for m in range(i + 1, j + 1)
                    ):
                        tags[i + 1 : j + 1] = [tags[i]] * (j - i)
                    i = j
                    break
        i += 1


def _caret_number(tokens: list[str], tags: list[str]) -> None:
    """Wikipedia's back-link "^" ("^4", "^ a b") opening the string is its citation number, in place."""
    if not P.RE_CARET_LINK.match(tokens[0]):
        return
    tags[0] = "citation-number"
    for j in range(1, len(tokens) - 1):
        if not P.RE_BACKLINK_LETTER.match(tokens[j]):
            break
        tags[j] = "citation-number"


def _lead_signal(tokens: list[str], tags: list[str]) -> None:
    """A footnote's opening signal ("See also", "Cf.", "Quoted in") or repeat ("Ibid.,", "Id. at"), after any
    citation number, is a note; pinpoint pages right after a repeat ("Ibid., 31–33;") are pages; in place."""
    first = _first_field(tags)
    head = " ".join(tokens[first : first + 4]) + " "
    m = P.RE_LEAD_SIGNAL.match(head)
    if m and first + (k := len(head[: m.end()].split())) < len(tokens):
        tags[first : first + k] = ["note"] * k
        return
    m = P.RE_IBID.match(head)
    if m:  # "Ibid., 31–33; Tremblay, ...": the repeat is a note, the pinpoint up to its ";" or "." pages
        k = first + len(head[: m.end()].split())
        tags[first:k] = ["note"] * (k - first)
        for j in range(k, min(len(tokens), k + 6)):
            if not P.RE_PINPOINT.match(tokens[j]):
                break
            if tokens[j][-1] == ";" or tokens[j][-1] == "." and tokens[j][-2:-1].isdigit() or j == len(tokens) - 1:
                tags[k : j + 1] = ["pages"] * (j + 1 - k)
                break


_KEEP_IN_SPECIAL_ISSUE = frozenset(("journal", "container-title", "title", "note"))


def _later_publication_note(tokens: list[str], tags: list[str]) -> None:
    """Where else the work appears is a note, as core.xml tags it, in place: "Reprinted in ...", "Also in
    ...", "To appear in ..." after the work run to the end of the string; "Special Issue on ..." runs over
    the container words that follow it ("Special Issue," alone ends at its comma)."""
    n = len(tokens)
    for i in range(1, n - 1):
        low, nxt = tokens[i].lower(), tokens[i + 1].lower()
        if low == "special" and nxt.startswith("issue"):
            j = i + 2
            if nxt[-1] not in ".,;:":  # "Special Issue on Dunes, Reefs," goes on; "Special Issue," does not
                while j < n and tags[j] in _KEEP_IN_SPECIAL_ISSUE:
                    j += 1
            tags[i:j] = ["note"] * (j - i)
            return
        if not (nxt in _IN_WORDS and low in ("reprinted", "also") or low == "to" and nxt.startswith("appear")):
            continue
        start = i - 1 if tokens[i - 1].lower() == "as" else i
        if start and tokens[start - 1][-1] in ".,;)":
            tags[start:] = ["note"] * (n - start)
            return


def _personal_communication(tokens: list[str], tags: list[str]) -> None:
    """'Jonas Elberling, press officer, Vellmar AG, email to the author, Nov. 30, 2022': the phrase
    that says how the author was told is `medium`; when a name of at most five capitalised words opens
    the reference (after any citation number), it is the `author` and what lies between it and the
    phrase the person's role, a `note` (as `_interview_with` has it); in place."""
    n = len(tokens)
    for i in range(n):
        if tokens[i][:1].lower() not in "ptewsvzimc":  # the phrase's first letters: a cheap test
            continue
        head = " ".join(tokens[i : i + 7])
        m = P.RE_PERSONAL_COMM.match(head)
        if not m:
            continue
        k = len(head[: m.end()].split())
        tags[i : i + k] = ["medium"] * k
        first = _first_field(tags)
        end = _name_end(tokens, first)
        role = tokens[end + 1 : i] if end is not None and end < i else None
        # a quoted or italic title between them: not a name and a role
        if role is not None and not any(ch in tok for tok in role for ch in "\"“”*«»"):
            tags[first : end + 1] = ["author"] * (end + 1 - first)
            tags[end + 1 : i] = ["note"] * len(role)
        return


def _numbers_as_date(tokens: list[str], tags: list[str]) -> None:
    """A date written in numbers ("12/04/2021,") is a date, never a volume or pages; in place. A note
    keeps it: "Abruf am: 17.03.2005" is an access date, which core.xml tags note."""
    for i, tok in enumerate(tokens):
        if tags[i] not in ("date", "accessed", "note", "url", "doi") and P.RE_NUMERIC_DATE.match(tok):
            tags[i] = "date"


def _clock_into_date(tokens: list[str], tags: list[str]) -> None:
    """A time of day next to a date ("2 March 2022, 06:41 (Moscow time)", "7:42 a.m. ET, Nov. 3, 2021")
    belongs to that date, with its "a.m." and time zone; in place."""
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if ":" not in tok or not P.RE_CLOCK.match(tok):
            continue
        end = i + 1  # its "a.m.", "ET", "local time", "(Moscow time)": up to three tokens, not past a comma
        while end < n and end - i <= 3 and tokens[end - 1][-1] not in ",;" and P.RE_CLOCK_QUALIFIER.match(tokens[end]):
            end += 1
        if i and tags[i - 1] == "date" or end < n and tags[end] == "date":
            tags[i:end] = ["date"] * (end - i)


def _translated_title(tokens: list[str], tags: list[str]) -> None:
    """A bracketed or parenthesised translation right after a quoted title ("“Il porto che nessuno
    voleva” [The port nobody wanted].") is part of the title, not a kind of document; in place."""
    n = len(tokens)
    for i in range(1, n):
        tok = tokens[i]
        if tok[0] not in "[(" or tags[i - 1] != "title" or tokens[i - 1].rstrip(".,")[-1:] not in P.CLOSING_QUOTES:
            continue
        close = "]" if tok[0] == "[" else ")"
        end = next((j for j in range(i, min(n, i + 16)) if close in tokens[j]), None)
        if end is None or end == i:  # one word ("[Tweet]") is a kind of document
            continue
        words = " ".join(tokens[i : end + 1])
        if not words[1:2].isupper() or any(ch.isdigit() for ch in words) or P.RE_BRACKET_GENRE.match(words) \
                or P.RE_PAREN_GENRE.match(words) or P.RE_GENRE_PHRASE.match(words) \
                or P.RE_CONTAINER_WORDS.search(words[1:]):  # "[The Encyclopedia of Optics]": the book it is in
            continue
        if P.RE_BRACKET_DESCRIPTION.match(words) and tok[1:] not in P.ARTICLES:
            continue  # "[Audio podcast episode]"; a translation of a title starts with "The" / "A" more often
        tags[i : end + 1] = ["title"] * (end + 1 - i)


_OUTLET_TAGS = frozenset(CONTAINER_TAGS + ("publisher",))
_NAME_JOINERS = frozenset(("and", "&", "und", "et", "y", "e"))
_BLOCK_ENDS = ".,;:)”\"’»"


def _translator_credit(tokens: list[str], tags: list[str]) -> None:
    """A translator's credit is `translator`: a cue at the start of a block ("Trans. W. D. Ross.",
    "(tr. David Smith and G.A. Kon),", "Trad fr. par Maurice de Gandillac.") and the names after it, up to
    the period, semicolon or bracket that ends them; or names and a trailing "(trans.)" ("Caryl Emerson and
    Michael Holquist (trans.)", APA's "(H. J. Silverman, Trans.)."). Not "Edited and translated by" (the
    editor's), "translated from Russian by the author" (a note), nor a journal's "Trans." ("Phil. Trans. R.
    Soc.", "IEEE Trans."); in place."""
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if P.RE_TRANSLATOR_CUE.match(tok) and (i == 0 or tok[0] == "(" or tokens[i - 1][-1] in _BLOCK_ENDS):
            j = i + 1
            while j < min(n, i + 4) and tokens[j][0].islower():
                if tokens[j].lower() in ("from", "the"):
                    break
                j += 1  # "by", "par", "fr.", "du polonais par": the names start with a capital
            end = _name_list_end(tokens, j, tok[0] == "(")
            if end is not None:
                tags[i : end + 1] = ["translator"] * (end + 1 - i)
        elif i and P.RE_TRANSLATOR_TAIL.match(tok) and (tok[0] == "(" or tokens[i - 1].endswith(",")):
            start = _name_list_start(tokens, i - 1, tok[0] != "(")
            if start is not None:
                tags[start : i + 1] = ["translator"] * (i + 1 - start)


def _name_word(tok: str) -> bool:
    """Whether a token can be a word of a person's name in a credit: capitalised or a particle, no acronym, no
    abbreviated word of a journal's name ("Soc.", "Amer.")."""
    word = tok.strip("(),;")
    if not word or word.rstrip(".").lower() in P.JOURNAL_ABBREVIATIONS and word.endswith("."):
        return False
    # not an acronym ("ASABE", "MIT"); initials ("G.A.") are names
    return bool(P.RE_NAME_TOKEN.match(word)) and not (word.isupper() and sum(c.isalpha() for c in word) > 2)


def _name_list_end(tokens: list[str], j: int, bracketed: bool) -> int | None:
    """The last token of a list of at least two name words from token j, ending at a period that ends no
    initial, a semicolon, a bracket, a comma after which no more names follow (`_more_names`), or the string's
    end; None otherwise."""
    words = 0
    for k in range(j, min(len(tokens), j + 14)):
        tok = tokens[k]
        if tok in _NAME_JOINERS and words:
            continue
        if tok[0] == "(" and not bracketed and words >= 2 and tokens[k - 1] not in _NAME_JOINERS:
            return k - 1  # "tr. W. Rehg (Cambridge, Mass.: ...": the names end before the bracket
        if not _name_word(tok) or not words and not tok[0].isupper():
            return None
        words += 1
        if bracketed:
            if ")" in tok:
                return k if words >= 2 else None
            continue
        last = tok[-1]
        if last in ";)" or last == "." and not P.RE_FINAL_INITIAL.search(tok) or k == len(tokens) - 1:
            return k if words >= 2 else None
        if last == "," and not _more_names(tokens, k + 1):
            return k if words >= 2 else None
    return None


def _more_names(tokens: list[str], k: int) -> bool:
    """Whether the list of names goes on at token k, after a comma: "and", a suffix ("Jr."), or a name
    followed within a few words by "and" ("Robert Hurley, Helen R. Lane, and Mark Seem.")."""
    if k >= len(tokens):
        return False
    if tokens[k] in _NAME_JOINERS or tokens[k].strip(".,").lower() in ("jr", "sr"):
        return True
    return _name_word(tokens[k]) and any(t in _NAME_JOINERS for t in tokens[k + 1 : k + 6])


def _name_list_start(tokens: list[str], j: int, bracketed: bool) -> int | None:
    """The first token of a list of at least two name words ending at token j: after an opening bracket
    (`bracketed`, APA's "(H. J. Silverman, Trans.)") or at the start of a block."""
    words = 0
    for k in range(j, max(-1, j - 12), -1):
        tok = tokens[k]
        if not (tok in _NAME_JOINERS or _name_word(tok)):
            return None
        words += tok not in _NAME_JOINERS
        if bracketed:
            if tok[0] == "(":
                return k if words >= 2 else None
        elif k == 0 or tokens[k - 1][-1] in ",;:)" or tokens[k - 1][-1] == "." and not P.RE_FINAL_INITIAL.search(tokens[k - 1]):
            return k if words >= 2 and tok not in _NAME_JOINERS else None
    return None


def _run_into_container(tags: list[str], j: int, tag: str) -> None:
    """The run of `tag` that ends at token j becomes a `container-title`, in place."""
    while j >= 0 and tags[j] == tag:
        tags[j] = "container-title"
        j -= 1


def _blog_into_container(tags: list[str], i: int) -> None:
    """"*Fare Share* (blog),": the mark at token i and the outlet run before it are one container."""
    _run_into_container(tags, i - 1, tags[i - 1])
    tags[i] = "container-title"


def _tag_through_block(tokens: list[str], tags: list[str], i: int, tag: str) -> None:
    """Tag tokens i.. with `tag` up to the one that ends the period-ended block (at most six)."""
    for j in range(i, min(len(tokens), i + 6)):
        tags[j] = tag
        if tokens[j].endswith("."):
            break


def _interview_with(tokens: list[str], tags: list[str]) -> None:
    """'Email interview with Ada Okonkwo, economist at ..., Feb. 2, 2020' (after an optional
    citation number): the phrase is `medium` ("Testimony of" `genre`), the name up to its comma `author`, what
    follows up to the date `note` (the person's role); in place. Only when
    a name of at most five capitalised words follows, ending at a comma or the string's end, so a title
    such as "Interview with the Vampire. New York: Knopf." is left alone."""
    first = _first_field(tags)
    head = " ".join(tokens[first : first + 4])
    m = P.RE_INTERVIEW_WITH.match(head) or P.RE_TESTIMONY_OF.match(head)
    if not m:
        return
    k = first + len(head[: m.end()].split())
    j = _name_end(tokens, k)
    if j is None:
        return
    # "Testimony of X, role, before the Committee ..., date": the same shape, a kind of document
    tags[first:k] = ["genre" if m.re is P.RE_TESTIMONY_OF else "medium"] * (k - first)
    tags[k : j + 1] = ["author"] * (j + 1 - k)
    # what follows up to the date is who the person is ("economist at X,"): a note; a bracketed role alone
    bracketed = j + 1 < len(tokens) and tokens[j + 1][0] == "("
    for t in range(j + 1, len(tokens)):
        if tags[t] in ("date", "accessed", "url"):
            # "..., conducted by the author, Oaxaca, 2 August 2019": one capitalised word of its own right
            # before the date is where it took place
            if t - 2 > j and tags[t - 1] == "note" and tokens[t - 2].endswith(",") and P.RE_PLACE_WORD.match(tokens[t - 1]) \
                    and tokens[t - 1].rstrip(",").lower() not in P.ORG_WORDS:
                tags[t - 1] = "location"
            break
        tags[t] = "note"
        if bracketed and ")" in tokens[t]:
            break


def _name_end(tokens: list[str], start: int) -> int | None:
    """The last token of a name of at most five capitalised words from token `start`, ending at its
    comma, before a bracketed role ("Tomás Ribeiro (economist, ...),") or at the string's end; None when no
    such name stands there."""
    for j in range(start, min(len(tokens), start + 5)):
        if not P.RE_NAME_TOKEN.match(tokens[j]):
            return None
        if tokens[j].endswith(",") or j == len(tokens) - 1 or j > start and tokens[j + 1][0] == "(":
            return j
    return None


def _split_quoted_title(text: str, segments: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A quoted title ends at its closing quote: '“River Notes” Valley Monitor.' tagged all title
    becomes title + journal, when the string has no container yet but a date or a web part."""
    tags = {t for t, _, _ in segments}
    if tags & set(CONTAINER_TAGS) or not tags & {"medium", "accessed", "url", "date"}:
        return segments
    for k, (tag, s, e) in enumerate(segments):
        if tag != "title":
            continue
        m = P.RE_QUOTED_TITLE.match(text, s, e)
        end = m.end() if m else s
        if m and text[end : e].lstrip()[:1] == "[":  # a translation in brackets ends the title with it
            m2 = P.RE_BRACKETED_TRANSLATION.match(text, end, e)
            end = m2.end() if m2 else end
        remainder = text[end:e].strip() if m else ""
        after = segments[k + 1][0] if k + 1 < len(segments) else ""
        # not when what follows is a date ("28 April"), a book's "Publisher, Place." or the title's
        # translation ("[The port nobody wanted].")
        translation = remainder[:1] in ("[", "(") and not P.RE_CONTAINER_WORDS.search(remainder[1:])
        # (a place after a bracketed translation is the newspaper's city: '[...]. Jornal X, Porto, 12 jun.')
        if not remainder or translation or parse_date(remainder + " 2000") != "2000" \
                or after == "location" and end == m.end():
            break
        rest = e - len(text[end:e].lstrip())
        tag = "container-title" if P.RE_CONTAINER_WORDS.search(remainder) else "journal"
        return segments[:k] + [("title", s, end), (tag, rest, e)] + segments[k + 1 :]
    return segments


def _split_lead_title(text: str, segments: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A reference has one title: a title run that opens the string with a plain sentence and goes on
    with a quoted or italic title is author + title ('Ministry of Water. *Survey 2018*.')."""
    k = _first_field(segments)
    if len(segments) <= k or segments[k][0] != "title":
        return segments
    _, s, e = segments[k]
    m = P.RE_PLAIN_LEAD.match(text, s, e)
    if not m or len(m.group(1).split()) > 8:
        return segments
    return segments[:k] + [("author", s, m.end(1)), ("title", m.end(), e)] + segments[k + 1 :]


def _trim_lead_author(text: str, segments: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """An author segment opening with one complete "Family, Given." name ends there unless the name list
    visibly goes on ("and", "&", an initial, another "Family,"): the rest goes to the next segment."""
    if len(segments) < 2 or segments[0][0] != "author":
        return segments
    _, s, e = segments[0]
    m = P.RE_LEAD_NAME.match(text, s, e)
    if not m or m.end() >= e or P.RE_NAME_LIST_GOES_ON.match(text, m.end(), e):
        return segments
    tag, _, e2 = segments[1]
    return [("author", s, _end_before_space(text, s, m.end())), (tag, m.end(), e2)] + segments[2:]


def _split_italic_container(text: str, segments: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """An outlet in italics markers ends at its closing marker: '*Foreign Policy*. The Slate' tagged
    all journal, before a publisher segment, becomes journal '*Foreign Policy*.' + publisher."""
    for k, (tag, s, e) in enumerate(segments):
        if tag not in CONTAINER_TAGS or text[s] != "*" or k + 1 >= len(segments) or segments[k + 1][0] != "publisher":
            continue
        close = text.find("*", s + 1, e)
        if close < 0:
            continue
        cut = close + 1
        while cut < e and text[cut] in ".,:;":
            cut += 1
        blog = P.RE_BLOG_MARK.match(text, cut, e)  # "*Fare Share* (blog)," : the mark is the container's
        if blog:
            cut = blog.end()
        if cut < e and text[cut].isspace() and text[cut:e].strip():
            rest = cut + len(text[cut:e]) - len(text[cut:e].lstrip())
            return segments[:k] + [(tag, s, cut), ("publisher", rest, segments[k + 1][2])] + segments[k + 2 :]
    return segments


def _split_site_publisher(text: str, segments: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Split MLA 7's "Site Name. Publisher, Date. Web." when the CRF ran site and publisher together.

    Only in web citations (a medium, access date or URL segment is present) and only when the
    container ends with "," right before a date and its period-ended first part is not an
    abbreviation ("J. Biol."), so scholarly journal names are never cut."""
    tags = {t for t, _, _ in segments}
    if "publisher" in tags or not tags & {"medium", "accessed", "url"}:
        return segments
    for k, (tag, s, e) in enumerate(segments):
        if tag not in ("journal", "container-title") or k + 1 >= len(segments) or segments[k + 1][0] != "date":
            continue
        value = text[s:e]
        if not value.endswith(","):
            continue
        m = P.RE_SITE_PUBLISHER.match(value)
        if m:
            cut = s + m.end(1)
            pub = s + m.start(2)
            return segments[:k] + [(tag, s, cut), ("publisher", pub, e)] + segments[k + 1 :]
    return segments


def _body_as_publisher(text: str, segments: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A `journal` segment that names a body, not a periodical ("Wrenmouth Coastal Observatory.", "Amberlow
    Borough Council."), is the publisher; when it opens the reference (after a citation number), the
    author. Not in italics, which mark a periodical or a site."""
    out = segments
    for k, (tag, s, e) in enumerate(segments):
        if tag != "journal" or "*" in text[s:e]:
            continue
        words = [w.strip(".,:;()").lower() for w in text[s:e].split()]
        if len(words) < 2 or words[-1] not in P.BODY_WORDS or any(w in P.PERIODICAL_WORDS for w in words):
            continue
        opens = k == 0 or k == 1 and segments[0][0] == "citation-number"
        if out is segments:
            out = list(segments)
        out[k] = ("author" if opens else "publisher", s, e)
    return out


def _opens_with_in(text: str, start: int, end: int) -> bool:
    """Whether the segment text[start:end] opens with "In" / "In:"."""
    return text[start:end].split(None, 1)[0].lower() in _IN_WORDS


def _later_title_as_container(text: str, segments: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A reference has one title: a second title segment that opens with "In" or comes after an "In ..."
    editor segment ("In P. Sanders (Ed.) The Tribes of ...") is the book or proceedings the work is in;
    one right before a volume or pages is the periodical."""
    out = segments
    seen = in_editor = False
    first_end = 0
    for k, (tag, s, e) in enumerate(segments):
        if tag == "editor" and seen and _opens_with_in(text, s, e):
            in_editor = True
        if tag != "title":
            continue
        if not seen:
            seen, first_end = True, e
            continue
        if _opens_with_in(text, s, e) or in_editor:
            new = "container-title"
        elif k + 1 < len(segments) and segments[k + 1][0] in ("volume", "pages") and ";" not in text[first_end:e]:
            # "Title. 1997. Computational Optimization, 54(3)": the periodical (core.xml, after the title,
            # before a volume or pages: journal 301, container 147, title never); not in a note that
            # chains works with ";" ("...; and Nordstrøm Grid, annual report 2021, p. 88"), where it is
            # the next work's title
            new = "container-title" if P.RE_PROCEEDINGS.search(text, s, e) else "journal"
        else:
            continue
        if out is segments:
            out = list(segments)
        out[k] = (new, s, e)
    return out


def _title_then_in(text: str, segments: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The only title of a reference with no container that runs on with ', in <Capital>' or '” in ...'
    holds the work and the book it is in ("The Europeans, in Novels, 1871–1880"): split there."""
    if " in" not in text and " In" not in text:
        return segments
    tags = [tag for tag, _, _ in segments]
    if tags.count("title") != 1 or any(t in CONTAINER_TAGS for t in tags):
        return segments
    k = tags.index("title")
    _, s, e = segments[k]
    m = P.RE_TITLE_THEN_IN.search(text, s, e)
    if not m:
        return segments
    return segments[:k] + [("title", s, m.start(1)), ("container-title", m.end(1), e)] + segments[k + 1 :]


def _name_cut_at_initial(text: str, segments: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A title or container that ends on an initial, followed by a segment that is only the rest of a name
    ("In The Best Short Stories of J." + "G. Ballard."): the name belongs to the title or container."""
    for k in range(len(segments) - 1):
        tag, s, e = segments[k]
        # ends on " J." (or is "J." at the string's start): an initial, by its last three characters
        if not (e - s >= 2 and text[e - 1] == "." and "A" <= text[e - 2] <= "Z"
                and (text[e - 3].isspace() if e - s > 2 else s == 0)):
            continue
        _, s2, e2 = segments[k + 1]
        if tag in ("title", "container-title", "journal") and P.RE_NAME_TAIL.fullmatch(text, s2, e2):
            return segments[:k] + [(tag, s, e2)] + segments[k + 2 :]
    return segments


def _author_runs_into_title(text: str, segments: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """An author segment that opens with one complete "Family, I." name and goes on with a lower-case
    word no list of names holds ("Green, B. Renovation and Green Agenda Support ... across Europe,") has
    run into the title: the name ends there, the rest is the title (joining one that follows)."""
    k = _first_field(segments)
    if len(segments) <= k + 1 or segments[k][0] != "author":
        return segments
    _, s, e = segments[k]
    m = P.RE_LEAD_NAME_INITIALS.match(text, s, e)
    if not m or m.end() >= e or P.RE_NAME_LIST_GOES_ON.match(text, m.end(), e):
        return segments
    rest = [w.strip(".,;:()[]") for w in text[m.end() : e].split()]
    # "et al." would leave the cut inside the list
    if "al" in rest or not any(w[:1].islower() and w not in P.NAME_LIST_SMALL_WORDS for w in rest):
        return segments
    name_end = _end_before_space(text, s, m.end())
    tag, _, e2 = segments[k + 1]
    if tag == "title":
        return segments[:k] + [("author", s, name_end), ("title", m.end(), e2)] + segments[k + 2 :]
    return segments[:k] + [("author", s, name_end), ("title", m.end(), e)] + segments[k + 1 :]


def _dateline(text: str, segments: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A wire story's dateline is its `location`: a place in capitals right before the date, after the title or
    the outlet, when the string names a newspaper or wire before it (its first field or a periodical):
    'Harwell Press Agency, "Ministers ...," LONDON, 12 September 2023'. Without that, the capitals may be the
    periodical or the publisher ('Title. JAMA, 2010'; '... Conference, IEEE, 2009')."""
    k0 = _first_field(segments)
    for k in range(k0 + 1, len(segments) - 1):
        if segments[k + 1][0] != "date":
            continue
        tag, s, e = segments[k]
        if tag not in _DATELINE_MISREAD or not text[s].isupper() or not P.RE_DATELINE.match(text[s:e].rstrip()):
            continue
        if not text[s:e].strip(" ,.").strip("IVXLCDM"):  # a volume in Roman numerals, "LXII,"
            continue
        if segments[k - 1][0] not in ("title", *CONTAINER_TAGS):
            continue
        # the outlet named like a newspaper or wire: the first field, or a periodical before the capitals
        if any((t in CONTAINER_TAGS or j == k0) and _named_like_news(text[s2:e2]) for j, (t, s2, e2) in enumerate(segments[:k])):
            return segments[:k] + [("location", s, e)] + segments[k + 1 :]
    return segments


_DATELINE_MISREAD = frozenset(("journal", "container-title", "publisher", "note"))


def _named_like_news(name: str) -> bool:
    words = [w.strip("()[]*").lower() for w in P.RE_NAME_WORD_SPLIT.split(name.rstrip(" .,:;"))]
    return len(words) >= 2 and any(w in P.NEWS_NAME_WORDS for w in words)


def _outlet_leads(text: str, segments: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """'Harbor Ledger, "Ferry fares to rise 12%," March 3, 2021': a first field read as the author, right before
    a quoted title, named like a newspaper or wire ("Ledger", "News", "Wire Service"), with no periodical
    anywhere else in the string, is the outlet. One name only: no list ("and", "&", ";", "Family, Given")."""
    k = _first_field(segments)
    if len(segments) <= k + 1 or segments[k][0] != "author" or segments[k + 1][0] != "title":
        return segments
    if text[segments[k + 1][1]] not in OPEN_QUOTES:
        return segments
    _, s, e = segments[k]
    name = text[s:e].rstrip(" .,:;")
    if "," in name or ";" in name or "&" in name or " and " in name or any(t in CONTAINER_TAGS for t, _, _ in segments):
        return segments
    if not _named_like_news(name):
        return segments
    return segments[:k] + [("journal", s, e)] + segments[k + 1 :]


def _role_after_name(text: str, segments: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A job after the person opening a source line is a note, not their name: 'Margit Sorensen, former
    chief medical officer of Kestrel County,' / 'Arben Kastrati (mayor of Drenovica),' -> author + note; nor
    a title when a medium or genre follows it ('Chowdhury, Rahima. Former procurement officer, Tarnow
    District Health Office. Interview by ...'). The job starts with a lower-case word (not a credit, "host.",
    nor a name's particle or "and") or an office ("Governor of")."""
    k = _first_field(segments)
    if len(segments) <= k + 1 or segments[k][0] != "author":
        return segments
    _, s, e = segments[k]
    m = P.RE_LEAD_PERSON.match(text, s, e)
    if m and m.end() < e:
        rest = text[m.end() : e]
        if P.RE_INTERVIEW_MEDIUM.search(rest) or P.RE_POST_GENRE.search(rest):  # "email to the author": the medium
            return segments
        if _names_organisation(text[s : m.end()]) or not _is_job(rest):
            return segments
        return segments[:k] + [("author", s, _end_before_space(text, s, m.end())), ("note", m.end(), e)] + segments[k + 1 :]
    # the whole segment a person's name, then a job read as the title, then how they were heard
    if len(segments) <= k + 2 or segments[k + 1][0] != "title" or segments[k + 2][0] not in ("medium", "genre"):
        return segments
    _, s2, e2 = segments[k + 1]
    if len(text[s:e].split()) > 4 or _names_organisation(text[s:e]) or not _is_job(text[s2:e2]):
        return segments
    return segments[: k + 1] + [("note", s2, e2)] + segments[k + 2 :]


def _lead_editors(text: str, segments: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Names that open the reference and end in an editor's mark ("Snyder, C. R. (Ed.).", "Huf, Christina &
    Irmtraud Schnell Hrsg.", "BACQUE M.-H et SINTOMER Y. (dir.),") are the `editor`, as core.xml tags them
    (37 of 37 in folds 0-3), also when the mark was cut off into a segment of its own."""
    k = _first_field(segments)
    if len(segments) <= k or segments[k][0] != "author":
        return segments
    _, s, e = segments[k]
    head, _, mark = text[s:e].rstrip().rpartition(" ")
    if head and (P.RE_EDITOR_MARK.match(mark) or P.RE_EDITOR_WORD.match(mark) and (
            len(head.split()) > 1 or mark.rstrip(".,:;").lower() not in ("ed", "editor"))):
        return segments[:k] + [("editor", s, e)] + segments[k + 1 :]
    if len(segments) > k + 1:
        _, s2, e2 = segments[k + 1]
        mark = text[s2:e2].split()
        if len(mark) == 1 and P.RE_EDITOR_MARK.match(mark[0]):
            return segments[:k] + [("editor", s, e), ("editor", s2, e2)] + segments[k + 2 :]
    return segments


def _periodical_before_volume(text: str, segments: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A container right before a journal's volume and issue ("Psychotherapies, 9(1), 69-80.", "Mathematics of
    Computation, Vol. 24, No. 111,") is the journal, unless the reference has an editor, publisher or place,
    opens the container with "In" or names a meeting (a book's or proceedings' volume). core.xml folds 0-3
    tag 108 of 110 such containers without those `journal`; an episode or series number is no issue."""
    found = None
    for k, (tag, s, e) in enumerate(segments):
        if tag in ("editor", "publisher", "location"):
            return segments
        if tag == "container-title" and k + 1 < len(segments) and segments[k + 1][0] == "volume" and found is None:
            found = k
    if found is None:
        return segments
    _, s, e = segments[found]
    if not P.RE_VOLUME_AND_ISSUE.match(text, segments[found + 1][1], segments[found + 1][2]) \
            or _opens_with_in(text, s, e) or P.RE_PROCEEDINGS.search(text, s, e):
        return segments
    return segments[:found] + [("journal", s, e)] + segments[found + 1 :]


def _chained_signal(tokens: list[str], tags: list[str]) -> None:
    """A footnote that chains works ("...; cf. Brandt, *Paper Trails*, 88.", "...; and Aline Mercier, *Les ports*
    ..."): the signal after the ";" is a note, and a name right after it, up to its comma and before a quoted or
    italic title, the next work's author; in place."""
    n = len(tokens)
    for i in range(1, n - 1):
        if not tokens[i - 1].endswith(";") or tags[i - 1] in P.NAME_TAGS and _name_word(tokens[i - 1].rstrip(";")):
            continue  # "Cumming, S.; and Martin, J.": a list of names goes on
        head = " ".join(tokens[i : i + 4]) + " "
        m = P.RE_CHAIN_SIGNAL.match(head)
        if not m:
            continue
        k = i + len(head[: m.end()].split())
        tags[i:k] = ["note"] * (k - i)
        j = _name_end(tokens, k) if k < n else None
        if j is not None and j + 1 < n and tokens[j].endswith(",") and tokens[j + 1][0] in OPEN_QUOTES + "*":
            tags[k : j + 1] = ["author"] * (j + 1 - k)


def _bracketed_testimony(tokens: list[str], tags: list[str]) -> None:
    """A hearing's "(testimony of Lena Marchetti, director, Vellmore Health Policy Center)," is one note, as the
    hand-written legal citations have it; in place."""
    for i, tok in enumerate(tokens):
        if tok[:10].lower() == "(testimony":
            end = next((j for j in range(i, min(len(tokens), i + 30)) if ")" in tokens[j]), None)
            if end is not None:
                tags[i : end + 1] = ["note"] * (end + 1 - i)


def _language_note(text: str, segments: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """"(in Portuguese)" ending an outlet's name is a note of its own ("Jornal do Capibaré (in Portuguese),").
    After a title it stays there, as core.xml has it ("The Geology of Astroblemes (in Russian).")."""
    for k, (tag, s, e) in enumerate(segments):
        if tag in _OUTLET_TAGS:
            m = P.RE_LANGUAGE_TAIL.search(text, s, e)
            if m and m.start() > s:
                cut = m.start() + 1  # after the space
                return segments[:k] + [(tag, s, _end_before_space(text, s, cut)), ("note", cut, e)] + segments[k + 1 :]
    return segments


def _programme_not_periodical(text: str, segments: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A `journal` right before a broadcaster ("*Morgenecho*, Radio Westfalen Eins,") or an episode number
    ("*Uppdrag Norr*, series 4, episode 2.") is a programme: the `container-title`, as the hand-written data tag
    all 36 and 15 such segments."""
    out = segments
    for k in range(len(segments) - 1):
        tag, s, e = segments[k]
        nxt, s2, e2 = segments[k + 1]
        if tag == "journal" and (nxt == "publisher" and P.RE_BROADCASTER.search(text, s2, e2)
                                 or nxt == "volume" and P.RE_EPISODE_NUMBER.search(text, s2, e2)):
            if out is segments:
                out = list(segments)
            out[k] = ("container-title", s, e)
    return out


def _platform_kind(text: str, segments: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A segment that only names a platform and a kind of post ("Telegram post,", "TikTok video,") is the
    `genre`, whatever periodical or publisher the CRF read it as (never the title or author)."""
    out = segments
    for k, (tag, s, e) in enumerate(segments):
        if tag in ("journal", "container-title", "publisher", "note", "medium") and P.RE_PLATFORM_KIND.fullmatch(
                text, s, _end_before_space(text, s, e)):
            if out is segments:
                out = list(segments)
            out[k] = ("genre", s, e)
    return out


def _names_organisation(name: str) -> bool:
    """Any word of `name` an organisation's (ORG_WORDS), commas and periods aside. Not _is_org, which takes a
    cleaned, comma-free author chunk and never counts one word as an organisation."""
    return any(w.lower().strip(".,") in P.ORG_WORDS for w in name.split())


def _is_job(words: str) -> bool:
    """Whether `words` open with a person's job: a lower-case word that is no credit ("host."), particle or
    "and", or an office and a lower-case word ("Governor of", "Former procurement officer")."""
    first, _, after = words.lstrip("(").partition(" ")
    word = first.strip(".,;:()").lower()
    if not word or word in P.CREDIT_WORDS or word in P.NAME_LIST_SMALL_WORDS:
        return False
    return first[0].islower() or (word in P.OFFICE_WORDS and after[:1].islower())


def _name_before_quote(text: str, segments: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A title right after the authors that opens with a name's last words and then a quotation mark
    ('Chern "Design for Reliability ..."'): the words before the quote end the author list."""
    if '"' not in text and "“" not in text and "«" not in text and "``" not in text:
        return segments
    for k in range(1, len(segments)):
        tag, s, e = segments[k]
        if tag == "title" and segments[k - 1][0] == "author":
            m = P.RE_NAME_BEFORE_QUOTE.match(text, s, e)
            if not m:
                return segments
            end = _end_before_space(text, s, m.end(1))
            return segments[: k - 1] + [("author", segments[k - 1][1], end), ("title", m.end(1), e)] + segments[k + 1 :]
    return segments


def _edited_book_title(text: str, segments: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A reference with no title whose editors stand right before a container ("Levinson, D., eds.
    Encyclopedia of ...") cites the edited book itself: that container is its title. Not a meeting's
    proceedings, which stay the container (core.xml folds 0-3: 26 book titles, 2 proceedings containers)."""
    found = 0
    for k, (tag, _, _) in enumerate(segments):
        if tag == "title":
            return segments
        if not found and k and tag == "container-title" and segments[k - 1][0] == "editor":
            found = k
    if not found:
        return segments
    _, s, e = segments[found]
    if P.RE_PROCEEDINGS.search(text, s, e):
        return segments
    return segments[:found] + [("title", s, e)] + segments[found + 1 :]


def parse_reference(text: str, path: str | Path | None = None) -> tuple[ReferenceFields, list[Segment]]:
    """Fields and (tag, text) segments of one reference string; raises ModelError with no model."""
    segments = [(tag, text[s:e]) for tag, s, e in segment_spans(text, path)]
    return normalise(segments, text), segments


# ------------------------------------------------------------------ normalisation
def clean(value: str) -> str:
    """Strip quotes, italics markers, brackets and trailing punctuation around a field value."""
    if "*" in value or "_" in value:
        value = value.replace("*", " ").replace("_", " ")
    while True:
        value = value.strip(_STRIP)
        # a closing bracket is kept when it closes one inside the value: "Foo (Bar)"
        if value[-1:] in ")]" and value.count("(") + value.count("[") < value.count(")") + value.count("]"):
            value = value[:-1]
        elif value[:1] in "([" and value.count("(") + value.count("[") > value.count(")") + value.count("]"):
            value = value[1:]
        else:
            break
    return " ".join(value.split())


def parse_date(value: str) -> str | None:
    """ISO 8601 (partial allowed) for a date written in any common way; None when there is no year."""
    m = P.RE_ISO_DATE.search(value)
    if m:
        y, mo, d = m.group(1), int(m.group(2)), m.group(3)
        if 1 <= mo <= 12:
            return f"{y}-{mo:02d}" + (f"-{int(d):02d}" if d and 1 <= int(d) <= 31 else "")
    years = P.RE_YEAR.findall(value)
    if not years:
        return None
    year = years[0]
    month_m = P.RE_MONTH_WORD.search(value)
    if not month_m:
        return year
    month = P.MONTHS[month_m.group(1).lower()]
    rest = value.replace(year, " ", 1)
    day = None
    for d in P.RE_DAY.finditer(rest):
        if 1 <= int(d.group(1)) <= 31:
            day = int(d.group(1))
            break
    return f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")


def _is_org(name: str) -> bool:
    words = name.lower().replace(".", " ").split()
    parts = [w for w in P.RE_NAME_WORD_SPLIT.split(name.lower()) if w]
    return len(words) > 1 and any(w in P.ORG_WORDS for w in parts) or len(words) > 4


def _is_outlet(author: Author) -> bool:
    """An organisation author whose name ends like a newspaper's ("... Ledger", "... Times")."""
    words = author.family.lower().split()
    return not author.given and len(words) > 1 and words[-1].strip(".,") in P.OUTLET_LAST_WORDS


def _natural(name: str) -> Author:
    """ "Patrick Disney", "W. E. Howard", "Ruth van der Berg", "Pérez-Higueras JJ" -> Author."""
    words = name.split()
    if len(words) == 1:
        return Author(family=words[0])
    if P.RE_VANCOUVER_INITIALS.match(words[-1]) and not P.RE_VANCOUVER_INITIALS.match(words[0]):
        return Author(family=" ".join(words[:-1]), given=words[-1])
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].lower() in P.NAME_PARTICLES:
        cut -= 1
    return Author(family=" ".join(words[cut:]), given=" ".join(words[:cut]))


def parse_authors(value: str) -> tuple[Author, ...]:
    """Split an author segment into Authors ("Family, Given", "Given Family", APA and Vancouver lists).

    Organisations ("United Nations", "Human Rights Watch") become one Author with only `family`."""
    value = P.RE_ET_AL.sub("", value)
    value = value.replace("[", "(").replace("]", ")")
    if "@" in value:  # "Name [@handle]" / "@handle (Name)": keep the name, drop the handle
        inner = value[value.find("(") + 1 : value.rfind(")")] if "(" in value else ""
        outer = value[: value.find("(")] if "(" in value else value
        value = inner if outer.strip().startswith("@") else outer
    value = _clean_names(value)
    for prefix in ("by ", "By "):
        if value.startswith(prefix):
            value = value[len(prefix):]
    if not value:
        return ()
    if _is_org(value) and "," not in value:
        return (Author(family=value),)
    chunks = [c.strip(" .") if not P.RE_INITIALS.match(c.strip()) else c.strip() for c in P.RE_AUTHOR_SPLIT.split(value)]
    chunks = [c for c in chunks if c]
    authors: list[Author] = []
    i = 0
    while i < len(chunks):
        c = chunks[i]
        nxt = chunks[i + 1] if i + 1 < len(chunks) else None
        single = len(c.split()) == 1 or c.split()[0].lower() in P.NAME_PARTICLES
        if nxt is not None and single and not P.RE_INITIALS.match(c) and (
            P.RE_INITIALS.match(nxt) or len(nxt.split()) <= 2 and not _looks_natural_pair(nxt, chunks, i)
        ):
            authors.append(Author(family=c, given=nxt))
            i += 2
            continue
        authors.append(Author(family=c) if _is_org(c) else _natural(c))
        i += 1
    return tuple(authors)


def _clean_names(value: str) -> str:
    """clean() that keeps the period of a final initial ("Reyes, T." stays "Reyes, T.")."""
    kept = P.RE_FINAL_INITIAL.search(value.rstrip(" ,;:"))
    value = clean(value)
    return value + "." if kept and not value.endswith(".") else value


def _looks_natural_pair(chunk: str, chunks: list[str], i: int) -> bool:
    """True when `chunk` (after a single-word chunk) is itself a full "Given Family" name.

    "Halloran, Ruth, and Omar Haddad": "Ruth" is Halloran's given name. "Disney, Patrick Kim" keeps
    "Patrick Kim" as given names when the list is in "Family, Given" order throughout."""
    return len(chunk.split()) == 2 and i > 0


def _volume_issue(segments: list[Segment]) -> tuple[str | None, str | None]:
    vol = issue = None
    for tag, text in segments:
        if tag != "volume":
            continue
        m = P.RE_VOLUME_ISSUE.search(text)
        if m:
            return m.group(1), m.group(2)
        low = text.lower()
        nums = P.RE_NUMBER.findall(text)
        if not nums:
            continue
        if ("no." in low or "issue" in low) and "vol" in low and len(nums) > 1:
            return nums[0], nums[1]
        if "no." in low or "issue" in low:
            issue = nums[0]
        else:
            vol = nums[0]
    return vol, issue


def normalise(segments: list[Segment], text: str = "") -> ReferenceFields:
    """ReferenceFields from tagged segments (a tag seen twice keeps its first value, except notes)."""
    by: dict[str, list[str]] = {}
    for tag, value in segments:
        by.setdefault(tag, []).append(value)

    def first(*tags: str) -> str | None:
        for t in tags:
            for v in by.get(t, ()):
                c = clean(v)
                if c:
                    return c
        return None

    authors: tuple[Author, ...] = ()
    for v in by.get("author", ()):
        authors += parse_authors(v)
    date = None
    for v in by.get("date", ()):
        date = parse_date(v)
        if date:
            # "(2013)" then "8 November." (Harvard): complete the year with the later day and month
            if len(date) == 4:
                for w in by["date"]:
                    more = parse_date(w + " " + date) if w is not v else None
                    if more and len(more) > 4:
                        date = more
                        break
            break
    accessed = None
    for v in by.get("accessed", ()):
        cited = P.RE_CITED_DATE.search(v) if "cited" in v.lower() else None  # "[updated ...; cited 2022 Sep 2]"
        accessed = parse_date(cited.group(1) if cited else v)
        if accessed:
            break
    container = first(*CONTAINER_TAGS)
    if container:
        container = clean(P.RE_INTERNET.sub("", container))
        if container.startswith("In "):
            container = container[3:]
    medium_parts = [clean(v) for v in by.get("medium", ()) if clean(v)]
    medium = "; ".join(medium_parts) or None
    notes = [clean(v) for v in by.get("note", ()) if clean(v)]
    doi = None
    where = " ".join(by.get("doi", ())) or text
    m = P.RE_DOI.search(where) if "10." in where else None  # the search alone costs more than the test
    if m:
        doi = m.group(1).rstrip(P.URL_TRAILING)
    volume, issue = _volume_issue(segments)
    pages = first("pages")
    if pages:
        pages = pages.replace("pp.", "").replace("p.", "").replace("pages", "").strip(" ,.")
    title = first("title")
    if container is None and title and len(authors) == 1 and _is_outlet(authors[0]):
        # 'Calder Daily Ledger, "Steel tariffs and what they cost," March 3, 2021': fact-checkers list the
        # outlet first, where the model often reads an author; a newspaper is the container of its story
        container, authors = authors[0].family, ()
        by = by | {"journal": [container]}
    if title is None and container and "journal" not in by:
        # every reference names a work: with no title tagged, the container-like run is that name
        # ("Research Service. The Coastal Survey." tagged container-title, a site's own page)
        title, container = container, None
    return ReferenceFields(
        authors=authors,
        title=title,
        container=container,
        publisher=first("publisher"),
        date=date,
        accessed=accessed,
        doi=doi,
        volume=volume,
        issue=issue,
        pages=pages or None,
        location=first("location"),
        medium=medium,
        note="; ".join(notes) or None,
        type=_type_of(by, container, medium, title, volume or pages or doi, publisher=bool(by.get("publisher"))),
    )


def _type_of(by: dict[str, list[str]], container: str | None, medium: str | None, title: str | None,
             numbered: object, publisher: bool) -> str | None:
    """A guess at the CSL-like type from which fields are present."""
    medium = (medium or "").lower()
    genre = " ".join(by.get("genre", ())).lower()
    container = (container or "").lower()
    if P.RE_INTERVIEW_MEDIUM.search(medium) or "interview" in genre:
        kind = "interview"
    elif (container in P.SOCIAL_SITES or P.RE_POST_GENRE.search(genre)
          or any(v.lstrip("*").lower().startswith(tuple(P.SOCIAL_SITES)) for v in by.get("container-title", ()))):
        kind = "post"
    elif any(w in genre for w in ("report", "brief", "paper")) or (not container and "report" in (title or "").lower()):
        kind = "report"
    elif "journal" in by and numbered and not any("doi.org/" not in u.lower() for u in by.get("url", ())):
        # a volume, pages or DOI and no web address but (at most) a DOI link: a journal article
        kind = "article-journal"
    elif "journal" in by:
        kind = "article-newspaper"
    elif container:
        kind = "webpage" if by.get("url") else "chapter"
    elif publisher and not by.get("url"):
        kind = "book"
    elif by.get("url"):
        kind = "webpage"
    else:
        kind = None
    return kind


prefer_source_if_newer(__name__, __file__)  # last: see _compiled.py
