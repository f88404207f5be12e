"""CRF features: TokenView + rule labels -> one list of features (UTF-8 bytes) per token, per paragraph.

The features carry what the rule layer knows (quotation state, cue lexicon, rule labels, position
relative to the nearest cue in the sentence) plus the word and its neighbours; the CRF learns where
PolNeAR's spans start and stop. Word-level features are cached per word and neighbouring states are
packed into one string each ("rl=O|C|T"): the CRF reads ~18 features per token (words at ±1 and ±2), which keeps the
tagger's feature lookup (the stage's largest cost) small.
"""

from __future__ import annotations

from functools import lru_cache

from .layout import TokenView
from .patterns import CUE_FORMS, GROUP_HEADS, ORG_HEADS, PERSON_TITLES, PRONOUNS, QUOTE_CHARS


# Features are UTF-8 bytes: python-crfsuite takes them as they are, while str attributes are
# encoded one by one on every tag() call (~20% of the tagger's time).
NONE: tuple[bytes, ...] = ()
PQ = (b"pq",)
CUE_PREV = (b"cue-1",)
CUE_NEXT = (b"cue+1",)
BIAS = b"b"


def _shape(w: str) -> str:
    c = w[0]
    if c.isupper():
        return "X" if len(w) == 1 or not w[1:].isupper() else "XX"
    if c.islower():
        return "x"
    if c.isdigit():
        return "d"
    if w in QUOTE_CHARS:
        return "q"
    return w if len(w) == 1 else "p"


def _bucket(d: int) -> str:
    return "0" if d == 0 else "1" if d == 1 else "2" if d <= 3 else "3" if d <= 7 else "4" if d <= 15 else "5"


@lru_cache(maxsize=100_000)
def _word(word: str) -> tuple[bytes, ...]:
    """Features of the word itself: form, shape, suffix, lexicon class."""
    low = word.lower()
    f = ["w=" + low + "|" + _shape(word)] if word[0].isupper() else ["w=" + low]
    if len(low) > 3:
        f.append("s3=" + low[-3:])
    lemma = CUE_FORMS.get(low)
    if lemma:
        f.append("cue=" + lemma)
    elif low in PRONOUNS:
        f.append("lx=pron")
    elif low in PERSON_TITLES:
        f.append("lx=title")
    elif low in ORG_HEADS:
        f.append("lx=org")
    elif low in GROUP_HEADS:
        f.append("lx=group")
    return tuple(x.encode() for x in f)


@lru_cache(maxsize=100_000)
def _context(low: str) -> tuple[bytes, bytes, bytes, bytes]:
    """This word as seen from its neighbours: w-1 / w+1 / w-2 / w+2 features."""
    return (("w-1=" + low).encode(), ("w+1=" + low).encode(), ("w-2=" + low).encode(), ("w+2=" + low).encode())


@lru_cache(maxsize=1024)
def _where(left: str, right: str, edge: str, has_quote: bool) -> bytes:
    return f"pos={left}|{right}|{edge}|{'q' if has_quote else '-'}".encode()


def sequences(view: TokenView) -> list[list[int]]:
    """The CRF's sequences: the token indices of each paragraph. Every sentence is tagged: PolNeAR's
    cues are not only speech verbs ("has been critical of", "disputes"), and tagging only sentences
    with a cue-lexicon word or a quotation lost 10% of dev cues (relation F1 0.704 -> 0.711 without
    that gate, at ~20% more tokens to tag)."""
    return [list(range(a, b)) for a, b in view.paragraphs]


