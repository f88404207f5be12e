"""Rule finder: TokenView -> BIO labels (Source / Cue / Content) from quotations and cue verbs.

Cues are speech verbs from data/cue_verbs/en.txt (with "has said", "according to"); the source is the
noun phrase before the cue ("Aaron Kall, the director of debate, said") or after it ("said Kall");
the content is the quotation next to the cue, or the rest of the sentence ("said that ..."), or the
part before ", he said". These labels are the fallback finder and a feature of the CRF.
"""

from __future__ import annotations

from .direct import label_words
from .layout import TokenView
from .patterns import (
    CUE_AUX,
    CUE_FORMS,
    DETERMINERS,
    GROUP_HEADS,
    ORG_HEADS,
    PERSON_TITLES,
    PRONOUNS,
    QUOTE_CHARS,
    SPEECH_LEMMAS,
)

# Words that may sit inside a source noun phrase besides capitalised words ("the director of debate
# at Michigan", "a spokesman for the campaign").
NP_GLUE = frozenset("of for at the a an and 's ’s . - * former top senior chief deputy".split())
STOP_PUNCT = frozenset(",;:!?()[]—–") | QUOTE_CHARS
# Cue forms that are usually nouns or adjectives unless a subject precedes them.
NOUNISH = frozenset("report reports note notes post posts claim claims comment comments answer state states".split())
MAX_SOURCE_TOKENS = 12
DASHES = frozenset("―—–")
# Words that end a subject noun phrase when scanning back from a cue.
CLAUSE_WORDS = frozenset(
    """that which who and but or is was are were be been has have had will would could should may
    might can to not also when if because as after before while it there what how where why than
    so then""".split()
)


SPEECH_FORMS = frozenset(form for form, lemma in CUE_FORMS.items() if lemma in SPEECH_LEMMAS)


def is_cue_word(view: TokenView, i: int) -> bool:
    """True when token i is a speech verb (outside a quotation) that can head an attribution."""
    low = view.lower[i]
    lemma = CUE_FORMS.get(low)
    if lemma is None or lemma not in SPEECH_LEMMAS or view.quote[i] >= 0:
        return False
    if view.words[i][0].isupper() and (i == 0 or view.sent[i - 1] == view.sent[i]):
        return False  # "State Department", "Post": capitalised inside a sentence is a name
    if low in NOUNISH:
        # "the State Department report", "notes": a noun unless "reports that" / "he notes"
        nxt = view.lower[i + 1] if i + 1 < len(view) else ""
        if nxt not in ("that", ":", ",") and not (i > 0 and view.lower[i - 1] in PRONOUNS):
            return False
    return True


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() and any(c.isalpha() for c in word)


def _np_word(view: TokenView, i: int) -> bool:
    low = view.lower[i]
    w = view.words[i]
    return (
        _is_name_word(w)
        or low in NP_GLUE
        or low in DETERMINERS
        or low in PERSON_TITLES
        or low in ORG_HEADS
        or low in GROUP_HEADS
    )


def source_left(view: TokenView, cue_first: int, s0: int) -> tuple[int, int] | None:
    """The noun phrase that ends right before the cue, with a comma-delimited appositive."""
    j = cue_first - 1
    if j < s0 or view.quote[j] >= 0:
        return None
    if view.lower[j] in PRONOUNS or view.lower[j] in ("who",):
        return (j, j)
    if view.words[j] == "," and j - 1 >= s0:
        # "Mahan Abedin, Director of Research at the Centre, believes": find the earlier comma and
        # take the name before it with the appositive.
        k = j - 1
        while k >= s0 and k > j - 16 and view.words[k] != "," and view.quote[k] < 0 and view.words[k] not in ";:":
            k -= 1
        if k >= s0 and view.words[k] == "," and k - 1 >= s0 and _is_name_word(view.words[k - 1]):
            n = k - 1
            while n - 1 >= s0 and (_is_name_word(view.words[n - 1]) or view.words[n - 1] == ".") and view.quote[n - 1] < 0:
                n -= 1
            return (n, j - 1)
        if k >= s0 and view.words[k] == ",":
            # "The treasurer, Omar Siddiqui, said": a description, then the name as appositive.
            np = _common_np(view, k, s0)
            if np is not None:
                return (np[0], j - 1)
        return None
    end = j
    while j >= s0 and j > end - MAX_SOURCE_TOKENS and view.quote[j] < 0 and view.words[j] not in STOP_PUNCT and _np_word(view, j):
        j -= 1
    first = j + 1
    if first > end:
        return _common_np(view, cue_first, s0)
    # "the state engineer said", "a former city official said": one or two plain words between the
    # determiner and the title word belong to the noun phrase
    k = j
    while (k >= s0 and k > j - 2 and view.quote[k] < 0 and view.words[k].isalpha() and view.words[k].islower()
           and view.lower[k] not in CLAUSE_WORDS and view.lower[k] not in DETERMINERS):
        k -= 1
    if k < j and k >= s0 and view.lower[k] in DETERMINERS and view.lower[k] != "that":
        first = k
    # "Aaron Kall, the director of debate at Michigan, said": the appositive ends at a comma; take
    # the name before it too.
    if view.words[end] == "," or (first > s0 and view.words[first - 1] == "," and view.lower[first] in DETERMINERS):
        k = first - 2
        name_end = k
        while k >= s0 and _is_name_word(view.words[k]) and view.quote[k] < 0:
            k -= 1
        if name_end > k:
            first = k + 1
    while first <= end and (view.lower[first] in ("and", "of", ".") or view.words[first] in STOP_PUNCT):
        first += 1
    if first > end or not any(_is_name_word(view.words[t]) or view.lower[t] in GROUP_HEADS or view.lower[t] in PERSON_TITLES or view.lower[t] in ORG_HEADS for t in range(first, end + 1)):
        return None
    return (first, end)


