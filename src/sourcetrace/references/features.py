"""Token features for the reference-field CRF: a reference string -> whitespace tokens -> feature lists.

Tokens are whitespace-separated (the unit AnyStyle data and the shared scorer use). Features are
string-valued binary features for python-crfsuite: the token's word, shape, punctuation, a few
lexical classes, its position in the string, quote/parenthesis/italics state and a +-2 window.
"""

from __future__ import annotations

import re
from functools import lru_cache

RE_TOKEN = re.compile(r"\S+")
_RE_CORE = re.compile(r"^\W+|\W+$")
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
_SHAPE_TABLE = {}
for _c in range(0x250):
    ch = chr(_c)
    _SHAPE_TABLE[_c] = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch


def tokenize(text: str) -> list[tuple[int, int]]:
    """Offsets of the whitespace tokens of `text`."""
    return [m.span() for m in RE_TOKEN.finditer(text)]


@lru_cache(maxsize=65536)
def _static(tok: str) -> tuple[str, ...]:
    """Features of a token that do not depend on its context (cached: tokens repeat a lot)."""
    core = _RE_CORE.sub("", tok)
    low = core.lower()
    shape = tok.translate(_SHAPE_TABLE)
    short = re.sub(r"(.)\1+", r"\1", shape)
    f = [
        "w=" + low,
        "sh=" + short,
        "first=" + (tok[0] if not tok[0].isalnum() else shape[0]),
        "last=" + (tok[-1] if not tok[-1].isalnum() else shape[-1]),
        "p3=" + low[:3],
        "s3=" + low[-3:],
        "len=" + str(min(len(core), 8)),
    ]
    if _RE_YEAR.match(tok):
        f.append("year")
    if _RE_PAGES.match(tok):
        f.append("pages")
    if _RE_URLISH.search(tok):
        f.append("url")
    if _RE_INITIAL.match(tok):
        f.append("initial")
    if low in _MONTHS:
        f.append("month")
    if core.isdigit():
        f.append("num" + str(min(len(core), 5)))
    if _RE_ROMAN.match(tok) and len(core) < 6:
        f.append("roman")
    if core[:1].isupper():
        f.append("cap")
        if core.isupper() and len(core) > 1:
            f.append("allcaps")
    if tok[0] in _OPEN_QUOTES:
        f.append("oq")
    if tok.rstrip(".,:;")[-1:] in _CLOSE_QUOTES or tok[-1] in _CLOSE_QUOTES:
        f.append("cq")
    if "*" in tok:
        f.append("ital")
    if tok[0] in "([" :
        f.append("op")
    if ")" in tok or "]" in tok:
        f.append("cp")
    if "@" in tok:
        f.append("at")
    return tuple(f)


def sequence_features(tokens: list[str]) -> list[list[str]]:
    """One feature list per token of a reference string."""
    n = len(tokens)
    statics = [_static(t) for t in tokens]
    words = [s[0] for s in statics]
    shapes = [s[1] for s in statics]
    lasts = [t[-1] for t in tokens]
    out = []
    in_quote = False
    in_italic = False
    depth = 0
    block = 0
    seen_year = False
    seen_url = False
    for i, tok in enumerate(tokens):
        f = list(statics[i])
        f.append("pos=" + str(i if i < 3 else 3))
        f.append("rel=" + str(10 * i // n))
        f.append("blk=" + str(min(block, 6)))
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
        if i == n - 1:
            f.append("end")
        if i:
            f.append("-1" + words[i - 1])
            f.append("-1" + shapes[i - 1])
            f.append("pl=" + lasts[i - 1])
            f.append("pl|sh=" + lasts[i - 1] + "|" + shapes[i])
            if i > 1:
                f.append("-2" + words[i - 2])
        else:
            f.append("BOS")
        if i + 1 < n:
            f.append("+1" + words[i + 1])
            f.append("+1" + shapes[i + 1])
            if i + 2 < n:
                f.append("+2" + words[i + 2])
        else:
            f.append("EOS")
        out.append(f)
        # update the running state after the token
        if tok[0] in _OPEN_QUOTES and not in_quote:
            in_quote = True
        if in_quote and (tok.rstrip(".,:;")[-1:] in _CLOSE_QUOTES or (len(tok) > 1 and tok[-1] in _CLOSE_QUOTES)):
            in_quote = False
        stars = tok.count("*")
        if stars % 2:
            in_italic = not in_italic
        depth = max(0, depth + tok.count("(") + tok.count("[") - tok.count(")") - tok.count("]"))
        if lasts[i] in ".:" and not _RE_INITIAL.match(tok):
            block += 1
        if "year" in statics[i]:
            seen_year = True
        if "url" in statics[i]:
            seen_url = True
    return out
