"""Article -> the terminal report: header, speakers with their quotations and references, the
references with URL status, findings grouped by severity, and the summary figures.

Plain text unless `color=True` (rich styles, ANSI); article text is never read as rich markup.
"""

from __future__ import annotations

from io import StringIO

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..checks.registry import SEVERITY_ORDER
from ..checks.summary import reference_kind, summarize
from ..model import Article, Attribution, Document, Reference

WIDTH = 100
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
STATUS_STYLE = {"ok": "green", "live": "green", "redirected": "green", "truncated": "red", "malformed": "red",
                "missing": "red", "dead": "red"}
EXCERPT = 90


def _excerpt(article: Article, attr: Attribution, limit: int = EXCERPT) -> str:
    text = " … ".join(" ".join(article.text[s.start : s.end].split()) for s in sorted(attr.content, key=lambda s: s.start))
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def byline_parts(doc: Document) -> list[str]:
    """"By <authors>" and the date, as every report's header line starts (each adds its own parts)."""
    parts = []
    if doc.authors:
        parts.append("By " + ", ".join(doc.authors))
    if doc.date:
        parts.append(doc.date)
    return parts


def reference_line(ref: Reference) -> str:
    """A reference in one line from its parsed fields: authors. title. container, date."""
    f = ref.fields
    bits = []
    if f.authors:
        # the parts are joined with ". ": an author list ending in an initial ("Smith, J.") keeps one period
        bits.append("; ".join(a.display() for a in f.authors).rstrip("."))
    medium = f.medium if f.medium and f.medium.strip(". ").lower() not in ("web", "print", "online") else None
    for v in (f.title, f.container, f.publisher, medium, f.date):
        if v:
            bits.append(v.strip().rstrip("."))
    return ". ".join(bits)


def _label(ref: Reference | None, fallback: str) -> str:
    return f"[{ref.label}]" if ref is not None and ref.label else fallback


def render_text(article: Article, *, color: bool = False) -> str:
    """The human report as a string; ANSI-coloured when `color`."""
    out = StringIO()
    console = Console(
        file=out, width=WIDTH, force_terminal=color, color_system="standard" if color else None,
        no_color=not color, highlight=False, emoji=False, markup=False, soft_wrap=False,
    )
    doc = article.document
    summary = summarize(article)

    def line(*parts: tuple[str, str] | str, indent: int = 0) -> None:
        t = Text(" " * indent)
        for p in parts:
            t.append(*(p if isinstance(p, tuple) else (p,)))
        console.print(t)

    def grid(rows: list[tuple[Text, Text]], first: int, indent: int) -> None:
        table = Table.grid(padding=(0, 1))
        table.add_column(width=first, no_wrap=True)
        table.add_column(ratio=1)
        for row in rows:
            table.add_row(*row)
        console.print(Padding(table, (0, 0, 0, indent)))

    def heading(title: str) -> None:
        console.print()
        line((title.upper(), "bold"))

    line((doc.title or "Untitled article", "bold"))
    meta = byline_parts(doc)
    if doc.section:
        meta.append(" › ".join(doc.section))
    if doc.url or doc.source:
        meta.append(doc.url or doc.source or "")
    if meta:
        line((" · ".join(meta), "dim"))

    links: dict[str, list] = {}
    for l in article.links:
        if l.attribution:
            links.setdefault(l.attribution, []).append(l)
    heading("Speakers and quotations")
    by_speaker: dict[str | None, list[Attribution]] = {}
    for a in article.attributions:
        by_speaker.setdefault(a.speaker, []).append(a)
    shares = {row["speaker_id"]: row["share"] for row in summary["quoted_words"]["by_speaker"]}
    if not by_speaker:
        line(("no quotations found", "dim"), indent=2)
    for sid, attrs in sorted(by_speaker.items(), key=lambda kv: kv[0] is None):
        sp = article.speaker(sid)
        name = sp.name if sp else "(no named speaker)"
        share = f", {shares[sid]:.0%} of quoted words" if shares.get(sid) else ""
        line((name, "bold"), (f"  {len(attrs)} quotation{'s' if len(attrs) != 1 else ''}{share}", "dim"), indent=2)
        for a in attrs:
            refs = []
            for l in links.get(a.id, []):
                ref = article.reference(l.reference)
                refs.append(f"{_label(ref, l.reference)} {l.method}")
            target = ("→ " + ", ".join(refs), "green") if refs else ("→ no reference", "yellow")
            grid([(Text(f"{a.id} {a.kind}", "dim"), Text(_excerpt(article, a))), (Text(""), Text(*target))], 12, 4)

    heading("References")
    if not article.references:
        line(("no references found", "dim"), indent=2)
    rows: list[tuple[Text, Text]] = []
    for ref in article.references:
        desc = reference_line(ref) or " ".join(article.text[ref.start : ref.end].split())[:EXCERPT]
        body = Text(desc)
        body.append(f"  ({reference_kind(ref)})", "dim")
        rows.append((Text(_label(ref, ref.id), "bold"), body))  # wrapped lines stay under the description
        for u in ref.urls:
            url = Text(u.url or f"({u.reason or 'no address'})", "dim" if STATUS_STYLE.get(u.status) == "green" else "")
            url.append("  ")
            url.append(u.status, STATUS_STYLE.get(u.status, "yellow"))
            rows.append((Text(""), url))
    if rows:
        grid(rows, 5, 2)

    heading(f"Findings ({len(article.findings)})")
    if not article.findings:
        line(("no findings", "dim"), indent=2)
    for sev in sorted({f.severity for f in article.findings}, key=lambda s: SEVERITY_ORDER.get(s, 9)):
        items = [f for f in article.findings if f.severity == sev]
        line((f"{sev} ({len(items)})", SEVERITY_STYLE.get(sev, "")), indent=2)
        grid([(Text(f.code, SEVERITY_STYLE.get(sev, "")), Text(f.message)) for f in items], 19, 4)

    heading("Summary")
    q = summary["quotations"]
    s = summary["sourced"]
    r = summary["references"]
    kinds = ", ".join(f"{k} {v}" for k, v in r["by_kind"].items() if v) or "none"
    sev = summary["findings"]["by_severity"]
    for key, value in (
        ("quotations", f"{q['total']} (direct {q['direct']}, indirect {q['indirect']}, mixed {q['mixed']})"),
        ("speakers", str(summary["speakers"])),
        ("sourced", f"{s['linked']} of {s['quotations']} quotations ({s['share']:.0%}); direct {s['direct_linked']} of {s['direct']}"),
        ("references", f"{r['total']} ({kinds})"),
        ("working URLs", f"{r['with_working_url']} of {r['total']} ({r['working_url_share']:.0%})"),
        ("findings", f"{sev['error']} error, {sev['warning']} warning, {sev['info']} info"),
    ):
        line((f"{key:<14}", "dim"), value, indent=2)
    value = out.getvalue()
    if not color:
        value = "\n".join(l.rstrip() for l in value.split("\n"))  # rich pads table cells with spaces
    return value
