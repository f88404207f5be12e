#!/usr/bin/env python3
"""Score PolNeAR dev at several decoding thresholds of the installed attributions model.

crf.O_THRESHOLD (a token whose P(O) is below it takes its best span label) and attributions.MIN_CONFIDENCE
(attributions below it are dropped) are set in the code, not the model; re-run this after retraining.

    .venv/bin/python scripts/sweep_attribution_thresholds.py [--gold ../shared/data/polnear/dev]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import sourcetrace.attributions as A
import sourcetrace.attributions.crf as C
from sourcetrace.eval.attributions import evaluate_attributions
from sourcetrace.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
GRID = [(0.7, 0.4), (0.6, 0.4), (0.65, 0.4), (0.75, 0.4), (0.8, 0.4), (0.7, 0.3), (0.7, 0.35), (0.7, 0.45), (0.7, 0.5)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared/data/polnear/dev")
    args = ap.parse_args()
    print("O_THRESHOLD MIN_CONFIDENCE relation direct indirect")
    for o_threshold, min_confidence in GRID:
        C.O_THRESHOLD, A.MIN_CONFIDENCE = o_threshold, min_confidence
        m = evaluate_attributions(args.gold, settings=Settings())["metrics"]
        print(o_threshold, min_confidence, *(f"{m[k]['f1']:.4f}" for k in ("relation", "direct_relation", "indirect_relation")),
              flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
