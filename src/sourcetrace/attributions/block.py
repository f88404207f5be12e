"""Block quotations introduced by a colon: TokenView + attributions -> the attributions they add.

"The 1994 State Department report is a clear guideline:" followed by a paragraph that is one
quotation has no speech verb, so neither the rules nor the CRF (PolNeAR marks cues only) make it an
attribution, yet it is the most direct quotation an article can give. The colon is the cue; the
source is the lead-in sentence's subject when it has one ("The 1994 State Department report").
"""

from __future__ import annotations

from ..model import Attribution, Span
from .layout import TokenView
from .patterns import DIRECT_OPENERS
from .reported import is_cue_word

# The subject ends at the first of these: "X report is", "X has shown", "X offers".
_VERB_STOPS = frozenset(
    "is are was were has have had will would can could may might should must does did do "
    "offers offered gives gave provides provided shows showed describes described puts put "
    "sums summed remains remained made makes issued issues released releases published publishes "
    "posted posts sent sends included includes contained contains concluded concludes found finds".split()
)
# An opening adverbial ends at its comma: "On July 6, 2015, Sanders made ..." -> "Sanders".
_OPENERS = frozenset("on in at during after before last earlier later since until by".split())
# Lead-ins whose opening words are no subject: "Consider the following:", "Here is what ...:".
_NO_SUBJECT = frozenset("here consider as in for see take this that these it there read note below".split())
MAX_SUBJECT_WORDS = 12
MIN_QUOTED_SHARE = 0.9  # of the paragraph's characters inside the one quotation
CONFIDENCE = 0.6  # a rule without a speech verb: below a CRF attribution's typical confidence


def block_quotes(view: TokenView, attributions: tuple[Attribution, ...]) -> list[Attribution]:
    """Attributions for paragraph-long quotations right after a paragraph that ends with ":",
    unless an attribution already covers the quotation (ids are left to the caller)."""
    covered = [(c.start, c.end) for a in attributions for c in a.content]
    paras = view.paragraphs
    found = []
    for k in range(1, len(paras)):
        lead, (first, last) = paras[k - 1], paras[k]
        colon = lead[1] - 1
        if view.words[colon] != ":" and not view.words[colon].endswith(":"):
            continue
        start, end = view.starts[first], view.ends[last - 1]
        q = view.quote[first]
        if q < 0 or view.quotes[q].start != start or not view.text[start:].startswith(DIRECT_OPENERS):
            continue  # the paragraph must open with the quotation (one running on from before is not ours)
        segments = view.quotes[q].segments
        if segments[0][1] - segments[0][0] < MIN_QUOTED_SHARE * (end - start):
            continue
        if any(a < segments[-1][1] and segments[0][0] < b for a, b in covered):
            continue
        source = _subject(view, view.sentences[view.sent[colon]][0], colon)
        if source is None and any(is_cue_word(view, i) for i in range(lead[0], colon)):
            continue  # "He wrote:" with a cue the finder did not pair: not ours to guess
        found.append(
            Attribution(
                id="", kind="direct", content=tuple(Span(a, b) for a, b in segments), source=source,
                cue=Span(view.starts[colon] + len(view.words[colon]) - 1, view.ends[colon]),
                confidence=CONFIDENCE, method="rules",
            )
        )
    return found


def _subject(view: TokenView, first: int, colon: int) -> Span | None:
    """The subject noun phrase of the lead-in sentence [first, colon): its words up to the first
    verb, when that is near the start and the sentence opens like a noun phrase."""
    if view.lower[first] in _OPENERS:
        commas = [i for i in range(first, colon) if view.words[i] == ","]
        # the subject starts after the adverbial's last comma ("On July 6, 2015, ...")
        nxt = [i for i in commas if i + 1 < colon and view.words[i + 1][:1].isupper() and not view.words[i + 1][:1].isdigit()]
        if not nxt:
            return None
        first = nxt[0] + 1
    if view.lower[first] in _NO_SUBJECT or not view.words[first][:1].isupper():
        return None
    for i in range(first + 1, min(colon, first + MAX_SUBJECT_WORDS + 1)):
        if view.lower[i] in _VERB_STOPS or is_cue_word(view, i):
            # up to the verb, or to the first comma: "A second audit, a year later, gives" -> "A second audit"
            last = next((j - 1 for j in range(first + 1, i) if view.words[j] == ","), i - 1)
            while last > first and not view.words[last][-1:].isalnum():
                last -= 1
            return Span(view.starts[first], view.ends[last])
    return None
