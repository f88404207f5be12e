"""Bytes -> normalised str: binary sniffing, encoding detection (BOM, declared charset, UTF-8,
charset-normalizer) and the one-time text normalisation (newlines, NFC, no NUL)."""

from __future__ import annotations

import codecs
import unicodedata

from ..errors import InputError
from .patterns import (
    BINARY_MAGIC,
    BOMS,
    CONTROL_BYTES,
    HTML_SNIFF_CHARS,
    HTML_SNIFF_MIN_TAGS,
    RE_HEADER_CHARSET,
    RE_HTML_START,
    RE_HTML_TAG,
    RE_META_CHARSET,
    RE_NEWLINES,
)

SNIFF_BYTES = 8192  # the binary check and the meta-charset search look at this much of the input
# charset-normalizer reports "chaos" in [0, 1]; above this the guess is mostly mojibake. 0.3 lets
# short latin-1 / cp1252 / koi8 texts through and rejects random bytes (tests/ingest/test_decode.py).
MAX_CHAOS = 0.3


def looks_binary(data: bytes, threshold: float) -> bool:
    """True when `data` starts with a known binary magic number or has more than `threshold` control bytes."""
    if any(data.startswith(magic) for magic in BINARY_MAGIC):
        return True
    head = data[:SNIFF_BYTES]
    if not head:
        return False
    if any(head.startswith(bom) for bom, _ in BOMS):
        return False  # UTF-16/32 text is full of NUL bytes; the BOM says it is text
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))
    return controls / len(head) > threshold


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def declared_encoding(data: bytes, content_type: str | None = None) -> str | None:
    """The charset named by a Content-Type header, else by an HTML <meta> in the first 8 KiB, else None."""
    if content_type:
        match = RE_HEADER_CHARSET.search(content_type)
        if match and _codec(match.group(1)):
            return _codec(match.group(1))
    match = RE_META_CHARSET.search(data[:SNIFF_BYTES])
    if match:
        return _codec(match.group(1).decode("ascii", "ignore"))
    return None


def decode_bytes(data: bytes, *, content_type: str | None = None) -> tuple[str, str]:
    """(text, encoding) for `data`: BOM, then a declared charset, then UTF-8, then charset-normalizer.

    Raises InputError(code="undecodable") when no encoding yields plausible text.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError:
                break  # a BOM followed by garbage: let the detector have a go
    declared = declared_encoding(data, content_type)
    if declared and declared.startswith(("utf-16", "utf-32")):
        declared = None  # a BOM-less page "declaring" UTF-16 in ASCII bytes is mislabelled (WHATWG: use UTF-8)
    # A page declaring latin-1 is nearly always cp1252 (the WHATWG encoding standard maps them so).
    if declared in ("latin-1", "iso8859-1", "ascii"):
        declared = "cp1252"
    for encoding in (declared, "utf-8"):
        if encoding:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                continue
    from charset_normalizer import from_bytes  # imported lazily: most input is UTF-8

    best = from_bytes(data).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise InputError(
            "could not detect the input's encoding (not UTF-8 and no plausible other charset); "
            "convert it to UTF-8 first, e.g. `iconv -f LATIN1 -t UTF-8 FILE`",
            code="undecodable",
        )
    return str(best), best.encoding


def normalize_text(text: str) -> str:
    """The one normalisation `Article.text` ever gets: newlines to \\n, NUL removed, Unicode NFC."""
    text = RE_NEWLINES.sub("\n", text).replace("\x00", "")
    return unicodedata.normalize("NFC", text)


def looks_like_html(text: str) -> bool:
    """True when the start of `text` is HTML markup (a doctype/<html>/<body>, or many block tags)."""
    head = text[:HTML_SNIFF_CHARS]
    if RE_HTML_START.match(head):
        return True
    return len(RE_HTML_TAG.findall(head)) >= HTML_SNIFF_MIN_TAGS
