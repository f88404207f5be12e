"""Compiled regexes of the server package (report-page post-processing, upload names, search input)."""

from __future__ import annotations

import re

# Where the "audit another article" links go in a rendered report: inside its first <header> (which the
# report styles and pads), else right after <body>.
RE_HEADER_OPEN = re.compile(r"<header\b[^>]*>", re.IGNORECASE)
RE_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
# Inline <script> blocks (no src=) of a rendered report: each one's hash goes into the page's CSP.
RE_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
# Characters LIKE treats specially; user search text has them escaped so "50%" means 50%.
RE_LIKE_SPECIAL = re.compile(r"([\\%_])")
# An uploaded file's name is shown back to the user and stored as document.source: keep it plain.
RE_UNSAFE_FILENAME = re.compile(r"[^\w .,()+-]")
