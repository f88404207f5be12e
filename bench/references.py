#!/usr/bin/env python3
"""References per second of the field parser (tokenise + features + CRF + normalise) on one core.

Parses every reference string of ../shared/data/anystyle/core.xml and of our web/news set, several
times, and prints the median rate; also times the whole references stage on the example article.

    python bench/references.py [--runs 5]
    python bench/references.py --tagging MODEL [MODEL ...]   # the CRF step alone, per model (A/B of label sets)
    python bench/references.py --breakdown                   # microseconds per reference of each step
    python bench/references.py --crfsuite                    # crfsuite's tagger instead of the compiled one
    python bench/references.py --prefilters                  # the cheap tests that gate fields' fixes
    python bench/references.py --rules                       # each segment rule of fields, alone
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sourcetrace.model import Article  # noqa: E402
from sourcetrace.references import find_references  # noqa: E402
from sourcetrace.references.features import clear_caches, sequence_features  # noqa: E402
from sourcetrace.references import decoder, parse_reference, read_anystyle_xml  # noqa: E402
from sourcetrace.settings import Settings  # noqa: E402

CORE = ROOT.parent / "shared/data/anystyle/core.xml"
WEB = ROOT / "src/sourcetrace/data/training/references-web.xml"


def strings() -> list[str]:
    out = []
    for path in (CORE, WEB):
        if path.exists():
            out += [" ".join(t for _, x in segs for t in x.split()) for segs in read_anystyle_xml(path)]
    return out


def time_prefilters(refs: list[str], runs: int) -> int:
    """Microseconds per reference of each test segment_spans runs on every string before its fixes."""
    from sourcetrace.references import patterns as P

    lowered = [r.lower() for r in refs]
    tests = {  # each on the string it is given in segment_spans: lower-cased or as it is
        "RE_FIX_HINT (phrases)": (lambda low: P.RE_FIX_HINT.search(low), lowered),
        "MARK_HINTS (marks)": (lambda low: any(hint in low for hint in P.MARK_HINTS), lowered),
        "PERSONAL_HINTS": (lambda low: any(hint in low for hint in P.PERSONAL_HINTS), lowered),
        "LATER_HINTS": (lambda low: any(hint in low for hint in P.LATER_HINTS), lowered),
        "RE_LEAD_HINT": (lambda text: P.RE_LEAD_HINT.match(text), refs),
        "RE_NUMERIC_DATE_HINT": (lambda text: P.RE_NUMERIC_DATE_HINT.search(text), refs),
        "RE_CLOCK_HINT": (lambda text: P.RE_CLOCK_HINT.search(text), refs),
        "RE_TRANSLATION_HINT": (lambda text: P.RE_TRANSLATION_HINT.search(text), refs),
        "TRANSLATOR_HINTS, RE_TRANSLATOR_HINT": (
            lambda text: any(hint in text for hint in P.TRANSLATOR_HINTS) and P.RE_TRANSLATOR_HINT.search(text), refs),
    }
    for name, (test, texts) in tests.items():
        times = []
        for _ in range(runs):
            t = time.process_time()
            for text in texts:
                test(text)
            times.append((time.process_time() - t) / len(texts) * 1e6)
        print(f"{name:<24} median {statistics.median(times):5.1f} microseconds per reference (min {min(times):.1f})")
    return 0


def time_rules(refs: list[str], runs: int) -> int:
    """Microseconds per reference of each segment-level rule segment_spans runs after tagging, on the
    segments it returns (computed once, outside the timing)."""
    from sourcetrace.references import fields as F

    segments = [F.segment_spans(r) for r in refs]
    rules = {name: getattr(F, name) for name in (  # in segment_spans' order
        "_split_lead_title", "_trim_lead_author", "_split_quoted_title", "_split_italic_container",
        "_split_site_publisher", "_body_as_publisher", "_later_title_as_container", "_edited_book_title",
        "_name_before_quote", "_title_then_in", "_name_cut_at_initial", "_author_runs_into_title", "_dateline",
        "_outlet_leads", "_role_after_name", "_lead_editors", "_periodical_before_volume", "_platform_kind",
        "_programme_not_periodical", "_language_note")}
    rules["_merge_runs"] = lambda text, segs: F._merge_runs(segs)
    total = 0.0
    for name, rule in rules.items():
        times = []
        for _ in range(runs):
            t = time.process_time()
            for text, segs in zip(refs, segments):
                rule(text, segs)
            times.append((time.process_time() - t) / len(refs) * 1e6)
        total += statistics.median(times)
        print(f"{name:<26} median {statistics.median(times):5.2f} microseconds per reference (min {min(times):.2f})")
    print(f"{'all of them':<26} {total:5.2f} microseconds per reference (sum of the medians)")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--tagging", nargs="+", type=Path, metavar="MODEL",
                    help="only time the CRF tagging step (features built beforehand) with each model file")
    ap.add_argument("--breakdown", action="store_true", help="time each step of parse_reference on its own")
    ap.add_argument("--crfsuite", action="store_true",
                    help="tag with crfsuite's own tagger, as an install without the compiled extension does")
    ap.add_argument("--prefilters", action="store_true",
                    help="time each cheap test that gates one of fields' fixes (RE_FIX_HINT, MARK_HINTS, ...) alone")
    ap.add_argument("--rules", action="store_true", help="time each segment-level rule of fields alone")
    args = ap.parse_args()
    if args.crfsuite:
        decoder.COMPILED = False
    print(f"tagger: {'compiled sparse Viterbi (references/_viterbi)' if decoder.COMPILED else 'crfsuite'}")
    refs = strings()
    if args.tagging:
        return time_tagging(refs, args.tagging, args.runs)
    if args.breakdown:
        return time_steps(refs, args.runs)
    if args.prefilters:
        return time_prefilters(refs, args.runs)
    if args.rules:
        return time_rules(refs, args.runs)
    parse_reference(refs[0])  # load the model outside the timing
    # CPU time of this process = what one core does; wall time also counts other jobs on a shared machine
    cpu_rates, wall_rates = [], []
    for _ in range(args.runs):
        clear_caches()  # each run starts cold: the token and word caches may only help within a run
        c0, t0 = time.process_time(), time.perf_counter()
        for r in refs:
            parse_reference(r)
        cpu_rates.append(len(refs) / (time.process_time() - c0))
        wall_rates.append(len(refs) / (time.perf_counter() - t0))
    print(f"parse_reference: {len(refs)} references x {args.runs} runs, median {statistics.median(cpu_rates):,.0f} "
          f"references per CPU-second (min {min(cpu_rates):,.0f}, max {max(cpu_rates):,.0f}); "
          f"wall clock median {statistics.median(wall_rates):,.0f}/s")
    # warm: the token cache kept from the runs above, as in a long batch run over many articles
    warm = []
    for _ in range(args.runs):
        c0 = time.process_time()
        for r in refs:
            parse_reference(r)
        warm.append(len(refs) / (time.process_time() - c0))
    print(f"parse_reference, warm token cache: median {statistics.median(warm):,.0f} references per CPU-second")
    example = ROOT / "examples/article.txt"
    if example.exists():
        article = Article(text=example.read_text("utf-8"))
        settings = Settings()
        times = []
        for _ in range(args.runs * 4):
            t0 = time.perf_counter()
            find_references(article, settings)
            times.append(time.perf_counter() - t0)
        print(f"find_references on the example article: median {1000 * statistics.median(times):.2f} ms")
    return 0


def time_steps(refs: list[str], runs: int) -> int:
    """Microseconds per reference of each step of parse_reference, cold (caches cleared first) and
    warm, the steps interleaved run by run. tag_tokens = features + crfsuite (set + Viterbi), so the
    CRF's own share is tag_tokens minus features; segment_spans adds the structural fixes."""
    from sourcetrace.references.fields import normalise, segment_spans, tag_tokens

    tokens = [r.split() for r in refs]
    spans = {r: segment_spans(r) for r in refs}
    steps = [
        ("features", lambda r, t: sequence_features(t)),
        ("tag_tokens (features + CRF)", lambda r, t: tag_tokens(t)),
        ("segment_spans (+ tokenize, fixes)", lambda r, t: segment_spans(r)),
        ("normalise (fields from segments)", lambda r, t: normalise([(g, r[a:b]) for g, a, b in spans[r]], r)),
        ("parse_reference (all)", lambda r, t: parse_reference(r)),
    ]
    times: dict[str, list[float]] = {}
    for _ in range(runs):
        for name, step in steps:
            for state in ("cold", "warm"):
                if state == "cold":
                    clear_caches()
                c0 = time.process_time()
                for r, t in zip(refs, tokens):
                    step(r, t)
                times.setdefault(f"{name}, {state}", []).append(1e6 * (time.process_time() - c0) / len(refs))
    for name, t in times.items():
        print(f"{name:45s} median {statistics.median(t):6.0f} microseconds per reference (min {min(t):.0f})")
    return 0


def time_tagging(refs: list[str], models: list[Path], runs: int) -> int:
    """Microseconds per reference of the tagging step alone (features built beforehand), with
    crfsuite's tagger and, when built, the compiled one, interleaved run by run so that a noisy
    machine slows them alike."""
    import pycrfsuite

    feats = [sequence_features(r.split()) for r in refs]
    taggers = []
    for path in models:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        taggers.append((f"crfsuite, {path} ({len(tagger.labels())} labels)", tagger))
        if decoder.COMPILED:
            taggers.append((f"compiled, {path}", decoder.SparseTagger(path)))
    times: list[list[float]] = [[] for _ in taggers]
    for _ in range(runs):
        for k, (_, tagger) in enumerate(taggers):
            c0 = time.process_time()
            for f in feats:
                tagger.tag(f)
            times[k].append(1e6 * (time.process_time() - c0) / len(refs))
    for (name, _), t in zip(taggers, times):
        print(f"tagging alone, {name}: median {statistics.median(t):.0f} "
              f"microseconds per reference (min {min(t):.0f}, max {max(t):.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
