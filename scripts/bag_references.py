#!/usr/bin/env python3
"""Experiment: average the weights of reference CRFs trained on parts of one fold's training data.

One averaged model costs what one model costs at run time. The seventh round of the model README
reports the result on fold 0 (not kept):

    .venv/bin/python scripts/bag_references.py train 0 0 1 --out /tmp/bag   # quarters 0 and 1 ...
    .venv/bin/python scripts/bag_references.py train 0 2 3 --out /tmp/bag   # ... and 2, 3 on another core
    .venv/bin/python scripts/bag_references.py score 0 /tmp/bag/f0_q*.crfsuite

`train FOLD Q...` trains, for each Q, a model on the training part of core.xml fold FOLD plus the web set
without its quarter Q (i % 4 == Q), with train_references.py's parameters. That is the sixth session's
training data: the hand-written training files (data/training/hand/, seventh session) are not in it, so
these figures stay comparable with the model of that session, not with today's. `score FOLD MODEL...` averages
the models' weights (the union of their features, each weight divided by the number of models), tags the
fold's held-out core.xml fifth and the hand-written sets with the result, and prints the token errors.
"""

from __future__ import annotations

import argparse
import sys
from array import array
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_references as T  # noqa: E402

from sourcetrace.references import features as FE, fields as F  # noqa: E402
from sourcetrace.references.anystyle import read_anystyle_xml  # noqa: E402
from sourcetrace.references.crfmodel import CrfWeights, read_weights  # noqa: E402
from sourcetrace.references.decoder import SparseTagger  # noqa: E402


def training_part(fold: int) -> list:
    core_train, _ = T.split(read_anystyle_xml(T.CORE), fold=fold)
    web_train, _ = T.split(read_anystyle_xml(T.WEB), fold=fold)
    return T.retag_access_notes(core_train) + web_train


def averaged(paths: list[str]) -> CrfWeights:
    """One model whose weights are the mean of the models' (labels and attributes matched by name)."""
    state: dict[tuple[bytes, str], float] = {}
    trans: dict[tuple[str, str], float] = {}
    labels: list[str] = []
    attrs: dict[bytes, int] = {}
    for path in paths:
        w = read_weights(path)
        labels += [label for label in w.labels if label not in labels]
        n = len(w.labels)
        for name, a in w.attributes.items():
            attrs.setdefault(name, len(attrs))
            for k in range(w.attr_start[a], w.attr_start[a + 1]):
                key = (name, w.labels[w.feature_label[k]])
                state[key] = state.get(key, 0.0) + w.feature_weight[k] / len(paths)
        for k, x in enumerate(w.transitions):
            key = (w.labels[k // n], w.labels[k % n])
            trans[key] = trans.get(key, 0.0) + x / len(paths)
    label_id = {label: i for i, label in enumerate(labels)}
    by_attr: dict[int, list[tuple[int, float]]] = {}
    for (name, label), x in state.items():
        if x != 0.0:
            by_attr.setdefault(attrs[name], []).append((label_id[label], x))
    attr_start, feature_label, feature_weight = array("i", [0]), array("i"), array("d")
    for a in range(len(attrs)):
        for label, x in sorted(by_attr.get(a, [])):
            feature_label.append(label)
            feature_weight.append(x)
        attr_start.append(len(feature_label))
    transitions = array("d", [trans.get((f, t), 0.0) for f in labels for t in labels])
    return CrfWeights(tuple(labels), attrs, attr_start, feature_label, feature_weight, transitions)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    tr = sub.add_parser("train")
    tr.add_argument("fold", type=int)
    tr.add_argument("quarters", type=int, nargs="+")
    tr.add_argument("--out", type=Path, default=Path("/tmp/bag"))
    sc = sub.add_parser("score")
    sc.add_argument("fold", type=int)
    sc.add_argument("models", nargs="+")
    args = ap.parse_args()
    seqs = training_part(args.fold)
    if args.command == "train":
        for q in args.quarters:
            out = args.out / f"f{args.fold}_q{q}.crfsuite"
            T.train([s for i, s in enumerate(seqs) if i % 4 != q], out, 0.05, 0.01, 600)
            print(f"trained {out}", flush=True)
        return 0
    tagger = SparseTagger.from_weights(averaged(args.models))
    F._tagger = lambda path: tagger  # every parse below tags with the averaged model
    FE.set_lexicon(FE.build_lexicon(seqs))  # the lexicon of the whole training part, as at run time
    _, core_test = T.split(read_anystyle_xml(T.CORE), fold=args.fold)
    error = T.score(core_test, T.predict(core_test, None), f"core.xml fold {args.fold}, {len(args.models)} models averaged")
    hand = [T.score(gold, T.predict(gold, None), path.name) for path in T.HAND_SETS for gold in [read_anystyle_xml(path)]]
    print(f"SUMMARY averaged: core {100 * error:.2f}%  hand-written " + " ".join(f"{100 * e:.2f}%" for e in hand))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
