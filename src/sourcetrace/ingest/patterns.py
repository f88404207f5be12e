"""Compiled patterns and constant tables for ingest: sniffing, charset declarations, footnote markup."""

from __future__ import annotations

import codecs
import re

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Magic numbers of formats that are never an article even when their header bytes look like text.
BINARY_MAGIC: tuple[bytes, ...] = (
    b"%PDF-", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b",
    b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"MZ", b"OggS", b"ID3", b"RIFF",
    b"\x00\x00\x01\x00", b"\xd0\xcf\x11\xe0", b"SQLite format 3",
)

# Control bytes that do not occur in text: everything below 0x20 except \t \n \f \r, and DEL.
CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"

# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">, in raw bytes.
RE_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# charset parameter of a Content-Type header.
RE_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)

# HTML sniffing on the first few KiB of decoded text: a doctype / <html> / <head> / <body> at the start,
# or enough block tags to be markup rather than prose that mentions a tag.
RE_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
RE_HTML_TAG = re.compile(r"</?(?:p|div|span|a|br|h[1-6]|article|section|ul|ol|li|table|meta|script|title)\b[^>]*>", re.I)
HTML_SNIFF_CHARS = 4096
HTML_SNIFF_MIN_TAGS = 5  # prose quoting a tag or two stays text; real markup has dozens in 4 KiB

RE_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
RE_URL_SCHEME = re.compile(r"\Ahttps?://", re.I)

# Text normalisation.
RE_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")

# --- HTML footnotes -------------------------------------------------------------------------------
# Headings that introduce a notes / reference section.
NOTES_HEADINGS = frozenset(
    {
        # singular "Note"/"Source" are left out: "Note:" paragraphs and "Source: Reuters" credits are body
        # or chrome far more often than a heading (two false notes blocks in article-extraction-benchmark)
        "notes", "references", "sources", "footnotes", "endnotes",
        "bibliography", "works cited", "citations", "notes and references", "references and notes",
        "sources and notes", "notes and sources", "further reading",
    }
)
RE_HEADING_TEXT = re.compile(r"^[\s#*_]*(.*?)[\s:.*_]*$", re.S)
# Class/id tokens marking a footnote container ("footnotes", "endnotes", "fn-list"...).
RE_NOTES_CLASS = re.compile(r"(?:^|[\s_-])(?:foot|end)notes?(?:$|[\s_-])|(?:^|\s)fn-?list(?:$|\s)", re.I)
# Ids of single notes: fn1, fn:1, fn-1, footnote-1, footnote1, endnote_3, note-2, ftn2, cite_note-3.
RE_NOTE_ID = re.compile(r"^(?:fn|ftn|footnote|endnote|note|cite_note|en)[-_:.]?(?:[a-z_-]*?)(\d{1,3})$", re.I)
# A marker's visible text: "2", "[2]", "(2)", "^2".
RE_MARKER_TEXT = re.compile(r"^\s*[\[(^]?\s*(\d{1,3})\s*[\])]?\s*$")
# Backlinks inside a note ("↩", "↑", "^", "back", "return to text").
RE_BACKLINK_TEXT = re.compile(r"^\s*(?:[↩↑^⤴]\ufe0e?|back|return(?: to (?:text|article))?|jump up)\s*[\d a-z]*$", re.I)
# A leading number already written in a note's text ("1. ", "[1] ", "1) ").
RE_NOTE_LEADING_NUMBER = re.compile(r"^\s*[\[(]?(\d{1,3})[\]).:]?\s+")

# Units and variables that take an exponent: "m<sup>2</sup>", "km<sup>3</sup>", "x<sup>2</sup>", "10<sup>6</sup>".
RE_UNIT_BEFORE = re.compile(r"(?:\b(?:[mck]?m|ft|in|mi|km|sq|cm|mm|[a-z])|\^)\s*$", re.IGNORECASE)
