"""Corpus rows (corpus.py) -> the /corpus pages: counts, charts (bars, lines), findings table, quotation search."""

from __future__ import annotations

import logging
from html import escape
from typing import Sequence

from fastapi import FastAPI, Query
from fastapi.responses import HTMLResponse

from ..errors import StoreError
from ..settings import Settings
from . import charts, corpus, pages
from .app import ClientError, html_response

log = logging.getLogger(__name__)
MAX_CODES = 8  # finding codes shown as columns in the per-site table; the rest are summed as "other"


def months_between(first: str, last: str) -> list[str]:
    """Every "YYYY-MM" from `first` to `last` inclusive, so the time axis has no silent jumps."""
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _series(rows: Sequence[corpus.MonthRow], sites: Sequence[str], months: Sequence[str], num: str, den: str):
    """Per site: (site, share by month or None), plus "k of n" notes for the tooltips."""
    by_key = {(r.site, r.month): r for r in rows}
    series, notes = [], []
    for site in sites:
        values, site_notes = [], []
        for m in months:
            r = by_key.get((site, m))
            n, d = (getattr(r, num), getattr(r, den)) if r else (0, 0)
            values.append(n / d if d else None)
            site_notes.append(f"{n} of {d}" if d else "")
        series.append((site, values))
        notes.append(site_notes)
    return series, notes


def _share_section(
    rows: Sequence[corpus.MonthRow], *, ident: str, heading: str, num: str, den: str, what: str, empty: str
) -> str:
    sites_total: dict[str, int] = {}
    for r in rows:
        if getattr(r, den):
            sites_total[r.site] = sites_total.get(r.site, 0) + r.articles
    sites = sorted(sites_total, key=lambda s: (-sites_total[s], s))[: charts.MAX_SERIES]
    used = [r for r in rows if r.site in sites and getattr(r, den)]
    out = [f'<h2 id="{ident}">{escape(heading)}</h2>']
    if not used:
        return out[0] + f'<p class="empty">{escape(empty)}</p>'
    months = months_between(min(r.month for r in used), max(r.month for r in used))
    series, notes = _series(rows, sites, months, num, den)
    desc = f"Share of {what} per month for the {len(sites)} sites with most articles: " + "; ".join(
        f"{site}: " + ", ".join(f"{m} {v * 100:.0f}%" for m, v in zip(months, vals, strict=True) if v is not None)
        for site, vals in series
    )
    svg = charts.line_chart(series, months, ident=f"{ident}-chart", title=heading, desc=desc, notes=notes)
    table_rows = [
        (r.site, r.month, getattr(r, num), getattr(r, den), f"{getattr(r, num) / getattr(r, den) * 100:.0f}%")
        for r in used
    ]
    shown = f"The {len(sites)} sites with most articles, of {len(sites_total)}." if len(sites_total) > len(sites) else ""
    caption = f"{charts.legend([s for s, _ in series])}{shown}"
    out.append(f"<figure>{_scroller(svg, heading)}<figcaption>{caption}</figcaption></figure>")
    out.append(
        "<details><summary>The numbers</summary>"
        + pages.table(["Site", "Month", what.capitalize(), "Out of", "Share"], table_rows, numeric=(2, 3, 4))
        + "</details>"
    )
    return "".join(out)


def _scroller(svg: str, label: str) -> str:
    """A chart in a box that scrolls sideways on a phone; focusable so keyboard users can scroll it too."""
    return f'<div class="chart" tabindex="0" role="group" aria-label="{escape(label)} (chart)">{svg}</div>'


def search_form(speaker: str, text: str) -> str:
    return (
        '<form class="card search" method="get" action="/corpus/search" role="search" aria-label="Quotations">'
        '<div class="field"><label for="speaker">Speaker</label>'
        f'<input type="search" id="speaker" name="speaker" value="{escape(speaker)}" autocomplete="off" '
        'placeholder="e.g. Warren"></div>'
        '<div class="field"><label for="q">Words in the quotation</label>'
        f'<input type="search" id="q" name="q" value="{escape(text)}" autocomplete="off" placeholder="e.g. climate"></div>'
        '<div><button type="submit">Search quotations</button></div></form>'
    )


