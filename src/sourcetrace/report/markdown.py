"""Article -> a Markdown report (the same sections as the terminal report), safe to paste anywhere:
article text is escaped so it cannot inject markup, links or HTML."""

from __future__ import annotations

import re

from ..checks.registry import SEVERITY_ORDER
from ..checks.summary import reference_kind, summarize
from ..model import Article, Attribution
from .html import safe_href
from .text import byline_parts, reference_line

# Enough to stop emphasis, code, links/images (both brackets), raw HTML, tables and headings; "(" or
# "!" can do nothing once "[" and "]" are escaped, so they stay readable.
RE_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
EXCERPT = 120


def md(text: str) -> str:
    """Text with Markdown/HTML specials backslash-escaped and whitespace folded to one line."""
    return RE_MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _excerpt(article: Article, attr: Attribution) -> str:
    text = " … ".join(" ".join(article.text[s.start : s.end].split()) for s in sorted(attr.content, key=lambda s: s.start))
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"


def render_markdown(article: Article) -> str:
    """The human report as Markdown."""
    doc = article.document
    summary = summarize(article)
    out: list[str] = [f"# {md(doc.title or 'Untitled article')}", ""]
    meta = byline_parts(doc)
    if doc.section:
        meta.append(" › ".join(doc.section))
    if meta:
        out += [md(" · ".join(meta)), ""]
    href = safe_href(doc.url)
    if href:
        out += [f"Source: <{href.replace('>', '%3E').replace('<', '%3C')}>", ""]

    links: dict[str, list] = {}
    for l in article.links:
        if l.attribution:
            links.setdefault(l.attribution, []).append(l)
    out += ["## Speakers and quotations", ""]
    by_speaker: dict[str | None, list[Attribution]] = {}
    for a in article.attributions:
        by_speaker.setdefault(a.speaker, []).append(a)
    shares = {row["speaker_id"]: row["share"] for row in summary["quoted_words"]["by_speaker"]}
    if not by_speaker:
        out += ["_No quotations found._", ""]
    for sid, attrs in sorted(by_speaker.items(), key=lambda kv: kv[0] is None):
        sp = article.speaker(sid)
        name = sp.name if sp else "(no named speaker)"
        share = f", {shares[sid]:.0%} of quoted words" if shares.get(sid) else ""
        out += [f"### {md(name)}", "", f"{len(attrs)} quotation{'s' if len(attrs) != 1 else ''}{share}", ""]
        for a in attrs:
            refs = []
            for l in links.get(a.id, []):
                ref = article.reference(l.reference)
                refs.append(md(f"[{ref.label}]" if ref and ref.label else l.reference) + f" ({l.method})")
            target = ", ".join(refs) if refs else "**no reference**"
            out.append(f"- `{a.id}` {a.kind}: {md(_excerpt(article, a))} → {target}")
        out.append("")

    out += ["## References", ""]
    if not article.references:
        out += ["_No references found._", ""]
    else:
        out += ["| | Reference | Kind | URL | Status |", "|---|---|---|---|---|"]
        for ref in article.references:
            desc = reference_line(ref) or " ".join(article.text[ref.start : ref.end].split())
            urls = ref.urls or ()
            url_cell = "<br>".join(md(u.url or "(none)") for u in urls) or "—"
            status_cell = ", ".join(u.status for u in urls) or "—"
            out.append(f"| {md(f'[{ref.label}]' if ref.label else ref.id)} | {md(desc)} | {reference_kind(ref)} | {url_cell} | {status_cell} |")
        out.append("")

    out += [f"## Findings ({len(article.findings)})", ""]
    if not article.findings:
        out += ["_No findings._", ""]
    for sev in sorted({f.severity for f in article.findings}, key=lambda s: SEVERITY_ORDER.get(s, 9)):
        items = [f for f in article.findings if f.severity == sev]
        out += [f"### {sev.title()} ({len(items)})", ""]
        out += [f"- **`{f.code}`** {md(f.message)}" for f in items]
        out.append("")

    q = summary["quotations"]
    s = summary["sourced"]
    r = summary["references"]
    kinds = ", ".join(f"{k} {v}" for k, v in r["by_kind"].items() if v) or "none"
    sev_counts = summary["findings"]["by_severity"]
    out += [
        "## Summary",
        "",
        "| Figure | Value |",
        "|---|---|",
        f"| Quotations | {q['total']} (direct {q['direct']}, indirect {q['indirect']}, mixed {q['mixed']}) |",
        f"| Speakers | {summary['speakers']} |",
        f"| Sourced | {s['linked']} of {s['quotations']} ({s['share']:.0%}) |",
        f"| References | {r['total']} ({kinds}) |",
        f"| Working URLs | {r['with_working_url']} of {r['total']} ({r['working_url_share']:.0%}) |",
        f"| Findings | {sev_counts['error']} error, {sev_counts['warning']} warning, {sev_counts['info']} info |",
        "",
    ]
    return "\n".join(out)
