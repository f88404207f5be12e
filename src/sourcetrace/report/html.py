"""Article -> one self-contained HTML page: the text with quotations in their speaker's colour,
markers linked to the parsed references, and a side panel of speakers, findings and figures.

Safe by construction: every piece of article text is escaped, hrefs are http(s) only, and a
Content-Security-Policy allows nothing but the page's own style and script (by hash): no external
loads, no inline event handlers, no `javascript:` URLs.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from importlib import resources
from urllib.parse import urlsplit

from ..checks.registry import SEVERITY_ORDER
from ..checks.summary import reference_kind, summarize
from ..model import Article, Reference
from .text import byline_parts

PALETTE_SIZE = 8  # .sp-0 … .sp-7 in report.css
CHROME_KINDS = ("breadcrumb", "byline", "chrome", "title", "dateline")
GOOD = ("ok", "live", "redirected")
BAD = ("truncated", "malformed", "missing", "dead")
# Nesting order of the layers inside one text segment (outermost first).
LAYER_ORDER = {"region": 0, "quote": 1, "term": 2, "ev": 3, "marker": 4}


def _asset(name: str) -> str:
    return resources.files("sourcetrace.report").joinpath(name).read_text("utf-8")


def _csp_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def safe_href(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL with a host, else None (never javascript:, data:, …)."""
    if not url:
        return None
    cleaned = "".join(ch for ch in url.strip() if ch > " " and ch != "\x7f")
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return cleaned


def _speaker_classes(article: Article) -> dict[str | None, str]:
    order = []
    for a in article.attributions:
        if a.speaker is not None and a.speaker not in order:
            order.append(a.speaker)
    classes: dict[str | None, str] = {sid: f"sp-{i % PALETTE_SIZE}" for i, sid in enumerate(order)}
    classes[None] = "sp-none"
    return classes


def _layers(article: Article, speaker_class: dict) -> list[tuple[int, int, str, dict]]:
    """Every span to draw as (start, end, layer, attributes)."""
    n = len(article.text)
    spans: list[tuple[int, int, str, dict]] = []
    for r in article.regions:
        if r.kind in CHROME_KINDS:
            spans.append((r.start, r.end, "region", {"class": "chrome"}))
        elif r.kind == "references":
            spans.append((r.start, r.end, "region", {"class": "refs-region"}))
    for ref in article.references:
        spans.append((ref.start, ref.end, "region", {"class": "ref-raw", "id": f"raw-{ref.id}"}))
    for a in article.attributions:
        cls = speaker_class.get(a.speaker, "sp-none")
        for i, s in enumerate(sorted(a.content, key=lambda s: s.start)):
            attrs = {"class": f"q {cls}", "data-speaker": a.speaker or "", "title": f"{a.id} · {a.kind}"}
            if i == 0:
                attrs["id"] = f"quote-{a.id}"
            spans.append((s.start, s.end, "quote", attrs))
    for t in article.quoted_terms:
        spans.append((t.start, t.end, "term", {"class": "term", "title": f"quoted {t.kind}"}))
    for fi, f in enumerate(article.findings):
        for ei, s in enumerate(f.evidence):
            attrs = {"class": "ev", "data-ev": f"f{fi}", "tabindex": "-1"}
            if ei == 0:
                attrs["id"] = f"ev-f{fi}"
            spans.append((s.start, s.end, "ev", attrs))
    refs = {r.id for r in article.references}
    for m in article.markers:
        if m.reference in refs:
            attrs = {"class": "marker", "href": f"#ref-{m.reference}", "id": f"marker-{m.id}"}
        else:
            attrs = {"class": "marker orphan", "title": "no such reference", "id": f"marker-{m.id}"}
        spans.append((m.start, m.end, "marker", attrs))
    return [(max(0, s), min(n, e), layer, attrs) for s, e, layer, attrs in spans if e > s]


