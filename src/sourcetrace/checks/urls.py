"""truncated-url / missing-url / malformed-url / dead-url / unreachable-url.

Input: references with classified URLs (offline status, or live status with --check-links).
Output: one finding per URL whose status is a problem, and one per web reference with no URL.
"""

from __future__ import annotations

from typing import Iterable

from ..model import Article, Finding, Reference, Span, Url
from ..settings import Settings
from ._text import reference_label
from .patterns import RE_WEB_MEDIUM
from .registry import finding

# Url.status -> (code, what the message says about it)
STATUS_CODES: dict[str, tuple[str, str]] = {
    "truncated": ("truncated-url", "is cut off"),
    "malformed": ("malformed-url", "is not a well-formed web address"),
    "missing": ("missing-url", "is missing"),
    "dead": ("dead-url", "is gone"),
    "blocked": ("unreachable-url", "could not be read (blocked or paywalled)"),
    "unknown": ("unreachable-url", "could not be confirmed live"),
}


def _evidence(ref: Reference, url: Url) -> Span:
    if url.start is not None and url.end is not None:
        return Span(url.start, url.end)
    return Span(ref.start, ref.end)


def _shown(url: str) -> str:
    url = " ".join(url.split())
    return url if len(url) <= 80 else url[:79] + "…"


def check_urls(article: Article, settings: Settings) -> Iterable[Finding]:
    """Yield a URL finding per problematic Url.status, plus missing-url for web references without URLs."""
    for ref in article.references:
        label = reference_label(article, ref.id)
        for url in ref.urls:
            entry = STATUS_CODES.get(url.status)
            if entry is None:
                continue
            code, verb = entry
            details = []
            if url.http_status:
                details.append(f"HTTP {url.http_status}")
            if url.reason:
                details.append(url.reason)
            shown = f" \"{_shown(url.url)}\"" if url.url.strip() else ""
            extra = f" ({'; '.join(details)})" if details else ""
            yield finding(code, f"the URL{shown} of {label} {verb}{extra}.", [_evidence(ref, url)], references=[ref.id])
        if ref.urls or ref.kind != "note":
            continue
        medium = ref.fields.medium or ""
        raw = article.text[ref.start : ref.end]
        if RE_WEB_MEDIUM.search(medium) or (not medium and RE_WEB_MEDIUM.search(raw)):
            yield finding(
                "missing-url",
                f"{label} says it is on the web (\"{medium or 'web'}\") but gives no URL to find it.",
                [Span(ref.start, ref.end)],
                references=[ref.id],
            )
