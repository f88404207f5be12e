"""Benchmark the attribution stage (tokenize + find_attributions + resolve_speakers) on PolNeAR dev.

Prints articles/s (median of 5 runs, one core, process CPU time and wall clock), peak traced memory, how many attributions got a
named speaker, and the shared scorer's table for the brat output.

    .venv/bin/python bench/attributions.py [--gold ../shared/data/polnear/dev] [--finder crf|rules]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from sourcetrace.attributions import find_attributions, resolve_speakers
from sourcetrace.model import Article
from sourcetrace.report.brat import to_brat
from sourcetrace.settings import Settings
from sourcetrace.tokenize import tokenize

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "polnear" / "dev"
SCORER = ROOT.parent / "shared" / "eval" / "score_attributions.py"


def run_stage(article: Article, settings: Settings) -> Article:
    article = tokenize(article, settings)
    article = find_attributions(article, settings)
    return resolve_speakers(article, settings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--finder", choices=("crf", "rules"), default="crf")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=None, help="keep the brat files here")
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args(argv)

    settings = Settings().with_overrides({"attributions": {"finder": args.finder}})
    texts = {
        p.stem: p.read_text("utf-8") for p in sorted((args.gold / "text").glob("*.txt"))
    }
    # Read without newline translation, as the scorer does.
    texts = {name: open(args.gold / "text" / f"{name}.txt", encoding="utf-8", newline="").read() for name in texts}
    articles = [Article(text=t, id=name) for name, t in texts.items()]
    run_stage(articles[0], settings)  # load the model outside the timing

    if not args.no_speed:
        # CPU time of this process (one core) as well as wall time: on a shared machine the wall
        # clock measures the neighbours too.
        rates = []
        wall_rates = []
        for _ in range(args.runs):
            t0 = time.process_time()
            w0 = time.perf_counter()
            for a in articles:
                run_stage(a, settings)
            rates.append(len(articles) / (time.process_time() - t0))
            wall_rates.append(len(articles) / (time.perf_counter() - w0))
        tracemalloc.start()
        for a in articles:
            run_stage(a, settings)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        import resource

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"articles={len(articles)} finder={args.finder} speed={statistics.median(rates):.1f} articles/s "
              f"per CPU-second (median of {args.runs}, best {max(rates):.1f}; wall clock "
              f"{statistics.median(wall_rates):.1f}/s; load average {load:.1f}) "
              f"peak_traced={peak / 2**20:.1f} MiB max_rss={rss:.1f} MiB")

    done = [run_stage(a, settings) for a in articles]
    total = sum(len(a.attributions) for a in done)
    named = sum(
        1 for a in done for at in a.attributions
        if at.speaker and (sp := a.speaker(at.speaker)) is not None and sp.kind in ("person", "organization", "group")
        and any(m.kind == "name" for m in sp.mentions)
    )
    with_speaker = sum(1 for a in done for at in a.attributions if at.speaker)
    print(f"attributions={total} with_speaker={with_speaker} with_named_speaker={named}")
    out = args.out or Path(tempfile.mkdtemp(prefix="sourcetrace-brat-"))
    out.mkdir(parents=True, exist_ok=True)
    for a in done:
        (out / f"{a.id}.ann").write_text(to_brat(a), encoding="utf-8")
    result = subprocess.run([sys.executable, str(SCORER), str(args.gold), str(out)], capture_output=True, text=True)
    print(result.stdout, end="")
    if result.returncode:
        print(result.stderr, file=sys.stderr, end="")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
