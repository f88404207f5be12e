"""Page dates with and without htmldate's text guessing, over article-extraction-benchmark.

    .venv/bin/python bench/html_dates.py [--data ../shared/data/article-extraction-benchmark]

sourcetrace asks trafilatura for the date from the markup only (`ingest.html._date_params`,
extensive_search off). This counts, over the benchmark pages, how many dates that keeps, how many it
loses against trafilatura's default (which also guesses from the text), and lists the lost ones with the
page text around them, so a reader can see whether they were real. Reads the data in place.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from pathlib import Path

import trafilatura

from sourcetrace.ingest.html import _date_params

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "article-extraction-benchmark"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args()
    pages = sorted((args.data / "html").glob("*.html*"))
    if not pages:
        print(f"no pages under {args.data / 'html'}", file=sys.stderr)
        return 2
    same = kept = lost = 0
    for page in pages:
        raw = gzip.open(page).read() if page.suffix == ".gz" else page.read_bytes()
        guessed = trafilatura.bare_extraction(raw, with_metadata=True)
        markup = trafilatura.bare_extraction(raw, with_metadata=True, date_extraction_params=_date_params())
        a = guessed.date if guessed else None
        b = markup.date if markup else None
        same += a == b
        kept += bool(b)
        if a and not b:
            lost += 1
            year = re.escape(a[:4])
            text = raw.decode("utf-8", "replace")
            context = re.search(r".{0,50}" + year + r".{0,30}", re.sub(r"<[^>]+>", " ", text))
            print(f"lost {a} on {page.name}: {' '.join(context.group().split()) if context else '(year not in the text)'}")
    print(f"{len(pages)} pages: {kept} dated from markup, {same} the same as with text guessing, {lost} lost")
    return 0


if __name__ == "__main__":
    sys.exit(main())
