"""Train the attributions CRF on PolNeAR train and write it (with a README) into the package.

    .venv/bin/python scripts/train_attributions.py [--polnear ../shared/data/polnear] [--date YYYY-MM-DD]

Reads ../shared/data/polnear/train (text + brat .ann; the annotator id that sorts first when an
article has several, as the shared scorer does), labels tokens BIO with Source/Cue/Content, trains
python-crfsuite (L-BFGS, elastic net), writes src/sourcetrace/data/models/attributions-DATE/, then
scores PolNeAR dev with the shared scorer and puts the figures in the README.
"""

from __future__ import annotations

import argparse
import datetime
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pycrfsuite

from sourcetrace.attributions import MIN_CONFIDENCE, find_attributions
from sourcetrace.attributions.crf import O_THRESHOLD
from sourcetrace.attributions.features import sequences, token_features
from sourcetrace.attributions.layout import build_view
from sourcetrace.attributions.reported import rule_labels
from sourcetrace.model import Article
from sourcetrace.report.brat import to_brat
from sourcetrace.settings import Settings
from sourcetrace.tokenize import tokenize_text

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "src" / "sourcetrace" / "data" / "models"
RE_T = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t?")
RE_E = re.compile(r"^(E\d+)\t(.*)$")
PARAMS = {"c1": 2.0, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


def gold_files(split_dir: Path) -> dict[str, Path]:
    by_name: dict[str, list[str]] = {}
    for p in sorted((split_dir / "attributions").glob("*.ann")):
        name, annot = p.stem.rsplit("_", 1)
        by_name.setdefault(name, []).append(annot)
    return {n: split_dir / "attributions" / f"{n}_{sorted(a)[0]}.ann" for n, a in by_name.items()}


def read_relations(path: Path) -> list[dict[str, list[tuple[int, int]]]]:
    """Relations as {"Source"|"Cue"|"Content": fragments} from a brat .ann file."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events = []
    for line in path.read_text("utf-8").split("\n"):
        m = RE_T.match(line)
        if m:
            frags = [tuple(map(int, part.split())) for part in m.group(3).strip().split(";")]
            spans[m.group(1)] = frags
            continue
        m = RE_E.match(line)
        if m:
            events.append(m.group(2).split()[1:])
    relations = []
    for args in events:
        rel: dict[str, list[tuple[int, int]]] = {"Source": [], "Cue": [], "Content": []}
        for arg in args:
            if ":" not in arg:
                continue
            role, ref = arg.split(":", 1)
            role = re.sub(r"\d+$", "", role)
            if role in rel and ref in spans:
                rel[role].extend(spans[ref])
        relations.append(rel)
    return relations


def gold_labels(view, relations) -> list[str]:
    labels = ["O"] * len(view)
    short = {"Source": "S", "Cue": "C", "Content": "T"}
    import bisect

    for rel in relations:
        for role, frags in rel.items():
            for a, b in sorted(frags):
                lo = bisect.bisect_right(view.ends, a)
                first = True
                for t in range(lo, len(view)):
                    if view.starts[t] >= b:
                        break
                    if labels[t] != "O":
                        first = False
                        continue
                    labels[t] = ("B-" if first else "I-") + short[role]
                    first = False
    return labels


def load_split(split_dir: Path):
    for name, ann in gold_files(split_dir).items():
        text = (split_dir / "text" / f"{name}.txt").read_bytes().decode("utf-8")
        article = Article(text=text, id=name, tokens=tokenize_text(text))
        yield name, article, read_relations(ann)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--date", default=datetime.date.today().isoformat())
    parser.add_argument("--limit", type=int, default=0, help="train on the first N articles only (quick checks)")
    parser.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    parser.add_argument("--c1", type=float, default=PARAMS["c1"], help="L1 weight (experiments)")
    parser.add_argument("--c2", type=float, default=PARAMS["c2"], help="L2 weight (experiments)")
    parser.add_argument("--readme-only", action="store_true", help="re-score dev with the installed model and rewrite its README")
    args = parser.parse_args(argv)
    params = dict(PARAMS, max_iterations=args.iterations, c1=args.c1, c2=args.c2)
    args.params = params
    if args.readme_only:
        out_dir = MODELS / f"attributions-{args.date}"
        model = out_dir / "attributions.crfsuite"
        table = score_dev(args.polnear / "dev")
        print(table)
        n_seq = 0
        for _, a, _ in load_split(args.polnear / "train"):
            view = build_view(a)
            n_seq += len(sequences(view))
        (out_dir / "README.md").write_text(readme(args, n_seq, model, table), "utf-8")
        return 0

    trainer = pycrfsuite.Trainer(verbose=False)
    n_seq = 0
    for k, (_, article, relations) in enumerate(load_split(args.polnear / "train")):
        if args.limit and k >= args.limit:
            break
        view = build_view(article)
        rules = rule_labels(view)
        feats = token_features(view, rules)
        gold = gold_labels(view, relations)
        for idx in sequences(view):
            trainer.append([feats[t] for t in idx], [gold[t] for t in idx])
            n_seq += 1
    trainer.set_params(params)
    out_dir = MODELS / f"attributions-{args.date}"
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in MODELS.glob("attributions-*"):
        if old != out_dir and (old / "attributions.crfsuite").exists():
            print(f"note: older model still installed: {old}", file=sys.stderr)
    model = out_dir / "attributions.crfsuite"
    trainer.train(str(model))
    print(f"trained on {n_seq} paragraphs -> {model} ({model.stat().st_size / 2**20:.1f} MiB)", file=sys.stderr)

    table = score_dev(args.polnear / "dev")
    print(table)
    (out_dir / "README.md").write_text(readme(args, n_seq, model, table), "utf-8")
    return 0


def score_dev(dev: Path) -> str:
    from sourcetrace.attributions.crf import reset_taggers

    reset_taggers()
    settings = Settings()
    pred = Path(tempfile.mkdtemp(prefix="sourcetrace-dev-"))
    for name, article, _ in load_split(dev):
        done = find_attributions(article, settings)
        (pred / f"{name}.ann").write_text(to_brat(done), "utf-8")
    scorer = ROOT.parent / "shared" / "eval" / "score_attributions.py"
    return subprocess.run([sys.executable, str(scorer), str(dev), str(pred)], capture_output=True, text=True).stdout


def _crfsuite_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("python-crfsuite")
    except PackageNotFoundError:
        return "unknown version"


def readme(args, n_seq: int, model: Path, table: str) -> str:
    return f"""# attributions CRF ({args.date})

Linear-chain CRF (python-crfsuite {_crfsuite_version()}) that labels body tokens BIO with PolNeAR's Source / Cue / Content; a sequence is a
paragraph, and every sentence is tagged (see `features.sequences`).

- Data: PolNeAR v1.0.0 `train` only ({n_seq} sequences, 840 articles; the annotator that sorts first
  when an article has several). Tuned on `dev`. Licence: see LICENSE.md beside this file; the model
  holds feature weights only, no article text beyond single-word features.
- Features: sourcetrace/attributions/features.py (word, neighbours at ±1 and ±2, shape, quotation state, cue
  lexicon, rule-layer labels, distance to the nearest rule cue in the sentence).
- Parameters: {args.params}
- Decoding (tuned on dev, not stored in the model): Viterbi, then tokens with P(O) below
  `attributions.crf.O_THRESHOLD` ({O_THRESHOLD}) take their best span label; the relation step
  (`attributions/assemble.py`) groups spans around cues; attributions with mean label confidence
  below `attributions.MIN_CONFIDENCE` ({MIN_CONFIDENCE}) are dropped.
- Size: {model.stat().st_size / 2**20:.1f} MiB. Trained {datetime.date.today().isoformat()} by
  `.venv/bin/python scripts/train_attributions.py`.

## PolNeAR dev (shared scorer, `python ../shared/eval/score_attributions.py`)

```
{table.rstrip()}
```
"""


if __name__ == "__main__":
    sys.exit(main())
