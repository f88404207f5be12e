"""Reference-parsing scorer: gold + predicted AnyStyle XML -> token/sequence error rates and per-field P/R/F1.

Computes exactly the figures of the shared scorer (../shared/eval/score_references.py; the agreement is
tested in tests/eval/test_references_agree.py), in the same JSON shape as its `--json` output.

Definitions, in brief (docs/eval.md has them in full): each gold sequence is split into whitespace tokens,
each taking its gold segment's tag; a token's predicted tag is the tag covering most of its characters in
the prediction (ties: the earlier character); texts are compared with all whitespace removed. Token error
rate = wrong tokens / tokens; sequence error rate = sequences with a wrong token / sequences; per tag
token P/R/F1 and strict field (maximal same-tag run) P/R/F1; macro F1 over the tags present in gold.
"""

from __future__ import annotations

import difflib
import hashlib
import inspect
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from ..errors import InputError
# The format itself lives with the references package, which writes it too; re-exported here.
from ..references.anystyle import (  # noqa: F401
    UNTAGGED, Sequence, parse_anystyle_xml, read_anystyle_xml, sequences_of, to_anystyle_xml,
)

if TYPE_CHECKING:
    from ..settings import Settings

MISSING = "<none>"  # gold characters no predicted segment covers (align=True only)
HAND_WRITTEN_GLOB = "references-web-test*.xml"  # the hand-written web/news test sets, in data/training/


def hand_written_sets(directory: Path) -> list[tuple[int, Path]]:
    """(number, path) of each hand-written test set in `directory`, by number: references-web-test-11.xml is
    set 11, the first, unnumbered references-web-test.xml set 1. The eval gate and the training script's
    report both name the sets so."""
    sets = []
    for path in directory.glob(HAND_WRITTEN_GLOB):
        last = path.stem.rsplit("-", 1)[-1]
        sets.append((int(last) if last.isdigit() else 1, path))
    return sorted(sets)


# --------------------------------------------------------------------------- sequences


def tokens_of(segments: Sequence) -> list[tuple[str, str]]:
    """(token, tag) per whitespace token; a segment boundary always separates tokens."""
    return [(tok, tag) for tag, text in segments for tok in text.split()]


def raw_text(segments: Sequence) -> str:
    """The reference string: the sequence's tokens joined by single spaces."""
    return " ".join(text for tag, seg in segments for text in seg.split())


def text_key(segments: Sequence) -> str:
    """Lower-cased letters and digits of a sequence: the identity used to exclude overlaps."""
    return "".join(ch for ch in raw_text(segments).lower() if ch.isalnum())


def exclude_overlap(
    gold: list[Sequence], pred: list[Sequence], other: Iterable[Sequence]
) -> tuple[list[Sequence], list[Sequence]]:
    """Drop the positions whose gold text (by `text_key`) also occurs in `other`, e.g. a training set."""
    seen = {text_key(s) for s in other}
    keep = [i for i, s in enumerate(gold) if text_key(s) not in seen]
    return [gold[i] for i in keep], [pred[i] for i in keep]


# --------------------------------------------------------------------------- scoring


def _char_tags(segments: Sequence) -> tuple[str, list[str]]:
    """The non-whitespace characters of a sequence and the tag of each."""
    chars: list[str] = []
    tags: list[str] = []
    for tag, text in segments:
        kept = [ch for ch in text if not ch.isspace()]
        chars.extend(kept)
        tags.extend([tag] * len(kept))
    return "".join(chars), tags


def project(gold: Sequence, pred: Sequence, align: bool = False) -> tuple[list[str], list[str], bool]:
    """Gold tag and predicted tag per gold token, and whether the two texts differ.

    Raises ValueError when the texts differ (whitespace aside) and `align` is False; with `align`, the
    characters are aligned with difflib and gold characters left unmatched get the tag MISSING.
    """
    gold_toks = tokens_of(gold)
    gold_chars = "".join(tok for tok, _ in gold_toks)
    pred_chars, pred_tags = _char_tags(pred)
    mismatch = gold_chars != pred_chars
    ctags = pred_tags
    if mismatch:
        if not align:
            raise ValueError("text differs")
        ctags = [MISSING] * len(gold_chars)
        matcher = difflib.SequenceMatcher(None, gold_chars, pred_chars, autojunk=False)
        for a, b, size in matcher.get_matching_blocks():
            ctags[a : a + size] = pred_tags[b : b + size]
    gold_out, pred_out = [], []
    pos = 0
    for tok, tag in gold_toks:
        span = ctags[pos : pos + len(tok)]
        pos += len(tok)
        first = span[0]
        if all(t == first for t in span):  # the common case: one predicted tag over the whole token
            choice = first
        else:
            counts = Counter(span)
            best = max(counts.values())
            choice = next(t for t in span if counts[t] == best)  # ties: the tag seen first
        gold_out.append(tag)
        pred_out.append(choice)
    return gold_out, pred_out, mismatch


