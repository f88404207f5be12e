"""Body-extraction benchmark: ingest + extract over article-extraction-benchmark, body F1 and docs/s.

    .venv/bin/python bench/extraction.py [--data ../shared/data/article-extraction-benchmark] [--limit N]

Scores bag-of-tokens precision/recall/F1 per page (word tokens, multiset overlap, as the benchmark
does) of the text of our body regions against ground-truth.json, and the same for trafilatura alone
with its defaults. Prints one table; reads the data in place, writes nothing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from sourcetrace.errors import InputError
from sourcetrace.extract import extract_regions
from sourcetrace.ingest import ingest_bytes
from sourcetrace.settings import Settings

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "article-extraction-benchmark"
RE_TOKEN = re.compile(r"\w+")


def token_prf(truth: str, predicted: str) -> tuple[float, float, float]:
    """Bag-of-tokens precision, recall, F1 of `predicted` against `truth`."""
    expected = Counter(RE_TOKEN.findall(truth))
    got = Counter(RE_TOKEN.findall(predicted))
    overlap = sum((expected & got).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(expected.values()) if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def ours(html: bytes, settings: Settings, name: str) -> str:
    try:
        article = extract_regions(ingest_bytes(html, settings, name=name), settings)
    except InputError:
        return ""
    return "\n\n".join(article.text_of(r) for r in article.regions if r.kind == "body")


def trafilatura_alone(html: bytes, settings: Settings, name: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def run(pages: list[tuple[str, bytes, str]], extractor, settings: Settings) -> dict[str, float]:
    scores = []
    started = time.perf_counter()
    for name, html, truth in pages:
        scores.append(token_prf(truth, extractor(html, settings, name)))
    seconds = time.perf_counter() - started
    return {
        "precision": statistics.mean(s[0] for s in scores),
        "recall": statistics.mean(s[1] for s in scores),
        "f1": statistics.mean(s[2] for s in scores),
        "docs_per_s": len(pages) / seconds,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the benchmark directory (html/, ground-truth.json)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (0 = all)")
    parser.add_argument("--ours-only", action="store_true", help="skip the trafilatura-alone baseline")
    args = parser.parse_args(argv)
    truth = json.loads((args.data / "ground-truth.json").read_text("utf-8"))
    names = sorted(truth)[: args.limit or None]
    pages = [(n, gzip.decompress((args.data / "html" / f"{n}.html.gz").read_bytes()), truth[n]["articleBody"]) for n in names]
    settings = Settings()
    ours(pages[0][1], settings, pages[0][0])  # warm-up: imports (trafilatura, lxml) are not per-document cost
    rows = [("sourcetrace ingest+extract (body regions)", run(pages, ours, settings))]
    if not args.ours_only:
        rows.append(("trafilatura.extract alone (defaults)", run(pages, trafilatura_alone, settings)))
    print(f"article-extraction-benchmark: {len(pages)} pages, mean per-page bag-of-tokens scores")
    print(f"{'extractor':44} {'P':>6} {'R':>6} {'F1':>6} {'docs/s':>7}")
    for label, row in rows:
        print(f"{label:44} {row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f} {row['docs_per_s']:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
