"""Relation step: token labels (BIO over Source / Cue / Content) -> attributions.

Both finders (rules and CRF) label tokens; this step groups the labelled runs into relations around
their cues: each content and source run joins the nearest cue in its sentence (or paragraph), a
quotation that follows a "X said:" lead-in joins that cue across the paragraph break, and relations
without content are dropped (they can never be checked against anything a reader sees).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .layout import TokenView
from .reported import ADVERBIAL_LEADS, adverbial_only

# A run in another sentence counts as this many tokens further away than one in the same sentence;
# calibrated on PolNeAR train, where 99% of contents share a sentence with their cue or are a
# quotation in the sentence right before/after it.
SENTENCE_PENALTY = 40
# Runs further than this (tokens, after the sentence penalty) from any cue stay unattached.
MAX_DISTANCE = 90
# An unquoted content run in another sentence than its cue needs at least this many tokens.
MIN_OTHER_SENTENCE_CONTENT = 3


@dataclass(slots=True)
class Relation:
    cue: tuple[int, int]  # token range [first, last]
    sources: list[tuple[int, int]] = field(default_factory=list)
    contents: list[tuple[int, int]] = field(default_factory=list)


def runs(labels: list[str]) -> list[tuple[str, int, int]]:
    """(type, first, last) for each maximal run of one label type; "B-" starts a new run."""
    out: list[tuple[str, int, int]] = []
    cur = None
    first = 0
    for i, lab in enumerate(labels):
        if lab == "O":
            # Most tokens: close the open run, if any (same as the general case with typ None).
            if cur is not None:
                out.append((cur, first, i - 1))
                cur, first = None, i
            continue
        typ = lab[2:]
        if typ != cur or lab.startswith("B-"):
            if cur is not None:
                out.append((cur, first, i - 1))
            cur, first = typ, i
    if cur is not None:
        out.append((cur, first, len(labels) - 1))
    return out


# The speaker named after the cue of a quotation ('"...," said hydrologist Ines Park.') is at most this
# many tokens long; a longer run is more likely a real second piece of content.
MAX_INVERTED_SOURCE = 8


# Upper-case labels before a colon that introduce no speaker ("CORRECTION: ...", "UPDATE: ...").
EDITORIAL_LABELS = frozenset(
    """correction corrections clarification update updated updates byline exclusive previously look email
    busted watch read note editor's editors related also breaking advertisement photo photos video source
    sources credit disclosure warning spoiler transcript audio listen subscribe more see bottom line full
    text short reads fix is in""".split()
)
TRANSCRIPT_NAME_WORDS = 3


def transcript_turns(view: TokenView, labels: list[str], confidences: list[float] | None):
    """(labels, confidences) with every transcript turn labelled: a paragraph that opens with a name in
    capitals and a colon ('WALLACE: Let's start ...', '"KATE BOLDUAN: Why not debate?') is a
    statement by that name, the colon its cue, the rest of the paragraph its content. The CRF reads such
    paragraphs as content of whatever introduced the transcript ('Partial transcript as follows:')."""
    out = conf = None
    for p0, p1 in view.paragraphs:
        first = p0 + (1 if view.words[p0] in ('"', "“") else 0)
        colon = next((t for t in range(first, min(p1, first + TRANSCRIPT_NAME_WORDS + 1)) if view.words[t] == ":"), None)
        if colon is None or colon == first or p1 - colon < 4:
            continue
        name = view.words[first:colon]
        if not all(len(w.strip(".’'")) >= 2 and w.isupper() for w in name) or any(
            w.lower().strip(".") in EDITORIAL_LABELS for w in name
        ):
            continue
        out = out or list(labels)
        out[first:colon] = ["B-S"] + ["I-S"] * (colon - first - 1)
        out[colon] = "B-C"
        out[colon + 1 : p1] = ["B-T"] + ["I-T"] * (p1 - colon - 2)
        if confidences is not None:
            conf = conf or list(confidences)
            conf[first:p1] = [1.0] * (p1 - first)  # a layout this plain is no guess
    return out or labels, conf or confidences


# A passive cue: a form of "be", perhaps an adverb, a past participle, perhaps a preposition
# ("has been harshly criticized", "was accused of", "is defined as"); not "is expected to endorse".
RE_PASSIVE_CUE = re.compile(
    r"^(?:is|are|was|were|be|been|being|has been|have been|had been|will be|would be)\s+(?:\w+ly\s+)?"
    r"\w+(?:ed|en|wn|ght)(?:\s+(?:of|as|for|in|with|about|on))?$"
)


def passive_subjects(view: TokenView, labels: list[str]) -> list[str]:
    """Labels with one repair: the subject right before a passive cue without an agent ('He | has been
    harshly criticized | for ...', 'Mr. Quiros | was accused of | ...') is what is reported, part of the
    content, not who reported it (as PolNeAR annotates it)."""
    found = runs(labels)
    out = None
    for k in range(1, len(found)):
        typ, a, b = found[k]
        styp, s0, s1 = found[k - 1]
        if typ != "C" or styp != "S" or s1 != a - 1:
            continue
        cue = " ".join(view.lower[a : b + 1])
        if (not RE_PASSIVE_CUE.match(cue) or "quoted" in cue
                or b + 1 < len(view) and view.lower[b + 1] in ("by", "to", "saying")):
            continue  # an agent follows, or "was quoted (as) saying": the subject did speak
        out = out or list(labels)
        out[s0 : s1 + 1] = ["B-T"] + ["I-T"] * (s1 - s0)
    return out or labels


def inverted_sources(view: TokenView, labels: list[str]) -> list[str]:
    """Labels with one repair: after a quotation and its cue ('"...," said hydrologist Ines Park.'),
    a short unquoted run labelled content that names someone and ends its sentence is the source,
    with a source run just before it ('said Mayor | Ann Lee'); a time or channel at its end ('on
    Tuesday', 'in a statement') is neither. (The CRF reads an unfamiliar role word before the name,
    "hydrologist", as the start of content, and a title as a source of its own.)"""
    found = runs(labels)
    out = None
    for k in range(1, len(found)):
        typ, a, b = found[k]
        ctyp, c0, c1 = found[k - 1]
        if ctyp == "S" and k >= 2 and found[k - 2][0] == "C" and found[k - 2][2] == c0 - 1 and c1 == a - 1:
            a = c0  # "said Mayor | Ann Lee on Tuesday": the title and the name are one source
            ctyp, c0, c1 = found[k - 2]
        if typ != "T" or ctyp != "C" or c1 != a - 1 or c0 == 0 or view.quote[c0 - 1] < 0:
            continue
        end = b + 1
        while end < len(view) and view.sent[end] == view.sent[b] and not any(ch.isalnum() for ch in view.words[end]):
            end += 1
        sentence_ends = end >= len(view) or view.sent[end] != view.sent[b]
        if (
            b - a + 1 > MAX_INVERTED_SOURCE
            or not sentence_ends
            or view.sent[a] != view.sent[c0]
            or any(view.quote[t] >= 0 for t in range(a, b + 1))
            or not any(view.words[t][:1].isupper() for t in range(a, b + 1))
        ):
            continue
        out = out or list(labels)
        out[a : b + 1] = ["B-S"] + ["I-S"] * (b - a)
    # a source right after its cue ends before a time or channel: "said Ann Lee | in a statement."
    # (not after "according to": "a poll released last week" is one noun phrase)
    for typ, a, b in runs(out or labels):
        if typ != "S" or a == 0 or (out or labels)[a - 1][2:] != "C" or view.lower[a - 1] == "to":
            continue
        lead = next((t for t in range(a + 1, b + 1) if view.lower[t] in ADVERBIAL_LEADS and adverbial_only(view, t, b)), None)
        if lead is not None:
            out = out or list(labels)
            out[lead : b + 1] = ["O"] * (b + 1 - lead)
    return out or labels


def _distance(view: TokenView, a: tuple[int, int], b: tuple[int, int]) -> int:
    if a[1] < b[0]:
        gap = b[0] - a[1]
    elif b[1] < a[0]:
        gap = a[0] - b[1]
    else:
        gap = 0
    sa = (view.sent[a[0]], view.sent[a[1]])
    sb = (view.sent[b[0]], view.sent[b[1]])
    if sa[1] < sb[0]:
        apart = sb[0] - sa[1]
    elif sb[1] < sa[0]:
        apart = sa[0] - sb[1]
    else:
        apart = 0
    return gap + SENTENCE_PENALTY * apart


def assemble(view: TokenView, labels: list[str]) -> list[Relation]:
    """Relations built from `labels` (one per token of `view`), in order of their cue."""
    found = runs(labels)
    relations = [Relation(cue=(a, b)) for typ, a, b in found if typ == "C"]
    if not relations:
        return []
    # Only cues of the run's own paragraph compete (in cue order, so ties go to the same one).
    by_para: dict[int, list[Relation]] = {}
    for rel in relations:
        by_para.setdefault(view.para[rel.cue[0]], []).append(rel)
    for typ, a, b in found:
        if typ == "C":
            continue
        best = None
        best_d = MAX_DISTANCE + 1
        for rel in by_para.get(view.para[a], ()):
            d = _distance(view, (a, b), rel.cue)
            if typ == "S" and view.sent[rel.cue[0]] != view.sent[a]:
                d += SENTENCE_PENALTY  # a source is nearly always in its cue's sentence
            if d < best_d:
                best, best_d = rel, d
        if best is None and typ == "T":
            best = _lead_in(view, relations, a)
        if best is None:
            continue
        if typ == "T" and b - a < MIN_OTHER_SENTENCE_CONTENT and view.sent[a] != view.sent[best.cue[0]] and view.quote[a] < 0:
            continue  # a stray word or two of another sentence ("...the expansion. 'This is...' she told")
        (best.sources if typ == "S" else best.contents).append((a, b))
    _share_sources(view, relations, [(a, b) for typ, a, b in found if typ == "S"])
    return [r for r in relations if r.contents]


def _share_sources(view: TokenView, relations: list[Relation], sources: list[tuple[int, int]]) -> None:
    """Give a cue without a source the nearest source of its sentence, even one that another cue
    already uses: "Trump said X, adding that Y" has one source for two relations (PolNeAR shares
    the Source span between them)."""
    for rel in relations:
        if rel.sources or not rel.contents:
            continue
        sent = view.sent[rel.cue[0]]
        best = None
        best_d = MAX_DISTANCE + 1
        for a, b in sources:
            if view.sent[a] != sent and not (b < rel.cue[0] and view.sent[b] == sent - 1 and view.para[b] == view.para[rel.cue[0]]):
                continue
            d = _distance(view, (a, b), rel.cue) + (0 if b < rel.cue[0] else 10)
            if d < best_d:
                best, best_d = (a, b), d
        if best is not None:
            rel.sources.append(best)


def _lead_in(view: TokenView, relations: list[Relation], first: int) -> Relation | None:
    """The cue of a "X said:" (or "X said," ) lead-in paragraph right before a content run that
    opens its own paragraph."""
    if first == 0 or view.para[first - 1] == view.para[first]:
        return None
    if view.words[first - 1] not in (":", ",") and view.lower[first - 1] not in ("that",):
        return None
    prev_para = view.para[first - 1]
    for rel in reversed(relations):
        if view.para[rel.cue[0]] == prev_para:
            return rel
    return None