def _open(layer: str, attrs: dict, first: bool) -> str:
    tag = "a" if layer == "marker" and "href" in attrs else "span"
    parts = []
    for k, v in attrs.items():
        if k == "id" and not first:
            continue  # one id per span: on its first segment only
        parts.append(f' {k}="{escape(str(v), quote=True)}"')
    return f"<{tag}{''.join(parts)}>", f"</{tag}>"


def render_text_body(article: Article, speaker_class: dict) -> str:
    """The article text as HTML: escaped segments wrapped in every layer active over them.

    Layers may nest or overlap arbitrarily, so the text is cut at every span boundary and each
    segment re-opens its active layers in a fixed order; ids go on a span's first segment.
    """
    text = article.text
    spans = _layers(article, speaker_class)
    cuts = sorted({0, len(text)} | {s for s, _, _, _ in spans} | {e for _, e, _, _ in spans})
    ordered = sorted(enumerate(spans), key=lambda x: (LAYER_ORDER[x[1][2]], x[1][0], -x[1][1], x[0]))
    started: set[int] = set()
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a == b:
            continue
        active = [(i, sp) for i, sp in ordered if sp[0] <= a and b <= sp[1]]
        opens, closes = [], []
        for i, (_s, _e, layer, attrs) in active:
            o, c = _open(layer, attrs, i not in started)
            started.add(i)
            opens.append(o)
            closes.append(c)
        out.append("".join(opens) + escape(text[a:b], quote=False) + "".join(reversed(closes)))
    return "".join(out)


def _status_class(status: str) -> str:
    return "good" if status in GOOD else "bad" if status in BAD else "meh"


def _reference_item(article: Article, ref: Reference) -> str:
    f = ref.fields
    bits = []
    if f.authors:
        bits.append(escape("; ".join(a.display() for a in f.authors).rstrip(".")))  # joined with ". " below
    if f.title:
        bits.append(f"<cite>{escape(f.title)}</cite>")
    for v in (f.container, f.publisher, f.medium, f.date):
        if v:
            bits.append(escape(v))
    if not bits:
        bits.append(escape(" ".join(article.text[ref.start : ref.end].split())))
    urls = []
    for u in ref.urls:
        href = safe_href(u.url)
        shown = escape(u.url or "(none)")
        link = f'<a class="url" href="{escape(href, quote=True)}" rel="noopener noreferrer nofollow">{shown}</a>' if href else f'<span class="url">{shown}</span>'
        urls.append(f'{link}<span class="status {_status_class(u.status)}">{escape(u.status)}</span>')
    label = escape(f"[{ref.label}]" if ref.label else ref.id)
    back = f' <a class="back" href="#raw-{escape(ref.id, quote=True)}">in text</a>'
    return (
        f'<li id="ref-{escape(ref.id, quote=True)}" tabindex="-1"><span class="ref-label">{label}</span>'
        f"{'. '.join(bits)}<span class=\"ref-kind\">{escape(reference_kind(ref))}</span>{back}"
        + (f"<br>{' · '.join(urls)}" if urls else "")
        + "</li>"
    )


