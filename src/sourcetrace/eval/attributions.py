"""Attribution scorer: a PolNeAR-layout gold dir + a dir of predicted NAME.ann files -> P/R/F1 figures.

Computes exactly the figures of the shared scorer (../shared/eval/score_attributions.py; the agreement
is tested in tests/eval/test_attributions_agree.py), in the same JSON shape:
`{"info": {...}, "metrics": {name: {gold, pred, tp_pred, tp_gold, precision, recall, f1}}}`.

Definitions, in brief (docs/eval.md has them in full):
- spans are normalised: each fragment is trimmed of whitespace, Unicode punctuation (P*) and backquotes,
  then fragments are merged when they overlap or only such characters lie between them;
- span level (Source/Cue/Content): distinct normalised spans per article; EXACT = identical, OVERLAP =
  one-to-one greedy matching by largest shared length (ties: smaller union, then order);
- relation level: content overlaps and source overlaps (or both have no source), one-to-one greedy by
  content + source overlap; "content only" drops the source condition;
- direct / indirect subsets: content text starts (after leading whitespace) with “ " ‘ or «; counted
  on the all-relations matchings.
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from ..errors import InputError
from .brat import (
    SPAN_TYPES,
    AnnRelation,
    Fragments,
    corpus_sha256,
    gold_documents,
    parse_ann,
    read_text,
    relations_of,
)

if TYPE_CHECKING:
    from ..pipeline import Stage
    from ..settings import Settings

Span = tuple[tuple[int, int], ...]  # normalised: sorted, disjoint fragments

# A prediction counts as a direct quote when its content starts with one of these (shared scorer's rule).
QUOTE_OPENERS = ("\u201c", '"', "\u2018", "\u00ab")

METRICS = (
    tuple(f"{t}_{m}" for t in SPAN_TYPES for m in ("exact", "overlap"))
    + (
        "relation",
        "relation_content_only",
        "direct_content_overlap",
        "direct_relation",
        "indirect_content_overlap",
        "indirect_relation",
    )
)

INFO_KEYS = (
    "articles",
    "articles_with_prediction_file",
    "gold_relations",
    "gold_relations_without_source",
    "gold_relations_without_content",
    "gold_direct_quote_relations",
    "gold_orphan_spans",
    "pred_relations",
    "pred_direct_quote_relations",
    "gold_text_mismatches",
    "words",
)


# --------------------------------------------------------------------------- spans


@lru_cache(maxsize=4096)
def is_trim_char(ch: str) -> bool:
    """True for characters a span boundary may drop: whitespace, backquote, Unicode punctuation (P*)."""
    return ch.isspace() or ch == "`" or unicodedata.category(ch)[0] == "P"


def normalise(fragments: Iterable[tuple[int, int]], text: str) -> Span:
    """The normalised form of a (possibly discontinuous) span of `text`.

    Fragments are clipped to the text, emptied ones dropped, each trimmed at both ends of
    `is_trim_char` characters, then sorted and merged when they overlap or only trim characters lie
    between them. A span that trims to nothing keeps its raw (clipped, merged) fragments; a span with
    no non-empty fragment is `()`.
    """
    n = len(text)
    raw = sorted((max(0, min(s, n)), max(0, min(e, n))) for s, e in fragments)
    raw = [(s, e) for s, e in raw if e > s]
    trimmed = []
    for s, e in raw:
        while s < e and is_trim_char(text[s]):
            s += 1
        while e > s and is_trim_char(text[e - 1]):
            e -= 1
        if e > s:
            trimmed.append((s, e))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(trimmed) if trimmed else raw:
        if merged:
            ps, pe = merged[-1]
            if s <= pe or all(is_trim_char(c) for c in text[pe:s]):
                merged[-1] = (ps, max(pe, e))
                continue
        merged.append((s, e))
    return tuple(merged)


def span_length(span: Span) -> int:
    return sum(e - s for s, e in span)


def overlap_length(a: Span, b: Span) -> int:
    """Characters shared by two normalised spans (a merge walk over their sorted fragments)."""
    if not a or not b or a[-1][1] <= b[0][0] or b[-1][1] <= a[0][0]:
        return 0
    i = j = total = 0
    while i < len(a) and j < len(b):
        s = max(a[i][0], b[j][0])
        e = min(a[i][1], b[j][1])
        if e > s:
            total += e - s
        if a[i][1] <= b[j][1]:
            i += 1
        else:
            j += 1
    return total


def overlapping(gold: Sequence[Span | None], pred: Sequence[Span | None]) -> Iterator[tuple[int, int, int]]:
    """(gold index, pred index, shared length) for every pair of non-empty spans that overlap.

    Predictions are sorted by start so each gold span only looks at those starting before it ends;
    the cheap bound test skips most pairs before the exact count.
    """
    order = sorted((p[0][0], pi) for pi, p in enumerate(pred) if p)
    starts = [start for start, _ in order]
    for gi, g in enumerate(gold):
        if not g:
            continue
        g_start, g_end = g[0][0], g[-1][1]
        for k in range(bisect_left(starts, g_end)):
            pi = order[k][1]
            p = pred[pi]
            if p[-1][1] > g_start:
                ov = overlap_length(g, p)
                if ov:
                    yield gi, pi, ov


def is_direct(content: Fragments, text: str) -> bool:
    """True when the raw content's first fragment starts, after whitespace, with a quotation mark."""
    if not content:
        return False
    s, e = min(content)
    return text[s:e].lstrip().startswith(QUOTE_OPENERS)


