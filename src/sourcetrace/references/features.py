"""Token features for the reference-field CRF: a reference string -> whitespace tokens -> feature tuples.

Tokens are whitespace-separated (the unit AnyStyle data and the shared scorer use). Features are
binary attribute names (UTF-8 bytes, as pycrfsuite takes them) in the manner of AnyStyle: the token's
word, prefix/suffix, shape, punctuation, lexical classes (year, pages, URL, initial, month, publisher
and journal words), a lexicon class compiled from the training data (name, place, publisher,
journal, container, title; data/references/lexicon.txt), its position in the string, quote/parenthesis/italics state,
what was seen before it ("In", "eds.", "pp.", a closed quotation, a year, a URL), how many
period-ended blocks precede it, and a +-2 window. Everything that depends on the token alone is
computed once per distinct token and per distinct word (cached), and the position/state features
once per combination, so a string costs little more than tuple concatenation.
Tried without gain on the dev split (scripts/train_references.py --dev): block-initial word, distance
to the year, style of the whole string, word bigrams, first character, length, what the token's block
holds (8.58% dev error with it, 8.65% without: dropped for speed), the neighbours' lexicon classes;
and, under 5-fold cross-validation, what lies ahead of the token (a right-to-left pass of the same
cues: a year, URL, "In", "eds.", "pp.", a closing quote, blocks left): 6.17% either way.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from ._compiled import prefer_source_if_newer

RE_TOKEN = re.compile(r"\S+")
_RE_CORE = re.compile(r"^\W+|\W+$")
_RE_RUNS = re.compile(r"(.)\1+")
# Non-word characters common at token ends: str.strip with a short set is much faster than _RE_CORE
# (and than a set of every symbol: strip scans its argument for each character).
_PUNCT = ".,;:()[]{}<>\"'“”‘’«»*!?-–—/\\&%#@+=`~|^$§"
_RE_YEAR = re.compile(r"^\(?\[?(1[5-9]\d\d|20\d\d)[a-z]?\]?\)?[.,:;]*$")
_RE_PAGES = re.compile(r"^\(?(?:pp?\.?)?\d+[-–—]+\d+[).,;:]*$")
_RE_URLISH = re.compile(r"https?:|www\.|\.(?:com|org|net|edu|gov|html?|pdf|php)\b|://|^<|doi", re.IGNORECASE)
_RE_INITIAL = re.compile(r"^(?:[A-Z]\.)+[,;]?$|^[A-Z]\.-[A-Z]\.[,;]?$")
_RE_ROMAN = re.compile(r"^[ivxlcdmIVXLCDM]+[.,]?$")
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
# Words that announce what follows (AnyStyle's "after In / eds / pp." context): the flag stays on for
# the rest of the string, so e.g. every token after "In" knows it is past the title.
_ED_WORDS = frozenset({"ed", "eds", "ed.", "eds.", "edited", "editor", "editors", "(ed.)", "(eds.)", "(ed)", "(eds)", "hrsg", "hg"})
_PUB_WORDS = frozenset({"press", "publishers", "publisher", "publishing", "verlag", "books", "inc", "ltd", "co", "gmbh",
                        "university", "universitaire", "editions", "éditions", "springer", "wiley", "elsevier"})
_JOUR_WORDS = frozenset({"journal", "proceedings", "proc", "conference", "review", "transactions", "trans", "bulletin",
                         "magazine", "quarterly", "annals", "letters", "symposium", "workshop", "studies", "int",
                         "international", "acta", "zeitschrift", "revue", "rev"})
OPEN_QUOTES = "\"“‘'«"  # also what fields takes for a quoted title's opening
_CLOSE_QUOTES = "\"”’'»"
_SHAPE_TABLE = {
    c: "X" if chr(c).isupper() else "x" if chr(c).islower() else "d" if chr(c).isdigit() else chr(c)
    for c in range(0x250)
}
_BOS = (b"BOS",)
_EOS = (b"EOS",)


_ROMAN_FIRST = frozenset("ivxlcdmIVXLCDM")


def _has_bracket(tok: str) -> bool:
    return "(" in tok or ")" in tok or "[" in tok or "]" in tok


def _first_of_run(m: re.Match) -> str:
    return m.group(1)


def tokenize(text: str) -> list[tuple[int, int]]:
    """Offsets of the whitespace tokens of `text`."""
    return [m.span() for m in RE_TOKEN.finditer(text)]


# ------------------------------------------------------------------ lexicon
# Word lists in the manner of AnyStyle's dictionaries (names, places, publishers, journals), compiled
# from the training data only by scripts/train_references.py and shipped next to the model.
LEXICON_FILE = "data/references/lexicon.txt"
LEXICON_CLASSES = {"author": "name", "editor": "name", "translator": "name", "location": "place",
                   "publisher": "pub", "journal": "jour", "container-title": "cont", "title": "ttl"}
_lexicon: dict[str, tuple[bytes, ...]] | None = None


def build_lexicon(sequences: Iterable[list[tuple[str, str]]], min_count: int = 2,
                  min_share: float = 0.5) -> dict[str, list[str]]:
    """word -> lexicon classes, from tagged (tag, text) sequences: a word is in a class when it occurs
    at least `min_count` times and at least `min_share` of its occurrences are tagged with that class."""
    total: Counter = Counter()
    per: Counter = Counter()
    for segs in sequences:
        for tag, text in segs:
            cls = LEXICON_CLASSES.get(tag)
            for tok in text.split():
                low = _core(tok).lower()
                if len(low) < 2 or not low.isalpha():
                    continue
                total[low] += 1
                if cls:
                    per[low, cls] += 1
    out: dict[str, list[str]] = {}
    for (low, cls), k in per.items():
        if k >= min_count and k >= min_share * total[low]:
            out.setdefault(low, []).append(cls)
    return {w: sorted(c) for w, c in sorted(out.items())}


def write_lexicon(lexicon: dict[str, list[str]], path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write("# word<TAB>classes; compiled from the training data by scripts/train_references.py\n")
        for w, classes in lexicon.items():
            f.write(f"{w}\t{' '.join(classes)}\n")


def set_lexicon(lexicon: dict[str, list[str]] | None) -> None:
    """Use this lexicon (None: the shipped file) from now on; for training folds and experiments."""
    global _lexicon
    _lexicon = None if lexicon is None else _encode_lexicon(lexicon)
    clear_caches()


def _encode_lexicon(lexicon: dict[str, list[str]]) -> dict[str, tuple[bytes, ...]]:
    return {w: tuple(("lex=" + c).encode() for c in classes) for w, classes in lexicon.items()}


def _load_lexicon() -> dict[str, tuple[bytes, ...]]:
    global _lexicon
    lexicon: dict[str, list[str]] = {}
    path = resources.files("sourcetrace").joinpath(LEXICON_FILE)
    if path.is_file():
        for line in path.read_text("utf-8").splitlines():
            if line and not line.startswith("#"):
                word, _, classes = line.partition("\t")
                lexicon[word] = classes.split()
    _lexicon = _encode_lexicon(lexicon)
    return _lexicon


def _core(tok: str) -> str:
    """The token without leading and trailing punctuation."""
    core = tok if tok[0].isalnum() and tok[-1].isalnum() else tok.strip(_PUNCT)
    if core and not ((core[0].isalnum() or core[0] == "_") and (core[-1].isalnum() or core[-1] == "_")):
        core = _RE_CORE.sub("", tok)  # rarer symbols than _PUNCT has: let the regex decide
    return core


# ------------------------------------------------------------------ features
_WORDS: dict[str, tuple] = {}  # lower-cased core -> its word features (fewer words than tokens)
_SHAPES: dict[str, tuple] = {}  # token shape -> its shape features


def _word(low: str) -> tuple:
    """(own features, to the right neighbour, to the left neighbour, "-2" word, "+2" word) of a word."""
    f = ["w=" + low, "p3=" + low[:3], "s3=" + low[-3:]]
    if low in _MONTHS:
        f.append("month")
    if low in _PUB_WORDS:
        f.append("pubw")
    if low in _JOUR_WORDS:
        f.append("jourw")
    lexicon = _lexicon if _lexicon is not None else _load_lexicon()
    out = _WORDS[low] = (
        tuple(x.encode() for x in f) + lexicon.get(low, ()),
        ("-1" + low).encode(),
        ("+1" + low).encode(),
        (("-2" + low).encode(),),
        (("+2" + low).encode(),),
    )
    return out


def _shape(shape: str) -> tuple:
    short = _RE_RUNS.sub(_first_of_run, shape)
    out = _SHAPES[shape] = (("sh=" + short).encode(), ("-1" + short).encode(), ("+1" + short).encode())
    return out


@lru_cache(maxsize=100_000)
def _static(tok: str) -> tuple:
    """What a token contributes, computed once per distinct token.

    (own features, features it gives its right neighbour, features it gives its left neighbour,
    "-2" word, "+2" word, sticky state bits, running-state flags); features are UTF-8 bytes, as
    crfsuite takes them, encoded once."""
    # fast paths first: most tokens are plain words, so the regexes run only when they can match
    first, last = tok[0], tok[-1]
    core = tok if first.isalnum() and last.isalnum() else _core(tok)
    low = core.lower()
    shape = tok.translate(_SHAPE_TABLE)
    w = _WORDS.get(low) or _word(low)
    sh = _SHAPES.get(shape) or _shape(shape)
    f = [sh[0], _LAST.get(last if not last.isalnum() else shape[-1]) or ("last=" + (last if not last.isalnum() else shape[-1])).encode()]
    digits = "d" in shape
    year = url = initial = False
    if digits:
        year = bool(_RE_YEAR.match(tok))
        if year:
            f.append(b"year")
        if _RE_PAGES.match(tok):
            f.append(b"pages")
        if core.isdigit():
            f.append(_NUM[min(len(core), 5)])
    if ("." in tok or ":" in tok or "<" in tok or "doi" in low) and _RE_URLISH.search(tok):
        url = True
        f.append(b"url")
    if "." in tok and _RE_INITIAL.match(tok):
        initial = True
        f.append(b"initial")
    if len(core) < 6 and first in _ROMAN_FIRST and _RE_ROMAN.match(tok):
        f.append(b"roman")
    if core[:1].isupper():
        f.append(b"cap")
        if core.isupper() and len(core) > 1:
            f.append(b"allcaps")
    opens = first in OPEN_QUOTES
    closes = last in _CLOSE_QUOTES or tok.rstrip(".,:;")[-1:] in _CLOSE_QUOTES
    if opens:
        f.append(b"oq")
    if closes:
        f.append(b"cq")
    star = "*" in tok
    if star:
        f.append(b"ital")
    if first in "([":
        f.append(b"op")
    bracket = _has_bracket(tok)
    if bracket and (")" in tok or "]" in tok):
        f.append(b"cp")
    if "@" in tok:
        f.append(b"at")
    is_in = tok in ("In", "in:", "In:") or low == "in" and first == "I"
    is_ed = low in _ED_WORDS or tok.lower() in _ED_WORDS
    is_pp = low in ("pp", "pages", "p") and last == "." or low == "pages"
    return (
        w[0] + tuple(f),
        (w[1], sh[1], _PL.get(last) or ("pl=" + last).encode()),
        (w[2], sh[2]),
        w[3],
        w[4],
        # what the token adds to the sticky state (_STATE_NAMES order), and what the running state needs
        year << 3 | url << 4 | is_ed << 6 | is_pp << 7,
        (opens, closes and (len(tok) > 1 or not opens), star and tok.count("*") % 2 == 1,
         tok.count("(") + tok.count("[") - tok.count(")") - tok.count("]") if bracket else 0,
         (last in ".:" or last in _CLOSE_QUOTES and tok[-2:-1] in (".", "?", "!")) and not initial, is_in),
    )


def clear_caches() -> None:
    """Forget every per-token and per-word cache (for cold-start benchmarks)."""
    _static.cache_clear()
    _WORDS.clear()
    _SHAPES.clear()
    _CONTEXT.clear()


_LAST = {c: ("last=" + c).encode() for c in "Xxd.,;:)]\"'”’-"}
_PL = {c: ("pl=" + c).encode() for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:)]\"'”’-"}
_NUM = tuple(f"num{k}".encode() for k in range(6))


_STATE_NAMES = ("inq", "init", "inp", "afteryear", "afterurl", "afterin", "aftered", "afterpp", "aftercq")
# One tuple of all position/state features per combination, keyed by a bit set: one dict lookup
# per token instead of a dozen tests and appends.
_CONTEXT: dict[int, tuple[bytes, ...]] = {}


def _names(names: tuple[str, ...], bits: int) -> tuple[bytes, ...]:
    return tuple(name.encode() for k, name in enumerate(names) if bits >> k & 1)


_STATE_SETS = [_names(_STATE_NAMES, b) for b in range(1 << len(_STATE_NAMES))]


def _context(key: int) -> tuple[bytes, ...]:
    # "bias" is on for every token: a per-label prior the other features need not carry
    feats = _CONTEXT[key] = (
        (b"pos=%d" % (key >> 18 & 3), b"rel=%d" % (key >> 20 & 15), b"blk=%d" % (key >> 24 & 7), b"bias")
        + _STATE_SETS[key & 511]
    )
    return feats


def sequence_features(tokens: list[str]) -> list[tuple[bytes, ...]]:
    """One feature tuple (UTF-8 attribute names, as pycrfsuite takes them) per token of a reference string."""
    n = len(tokens)
    st = [_static(t) for t in tokens]
    out = []
    in_quote = in_italic = False
    depth = block = 0
    sticky = 0  # state bits that stay on once set: year, url, in, ed, pp, closing quote
    last_i = n - 1
    get = _CONTEXT.get
    for i in range(n):
        s = st[i]
        key = (
            sticky | in_quote | in_italic << 1 | (depth > 0) << 2
            | (i if i < 3 else 3) << 18 | (10 * i // n) << 20 | (block if block < 6 else 6) << 24
        )
        out.append(
            s[0]
            + (get(key) or _context(key))
            + ((st[i - 1][1] + st[i - 2][3]) if i > 1 else st[0][1] if i else _BOS)
            + ((st[i + 1][2] + st[i + 2][4]) if i + 1 < last_i else st[i + 1][2] if i < last_i else _EOS)
        )
        # the running state after this token
        opens, closes, star, paren, ends_block, is_in = s[6]
        if opens and not in_quote:
            in_quote = True
        if in_quote and closes:
            in_quote = False
            sticky |= 256
        if star:
            in_italic = not in_italic
        if paren:
            depth = max(0, depth + paren)
        if ends_block:
            block += 1
        sticky |= s[5]
        if is_in and i:
            sticky |= 32
    return out


prefer_source_if_newer(__name__, __file__)  # last: see _compiled.py
