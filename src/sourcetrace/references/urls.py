"""URLs of a reference entry -> model.Url records with an offline status.

`ok` (well formed), `truncated` (a dangling "<", a bare scheme, an ellipsis inside, an unclosed
"<http..." at the end of the entry, a host with no path where the text says a link follows) or
`malformed` (no valid host). An entry with no URL gets no Url: the checks stage reports missing URLs.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..model import Url
from . import patterns as P

_ELLIPSES = ("…", "...")
_LOCAL_HOSTS = {"localhost"}


def classify_url(url: str, before: str = "", at_end: bool = False, unclosed_angle: bool = False) -> str:
    """The offline status of `url` ("ok", "truncated" or "malformed").

    `before` is the entry text right before the URL, `at_end` says the URL ends the entry and
    `unclosed_angle` that it was opened with "<" and never closed."""
    if not url or any(e in url for e in _ELLIPSES):
        return "truncated"
    low = url.lower()
    if low.endswith("://") or low.rstrip("/.") in ("http://www", "https://www", "http:", "https:"):
        return "truncated"
    if "://" not in low:
        if ":" in low.split("/", 1)[0] and not low.split("/", 1)[0].split(":")[-1].isdigit():
            return "malformed"  # "mailto:x", "javascript:..." or a broken scheme ("http:/x")
        low = "http://" + low
    try:
        parts = urlsplit(low)
        host = parts.hostname or ""
    except ValueError:
        return "malformed"
    if parts.scheme not in ("http", "https", "ftp") or not host:
        return "malformed"
    if host.rstrip(".") == "www":
        return "truncated"
    if not (P.RE_HOST.match(host) or P.RE_IPV4.match(host) or host in _LOCAL_HOSTS):
        # "www.atime" cut inside the host name is truncated when it ends the entry, else malformed
        return "truncated" if at_end and "." in host and parts.path in ("", "/") else "malformed"
    if unclosed_angle and at_end:
        return "truncated"
    if parts.path in ("", "/") and not parts.query and P.RE_PATH_EXPECTED.search(before):
        return "truncated"
    return "ok"


def _strip_trailing(url: str) -> str:
    """Drop sentence punctuation after a URL, keeping balanced parentheses and an ellipsis."""
    while url and url[-1] in P.URL_TRAILING:
        if url.endswith("...") or url.lower().endswith("://www."):
            break
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def find_urls(text: str, offset: int = 0) -> tuple[Url, ...]:
    """Every URL in an entry's `text`, in order, with offsets shifted by `offset` into the article.

    A "<" that ends the entry with nothing after it becomes Url(url="", status="truncated") at the "<"."""
    urls: list[Url] = []
    stripped_end = len(text.rstrip())
    for m in P.RE_URL.finditer(text):
        raw = m.group(0)
        url = _strip_trailing(raw)
        if not url:
            continue
        start, end = m.start(), m.start() + len(url)
        opened = start > 0 and text[start - 1] == "<"
        closed = text[end : end + 1] == ">"
        at_end = not text[end:].strip(" \t\n.,;:>)")
        status = classify_url(url, text[:start], at_end, opened and not closed)
        urls.append(Url(url=url, status=status, start=offset + start, end=offset + end))
    bare = P.RE_DANGLING_ANGLE.search(text[:stripped_end])
    if bare and not any(u.start == offset + bare.end() for u in urls):
        lt = text.rindex("<", 0, stripped_end)
        urls.append(Url(url="", status="truncated", start=offset + lt, end=offset + lt + 1, reason="dangling '<'"))
    return tuple(sorted(urls, key=lambda u: u.start or 0))
