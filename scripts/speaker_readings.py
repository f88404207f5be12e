#!/usr/bin/env python3
"""How the speaker stage reads every gold Source span of PolNeAR: one line per span, "span<TAB>(kind, name)".

A change to attributions/speakers.py is checked by diffing this output before and after it:

    python scripts/speaker_readings.py > before.txt      # on the old code
    python scripts/speaker_readings.py > after.txt       # on the new code
    paste -d'\\n' before.txt after.txt | paste - - | awk -F'\\t' '$2 != $4' | sort | uniq -c | sort -rn

Reads ../shared/data/polnear/{dev,train} (annotator chosen as by the shared scorer).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sourcetrace.attributions.speakers import _read_source_uncached  # noqa: E402

SHARED = ROOT.parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--splits", nargs="+", default=["dev", "train"])
    args = ap.parse_args()
    spec = importlib.util.spec_from_file_location("score_attributions", SHARED / "eval/score_attributions.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    for split in args.splits:
        gold = SHARED / "data/polnear" / split
        for name, ann in sorted(scorer.gold_ann_files(str(gold)).items()):
            text = scorer.read_text(os.path.join(gold, "text", name + ".txt"))
            relations, _ = scorer.parse_ann(ann, text)
            for rel in relations:
                if rel["Source"]:
                    src = " ".join(text[s:e] for s, e in rel["Source"])
                    print(f"{src!r}\t{_read_source_uncached(src)[:2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
