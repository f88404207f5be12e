"""CRF finder: TokenView + rule labels -> BIO labels and per-token confidences from the trained model.

The model (data/models/attributions-*/attributions.crfsuite, trained by scripts/train_attributions.py
on PolNeAR train) is loaded once per process. `tag` returns None when no model is installed, and the
caller falls back to the rules.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ModelError
from ..limits import check_deadline
from ..references.decoder import open_crfsuite
from .features import sequences, token_features
from .layout import TokenView
from .reported import DASHES

MODEL_NAME = "attributions.crfsuite"
SPAN_LABELS = ("B-S", "I-S", "B-C", "I-C", "B-T", "I-T")
# A quotation whose tokens the CRF mostly labels Content becomes Content whole, marks included
# (PolNeAR's convention); below this share it is left as tagged.
QUOTE_SNAP_SHARE = 0.5
# How far (tokens) a cue may sit from a quotation for the quotation to be its content.
CUE_REACH = 4
# A token is given its best span label when P(O) is below this (instead of Viterbi's O): the CRF is
# conservative, and recall is what PolNeAR dev lacked. Tuned on dev (see the model README).
O_THRESHOLD = 0.7


@lru_cache(maxsize=1)
def model_path() -> Path | None:
    """The newest installed attributions model, or None."""
    models = Path(str(resources.files("sourcetrace").joinpath("data/models")))
    if not models.is_dir():
        return None
    candidates = sorted(p / MODEL_NAME for p in models.glob("attributions-*") if (p / MODEL_NAME).is_file())
    return candidates[-1] if candidates else None


# A pycrfsuite.Tagger keeps the current sequence inside it, so one shared Tagger is not thread-safe
# (the web app saw "position out of range" with 4 audit threads): one Tagger per thread and path.
_LOCAL = threading.local()


def _tagger(path: str):
    taggers = _LOCAL.__dict__.setdefault("taggers", {})
    tagger = taggers.get(path)
    if tagger is None:
        try:
            tagger = open_crfsuite(path)
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot open attributions model {path}: {exc}") from None
        taggers[path] = tagger
    return tagger


def reset_taggers() -> None:
    """Forget this thread's open taggers (after a model file was rewritten, e.g. by training)."""
    _LOCAL.__dict__.pop("taggers", None)


def tag(view: TokenView, rules: list[str]) -> tuple[list[str], list[float]] | None:
    """(labels, confidence of each label) for `view`'s tokens, or None without a model."""
    path = model_path()
    if path is None:
        return None
    tagger = _tagger(str(path))
    labels = ["O"] * len(view)
    confidences = [1.0] * len(view)
    feats = token_features(view, rules)
    marginal = tagger.marginal
    for idx in sequences(view):
        check_deadline("in attributions")  # a huge document stops here in a worker thread
        tags = tagger.tag([feats[t] for t in idx])
        for i, (t, y) in enumerate(zip(idx, tags)):
            if y != "O":
                labels[t] = y
                confidences[t] = marginal(y, i)
                continue
            p_o = marginal("O", i)
            if p_o < O_THRESHOLD:
                # The first label with the highest marginal (what max() would pick), each marginal
                # asked once.
                best, best_p = SPAN_LABELS[0], marginal(SPAN_LABELS[0], i)
                for lab in SPAN_LABELS[1:]:
                    p = marginal(lab, i)
                    if p > best_p:
                        best, best_p = lab, p
                labels[t] = best
                confidences[t] = best_p
            else:
                confidences[t] = p_o
    _drop_markers(view, labels)
    _overlay_dash_bylines(view, rules, labels)
    snap_quotes(view, labels)
    return labels, confidences


def _cue_next_to(view: TokenView, labels: list[str], first: int, last: int) -> bool:
    """A CRF cue within CUE_REACH tokens after the quotation (or before it), same paragraph, with
    only punctuation or a source between."""
    para = view.para[first]
    after = range(last + 1, min(len(labels), last + 1 + CUE_REACH))
    before = range(first - 1, max(-1, first - 1 - CUE_REACH), -1)
    for steps in (after, before):
        for t in steps:
            if view.para[t] != para or view.quote[t] >= 0:
                break
            if labels[t].endswith("-C"):
                return True
            if labels[t] == "O" and view.words[t][0].isalnum():
                break
    return False


def _drop_markers(view: TokenView, labels: list[str]) -> None:
    """Footnote markers ("[4]" after a quotation) are never attribution spans; PolNeAR has none,
    so the CRF takes them for the cue that usually follows a closing mark."""
    words = view.words
    for i in range(len(words) - 2):
        if words[i] == "[" and words[i + 1].isdigit() and words[i + 2] == "]":
            labels[i] = labels[i + 1] = labels[i + 2] = "O"


def _overlay_dash_bylines(view: TokenView, rules: list[str], labels: list[str]) -> None:
    """Keep the rule layer's '“...” ― Name' bylines, which the CRF sees too rarely to learn."""
    for i, lab in enumerate(rules):
        if lab == "B-C" and view.words[i] in DASHES and labels[i] == "O":
            j = i
            while j < len(rules) and (j == i or rules[j].endswith("-S")) and labels[j] == "O":
                labels[j] = rules[j]
                j += 1


def snap_quotes(view: TokenView, labels: list[str]) -> None:
    """Make a quotation Content, marks included, when the CRF labelled most of it Content or put a
    cue right next to it ('“...,” said X', 'X said: “...”'); in place."""
    if not view.quotes:
        return
    members: dict[int, list[int]] = {}
    for t, q in enumerate(view.quote):
        if q >= 0:
            members.setdefault(q, []).append(t)
    for toks in members.values():
        content = sum(1 for t in toks if labels[t].endswith("-T"))
        if content / len(toks) < QUOTE_SNAP_SHARE and not _cue_next_to(view, labels, toks[0], toks[-1]):
            continue
        if any(labels[t][2:] in ("S", "C") for t in toks):
            continue
        first = toks[0]
        prev_content = first > 0 and labels[first - 1].endswith("-T")
        for k, t in enumerate(toks):
            labels[t] = "I-T" if (k or prev_content) else "B-T"
