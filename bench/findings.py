"""Count finding codes over a directory of articles: how often each check fires.

    .venv/bin/python bench/findings.py [DIR ...]   (default: ../shared/data/polnear/dev/text)
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from sourcetrace import Failure, Settings, audit_many
from sourcetrace.checks.registry import CODES

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev" / "text"


def main(dirs: list[str]) -> None:
    paths = sorted(p for d in (dirs or [str(DEFAULT)]) for p in Path(d).glob("*.txt"))
    findings: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    failures = 0
    for result in audit_many([str(p) for p in paths], Settings()):
        if isinstance(result, Failure):
            failures += 1
            continue
        codes = [f.code for f in result.findings]
        findings.update(codes)
        articles.update(set(codes))
    print(f"{len(paths)} articles, {failures} failed")
    print(f"{'code':22} {'findings':>8} {'articles':>8}")
    for code in CODES:
        print(f"{code:22} {findings[code]:8d} {articles[code]:8d}")


if __name__ == "__main__":
    main(sys.argv[1:])
