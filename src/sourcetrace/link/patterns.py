"""Compiled patterns for linking."""

import re

from ..tokenize import FOOTNOTE_MARKER

# A sentence ends at . ! ? or … optionally followed by closing quotes/brackets and glued footnote markers
# ("CDC.[1] The", "said.² Then"; the tokenizer's definition of a marker), then whitespace or end.
RE_SENTENCE_END = re.compile(r"[.!?…][\"”’»)\]*]*(?:" + FOOTNOTE_MARKER + r")*(?:\s+|$)")
# A paragraph break: a blank line (possibly with spaces).
RE_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# Only whitespace and punctuation between two adjacent markers ("[2][3]", "[2], [3]").
RE_GLUE = re.compile(r"[\s.,;:!?\"”’»)*]*")
# A quotation whose last characters end a sentence: "...win." / "...win!”
RE_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’»']?$")
# Anything but letters and digits: organisation names compare without punctuation ("U.S." = "U S").
RE_NON_WORD = re.compile(r"[^\w]+")