def _runs(tags: list[str]) -> set[tuple[int, int, str]]:
    """Maximal runs of one tag as (start, end, tag), end exclusive."""
    out = set()
    start = 0
    for i in range(1, len(tags) + 1):
        if i == len(tags) or tags[i] != tags[start]:
            out.add((start, i, tags[start]))
            start = i
    return out


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_sequences(gold: list[Sequence], pred: list[Sequence], align: bool = False) -> dict[str, Any]:
    """All figures for two parallel lists of sequences; the shared scorer's `--json` dict.

    Raises InputError when the lists differ in length, or when a sequence's text differs and
    `align` is False.
    """
    if len(gold) != len(pred):
        raise InputError(f"gold has {len(gold)} sequences, prediction has {len(pred)}")
    n_tok = n_tok_err = n_seq_err = n_mismatch = 0
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    stp: Counter = Counter()
    sfp: Counter = Counter()
    sfn: Counter = Counter()
    confusion: Counter = Counter()
    for i, (g, p) in enumerate(zip(gold, pred)):
        try:
            gt, pt, mismatch = project(g, p, align)
        except ValueError:
            raise InputError(
                f"sequence {i + 1}: predicted text differs from gold\n"
                f"  gold: {raw_text(g)}\n  pred: {raw_text(p)}\n(score with align=True / --align)"
            ) from None
        n_mismatch += mismatch
        errors = 0
        for a, b in zip(gt, pt):
            if a == b:
                tp[a] += 1
            else:
                errors += 1
                fn[a] += 1
                fp[b] += 1
                confusion[(a, b)] += 1
        n_tok += len(gt)
        n_tok_err += errors
        n_seq_err += errors > 0
        if gt:
            gs, ps = _runs(gt), _runs(pt)
            for s in gs & ps:
                stp[s[2]] += 1
            for s in ps - gs:
                sfp[s[2]] += 1
            for s in gs - ps:
                sfn[s[2]] += 1
    # Fields ordered by gold support, then by name: macro F1 sums in this order (floats: order matters).
    fields: dict[str, dict[str, Any]] = {}
    for t in sorted(sorted(set(tp) | set(fn)), key=lambda t: -(tp[t] + fn[t])):
        p_, r_, f_ = _prf(tp[t], fp[t], fn[t])
        sp, sr, sf = _prf(stp[t], sfp[t], sfn[t])
        fields[t] = {
            "support": tp[t] + fn[t],
            "precision": p_,
            "recall": r_,
            "f1": f_,
            "span_support": stp[t] + sfn[t],
            "span_precision": sp,
            "span_recall": sr,
            "span_f1": sf,
        }
    macro = sum(v["f1"] for v in fields.values()) / len(fields) if fields else 0.0
    span_macro = sum(v["span_f1"] for v in fields.values()) / len(fields) if fields else 0.0
    return {
        "sequences": len(gold),
        "tokens": n_tok,
        "token_errors": n_tok_err,
        "token_error_rate": n_tok_err / n_tok if n_tok else 0.0,
        "sequence_errors": n_seq_err,
        "sequence_error_rate": n_seq_err / len(gold) if gold else 0.0,
        "macro_f1": macro,
        "span_micro_f1": _prf(sum(stp.values()), sum(sfp.values()), sum(sfn.values()))[2],
        "span_macro_f1": span_macro,
        "text_mismatches": n_mismatch,
        "fields": fields,
        "predicted_tags_not_in_gold": {t: c for t, c in fp.items() if t not in fields},
        # most_common keeps first-seen order among equal counts, like the shared scorer.
        "confusions": [{"gold": a, "pred": b, "count": c} for (a, b), c in confusion.most_common()],
    }


def score(
    gold_xml: str | Path,
    pred_xml: str | Path,
    *,
    align: bool = False,
    exclude: str | Path | None = None,
) -> dict[str, Any]:
    """Score predicted AnyStyle XML against gold AnyStyle XML (same sequences, same order).

    `exclude`: an AnyStyle XML file whose sequences are dropped from the gold (and the prediction at the
    same positions), e.g. the training set. Raises InputError on unreadable files, a sequence-count
    mismatch, or a text mismatch without `align`.
    """
    gold, pred = read_anystyle_xml(gold_xml), read_anystyle_xml(pred_xml)
    if exclude is not None:
        if len(gold) != len(pred):
            raise InputError(f"gold has {len(gold)} sequences, prediction has {len(pred)}")
        gold, pred = exclude_overlap(gold, pred, read_anystyle_xml(exclude))
    return score_sequences(gold, pred, align=align)