# --------------------------------------------------------------------------- relations


@dataclass(frozen=True, slots=True)
class ScoredRelation:
    """A relation with normalised spans; a role is None when absent (and `()` if it normalised away)."""

    source: Span | None
    cue: Span | None
    content: Span | None
    direct: bool
    orphan: bool

    def role(self, span_type: str) -> Span | None:
        return {"Source": self.source, "Cue": self.cue, "Content": self.content}[span_type]


def scored_relations(relations: Iterable[AnnRelation], text: str) -> list[ScoredRelation]:
    """Normalise the spans of `relations` against `text` (orphans are never direct quotes)."""

    def norm(frags: Fragments) -> Span | None:
        return normalise(frags, text) if frags else None

    return [
        ScoredRelation(
            norm(r.source),
            norm(r.cue),
            norm(r.content),
            False if r.orphan else is_direct(r.content, text),
            r.orphan,
        )
        for r in relations
    ]


def greedy_match(pairs: list[tuple[tuple, int, int]]) -> dict[int, int]:
    """One-to-one matching taking candidate (key, gold, pred) pairs in ascending key order."""
    pairs.sort()
    used_pred: set[int] = set()
    matched: dict[int, int] = {}
    for _key, g, p in pairs:
        if g not in matched and p not in used_pred:
            matched[g] = p
            used_pred.add(p)
    return matched


class _Counts:
    __slots__ = ("gold", "pred", "tp_pred", "tp_gold")

    def __init__(self) -> None:
        self.gold = self.pred = self.tp_pred = self.tp_gold = 0

    def add(self, gold: int, pred: int, tp_pred: int, tp_gold: int) -> None:
        self.gold += gold
        self.pred += pred
        self.tp_pred += tp_pred
        self.tp_gold += tp_gold

    def figures(self) -> dict[str, Any]:
        p = self.tp_pred / self.pred if self.pred else 0.0
        r = self.tp_gold / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "gold": self.gold,
            "pred": self.pred,
            "tp_pred": self.tp_pred,
            "tp_gold": self.tp_gold,
            "precision": p,
            "recall": r,
            "f1": f,
        }