def corpus_page(store, settings: Settings, name: str) -> str:
    limit = int(settings.get("server", "corpus_limit"))
    ov = corpus.overview(store)
    stats = "".join(
        f"<li><strong>{value:,}</strong><span>{label}</span></li>"
        for value, label in (
            (ov.documents, "articles"),
            (ov.sites, "sites"),
            (ov.attributions, "attributions"),
            (ov.findings, "findings"),
            (ov.failures, "failed inputs"),
        )
    )
    parts = [
        f"<h1>Corpus <span class=legend-hint>{escape(name)}</span></h1>",
        f'<ul class="stats">{stats}</ul>',
        '<h2 id="search">Search quotations</h2>',
        search_form("", ""),
    ]
    top = corpus.speakers(store, limit)
    parts.append('<h2 id="speakers">Most quoted speakers</h2>')
    if top:
        desc = "; ".join(f"{s}: {n} attributions in {a} articles" for s, n, a in top)
        svg = charts.bar_chart([(s, n) for s, n, _ in top], ident="speakers-chart", title="Most quoted speakers", desc=desc)
        parts.append(
            f"<figure>{_scroller(svg, 'Most quoted speakers')}"
            "<figcaption>Attributions per speaker, name variants merged.</figcaption></figure>"
        )
        parts.append(
            "<details><summary>The numbers</summary>"
            + pages.table(["Speaker", "Attributions", "Articles"], top, numeric=(1, 2))
            + "</details>"
        )
    else:
        parts.append('<p class="empty">No attributed speakers yet.</p>')
    rows, undated = corpus.monthly(store)
    parts.append(
        _share_section(
            rows, ident="unsourced", heading="Unsourced quotations per site and month", num="unsourced",
            den="quotations", what="unsourced quotations", empty="No dated articles with quotations yet.",
        )
    )
    parts.append(
        _share_section(
            rows, ident="dead", heading="Dead links per site and month", num="dead", den="checked",
            what="dead links", empty="No links were checked live in this corpus; run the batch with --check-links.",
        )
    )
    if undated:
        parts.append(f'<p class="hint">{undated:,} undated articles are left out of the monthly charts.</p>')
    codes, site_rows = corpus.findings_by_site(store, limit)
    parts.append('<h2 id="findings">Findings per site</h2>')
    if site_rows:
        shown, rest = codes[:MAX_CODES], codes[MAX_CODES:]
        headers = ["Site"] + shown + (["other"] if rest else []) + ["total"]
        table_rows = [
            [site] + counts[:MAX_CODES] + ([sum(counts[MAX_CODES:])] if rest else []) + [sum(counts)]
            for site, counts in site_rows
        ]
        parts.append(pages.table(headers, table_rows, numeric=range(1, len(headers))))
    else:
        parts.append('<p class="empty">No findings yet.</p>')
    return "\n".join(parts)


def search_page(store, settings: Settings, speaker: str, text: str) -> str:
    limit = int(settings.get("server", "search_limit"))
    parts = ["<h1>Search quotations</h1>", search_form(speaker, text)]
    if not speaker.strip() and not text.strip():
        parts.append('<p class="empty">Type a speaker, words from a quotation, or both.</p>')
        return "\n".join(parts)
    found = corpus.search(store, speaker=speaker, text=text, limit=limit)
    more = " (the first ones; narrow the search to see others)" if len(found) >= limit else ""
    parts.append(f'<h2 id="results" aria-live="polite">{len(found)} quotation{"s" if len(found) != 1 else ""}{more}</h2>')
    if found:
        rows = []
        for q in found:
            article = escape(q.title or q.article_id)
            if q.url and q.url.startswith(("http://", "https://")):
                article = f'<a href="{escape(q.url)}" rel="noreferrer noopener">{article}</a>'
            rows.append(
                f"<tr><td>{escape(q.speaker or '—')}</td><td><blockquote>{escape(q.text)}</blockquote></td>"
                f'<td>{article}</td><td>{escape(q.site)}</td><td class="nowrap">{escape(q.date or "")}</td></tr>'
            )
        parts.append(
            '<div class="table-scroll"><table><thead><tr><th scope="col">Speaker</th><th scope="col">Quotation</th>'
            '<th scope="col">Article</th><th scope="col">Site</th><th scope="col">Date</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>"
        )
    return "\n".join(parts)


def add_corpus_routes(app: FastAPI, db: corpus.Corpus, settings: Settings) -> None:
    """Register GET /corpus and GET /corpus/search on `app` (sync routes: FastAPI runs them in a thread)."""

    def render(title: str, body, *args) -> HTMLResponse:
        try:
            with db.open() as store:
                main = body(store, settings, *args)
        except StoreError as exc:
            log.warning("corpus store unavailable: %s", exc)
            raise ClientError(
                503, "store", "the corpus store cannot be read right now (is a batch writing it?); retry shortly"
            ) from None
        return html_response(pages.page(title, main, corpus=True, current="/corpus", wide=True))

    @app.get("/corpus", response_class=HTMLResponse, include_in_schema=False)
    def corpus_overview() -> HTMLResponse:
        return render("Corpus", corpus_page, db.path.name)

    @app.get("/corpus/search", response_class=HTMLResponse, include_in_schema=False)
    def corpus_search(speaker: str = Query("", max_length=200), q: str = Query("", max_length=500)) -> HTMLResponse:
        return render("Search quotations", search_page, speaker, q)