def _common_np(view: TokenView, cue_first: int, s0: int) -> tuple[int, int] | None:
    """A short lowercase subject ("the engineer said", "Supporters of the plan say"): up to 6 words
    back to a determiner or the sentence start, with no clause word in between."""
    k = cue_first - 1
    while k >= s0 and k > cue_first - 7 and view.quote[k] < 0 and view.words[k].isalpha() and view.lower[k] not in CLAUSE_WORDS:
        if view.lower[k] in DETERMINERS and view.lower[k] != "that":
            if k - 2 >= s0 and view.lower[k - 1] in ("of", "for", "at", "in") and view.words[k - 2].isalpha():
                k -= 2  # "Supporters of the plan"
                continue
            return (k, cue_first - 1)
        k -= 1
    if k < s0 and cue_first > s0:
        return (s0, cue_first - 1)
    return None


def source_right(view: TokenView, cue_last: int, s1: int) -> tuple[int, int] | None:
    """The noun phrase right after the cue ("said Patrick Disney, a researcher at ...")."""
    j = cue_last + 1
    if j >= s1 or view.quote[j] >= 0 or view.lower[cue_last] in ADDRESSEE_CUES:
        return None
    if view.lower[j] in PRONOUNS:
        # "said he." / "said she," — not "say it will ..."
        return (j, j) if j + 1 >= s1 or view.words[j + 1] in STOP_PUNCT or view.words[j + 1] == "." else None
    first = j
    while j < s1 and j < first + MAX_SOURCE_TOKENS and view.quote[j] < 0 and view.words[j] not in STOP_PUNCT and view.lower[j] != "that" and _np_word(view, j):
        j += 1
    last = j - 1
    while last >= first and view.words[last] in (".", "*"):
        last -= 1
    if last < first or not any(_is_name_word(view.words[t]) or view.lower[t] in PERSON_TITLES or view.lower[t] in GROUP_HEADS for t in range(first, last + 1)):
        return None
    if j < s1 and view.words[j] not in STOP_PUNCT and view.words[j] not in ".!?":
        # "said the irony ...": an inverted source ends at punctuation, or at a time or channel that
        # ends the sentence ("said Ann Lee on Tuesday.", "said the mayor in a statement.")
        k = j
        while k < s1 and view.words[k] not in STOP_PUNCT and view.words[k] not in ".!?":
            k += 1
        if not (view.lower[j] in ADVERBIAL_LEADS and adverbial_only(view, j, k - 1)):
            return None
    if j + 1 < s1 and view.words[j] == "," and _is_name_word(view.words[j + 1]) and view.quote[j + 1] < 0:
        # "said the mayor, Paul Dunne."
        k = j + 1
        while k < s1 and (_is_name_word(view.words[k]) or view.words[k] == ".") and view.quote[k] < 0:
            k += 1
        if k >= s1 or view.words[k] in STOP_PUNCT or view.words[k] in ".!?":
            while view.words[k - 1] == ".":
                k -= 1
            return (first, k - 1)
    return (first, last)