def token_features(view: TokenView, rules: list[str]) -> list[list[bytes]]:
    """Feature strings for every token of `view` (same order)."""
    n = len(view)
    lower = view.lower
    words = view.words
    quote = view.quote
    rl = [r[2:] if r != "O" else "O" for r in rules]
    qs = ["m" if quote[i] >= 0 and words[i] in QUOTE_CHARS else "i" if quote[i] >= 0 else "o" for i in range(n)]
    is_cue = [w in CUE_FORMS for w in lower]
    # Position against the nearest rule cue of the sentence (left and right distance buckets),
    # sentence edges, and whether the sentence / paragraph holds a quotation.
    where: list[bytes] = [b""] * n
    for s0, s1 in view.sentences:
        has_q = any(q >= 0 for q in quote[s0:s1])
        if "C" not in rl[s0:s1]:
            # No cue in the sentence (most sentences): only the edges differ.
            where[s0:s1] = [_where("-", "-", "-", has_q)] * (s1 - s0)
            where[s1 - 1] = _where("-", "-", "L", has_q)
            where[s0] = _where("-", "-", "F", has_q)
            continue
        right = [-1] * (s1 - s0)
        nxt = -1
        for i in range(s1 - 1, s0 - 1, -1):
            if rl[i] == "C":
                nxt = i
            right[i - s0] = nxt
        left = -1
        for i in range(s0, s1):
            if rl[i] == "C":
                left = i
            r = right[i - s0]
            edge = "F" if i == s0 else "L" if i == s1 - 1 else "-"
            where[i] = _where("-" if left < 0 else _bucket(i - left), "-" if r < 0 else _bucket(r - i), edge, has_q)
    # Quotation-level context: a cue right after / before the quotation, its length, whether it
    # opens its paragraph. A quotation of several sentences gets its cue from outside all of them.
    qfeat: dict[int, tuple[bytes, ...]] = {}
    members: dict[int, list[int]] = {}
    for t, q in enumerate(quote):
        if q >= 0:
            members.setdefault(q, []).append(t)
    for q, toks in members.items():
        first, last = toks[0], toks[-1]
        after = [t for t in range(last + 1, min(n, last + 5)) if view.para[t] == view.para[last]]
        before = [t for t in range(max(0, first - 4), first) if view.para[t] == view.para[first]]
        a = "C" if any(rl[t] == "C" for t in after) else "c" if any(is_cue[t] for t in after) else "-"
        b = "C" if any(rl[t] == "C" for t in before) else "c" if any(is_cue[t] for t in before) else "-"
        opens = first == 0 or view.para[first - 1] != view.para[first]
        colon = opens and first > 0 and words[first - 1] == ":"
        qfeat[q] = (
            f"qc={a}{b}".encode(),
            f"ql={_bucket(len(toks))}|{'P' if opens else '-'}{':' if colon else ''}{'M' if len(view.quotes[q].segments) > 1 else ''}".encode(),
        )
    # Built column by column with comprehensions: a per-token loop of appends costs twice as much.
    rl3 = [_RL3.get(k) or _tri(_RL3, "rl=", k) for k in zip(["^"] + rl[:-1], rl, rl[1:] + ["$"])]
    q3 = [_Q3.get(k) or _tri(_Q3, "q=", k) for k in zip(["^"] + qs[:-1], qs, qs[1:] + ["$"])]
    context = _CONTEXT.get
    ctx = [context(w) or _context_memo(w) for w in lower]
    prev1 = [b"BOS"] + [c[0] for c in ctx[:-1]]
    next1 = [c[1] for c in ctx[1:]] + [b"EOS"]
    prev2 = [b"BOS2", b"BOS2"] + [c[2] for c in ctx[:-2]]
    next2 = [c[3] for c in ctx[2:]] + [b"EOS2", b"EOS2"]
    para = view.para
    para_quote = {para[t] for t in range(n) if quote[t] >= 0}
    extra = [
        qfeat[quote[i]] if quote[i] >= 0 else (PQ if para[i] in para_quote else NONE)
        for i in range(n)
    ]
    cue_prev = [NONE] + [CUE_PREV if c else NONE for c in is_cue[:-1]]
    cue_next = [CUE_NEXT if c else NONE for c in is_cue[1:]] + [NONE]
    # The word's own features come from a plain dict (an lru_cache call costs more than the lookup);
    # the tail is joined into one tuple first so each token's list is built with one unpacking.
    word_feats = _WORD.get
    return [
        [BIAS, a, b, c, d, f2, p2, n2, *((word_feats(w) or _word_memo(w)) + x + y + z)]
        for a, b, c, d, f2, p2, n2, w, x, y, z in zip(rl3, q3, where, prev1, next1, prev2, next2, words, extra, cue_prev, cue_next)
    ]


# Label and quotation-state triples ("rl=OCO", "q=oim"): few distinct ones, each encoded once.
_RL3: dict[tuple[str, str, str], bytes] = {}
_Q3: dict[tuple[str, str, str], bytes] = {}


def _tri(memo: dict, prefix: str, key: tuple[str, str, str]) -> bytes:
    value = memo[key] = (prefix + "".join(key)).encode()
    return value


# Per-process memos of _word / _context in front of their lru_caches; cleared when large so memory
# stays flat over a corpus.
_WORD: dict[str, tuple[bytes, ...]] = {}
_CONTEXT: dict[str, tuple[bytes, bytes, bytes, bytes]] = {}
MEMO_LIMIT = 200_000


def _word_memo(word: str) -> tuple[bytes, ...]:
    if len(_WORD) >= MEMO_LIMIT:
        _WORD.clear()
        _CONTEXT.clear()
    feats = _WORD[word] = _word(word)
    return feats


def _context_memo(low: str) -> tuple[bytes, bytes, bytes, bytes]:
    if len(_CONTEXT) >= MEMO_LIMIT:
        _WORD.clear()
        _CONTEXT.clear()
    feats = _CONTEXT[low] = _context(low)
    return feats
