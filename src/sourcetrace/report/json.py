"""Article -> the `sourcetrace/1` JSON contract (documented in docs/formats.md).

Later versions may add keys; they never rename or remove these. Every offset indexes into "text"
(Python str indices = Unicode code points).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from ..model import Article, Reference, Span

SCHEMA = "sourcetrace/1"
# Regions that are page furniture rather than article text: listed under "chrome" in the contract.
CHROME_KINDS = ("breadcrumb", "byline", "chrome")


def _span(article: Article, span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": article.text[span.start : span.end]}


def _reference(article: Article, ref: Reference) -> dict[str, Any]:
    fields = asdict(ref.fields)
    fields["authors"] = [{"family": a.family, "given": a.given} for a in ref.fields.authors]
    return {
        "id": ref.id,
        "label": ref.label,
        "kind": ref.kind,
        "raw": article.text[ref.start : ref.end],
        "start": ref.start,
        "end": ref.end,
        "urls": [
            {k: v for k, v in asdict(u).items() if v is not None and v != ""} | {"url": u.url, "status": u.status}
            for u in ref.urls
        ],
        "fields": fields,
        "segments": [{"start": s.start, "end": s.end, "tag": s.label} for s in ref.segments],
    }


def to_dict(article: Article) -> dict[str, Any]:
    """The whole audit as plain JSON-ready data."""
    from .. import __version__
    from ..checks.summary import summarize

    speakers = {s.id: s for s in article.speakers}
    links_by_attr: dict[str, list] = {}
    for link in article.links:
        if link.attribution is not None:
            links_by_attr.setdefault(link.attribution, []).append(link)
    doc = article.document
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "generator": f"sourcetrace {__version__}",
        "document": {
            "id": article.id or None,
            "title": doc.title,
            "authors": list(doc.authors),
            "date": doc.date,
            "section": list(doc.section),
            "site": doc.site,
            "url": doc.url,
            "source": doc.source,
            "format": doc.format,
        },
        "text": article.text,
        "chrome": [
            {"start": r.start, "end": r.end, "text": article.text[r.start : r.end], "label": r.label}
            for r in article.regions
            if r.kind in CHROME_KINDS
        ],
        "regions": [{"start": r.start, "end": r.end, "kind": r.kind, "label": r.label} for r in article.regions],
        "attributions": [],
        "quoted_terms": [
            {"start": q.start, "end": q.end, "text": article.text[q.start : q.end], "kind": q.kind}
            for q in article.quoted_terms
        ],
        "speakers": [
            {
                "id": s.id,
                "name": s.name,
                "kind": s.kind,
                "mentions": [
                    {"start": m.start, "end": m.end, "text": article.text[m.start : m.end], "kind": m.kind}
                    for m in s.mentions
                ],
            }
            for s in article.speakers
        ],
        "references": [_reference(article, r) for r in article.references],
        "markers": [
            {"id": m.id, "label": m.label, "start": m.start, "end": m.end, "reference": m.reference}
            for m in article.markers
        ],
        "links": [
            {
                "attribution": l.attribution,
                "reference": l.reference,
                "marker": l.marker,
                "method": l.method,
                "confidence": round(l.confidence, 3),
                "claim": _span(article, l.claim),
            }
            for l in article.links
        ],
        "findings": [
            {
                "code": f.code,
                "severity": f.severity,
                "message": f.message,
                "evidence": [_span(article, s) for s in f.evidence],
                "attributions": list(f.attributions),
                "references": list(f.references),
                "markers": list(f.markers),
            }
            for f in article.findings
        ],
        "summary": summarize(article),
    }
    for a in article.attributions:
        links = links_by_attr.get(a.id, [])
        speaker = speakers.get(a.speaker) if a.speaker else None
        out["attributions"].append(
            {
                "id": a.id,
                "kind": a.kind,
                "source": _span(article, a.source),
                "cue": _span(article, a.cue),
                "content": [_span(article, s) for s in a.content],
                "speaker": speaker.name if speaker else None,
                "speaker_id": a.speaker,
                "confidence": round(a.confidence, 3),
                "method": a.method,
                "markers": [l.marker for l in links if l.marker],
                "references": list(dict.fromkeys(l.reference for l in links)),
                "link_method": links[0].method if links else None,
            }
        )
    return out


def to_json(article: Article, *, indent: int | None = 2) -> str:
    return json.dumps(to_dict(article), ensure_ascii=False, indent=indent)
