"""Article (all layers) -> the summary figures of the `sourcetrace/1` contract ("summary" key).

Counts only; every figure is recomputable from the layers in the same JSON document.
"""

from __future__ import annotations

import re

from typing import Any

from ..model import Article, Reference
from .dominant import quoted_words
from .patterns import (
    RE_BLOG,
    RE_GOV_DOMAIN,
    RE_GOV_NAME,
    RE_HOST,
    RE_INTERVIEW,
    RE_JOURNAL_NAME,
    RE_NEWS_DOMAIN,
    RE_NEWS_NAME,
)
from .registry import CODES

REFERENCE_KINDS = ("news", "government", "journal", "book", "blog", "interview", "web", "other")
WORKING_STATUSES = ("ok", "live", "redirected")
# Reference.fields.type values (anystyle/CSL-like) that settle the kind on their own.
TYPE_KINDS = {
    "article-newspaper": "news",
    "article-magazine": "news",
    "article-journal": "journal",
    "paper-conference": "journal",
    "interview": "interview",
    "post": "blog",
    "post-weblog": "blog",
    "legislation": "government",
    "bill": "government",
    "legal_case": "government",
}


def _round(x: float) -> float:
    return round(x, 3)


def reference_kind(ref: Reference) -> str:
    """Best guess at what a reference is: news, government, journal, book, blog, interview, web or other."""
    f = ref.fields
    hosts = [m.group("host").lower() for u in ref.urls if (m := RE_HOST.match(u.url or ""))]
    names = " ".join(v for v in (f.container, f.publisher, f.title, f.note) if v)
    if f.type in TYPE_KINDS:
        return TYPE_KINDS[f.type]
    if RE_INTERVIEW.search(f.medium or "") or RE_INTERVIEW.search(f.type or "") or RE_INTERVIEW.match(f.title or ""):
        return "interview"  # also a note that is one: "Interview with the author, 3 May 2023."
    if any(RE_GOV_DOMAIN.search(h) for h in hosts) or RE_GOV_NAME.search(
        " ".join([v for v in (f.container, f.publisher, f.title) if v] + [a.family for a in f.authors])
    ):
        return "government"
    if f.doi or (f.volume and f.issue) or RE_JOURNAL_NAME.search(f.container or ""):
        return "journal"
    if f.type == "book" and not hosts and not RE_NEWS_NAME.search(re.sub(r"\bPress\b", "", f.publisher or "")):
        # a publisher and no web address ("Corvin University Press" is no newspaper's "Press"), unless
        # the "publisher" is a newspaper's name ("Valley Courier")
        return "book"
    if any(RE_BLOG.search(h) for h in hosts) or RE_BLOG.search(names):
        return "blog"
    if RE_NEWS_NAME.search(f.container or f.publisher or "") or any(RE_NEWS_DOMAIN.search(h) for h in hosts):
        return "news"
    if hosts or f.medium or ref.kind == "hyperlink":
        return "web"
    return "other"


def summarize(article: Article) -> dict[str, Any]:
    """Summary figures: quotations, speakers, quoted-word shares, sourcing, references, findings."""
    attrs = article.attributions
    kinds = {k: sum(1 for a in attrs if a.kind == k) for k in ("direct", "indirect", "mixed")}
    linked = {l.attribution for l in article.links if l.attribution is not None}
    own = {l.attribution for l in article.links if l.attribution is not None and l.method != "inherited"}
    direct = [a for a in attrs if a.kind in ("direct", "mixed")]
    per, total_words = quoted_words(article)
    speakers = {a.speaker for a in attrs if a.speaker is not None}
    by_speaker = []
    for sid, n in sorted(per.items(), key=lambda kv: (-kv[1], kv[0] or "~")):
        sp = article.speaker(sid)
        by_speaker.append(
            {
                "speaker_id": sid,
                "speaker": sp.name if sp else None,
                "words": n,
                "share": _round(n / total_words) if total_words else 0.0,
            }
        )
    ref_kinds = {k: 0 for k in REFERENCE_KINDS}
    working = 0
    for ref in article.references:
        ref_kinds[reference_kind(ref)] += 1
        if any(u.status in WORKING_STATUSES for u in ref.urls):
            working += 1
    n_refs = len(article.references)
    severities = {"error": 0, "warning": 0, "info": 0}
    codes: dict[str, int] = {}
    for f in article.findings:
        severities[f.severity] = severities.get(f.severity, 0) + 1
        codes[f.code] = codes.get(f.code, 0) + 1
    return {
        "quotations": {"total": len(attrs), **kinds},
        "speakers": len(speakers),
        "quoted_words": {"total": total_words, "by_speaker": by_speaker},
        "sourced": {
            "quotations": len(attrs),
            "linked": sum(1 for a in attrs if a.id in linked),
            "share": _round(sum(1 for a in attrs if a.id in linked) / len(attrs)) if attrs else 0.0,
            "direct": len(direct),
            "direct_linked": sum(1 for a in direct if a.id in linked),
            "direct_share": _round(sum(1 for a in direct if a.id in linked) / len(direct)) if direct else 0.0,
            "inherited": sum(1 for a in attrs if a.id in linked and a.id not in own),
        },
        "references": {
            "total": n_refs,
            "by_kind": ref_kinds,
            "with_working_url": working,
            "working_url_share": _round(working / n_refs) if n_refs else 0.0,
        },
        "findings": {
            "total": len(article.findings),
            "by_severity": severities,
            "by_code": {c: codes[c] for c in CODES if c in codes} | {c: n for c, n in codes.items() if c not in CODES},
        },
    }
