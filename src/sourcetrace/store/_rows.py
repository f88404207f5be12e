"""Articles and Failures -> columnar rows per store table (`{table: {column: [values]}}`).

Columnar because DuckDB inserts a whole column list in one statement (store/duckdb.py) far faster than
row-by-row `executemany`, and because batch workers build the rows so the single writer only inserts.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Iterable

from ..model import Article, Failure, Span

SCHEMA_VERSION = 1
# Joins the pieces of an interrupted quotation in attributions.content_text.
CONTENT_JOINER = " … "

Rows = dict[str, dict[str, list[Any]]]


def _add(rows: Rows, table: str, **values: Any) -> None:
    columns = rows.setdefault(table, {})
    if not columns:
        for key in values:
            columns[key] = []
    for key, value in values.items():
        columns[key].append(value)


def _span_text(text: str, span: Span | None) -> str | None:
    return None if span is None else text[span.start : span.end]


def rows_for(items: Iterable[Article | Failure], *, now: datetime | None = None) -> Rows:
    """Rows for every table touched by `items`; tables with no rows are absent from the result."""
    at = (now or datetime.now(timezone.utc)).replace(tzinfo=None)
    rows: Rows = {}
    for item in items:
        if isinstance(item, Failure):
            _add(rows, "failures", doc_id=item.doc_id, stage=item.stage, code=item.code,
                 message=item.message, digest=item.digest, failed_at=at)
        else:
            _article_rows(rows, item, at)
    return rows


def _article_rows(rows: Rows, article: Article, at: datetime) -> None:
    text, aid, doc = article.text, article.id, article.document
    speakers = {s.id: s for s in article.speakers}
    _add(rows, "documents", id=aid, source=doc.source, url=doc.url, site=doc.site, title=doc.title,
         authors=list(doc.authors), date=doc.date, section=list(doc.section), format=doc.format,
         language=doc.language, n_chars=len(text), n_attributions=len(article.attributions),
         n_speakers=len(article.speakers), n_references=len(article.references),
         n_findings=len(article.findings), audited_at=at, schema_version=SCHEMA_VERSION)
    for r in article.regions:
        _add(rows, "regions", article_id=aid, kind=r.kind, label=r.label, region_start=r.start, region_end=r.end)
    said: dict[str, int] = {}
    for a in article.attributions:
        content = CONTENT_JOINER.join(text[s.start : s.end] for s in a.content)
        speaker = speakers.get(a.speaker) if a.speaker else None
        if a.speaker:
            said[a.speaker] = said.get(a.speaker, 0) + 1
        _add(rows, "attributions", article_id=aid, id=a.id, kind=a.kind, speaker_id=a.speaker,
             speaker=speaker.name if speaker else None,
             source_text=_span_text(text, a.source), source_start=a.source.start if a.source else None,
             source_end=a.source.end if a.source else None,
             cue_text=_span_text(text, a.cue), cue_start=a.cue.start if a.cue else None,
             cue_end=a.cue.end if a.cue else None,
             content_text=content, content_start=a.start if a.content else None,
             content_end=a.end if a.content else None,
             content_starts=[s.start for s in a.content], content_ends=[s.end for s in a.content],
             n_words=len(content.split()), confidence=float(a.confidence), method=a.method)
    for s in article.speakers:
        aliases = list(dict.fromkeys(text[m.start : m.end] for m in s.mentions))
        _add(rows, "speakers", article_id=aid, id=s.id, name=s.name, kind=s.kind, aliases=aliases,
             n_mentions=len(s.mentions), n_attributions=said.get(s.id, 0))
    for r in article.references:
        f = r.fields
        authors = [", ".join(p for p in (au.family, au.given) if p) for au in f.authors]
        _add(rows, "references", article_id=aid, id=r.id, label=r.label, kind=r.kind,
             raw=text[r.start : r.end], ref_start=r.start, ref_end=r.end, authors=authors, title=f.title,
             container=f.container, publisher=f.publisher, date=f.date, accessed=f.accessed, doi=f.doi,
             type=f.type, urls=[u.url for u in r.urls], url_statuses=[u.status for u in r.urls])
    for m in article.markers:
        _add(rows, "markers", article_id=aid, id=m.id, label=m.label, marker_start=m.start,
             marker_end=m.end, reference=m.reference)
    for link in article.links:
        _add(rows, "links", article_id=aid, attribution=link.attribution, reference=link.reference,
             marker=link.marker, method=link.method, confidence=float(link.confidence),
             claim_start=link.claim.start if link.claim else None,
             claim_end=link.claim.end if link.claim else None)
    for f in article.findings:
        _add(rows, "findings", article_id=aid, code=f.code, severity=f.severity, message=f.message,
             attribution_ids=list(f.attributions), reference_ids=list(f.references),
             marker_ids=list(f.markers), evidence_text=_span_text(text, f.evidence[0]) if f.evidence else None,
             evidence_starts=[s.start for s in f.evidence], evidence_ends=[s.end for s in f.evidence])


def merge_rows(into: Rows, more: Rows) -> Rows:
    """Append `more` to `into` column by column (both built by rows_for) and return `into`."""
    for table, columns in more.items():
        target = into.get(table)
        if target is None:
            into[table] = {k: list(v) for k, v in columns.items()}
            continue
        for key, values in columns.items():
            target[key].extend(values)
    return into


def n_rows(rows: Rows, table: str) -> int:
    columns = rows.get(table)
    return len(next(iter(columns.values()))) if columns else 0
