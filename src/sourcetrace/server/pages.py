"""Values -> HTML pages of the web app (form, errors, report wrapper, corpus view); every value is escaped here.

Templates are plain `string.Template` files in server/templates/, read once at import; the CSS is
inlined into each page so the app needs no static files and no asset from the internet.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from importlib import resources
from string import Template
from typing import Iterable

from .. import __version__
from ..model import Article
from .patterns import RE_BODY_OPEN, RE_HEADER_OPEN, RE_INLINE_SCRIPT


def _template(name: str) -> str:
    return resources.files(__package__).joinpath("templates", name).read_text("utf-8")


BASE = Template(_template("base.html"))
FORM = Template(_template("form.html"))
URL_FIELD = Template(_template("url_field.html"))
ERROR = Template(_template("error.html"))
CSS = _template("style.css")

# Our own pages run no script at all; the report page gets the hashes of its inline scripts instead.
PAGE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
ERROR_HEADINGS = {
    400: "This input cannot be audited",
    404: "Page not found",
    405: "Method not allowed",
    413: "The input is too large",
    422: "Please check the form",
    500: "Something went wrong on our side",
    502: "The address could not be fetched",
    503: "Not available",
    504: "The audit took too long",
}


def human_size(n: int) -> str:
    """`n` bytes as "5 MB" / "512 KB" (decimal-ish units users read on file dialogs)."""
    for unit, size in (("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value >= 10 or value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"


def page(title: str, main: str, *, corpus: bool = False, current: str = "/", wide: bool = False) -> str:
    """A whole page: `main` is already-escaped HTML, `title` is plain text; `wide` for tables and charts."""
    items = [("/", "Audit")] + ([("/corpus", "Corpus")] if corpus else []) + [("/docs", "API")]
    current_attr = ' aria-current="page"'
    nav = "".join(
        f'<li><a href="{href}"{current_attr if href == current else ""}>{label}</a></li>' for href, label in items
    )
    return BASE.substitute(
        title=escape(title), css=CSS, nav=nav, main=main, version=escape(__version__),
        main_class=' class="wide"' if wide else "",
    )


def error_block(status: int, code: str, message: str, *, heading: bool = True) -> str:
    """The error box; without `heading` when the page's <h1> already says it."""
    title = escape(ERROR_HEADINGS.get(status, "The request failed"))
    return ERROR.substitute(
        heading=f"  <h2>{title}</h2>\n" if heading else "",
        message=escape(message),
        status=status,
        code=escape(code),
    )


def form_page(
    *,
    max_bytes: int,
    allow_urls: bool,
    corpus: bool = False,
    text: str = "",
    url: str = "",
    error: tuple[int, str, str] | None = None,
) -> str:
    """The audit form, refilled with `text`/`url` and topped by `error` (status, code, message) when given."""
    main = FORM.substitute(
        error=error_block(*error) if error else "",
        text=escape(text),
        max_size=escape(human_size(max_bytes)),
        url_field=URL_FIELD.substitute(url=escape(url)) if allow_urls else "",
        url_wait=", longer when the page has to be fetched" if allow_urls else "",
    )
    title = "Error" if error else "Audit an article"
    return page(title, main, corpus=corpus, current="/")


def error_page(status: int, code: str, message: str, *, corpus: bool = False) -> str:
    """A standalone error page (404, 405, ...) with a way back to the form."""
    main = (
        f"<h1>{escape(ERROR_HEADINGS.get(status, 'The request failed'))}</h1>\n"
        f"{error_block(status, code, message, heading=False)}\n"
        '<p><a class="button" href="/">Audit an article</a></p>'
    )
    return page("Error", main, corpus=corpus, current="")


# --- the report page -------------------------------------------------------------------------------

# No style attributes: the report's own CSP allows only its own stylesheet, so the links take its look.
REPORT_BAR = (
    '<nav aria-label="sourcetrace"><p><a href="/">← Audit another article</a> · '
    '<a href="/docs">JSON API</a></p></nav>'
)


def report_page(article: Article) -> str:
    """The HTML report of `article`, from report.html when available, with links back to the form."""
    try:
        from ..report.html import render_html
    except ImportError:  # the HTML report module is optional until it lands; keep the app usable
        render_html = fallback_report
    html = render_html(article)
    match = RE_HEADER_OPEN.search(html) or RE_BODY_OPEN.search(html)
    if match is None:
        return REPORT_BAR + html
    return html[: match.end()] + REPORT_BAR + html[match.end() :]


def report_csp(html: str) -> str:
    """A CSP for a rendered report: only its own inline scripts (by hash) may run, nothing is loaded."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(m.group(1).encode("utf-8")).digest()).decode("ascii") + "'"
        for m in RE_INLINE_SCRIPT.finditer(html)
    )
    script = f"script-src {hashes}" if hashes else "script-src 'none'"
    return f"{PAGE_CSP}; {script}"


def fallback_report(article: Article) -> str:
    """A plain report (quotations marked in the text, findings listed) for when report.html is missing."""
    marks: list[tuple[int, int, str]] = []
    for a in article.attributions:
        for span in a.content:
            marks.append((span.start, span.end, a.id))
    marks.sort()
    parts: list[str] = []
    pos = 0
    for start, end, ident in marks:
        if start < pos:  # overlapping spans: keep the first, the text stays intact
            continue
        parts.append(escape(article.text[pos:start]))
        parts.append(f'<mark class="quote" id="{escape(ident)}">{escape(article.text[start:end])}</mark>')
        pos = end
    parts.append(escape(article.text[pos:]))
    findings = "".join(
        f"<li><strong>{escape(f.code)}</strong> ({escape(f.severity)}): {escape(f.message)}</li>" for f in article.findings
    )
    main = (
        f"<h1>{escape(article.document.title or 'Sourcing audit')}</h1>\n"
        f"<h2>Findings</h2>\n<ul>{findings or '<li class=empty>No findings.</li>'}</ul>\n"
        f'<h2>Article</h2>\n<div class="report-text">{"".join(parts)}</div>'
    )
    return page("Report", main)


def table(headers: Iterable[str], rows: Iterable[Iterable[object]], *, numeric: Iterable[int] = ()) -> str:
    """An escaped HTML table in a horizontal scroller; columns in `numeric` are right-aligned."""
    numeric = set(numeric)
    head = "".join(
        f'<th scope="col"{" class=num" if i in numeric else ""}>{escape(h)}</th>' for i, h in enumerate(headers)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td{" class=num" if i in numeric else ""}>{escape("" if v is None else str(v))}</td>'
            for i, v in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f'<div class="table-scroll"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'
