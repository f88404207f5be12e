"""Extract: an ingested Article -> the same Article with `regions` (body, chrome, references, title,
byline, breadcrumb, dateline) and `document` (title, authors, date, section) filled from its text."""

from __future__ import annotations

from .regions import extract_regions

__all__ = ["extract_regions"]