def rule_labels(view: TokenView, max_label_words: int = 4) -> list[str]:
    """BIO labels over `view`'s tokens from the rules."""
    n = len(view)
    labels = ["O"] * n
    quote_has_cue = [False] * len(view.quotes)
    # Only sentences with a speech verb or "according" can hold a rule attribution.
    candidate_sentences = sorted({view.sent[i] for i, w in enumerate(view.lower) if w in SPEECH_FORMS or w == "according"})
    for s0, s1 in (view.sentences[k] for k in candidate_sentences):
        i = s0
        while i < s1:
            if view.lower[i] == "according" and i + 1 < s1 and view.lower[i + 1] == "to" and view.quote[i] < 0:
                _according(view, labels, i, s0, s1, quote_has_cue)
                i += 2
                continue
            if not is_cue_word(view, i):
                i += 1
                continue
            c0 = i
            while c0 - 1 >= s0 and view.lower[c0 - 1] in CUE_AUX and labels[c0 - 1] == "O":
                c0 -= 1
            c1 = i
            _mark(labels, c0, c1, "C")
            src = source_left(view, c0, s0)
            right = None
            if src is None or (c0 > s0 and view.words[c0 - 1] in ",”\"'"):
                right = source_right(view, c1, s1)
                if right is not None:
                    src = right
            if src is not None and all(labels[t] == "O" for t in range(src[0], src[1] + 1)):
                _mark(labels, src[0], src[1], "S")
            # A quotation touching the cue (within 3 tokens either side) is its content.
            near = [view.quote[t] for t in range(max(s0, c0 - 3), min(s1, (right or (c1, c1))[1] + 4)) if view.quote[t] >= 0]
            near += [view.quote[t] for t in range(s0, s1) if view.quote[t] >= 0]
            if near:
                for q in near:
                    quote_has_cue[q] = True
                # 'said that the libraries were "the heart of the city"': the words between the cue
                # and a quotation later in the sentence belong to the content too (mixed).
                k = (right[1] if right else c1) + 1
                k = _skip_addressee(view, c1, k, s1)
                while k < s1 and view.lower[k] in ("that", ",", ":"):
                    k += 1
                q_at = k
                while q_at < s1 and view.quote[q_at] < 0 and view.words[q_at] not in ".;":
                    q_at += 1
                if q_at < s1 and view.quote[q_at] >= 0 and q_at - k >= 2 and all(labels[t] == "O" for t in range(k, q_at)):
                    _mark(labels, k, q_at - 1, "T")
                i = c1 + 1
                continue
            _content_indirect(view, labels, c0, c1, right, src, s0, s1)
            i = c1 + 1
    _dash_bylines(view, labels, quote_has_cue)
    # Every quotation that is a statement is content; the relation step attaches it to a cue.
    members: dict[int, list[int]] = {}
    for t, q in enumerate(view.quote):
        if q >= 0:
            members.setdefault(q, []).append(t)
    for qi in range(len(view.quotes)):
        toks = members.get(qi, [])
        if not toks:
            continue
        words = len(label_words(view.text[view.starts[toks[0]] : view.ends[toks[-1]]]))
        first = toks[0]
        starts_sentence = first == 0 or view.sent[first - 1] != view.sent[first] or view.words[first - 1] == ":"
        if words <= max_label_words and not quote_has_cue[qi] and not starts_sentence:
            continue
        if any(labels[t] != "O" for t in toks):
            continue
        prev = "O"
        for t in toks:
            labels[t] = "I-T" if prev == "T" and t - 1 >= 0 and view.quote[t - 1] == qi else "B-T"
            prev = "T"
    return labels


def _dash_bylines(view: TokenView, labels: list[str], quote_has_cue: list[bool]) -> None:
    """'“We will win.” ― Ann Lee': a dash after a quotation, then a name closing the paragraph."""
    n = len(view)
    if not any(d in view.text for d in DASHES):
        return
    for i in range(1, n - 1):
        if view.words[i] not in DASHES or view.quote[i - 1] < 0 or view.quote[i] >= 0:
            continue
        j = i + 1
        while j < n and view.para[j] == view.para[i] and (_is_name_word(view.words[j]) or view.words[j] == "."):
            j += 1
        end_ok = j >= n or view.para[j] != view.para[i] or view.words[j] in (",", "(")
        if j > i + 1 and end_ok and labels[i] == "O":
            _mark(labels, i, i, "C")
            last = j - 1
            while view.words[last] == ".":
                last -= 1
            _mark(labels, i + 1, last, "S")
            quote_has_cue[view.quote[i - 1]] = True