def format_report(scores: dict[str, Any], top_confusions: int = 10) -> str:
    """The shared scorer's text report: rates, a per-tag table and the most frequent confusions."""
    res = scores
    lines = [
        f"sequences            {res['sequences']}",
        f"tokens               {res['tokens']}",
        f"token error rate     {100 * res['token_error_rate']:.2f}%  ({res['token_errors']} tokens)",
        f"sequence error rate  {100 * res['sequence_error_rate']:.2f}%  ({res['sequence_errors']} sequences)",
        f"macro token F1       {100 * res['macro_f1']:.2f}  (over {len(res['fields'])} gold tags)",
        f"span F1 micro/macro  {100 * res['span_micro_f1']:.2f} / {100 * res['span_macro_f1']:.2f}",
    ]
    if res["text_mismatches"]:
        lines.append(f"text mismatches      {res['text_mismatches']} sequences (aligned with --align)")
    lines.append("")
    lines.append(f"{'tag':<18}{'support':>8}{'P':>8}{'R':>8}{'F1':>8}{'spans':>8}{'spanF1':>8}")
    for tag, v in res["fields"].items():
        lines.append(
            f"{tag:<18}{v['support']:>8}{100 * v['precision']:>8.2f}{100 * v['recall']:>8.2f}"
            f"{100 * v['f1']:>8.2f}{v['span_support']:>8}{100 * v['span_f1']:>8.2f}"
        )
    if res["predicted_tags_not_in_gold"]:
        extra = ", ".join(f"{t}={c}" for t, c in sorted(res["predicted_tags_not_in_gold"].items()))
        lines.append(f"predicted tags absent from gold (tokens): {extra}")
    if top_confusions and res["confusions"]:
        lines.append("")
        lines.append("most frequent confusions (gold -> predicted: tokens)")
        for c in res["confusions"][:top_confusions]:
            lines.append(f"  {c['gold']} -> {c['pred']}: {c['count']}")
    return "\n".join(lines)


# The CLI and the attribution scorer call their table printer `format_table`.
format_table = format_report


# --------------------------------------------------------------------------- running sourcetrace


def predict_references(gold: list[Sequence], settings: Settings | None = None) -> list[Sequence]:
    """Parse each gold sequence's reference string with `sourcetrace.references.parse_reference`.

    Returns one list of (tag, text) segments per sequence. Raises ImportError while the reference
    parser is not importable.
    """
    from ..references import parse_reference

    # Pass settings only if the parser takes them: its signature is owned by the references package.
    takes_settings = settings is not None and "settings" in inspect.signature(parse_reference).parameters
    pred = []
    for segments in gold:
        text = raw_text(segments)
        _fields, tagged = parse_reference(text, settings=settings) if takes_settings else parse_reference(text)
        pred.append([(tag, seg) for tag, seg in tagged])
    return pred


def corpus_sha256(path: str | Path, subset: slice | None = None) -> str:
    """SHA-256 of a gold file's bytes (plus the subset scored, if any): the identity the gate pins."""
    digest = hashlib.sha256(Path(path).read_bytes())
    if subset is not None:
        digest.update(f"\0[{subset.start}:{subset.stop}:{subset.step}]".encode("ascii"))
    return digest.hexdigest()


def evaluate_references(
    gold_xml: str | Path,
    pred_xml: str | Path | None = None,
    settings: Settings | None = None,
    *,
    align: bool = False,
    exclude: str | Path | None = None,
    subset: slice | None = None,
) -> dict[str, Any]:
    """Score `pred_xml` (or, when None, sourcetrace's reference parser) against AnyStyle `gold_xml`.

    `subset` selects gold sequences by position (`slice(4, None, 5)`: the held-out fifth the reference
    model never trains on); a given `pred_xml` holds either all sequences or just the subset. `align`
    and `exclude` work as in `score`. Returns `score_sequences()`'s dict plus `corpus_sha256` (see
    `corpus_sha256`). Raises InputError on unreadable XML, a sequence-count mismatch or, without
    `align`, a parser that changes a reference's text; ImportError while the parser is not importable.
    """
    gold_all = read_anystyle_xml(gold_xml)
    gold = gold_all[subset] if subset is not None else gold_all
    if pred_xml is None:
        pred = predict_references(gold, settings)
    else:
        pred = read_anystyle_xml(pred_xml)
        if subset is not None and len(pred) == len(gold_all):
            pred = pred[subset]
    if exclude is not None:
        if len(gold) != len(pred):
            raise InputError(f"gold has {len(gold)} sequences, prediction has {len(pred)}")
        gold, pred = exclude_overlap(gold, pred, read_anystyle_xml(exclude))
    result = score_sequences(gold, pred, align=align)
    result["corpus_sha256"] = corpus_sha256(gold_xml, subset)
    return result