class Scorer:
    """Accumulates counts article by article; `result()` gives the micro-averaged figures."""

    def __init__(self) -> None:
        self.counts = {name: _Counts() for name in METRICS}
        self.info = dict.fromkeys(INFO_KEYS, 0)

    def add_article(self, text: str, gold_ann: str | None, pred_ann: str | None) -> None:
        """Score one article: `text` and the .ann texts (None = no file; it then has no relations)."""
        info = self.info
        info["articles"] += 1
        info["words"] += len(text.split())
        gold: list[ScoredRelation] = []
        if gold_ann is not None:
            standoff = parse_ann(gold_ann)
            info["gold_text_mismatches"] += standoff.text_mismatches(text)
            gold = scored_relations(relations_of(standoff), text)
        pred: list[ScoredRelation] = []
        if pred_ann is not None:
            info["articles_with_prediction_file"] += 1
            pred = scored_relations(relations_of(parse_ann(pred_ann)), text)
        gold_rels = [r for r in gold if not r.orphan]
        pred_rels = [r for r in pred if not r.orphan]
        info["gold_orphan_spans"] += len(gold) - len(gold_rels)
        info["gold_relations"] += len(gold_rels)
        info["gold_relations_without_source"] += sum(r.source is None for r in gold_rels)
        info["gold_relations_without_content"] += sum(r.content is None for r in gold_rels)
        info["gold_direct_quote_relations"] += sum(r.direct for r in gold_rels)
        info["pred_relations"] += len(pred_rels)
        info["pred_direct_quote_relations"] += sum(r.direct for r in pred_rels)
        self._score_spans(gold, pred)
        self._score_relations(gold_rels, pred_rels)

    def _score_spans(self, gold: list[ScoredRelation], pred: list[ScoredRelation]) -> None:
        for t in SPAN_TYPES:
            g_units = sorted({s for r in gold if (s := r.role(t))})
            p_units = sorted({s for r in pred if (s := r.role(t))})
            exact = len(set(g_units).intersection(p_units))
            self.counts[f"{t}_exact"].add(len(g_units), len(p_units), exact, exact)
            pairs = []
            for gi, pi, ov in overlapping(g_units, p_units):
                union = span_length(g_units[gi]) + span_length(p_units[pi]) - ov
                pairs.append(((-ov, union, gi, pi), gi, pi))
            n = len(greedy_match(pairs))
            self.counts[f"{t}_overlap"].add(len(g_units), len(p_units), n, n)

    def _score_relations(self, gold: list[ScoredRelation], pred: list[ScoredRelation]) -> None:
        full_pairs, content_pairs = [], []
        g_contents = [g.content for g in gold]
        p_contents = [p.content for p in pred]
        for gi, pi, cov in overlapping(g_contents, p_contents):
            g, p = gold[gi], pred[pi]
            cunion = span_length(g.content) + span_length(p.content) - cov
            content_pairs.append(((-cov, cunion, gi, pi), gi, pi))
            # A gold relation without a source matches only a prediction without one.
            if g.source is None or p.source is None:
                if g.source is None and p.source is None:
                    full_pairs.append(((-cov, cunion, gi, pi), gi, pi))
                continue
            sov = overlap_length(g.source, p.source)
            if sov:
                sunion = span_length(g.source) + span_length(p.source) - sov
                full_pairs.append(((-(cov + sov), cunion + sunion, gi, pi), gi, pi))
        for name, suffix, pairs in (
            ("relation", "relation", full_pairs),
            ("relation_content_only", "content_overlap", content_pairs),
        ):
            matched = greedy_match(pairs)
            matched_pred = set(matched.values())
            self.counts[name].add(len(gold), len(pred), len(matched), len(matched))
            for subset, flag in (("direct", True), ("indirect", False)):
                g_idx = [gi for gi, g in enumerate(gold) if g.direct is flag]
                p_idx = [pi for pi, p in enumerate(pred) if p.direct is flag]
                self.counts[f"{subset}_{suffix}"].add(
                    len(g_idx),
                    len(p_idx),
                    sum(pi in matched_pred for pi in p_idx),
                    sum(gi in matched for gi in g_idx),
                )

    def result(self) -> dict[str, Any]:
        """`{"info": {...}, "metrics": {...}}`, the shape of the shared scorer's --json output."""
        return {"info": dict(self.info), "metrics": {k: self.counts[k].figures() for k in METRICS}}


def score(gold_dir: str | Path, pred_dir: str | Path | None) -> dict[str, Any]:
    """Score the NAME.ann files of `pred_dir` against a PolNeAR-layout `gold_dir`.

    Only articles with a GOLD/text/NAME.txt are scored; a missing prediction file (or `pred_dir`
    None) means no predictions for that article. Returns the shared scorer's JSON figures plus the
    absolute `gold_dir` and `pred_dir`. Raises InputError when the gold dir lacks text/ or attributions/
    or `pred_dir` is not a directory.
    """
    if pred_dir is not None and not Path(pred_dir).is_dir():
        raise InputError(f"prediction dir {pred_dir} is not a directory (expected one NAME.ann per article)")
    scorer = Scorer()
    for doc in gold_documents(gold_dir):
        text = read_text(doc.text_path)
        gold_ann = read_text(doc.ann_path) if doc.ann_path is not None else None
        pred_ann = None
        if pred_dir is not None:
            pred_path = Path(pred_dir) / f"{doc.name}.ann"
            if pred_path.exists():
                pred_ann = read_text(pred_path)
        scorer.add_article(text, gold_ann, pred_ann)
    result = scorer.result()
    result["gold_dir"] = os.path.abspath(gold_dir)
    result["pred_dir"] = os.path.abspath(pred_dir) if pred_dir is not None else None
    return result


