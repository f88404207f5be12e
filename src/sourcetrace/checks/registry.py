"""The finding-code catalogue and the check registry.

CODES is part of the `sourcetrace/1` contract: a code never changes meaning or disappears once
released (docs/checks.md has one entry per code; tests/test_docs.py keeps the two in step).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable

from ..model import Article, Finding, Severity, Span
from ..settings import Settings

CheckFn = Callable[[Article, Settings], Iterable[Finding]]

# code -> (severity, one-line description). Order here is the tie-break order of findings.
CODES: dict[str, tuple[Severity, str]] = {
    "unsourced-quote": ("warning", "A direct quotation with no marker, no link and no reference it can inherit."),
    "inherited-source": ("info", "A quotation with no marker of its own, backed by the reference of the same speaker's quotation nearby."),
    "speaker-mismatch": ("warning", "The quoted speaker is neither an author nor the subject of the cited reference, or the outlet named in the text differs from the reference's."),
    "date-mismatch": ("warning", "A year the text gives for the cited item differs from the reference's date."),
    "truncated-url": ("warning", "A reference URL is cut off (a bare '<', a scheme with no host, an ellipsis)."),
    "missing-url": ("warning", "A reference says it is on the web but gives no URL."),
    "malformed-url": ("warning", "A reference URL is not a well-formed http(s) address."),
    "dead-url": ("error", "A reference URL is gone (HTTP 404/410 or no such host), checked live with --check-links."),
    "unreachable-url": ("info", "A reference URL could not be confirmed live (blocked, paywalled, timing out), with --check-links."),
    "orphan-marker": ("warning", "An in-text marker such as [8] points to no reference."),
    "uncited-reference": ("info", "A numbered reference that no marker in the text points to."),
    "duplicate-reference": ("info", "Two references point to the same source (same URL, or same authors and title)."),
    "anonymous-source": ("info", "A claim attributed to an unnamed source ('sources said', 'who asked not to be named')."),
    "dominant-source": ("info", "One speaker holds more than the configured share of all quoted words."),
    "loaded-cue": ("info", "A cue verb that frames the statement ('admitted', 'claimed', 'insisted') rather than reports it."),
    "scare-quote": ("info", "Words in quotation marks that are a label held at a distance, not a statement."),
}
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


def finding(
    code: str,
    message: str,
    evidence: Iterable[Span] = (),
    *,
    attributions: Iterable[str] = (),
    references: Iterable[str] = (),
    markers: Iterable[str] = (),
) -> Finding:
    """A Finding with the catalogue's severity for `code`; raises KeyError for an unknown code."""
    severity, _ = CODES[code]
    return Finding(
        code=code,
        severity=severity,
        message=message,
        evidence=tuple(evidence),
        attributions=tuple(dict.fromkeys(attributions)),
        references=tuple(dict.fromkeys(references)),
        markers=tuple(dict.fromkeys(markers)),
    )


@lru_cache(maxsize=1)
def checks() -> tuple[tuple[tuple[str, ...], CheckFn], ...]:
    """Every check as (codes it may emit, function), in run order. Imported lazily to avoid cycles."""
    from .anonymous import check_anonymous
    from .cues import check_loaded_cues
    from .dominant import check_dominant
    from .mismatch import check_dates, check_speakers
    from .orphans import check_duplicates, check_orphan_markers, check_uncited
    from .scare import check_scare_quotes
    from .unsourced import check_unsourced
    from .urls import check_urls

    return (
        (("unsourced-quote", "inherited-source"), check_unsourced),
        (("speaker-mismatch",), check_speakers),
        (("date-mismatch",), check_dates),
        (("truncated-url", "missing-url", "malformed-url", "dead-url", "unreachable-url"), check_urls),
        (("orphan-marker",), check_orphan_markers),
        (("uncited-reference",), check_uncited),
        (("duplicate-reference",), check_duplicates),
        (("anonymous-source",), check_anonymous),
        (("dominant-source",), check_dominant),
        (("loaded-cue",), check_loaded_cues),
        (("scare-quote",), check_scare_quotes),
    )