def render_html(article: Article) -> str:
    """The whole report as one HTML document (str)."""
    css = _asset("report.css")
    js = _asset("report.js")
    summary = summarize(article)
    speaker_class = _speaker_classes(article)
    doc = article.document
    title = doc.title or "Untitled article"
    meta = byline_parts(doc)
    if doc.site:
        meta.append(doc.site)
    source_href = safe_href(doc.url)
    if source_href:
        meta_source = f'<a href="{escape(source_href, quote=True)}" rel="noopener noreferrer nofollow">{escape(doc.url or "")}</a>'
    else:
        meta_source = escape(doc.source or "")
    kicker = " › ".join(doc.section) if doc.section else "sourcetrace report"

    # speakers
    counts: dict[str | None, int] = {}
    for a in article.attributions:
        counts[a.speaker] = counts.get(a.speaker, 0) + 1
    shares = {row["speaker_id"]: row["share"] for row in summary["quoted_words"]["by_speaker"]}
    speaker_items = []
    for sid, cls in speaker_class.items():
        if sid not in counts:
            continue
        sp = article.speaker(sid)
        name = sp.name if sp else "No named speaker"
        n = counts[sid]
        share = f" · {shares[sid]:.0%} of quoted words" if shares.get(sid) else ""
        speaker_items.append(
            f'<li><button type="button" class="speaker" aria-pressed="false" data-speaker="{escape(sid or "", quote=True)}">'
            f'<span class="swatch {cls}" aria-hidden="true"></span><span class="name">{escape(name)}</span>'
            f'<span class="count">{n} quote{"s" if n != 1 else ""}{share}</span></button></li>'
        )
    speakers_html = "".join(speaker_items) or '<li class="empty">No quotations found.</li>'

    # findings, grouped by severity
    groups: dict[str, list[str]] = {}
    for fi, f in sorted(enumerate(article.findings), key=lambda x: (SEVERITY_ORDER.get(x[1].severity, 9), x[0])):
        target = f' data-target="ev-f{fi}" data-group="f{fi}"' if f.evidence else ""
        disabled = "" if f.evidence else " disabled"
        groups.setdefault(f.severity, []).append(
            f'<li class="finding {escape(f.severity, quote=True)}"><button type="button"{target}{disabled}>'
            f'<span class="code">{escape(f.code)}</span><span class="msg">{escape(f.message)}</span></button></li>'
        )
    findings_html = "".join(
        f'<p class="sev-head">{escape(sev.title())} ({len(items)})</p><ol class="plain">{"".join(items)}</ol>'
        for sev, items in groups.items()
    ) or '<p class="empty">No findings.</p>'

    q = summary["quotations"]
    refs = summary["references"]
    kinds = ", ".join(f"{k} {v}" for k, v in refs["by_kind"].items() if v) or "none"
    figures = [
        ("Quotations", f"{q['total']} (direct {q['direct']}, indirect {q['indirect']}, mixed {q['mixed']})"),
        ("Speakers", str(summary["speakers"])),
        ("Sourced", f"{summary['sourced']['linked']} of {summary['sourced']['quotations']} ({summary['sourced']['share']:.0%})"),
        ("References", f"{refs['total']} ({kinds})"),
        ("Working URLs", f"{refs['with_working_url']} of {refs['total']} ({refs['working_url_share']:.0%})"),
    ]
    figures_html = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in figures)
    references_html = "".join(_reference_item(article, r) for r in article.references) or '<li class="empty">No references.</li>'

    csp = (
        "default-src 'none'; "
        f"style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
        "img-src 'none'; connect-src 'none'; font-src 'none'; object-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )
    return f"""<!doctype html>
<html lang="{escape(doc.language or 'en', quote=True)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="sourcetrace">
<title>{escape(title)} · sourcetrace</title>
<style>{css}</style>
</head>
<body>
<header class="top">
<p class="kicker">{escape(kicker)}</p>
<h1>{escape(title)}</h1>
<p class="meta">{escape(" · ".join(meta))}{" · " if meta and meta_source else ""}{meta_source}</p>
<a class="jump" href="#findings">{len(article.findings)} finding{"s" if len(article.findings) != 1 else ""} ↓</a>
</header>
<div class="layout">
<main class="article" id="article">
<div class="text">{render_text_body(article, speaker_class)}</div>
<section class="references" aria-labelledby="refs-h">
<h2 id="refs-h">References</h2>
<ol class="plain">{references_html}</ol>
</section>
</main>
<aside class="panel" aria-label="Sourcing audit">
<h2>Speakers</h2>
<ul class="plain speakers">{speakers_html}</ul>
<h2 id="findings">Findings ({len(article.findings)})</h2>
<div class="findings">{findings_html}</div>
<h2>Summary</h2>
<dl class="figures">{figures_html}</dl>
</aside>
</div>
<script>{js}</script>
</body>
</html>
"""
