"""Ingest: a path, "-" (stdin), an http(s) URL, bytes or str -> an Article whose `text` is final.

Encoding is detected, HTML is sniffed by content and rendered once (trafilatura + the footnotes it
drops), and bad input raises InputError with a stable code (errors.INPUT_CODES).
"""

from __future__ import annotations

from .source import HTML_NOTES_LABEL, ingest, ingest_bytes, ingest_text, ingest_url

__all__ = ["HTML_NOTES_LABEL", "ingest", "ingest_bytes", "ingest_text", "ingest_url"]
