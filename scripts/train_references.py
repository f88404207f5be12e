#!/usr/bin/env python3
"""Train the reference-field CRF and score it on the held-out parts.

Training data: ../shared/data/anystyle/core.xml (AnyStyle's hand-tagged references, BSD-2) minus a
fixed held-out fifth (every 5th sequence, index % 5 == 4), plus the training part of our own
src/sourcetrace/data/training/references-web.xml (same rule) and all of the hand-written citations in
src/sourcetrace/data/training/hand/ (its README). Also scored, never trained on:
references-web-test.xml, hand-written citations in shapes the generator does not make. Notes in core.xml that are access dates
("Accessed May 29, 2013.", "Retrieved 2010-08-07.") are retagged `accessed` for training only; the
held-out gold stays as published, so the core figure is comparable to other parsers.

    python scripts/train_references.py                  # train, write the model, score both held-out sets
    python scripts/train_references.py --dev            # tune: train on 3/4 of the training part, score the rest
    python scripts/train_references.py --eval-only      # score the installed model
    python scripts/train_references.py --eval-only --dump DIR   # + write gold/pred XML for the shared scorer
    python scripts/train_references.py --eval-only --training-part   # + the training part (fit, not generalisation)
    python scripts/train_references.py --holdout-fold K # cross-validation: hold out fifth K (0-3) instead
    python scripts/train_references.py --eval-only --holdout-fold K --out MODEL   # score a fold's model again
Labels: a field's first token is taught as "B-<tag>", its last as "E-<tag>" (fields.tag_tokens maps them
back), so the CRF's per-token features also decide where fields start and end (--labels to compare).
Writes src/sourcetrace/data/models/references-<date>/references.crfsuite (the newest existing one is
rebuilt in place; --out to write elsewhere), the lexicon src/sourcetrace/data/references/lexicon.txt
(word -> name/place/pub/jour, from the same training sequences) and the scores to stdout.
Experiment switches: --c1 --c2 --iterations --algorithm --no-possible-transitions --possible-states
--no-lexicon --no-web --minfreq --gazetteer FILE (word<TAB>class lines added to the lexicon) --web-file
FILE (another web/news training set) --labels plain|b|be|be-common --augment N (field-swapped copies of
the core sequences) --no-hand / --hand-dir DIR (without / other hand-written training files) --core-copies N
(each core sequence N times; default 2) --core-fraction F (a share of the core training part); --dev-fold K
scores another quarter (0-3) of the training part.
Also scored, never trained on: every hand-written web/news set, references-web-test*.xml (eval.references.hand_written_sets).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import importlib.util
import sys
import tempfile
import time
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sourcetrace.references import fields as F  # noqa: E402
from sourcetrace.references.anystyle import read_anystyle_xml, to_anystyle_xml  # noqa: E402
from sourcetrace.eval.references import hand_written_sets  # noqa: E402
from sourcetrace.references import patterns as P  # noqa: E402
from sourcetrace.references import features as FE  # noqa: E402
from sourcetrace.references.features import sequence_features  # noqa: E402

SHARED = ROOT.parent / "shared"
CORE = SHARED / "data/anystyle/core.xml"
WEB = ROOT / "src/sourcetrace/data/training/references-web.xml"  # --web-file for experiments
# Hand-written web/news test sets, never trained on: every references-web-test*.xml, in the order of their
# numbers. What each is (docs/eval.md and the model README have the figures): 1, shapes the generator does
# not make; 2, written later; 3, after the first fixes; 4, scored once after every fix; 5 (third session),
# first scored on the B-/E- model; 6 (sixth session), fact-checkers' source lists; 7, the same family,
# written before any change 6 motivated; 8-10 became training data in hand/ (web-styles-*.xml) after
# their first scoring; 11 (seventh session), every style, written before hand/ was trained on; 12, written
# after, in unusual shapes (court filings, text messages, archive notes); 13-16 (eighth session), written
# while hand/legal.xml, messages.xml and footnotes.xml were, 13 and 14 first scored with the seventh
# session's model, 15 and 16 after the first retrained model was final; 17 and 18, written with the
# tagging conventions spelled out while hand/scholarly.xml, international.xml and templates.xml were;
# 19 and 20, written after every eighth-session change and scored once, at its end; 21 and 22 (ninth
# session), written while hand/scholarly-*.xml were, first scored with the eighth session's model.
TRAINING_DIR = ROOT / "src/sourcetrace/data/training"


HAND_SETS = hand_written_sets(TRAINING_DIR)  # (number, path), by number
# hand-written web/news citations for training (all of each file, no held-out part): see hand/README.md
HAND_TRAIN_DIR = TRAINING_DIR / "hand"
SCORER = SHARED / "eval/score_references.py"
HOLDOUT_EVERY = 5  # sequence i is held out when i % 5 == 4
LEXICON_FOLDS = 5
LEXICON = ROOT / "src/sourcetrace" / FE.LEXICON_FILE


def split(seqs, every=HOLDOUT_EVERY, fold=None):
    fold = every - 1 if fold is None else fold
    train = [s for i, s in enumerate(seqs) if i % every != fold]
    test = [s for i, s in enumerate(seqs) if i % every == fold]
    return train, test


def retag_access_notes(seqs):
    out = []
    for segs in seqs:
        out.append([("accessed" if t == "note" and P.RE_ACCESS_WORDS.match(x) and any(c.isdigit() for c in x) else t, x)
                    for t, x in segs])
    return out


_AFFIX = ".,;:\"'“”‘’«»()[]*–—- "


def augment(seqs, copies: int, seed: int = 11):
    """Experiment: new sequences made from the training ones by swapping each field's content for the
    content of a field with the same tag in another sequence, keeping the template's punctuation
    around it, so the model sees each layout with other words (`copies` per sequence)."""
    rng = random.Random(seed)
    pool: dict[str, list[str]] = {}
    for segs in seqs:
        for tag, text in segs:
            core = text.strip(_AFFIX)
            if core:
                pool.setdefault(tag, []).append(core)
    out = []
    for _ in range(copies):
        for segs in seqs:
            new = []
            for tag, text in segs:
                core = text.strip(_AFFIX)
                if not core or tag in ("url", "doi") or len(pool[tag]) < 2:
                    new.append((tag, text))
                    continue
                start = text.index(core)
                new.append((tag, text[:start] + rng.choice(pool[tag]) + text[start + len(core):]))
            out.append(new)
    return out


# How fields are labelled: "be": a field's first token is "B-<tag>", its last "E-<tag>", the rest "<tag>"
# (so the CRF learns, from each token's features, where fields start and end: 0.94 points less error
# under 5-fold cross-validation than one label per tag); "b": only "B-"; "plain": "<tag>" throughout;
# "be-common": B-/E- only for tags seen at least 100 times in training (fewer labels, faster tagging);
# "bies": "be" plus "S-<tag>" for one-token fields.
LABELS = "be"
RARE_TAGS = frozenset({"edition", "translator", "collection-title", "doi", "source", "isbn", "director", "producer"})


def to_xy(segs):
    toks, tags = [], []
    for tag, text in segs:
        words = text.split()
        for k, tok in enumerate(words):
            toks.append(tok)
            if LABELS == "plain" or LABELS == "be-common" and tag in RARE_TAGS:
                tags.append(tag)
            elif LABELS == "bies" and len(words) == 1:
                tags.append("S-" + tag)
            elif k == 0:
                tags.append("B-" + tag)
            elif LABELS in ("be", "be-common", "bies") and k == len(words) - 1:
                tags.append("E-" + tag)
            else:
                tags.append(tag)
    return toks, tags


def train(seqs, path: Path, c1: float, c2: float, iterations: int, algorithm: str = "lbfgs",
          transitions: bool = True, states: bool = False, lexicon: bool = True, minfreq: float = 1,
          copies: list[int] | None = None) -> None:
    """Train a CRF on `seqs`; `copies[i]` (default 1) times sequence i is given to the trainer."""
    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    # Jackknife: a sequence's lexicon features come from a lexicon built without its fold, so the CRF
    # learns how far to trust the lexicon on words it has not seen, as at run time.
    for k in range(LEXICON_FOLDS):
        FE.set_lexicon(FE.build_lexicon(s for i, s in enumerate(seqs) if i % LEXICON_FOLDS != k) if lexicon else {})
        for i in range(k, len(seqs), LEXICON_FOLDS):
            toks, tags = to_xy(seqs[i])
            if toks:
                xseq = sequence_features(toks)
                for _ in range(copies[i] if copies else 1):
                    trainer.append(xseq, tags)
    FE.set_lexicon(FE.build_lexicon(seqs) if lexicon else {})
    params = {"max_iterations": iterations, "feature.possible_transitions": transitions, "feature.minfreq": minfreq,
              "feature.possible_states": states}
    if algorithm == "lbfgs":
        params |= {"c1": c1, "c2": c2}
    elif algorithm == "l2sgd":
        params |= {"c2": c2}
    trainer.set_params(params)
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))


def predict(seqs, path: Path):
    out = []
    for segs in seqs:
        text = " ".join(tok for _, x in segs for tok in x.split())
        out.append(F.parse_reference(text, path)[1])
    return out


def score(gold, pred, name: str, dump: Path | None = None) -> float:
    spec = importlib.util.spec_from_file_location("score_references", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    if dump:
        dump.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as d:
        stem = name.split()[0].rstrip(",").removesuffix(".xml")
        g, p = Path(dump or d, f"{stem}.gold.xml"), Path(dump or d, f"{stem}.pred.xml")
        g.write_text(to_anystyle_xml(gold), "utf-8")
        p.write_text(to_anystyle_xml(pred), "utf-8")
        res = scorer.score(scorer.read_dataset(g), scorer.read_dataset(p))
    print(f"== {name}")
    print(scorer.format_report(res, 12))
    return res["token_error_rate"]


def _default_out() -> Path:
    """Rebuild the committed model in place (its README describes it); a new dated dir when none exists."""
    models = ROOT / "src/sourcetrace/data/models"
    existing = sorted(models.glob(f"references-*/{F.MODEL_FILE}"))
    if existing:
        return existing[-1]
    return models / f"references-{dt.date.today().isoformat()}" / F.MODEL_FILE


def main() -> int:
    global LABELS
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=600)
    ap.add_argument("--algorithm", default="lbfgs", choices=("lbfgs", "l2sgd", "ap", "pa", "arow"))
    ap.add_argument("--minfreq", type=float, default=1, help="drop features seen fewer times than this")
    ap.add_argument("--no-possible-transitions", action="store_true")
    ap.add_argument("--possible-states", action="store_true", help="also learn weights for unseen (attribute, tag) pairs")
    ap.add_argument("--no-lexicon", action="store_true", help="experiment: no lexicon features")
    ap.add_argument("--no-web", action="store_true", help="experiment: train on core.xml alone")
    ap.add_argument("--gazetteer", type=Path, default=None, help="experiment: word<TAB>class lines added to the lexicon")
    ap.add_argument("--web-file", type=Path, default=WEB, help="experiment: another web/news training set")
    ap.add_argument("--hand-dir", type=Path, default=HAND_TRAIN_DIR,
                    help="hand-written training citations, every *.xml in it (experiment: another folder)")
    ap.add_argument("--no-hand", action="store_true", help="experiment: without the hand-written training citations")
    ap.add_argument("--core-copies", type=int, default=2,
                    help="train on each core.xml sequence this many times (2 since the tenth session: core.xml's "
                         "conventions weigh as much as the hand-written and generated data)")
    ap.add_argument("--core-fraction", type=float, default=1.0,
                    help="experiment: train on this share of the core.xml training part (a learning curve)")
    ap.add_argument("--augment", type=int, default=0, help="experiment: field-swapped copies of each core sequence")
    ap.add_argument("--dev", action="store_true", help="tune on a split of the training part only")
    ap.add_argument("--holdout-fold", type=int, default=HOLDOUT_EVERY - 1, choices=range(HOLDOUT_EVERY),
                    help="which fifth (0-4) of core.xml and the web set to hold out; 4 is the committed model's test "
                         "fifth, the others are for cross-validation (scores only, --out to keep the model)")
    ap.add_argument("--dev-fold", type=int, default=3, help="with --dev: which quarter of the training part to score (0-3)")
    ap.add_argument("--eval-only", action="store_true")
    ap.add_argument("--training-part", action="store_true",
                    help="also score the core.xml part the model was trained on (how far it fits what it saw)")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--dump", type=Path, default=None, help="also write each test set's gold and predicted XML here")
    ap.add_argument("--labels", default=LABELS, choices=("plain", "b", "be", "be-common", "bies"), help="experiment: label scheme")
    args = ap.parse_args()
    LABELS = args.labels
    if args.gazetteer:
        extra = {}
        for line in args.gazetteer.read_text("utf-8").splitlines():
            w, cls = line.split("\t")
            extra.setdefault(w, []).append(cls)
        base = FE.build_lexicon

        def with_gazetteer(seqs, *a, **k):
            lex = base(seqs, *a, **k)
            for w, classes in extra.items():
                lex[w] = sorted(set(lex.get(w, [])) | set(classes))
            return lex

        FE.build_lexicon = with_gazetteer

    core = read_anystyle_xml(CORE)
    web = read_anystyle_xml(args.web_file)
    core_train, core_test = split(core, fold=args.holdout_fold)
    web_train, web_test = split(web, fold=args.holdout_fold)
    if args.dev:
        core_train, core_test = split(core_train, 4, args.dev_fold)
        web_train, web_test = split(web_train, 4, args.dev_fold)
    out = args.out or _default_out()
    cross_validating = args.holdout_fold != HOLDOUT_EVERY - 1
    committed = not (args.dev or args.out or cross_validating)  # only then are the model and lexicon replaced
    if args.dev or cross_validating and not args.out:
        out = Path(tempfile.mkdtemp()) / F.MODEL_FILE
    if args.core_fraction < 1:
        # sequence i is kept when floor((i + 1) * F) > floor(i * F): that share, evenly spread over the part
        core_train = [seq for i, seq in enumerate(core_train) if (i * args.core_fraction) % 1 + args.core_fraction >= 1]
    if args.no_web:
        web_train = []
    hand_train = [] if args.no_hand else [seq for path in sorted(args.hand_dir.glob("*.xml"))
                                           for seq in read_anystyle_xml(path)]
    seqs = retag_access_notes(core_train) + web_train + hand_train
    if args.eval_only and args.out:
        # a cross-validation model scored again (with today's rules): the lexicon of its own training part
        out = args.out
        FE.set_lexicon(FE.build_lexicon(seqs) if not args.no_lexicon else {})
    elif args.eval_only:
        out = F.model_path()
    else:
        t0 = time.time()
        if args.augment:
            seqs += augment(retag_access_notes(core_train), args.augment)
        copies = [args.core_copies] * len(core_train) + [1] * (len(seqs) - len(core_train))
        train(seqs, out, args.c1, args.c2, args.iterations, args.algorithm, not args.no_possible_transitions,
              args.possible_states, not args.no_lexicon, args.minfreq, copies)
        if committed and not args.no_lexicon:  # the lexicon ships with the model; --dev keeps its own in this process only
            FE.write_lexicon(FE.build_lexicon(seqs), LEXICON)
        print(f"trained on {len(core_train)} core + {len(web_train)} web + {len(hand_train)} hand-written sequences "
              f"in {time.time() - t0:.0f}s "
              f"-> {out} ({out.stat().st_size / 1e6:.2f} MB)")
    if args.training_part:
        seen = retag_access_notes(core_train)  # as it was trained: access dates tagged `accessed`
        score(seen, predict(seen, out), f"core.xml training part ({len(seen)} sequences, seen in training)")
    e1 = score(core_test, predict(core_test, out), f"core.xml held-out ({len(core_test)} sequences)", args.dump)
    e2 = score(web_test, predict(web_test, out), f"references-web.xml held-out ({len(web_test)} sequences)", args.dump)
    hand = []
    for number, path in HAND_SETS:
        gold = read_anystyle_xml(path)
        hand.append((number, score(gold, predict(gold, out),
                                   f"{path.name}, hand-written set {number} ({len(gold)} sequences)", args.dump)))
    print(f"\nSUMMARY token error: core {100 * e1:.2f}%  web {100 * e2:.2f}%  "
          + "  ".join(f"web hand-written {k} {100 * e:.2f}%" for k, e in hand))
    return 0


if __name__ == "__main__":
    sys.exit(main())