def format_table(scores: dict[str, Any]) -> str:
    """The shared scorer's text table: a summary line, then one row per metric."""
    i = scores["info"]
    lines = [
        "articles=%d  gold relations=%d (direct-quote %d, no source %d)"
        "  predicted relations=%d (direct-quote %d)"
        % (
            i["articles"],
            i["gold_relations"],
            i["gold_direct_quote_relations"],
            i["gold_relations_without_source"],
            i["pred_relations"],
            i["pred_direct_quote_relations"],
        ),
        "%-26s %6s %6s %6s %6s %7s %7s %7s" % ("metric", "gold", "pred", "tp_p", "tp_g", "P", "R", "F1"),
    ]
    for name in METRICS:
        m = scores["metrics"][name]
        lines.append(
            "%-26s %6d %6d %6d %6d %7.4f %7.4f %7.4f"
            % (name, m["gold"], m["pred"], m["tp_pred"], m["tp_gold"], m["precision"], m["recall"], m["f1"])
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------- running sourcetrace

# The stages whose output the attribution evaluation sees: everything up to speaker resolution (which
# may refine sources). Later stages (references, links, checks) do not change attributions.
ATTRIBUTION_STAGES = ("extract", "tokenize", "attributions", "speakers")


def attribution_stages(settings: Settings) -> tuple[Stage, ...]:
    """The pipeline's own stage objects named in ATTRIBUTION_STAGES, in pipeline order.

    Raises ImportError while a stage module is not importable.
    """
    from ..pipeline import default_stages

    return tuple(s for s in default_stages(settings) if s.name in ATTRIBUTION_STAGES)


def predict_attributions(
    gold_dir: str | Path,
    out_dir: str | Path,
    settings: Settings | None = None,
    stages: Sequence[Stage] | None = None,
) -> int:
    """Run sourcetrace over GOLD/text/*.txt and write one NAME.ann per article into `out_dir`.

    The Article is built from the file's exact text (no ingest normalisation such as NFC), so that
    predicted offsets index the same string as the gold ones. Returns the number of articles written.
    """
    from ..model import Article, Document
    from ..pipeline import run
    from ..report.brat import to_brat
    from ..settings import Settings

    settings = settings or Settings()
    stages = tuple(stages) if stages is not None else attribution_stages(settings)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for doc in gold_documents(gold_dir):
        text = read_text(doc.text_path)
        article = Article(text=text, id=doc.name, document=Document(source=str(doc.text_path)))
        article = run(article, settings, stages)
        with open(out / f"{doc.name}.ann", "w", encoding="utf-8", newline="") as f:
            f.write(to_brat(article))
        n += 1
    return n


def evaluate_attributions(
    gold_dir: str | Path,
    pred_dir: str | Path | None = None,
    settings: Settings | None = None,
    *,
    stages: Sequence[Stage] | None = None,
    save_pred: str | Path | None = None,
) -> dict[str, Any]:
    """Score `pred_dir` (or, when None, sourcetrace's own predictions) against a PolNeAR-layout gold dir.

    Without `pred_dir`, the attribution stages (or `stages`) run over every GOLD/text/*.txt and their
    brat output is written to `save_pred` (default: a temporary dir, removed afterwards) and scored.
    Returns `score()`'s dict plus `corpus_sha256` (see brat.corpus_sha256). Raises InputError for a
    malformed gold dir and ImportError while the attribution stage is not importable.
    """
    if pred_dir is not None:
        result = score(gold_dir, pred_dir)
    elif save_pred is not None:
        predict_attributions(gold_dir, save_pred, settings, stages)
        result = score(gold_dir, save_pred)
    else:
        with tempfile.TemporaryDirectory(prefix="sourcetrace-eval-") as tmp:
            predict_attributions(gold_dir, tmp, settings, stages)
            result = score(gold_dir, tmp)
            result["pred_dir"] = None  # the temporary dir is gone once we return
    result["corpus_sha256"] = corpus_sha256(gold_dir)
    return result
