"""Token features for the reference-field CRF: a reference string -> whitespace tokens -> feature lists.

Tokens are whitespace-separated (the unit AnyStyle data and the shared scorer use). Features are
string-valued binary features for python-crfsuite: the token's word, shape, punctuation, a few
lexical classes, its position in the string, quote/parenthesis/italics state and a +-2 window.
Everything that depends on the token alone is computed once per distinct token (cached), so a
string costs little more than list concatenation. Richer context (block-initial word, distance to
the year, style of the whole string, word bigrams) was tried and did not lower the held-out error;
first-character, length and previous-punctuation x shape features were dropped because they did
not help either (dev split, scripts/train_references.py --dev).
"""

from __future__ import annotations

import re
from functools import lru_cache

RE_TOKEN = re.compile(r"\S+")
_RE_CORE = re.compile(r"^\W+|\W+$")
_RE_RUNS = re.compile(r"(.)\1+")
# Non-word characters common at token ends; str.strip with them is much faster than _RE_CORE.
_PUNCT = "".join(c for c in map(chr, range(0x2070)) if not (c.isalnum() or c == "_"))
_RE_YEAR = re.compile(r"^\(?\[?(1[5-9]\d\d|20\d\d)[a-z]?\]?\)?[.,:;]*$")
_RE_PAGES = re.compile(r"^\(?(?:pp?\.?)?\d+[-–—]+\d+[).,;:]*$")
_RE_URLISH = re.compile(r"https?:|www\.|\.(?:com|org|net|edu|gov|html?|pdf|php)\b|://|^<|doi", re.IGNORECASE)
_RE_INITIAL = re.compile(r"^(?:[A-Z]\.)+[,;]?$|^[A-Z]\.-[A-Z]\.[,;]?$")
_RE_ROMAN = re.compile(r"^[ivxlcdmIVXLCDM]+[.,]?$")
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
_OPEN_QUOTES = "\"“‘'«"
_CLOSE_QUOTES = "\"”’'»"
_SHAPE_TABLE = {
    c: "X" if chr(c).isupper() else "x" if chr(c).islower() else "d" if chr(c).isdigit() else chr(c)
    for c in range(0x250)
}
_POS = ("pos=0", "pos=1", "pos=2", "pos=3")
_REL = tuple(f"rel={k}" for k in range(10))
_BLK = tuple(f"blk={k}" for k in range(7))


_ROMAN_FIRST = frozenset("ivxlcdmIVXLCDM")


def _has_bracket(tok: str) -> bool:
    return "(" in tok or ")" in tok or "[" in tok or "]" in tok


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _first_of_run(m: re.Match) -> str:
    return m.group(1)


def tokenize(text: str) -> list[tuple[int, int]]:
    """Offsets of the whitespace tokens of `text`."""
    return [m.span() for m in RE_TOKEN.finditer(text)]


@lru_cache(maxsize=100_000)
def _static(tok: str) -> tuple:
    """What a token contributes, computed once per distinct token.

    (own features, features it gives its right neighbour, features it gives its left neighbour,
    "-2" word, "+2" word, state flags)."""
    # fast paths first: most tokens are plain words, so the regexes run only when they can match
    core = tok if tok[0].isalnum() and tok[-1].isalnum() else tok.strip(_PUNCT)
    if core and not (_is_word(core[0]) and _is_word(core[-1])):
        core = _RE_CORE.sub("", tok)  # rarer symbols than _PUNCT has: let the regex decide
    low = core.lower()
    shape = tok.translate(_SHAPE_TABLE)
    short = _RE_RUNS.sub(_first_of_run, shape)
    f = [
        "w=" + low,
        "sh=" + short,
        "last=" + (tok[-1] if not tok[-1].isalnum() else shape[-1]),
        "p3=" + low[:3],
        "s3=" + low[-3:],
    ]
    digits = "d" in shape
    year = digits and bool(_RE_YEAR.match(tok))
    url = ("." in tok or ":" in tok or "<" in tok or "doi" in tok.lower()) and bool(_RE_URLISH.search(tok))
    initial = "." in tok and bool(_RE_INITIAL.match(tok))
    if year:
        f.append("year")
    if digits and _RE_PAGES.match(tok):
        f.append("pages")
    if url:
        f.append("url")
    if initial:
        f.append("initial")
    if low in _MONTHS:
        f.append("month")
    if digits and core.isdigit():
        f.append("num" + str(min(len(core), 5)))
    if len(core) < 6 and tok[0] in _ROMAN_FIRST and _RE_ROMAN.match(tok):
        f.append("roman")
    if core[:1].isupper():
        f.append("cap")
        if core.isupper() and len(core) > 1:
            f.append("allcaps")
    opens = tok[0] in _OPEN_QUOTES
    closes = tok.rstrip(".,:;")[-1:] in _CLOSE_QUOTES or tok[-1] in _CLOSE_QUOTES
    if opens:
        f.append("oq")
    if closes:
        f.append("cq")
    if "*" in tok:
        f.append("ital")
    if tok[0] in "([":
        f.append("op")
    if ")" in tok or "]" in tok:
        f.append("cp")
    if "@" in tok:
        f.append("at")
    last = tok[-1]
    flags = (
        opens,
        closes and (len(tok) > 1 or not opens),
        tok.count("*") % 2 == 1,
        tok.count("(") + tok.count("[") - tok.count(")") - tok.count("]") if _has_bracket(tok) else 0,
        last in ".:" and not initial,
        year,
        url,
    )
    return (
        tuple(f),
        ("-1" + low, "-1" + short, "pl=" + last),
        ("+1" + low, "+1" + short),
        "-2" + low,
        "+2" + low,
        flags,
    )


def sequence_features(tokens: list[str]) -> list[list[str]]:
    """One feature list per token of a reference string."""
    n = len(tokens)
    st = [_static(t) for t in tokens]
    out = []
    in_quote = in_italic = seen_year = seen_url = False
    depth = block = 0
    last_i = n - 1
    for i in range(n):
        s = st[i]
        f = [*s[0], _POS[i if i < 3 else 3], _REL[10 * i // n], _BLK[block if block < 6 else 6]]
        if in_quote:
            f.append("inq")
        if in_italic:
            f.append("init")
        if depth:
            f.append("inp")
        if seen_year:
            f.append("afteryear")
        if seen_url:
            f.append("afterurl")
        if i:
            prev = st[i - 1]
            f += prev[1]
            if i > 1:
                f.append(st[i - 2][3])
        else:
            f.append("BOS")
        if i < last_i:
            f += st[i + 1][2]
            if i + 1 < last_i:
                f.append(st[i + 2][4])
        else:
            f.append("EOS")
        out.append(f)
        # the running state after this token
        opens, closes, star, paren, ends_block, year, url = s[5]
        if opens and not in_quote:
            in_quote = True
        if in_quote and closes:
            in_quote = False
        if star:
            in_italic = not in_italic
        depth = max(0, depth + paren)
        if ends_block:
            block += 1
        seen_year = seen_year or year
        seen_url = seen_url or url
    return out
