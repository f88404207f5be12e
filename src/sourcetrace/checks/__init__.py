"""Article with attributions, speakers, references, markers and links -> Article with `findings`.

Each check (one module each, listed in registry.py) reads the layers and yields Findings; the codes
and their severities are catalogued in `registry.CODES` and documented in docs/checks.md.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Article, Finding
from ..settings import Settings
from .registry import CODES, checks

__all__ = ["run_checks", "CODES"]

_CODE_ORDER = {code: i for i, code in enumerate(CODES)}


def _order(article: Article, f: Finding) -> tuple:
    # Document order of the first evidence, then catalogue order, then ids: stable across runs.
    first = min((s.start for s in f.evidence), default=len(article.text) + 1)
    return (first, _CODE_ORDER.get(f.code, len(_CODE_ORDER)), f.attributions, f.references, f.markers, f.message)


def run_checks(article: Article, settings: Settings) -> Article:
    """Run every registered check; returns the Article with `findings` in a stable order."""
    found: list[Finding] = []
    for _codes, check in checks():
        found.extend(check(article, settings))
    found.sort(key=lambda f: _order(article, f))
    return replace(article, findings=tuple(found))