def _mark(labels: list[str], first: int, last: int, typ: str) -> None:
    labels[first] = "B-" + typ
    for t in range(first + 1, last + 1):
        labels[t] = "I-" + typ


def _according(view: TokenView, labels, i, s0, s1, quote_has_cue) -> None:
    _mark(labels, i, i + 1, "C")
    j = i + 2
    first = j
    while j < s1 and view.words[j] not in STOP_PUNCT and view.words[j] != "." and view.lower[j] != "that" and j < first + MAX_SOURCE_TOKENS:
        j += 1
    if j > first:
        _mark(labels, first, j - 1, "S")
    if any(view.quote[t] >= 0 for t in range(s0, s1)):
        for t in range(s0, s1):
            if view.quote[t] >= 0:
                quote_has_cue[view.quote[t]] = True
        return
    # Content is the rest of the sentence: after the source, or before "according to".
    after = [t for t in range(j, s1) if view.words[t] not in ",." or t < s1 - 1]
    if j < s1 and view.words[j] == ",":
        after = list(range(j + 1, s1))
    before = list(range(s0, i))
    part = after if len(after) > len(before) else before
    part = [t for t in part if labels[t] == "O"]
    while part and view.words[part[-1]] in ",.;:":
        part.pop()
    while part and view.words[part[0]] in ",.;:":
        part.pop(0)
    if part:
        _mark(labels, part[0], part[-1], "T")


def _skip_addressee(view: TokenView, c1: int, j: int, s1: int) -> int:
    """After "told", "asked": the index past the addressee ("told reporters that", "told Newsweek")."""
    if view.lower[c1] not in ADDRESSEE_CUES:
        return j
    k = j
    while k < s1 and k < j + 5 and view.lower[k] not in ("that", ",") and (
        _np_word(view, k) or view.lower[k] in PRONOUNS or view.lower[k] in ("reporters", "us", "me")
    ):
        k += 1
    return k


# What may follow "X said" at the end of a sentence without being what was said: "on Tuesday", "in a
# statement last week", "late Monday night", "in an interview".
ADVERBIAL_WORDS = frozenset(
    """on last this in a an the at during earlier later late early statement interview email e-mail release
    news press tweet letter post speech call phone telephone conference briefing monday tuesday wednesday
    thursday friday saturday sunday week month year night morning afternoon evening weekend yesterday
    today tonight""".split()
)
MAX_ADVERBIAL = 8
# The words a time or channel after a name starts with ("on Tuesday", "in a statement", "last week"):
# "said The Associated Press" ends in an adverbial word but starts no adverbial.
ADVERBIAL_LEADS = frozenset("on in at during last this earlier later late early yesterday today tonight".split())
# Cues whose next noun phrase is whom it was said to ("told The Huffington Post on Thursday"), not who said it.
ADDRESSEE_CUES = frozenset("told tells tell telling asked asks ask".split())


def adverbial_only(view: TokenView, first: int, last: int) -> bool:
    """True when text[first..last] after a cue is only a time or channel ("on Tuesday", "in a statement")."""
    return last - first < MAX_ADVERBIAL and all(view.lower[t] in ADVERBIAL_WORDS for t in range(first, last + 1))


def _content_indirect(view, labels, c0, c1, right, src, s0, s1) -> None:
    j = _skip_addressee(view, c1, (right[1] if right else c1) + 1, s1)
    # "said on Tuesday that ...": the time or channel before "that" is not said
    k = j
    while k < s1 and k - j < MAX_ADVERBIAL and view.lower[k] in ADVERBIAL_WORDS:
        k += 1
    if k > j and k < s1 and view.lower[k] == "that":
        j = k
    if j < s1 and view.words[j] == ":" and (j + 1 >= s1 or view.quote[j + 1] >= 0):
        return  # "X said:" — a lead-in to a quotation in the next paragraph
    while j < s1 and view.words[j] in ",:":
        j += 1
    last = s1 - 1
    while last >= j and (view.words[last] in ".!?;,[]" or view.words[last].isdigit() and view.words[last - 1] in "[,"):
        last -= 1  # closing punctuation and a footnote marker ("said.[2]") are not what was said
    if last - j >= 1 and not adverbial_only(view, j, last):
        _mark(labels, j, last, "T")
        return
    # ", he said." — the content is the sentence before the source/cue.
    first = min(c0, src[0]) if src else c0
    end = first - 1
    while end >= s0 and view.words[end] in ",;:—–-":
        end -= 1
    if end - s0 >= 1 and all(labels[t] == "O" for t in range(s0, end + 1)):
        _mark(labels, s0, end, "T")
