"""A path, "-", URL, bytes or str -> an Article with its final `text`, `document` and `hyperlinks`
(HTML) or plain text; bad input raises InputError with a code from errors.INPUT_CODES."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..model import Article, Document, Region
from ..settings import Settings
from .decode import decode_bytes, looks_binary, looks_like_html, normalize_text
from .patterns import RE_URL_SCHEME

# Region label of the notes part that ingest appends to an HTML page's text; extract keeps it.
HTML_NOTES_LABEL = "html-notes"


def ingest(source: str | Path | bytes, settings: Settings, *, name: str | None = None) -> Article:
    """Read `source` (a path, "-" for stdin, an http(s) URL, or bytes) into an Article.

    Raises InputError (FetchError for URLs) with code not-found, empty, binary, too-large,
    undecodable, no-article, refused-url or fetch-failed.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        return ingest_bytes(bytes(source), settings, name=name)
    if isinstance(source, str) and RE_URL_SCHEME.match(source):
        article = ingest_url(source, settings)
        return replace(article, id=name) if name else article
    if isinstance(source, str) and source == "-":
        return ingest_bytes(_read_stdin(settings), settings, name=name or "-")
    if isinstance(source, (str, Path)):
        return _ingest_path(Path(source), settings, name=name)
    raise InputError(
        f"cannot ingest a {type(source).__name__}: pass a file path, '-' for stdin, an http(s) URL or bytes",
        code="bad-input",
    )


def ingest_bytes(
    data: bytes,
    settings: Settings,
    *,
    name: str | None = None,
    url: str | None = None,
    content_type: str | None = None,
) -> Article:
    """Decode, sniff (HTML or text) and normalise `data` into an Article; raises InputError."""
    label = name or url or "input"
    max_bytes = int(settings.get("ingest", "max_bytes"))
    if len(data) > max_bytes:
        raise _too_large(label, len(data), max_bytes)
    if not data.strip():
        raise _empty(label)
    if looks_binary(data, float(settings.get("ingest", "binary_threshold"))):
        raise InputError(
            f"{label} looks like binary data (a PDF, image, archive or executable?), not text or HTML; "
            "convert it to text or pass the article's HTML page",
            code="binary",
        )
    text, _encoding = decode_bytes(data, content_type=content_type)
    return _article_from_text(normalize_text(text), name=name, url=url, content_type=content_type)


def ingest_text(text: str, settings: Settings, *, name: str | None = None) -> Article:
    """An Article from a str (plain text or HTML markup); raises InputError for empty or oversized text."""
    max_bytes = int(settings.get("ingest", "max_bytes"))
    if len(text) > max_bytes:  # characters <= bytes, so this never refuses text that fits
        raise _too_large(name or "text", len(text), max_bytes)
    return _article_from_text(normalize_text(text), name=name)


def ingest_url(url: str, settings: Settings) -> Article:
    """Fetch `url` (see fetch.fetch_url for the limits and refusals) and ingest the body."""
    from .fetch import fetch_url  # httpx is only imported when a URL is actually fetched

    fetched = fetch_url(url, settings)
    article = ingest_bytes(fetched.data, settings, name=url, url=fetched.url, content_type=fetched.content_type)
    document = replace(article.document, source=url, url=article.document.url or fetched.url)
    return replace(article, document=document)


def _article_from_text(text: str, *, name: str | None, url: str | None = None, content_type: str | None = None) -> Article:
    label = name or url or "input"
    if not text.strip():
        raise _empty(label)
    declared_html = bool(content_type and "html" in content_type.lower() and "<" in text[:2048])
    if declared_html or looks_like_html(text):
        from .html import html_to_text  # trafilatura is heavy to import; plain text never needs it

        rendered = html_to_text(text, url=url)
        document = replace(rendered.document, source=name or url)
        regions: tuple[Region, ...] = ()
        if rendered.notes:
            regions = (Region(rendered.notes[0], rendered.notes[1], "references", HTML_NOTES_LABEL),)
        return Article(rendered.text, id=name or url or "", document=document, hyperlinks=rendered.hyperlinks, regions=regions)
    return Article(text, id=name or url or "", document=Document(source=name or url, url=url, format="text"))


def _ingest_path(path: Path, settings: Settings, *, name: str | None) -> Article:
    label = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"no such file: {label}; check the path (use '-' to read stdin)", code="not-found") from None
    except OSError as exc:
        raise InputError(f"cannot read {label}: {exc.strerror}; check the path and its permissions", code="not-found") from None
    if path.is_dir():
        raise InputError(f"{label} is a directory, not a file; pass one article file (or use batch for many)", code="not-found")
    max_bytes = int(settings.get("ingest", "max_bytes"))
    if size > max_bytes:  # checked before reading: a 50 MB dump is never loaded into memory
        raise _too_large(label, size, max_bytes)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {label}: {exc.strerror}; check its permissions", code="not-found") from None
    return ingest_bytes(data, settings, name=name or label)


def _read_stdin(settings: Settings) -> bytes:
    max_bytes = int(settings.get("ingest", "max_bytes"))
    data = sys.stdin.buffer.read(max_bytes + 1)  # one byte more than allowed tells "too large" apart
    if len(data) > max_bytes:
        raise _too_large("stdin", len(data), max_bytes)
    return data


def _too_large(label: str, size: int, max_bytes: int) -> InputError:
    return InputError(
        f"{label} is {size} bytes, above the limit of {max_bytes} (ingest.max_bytes); one article is far "
        "smaller: check the input, or raise ingest.max_bytes in a --config file",
        code="too-large",
    )


def _empty(label: str) -> InputError:
    return InputError(f"{label} is empty (no text, or only whitespace); pass a file with the article's text or HTML", code="empty")
