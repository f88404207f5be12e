"""Compiled line patterns for extract: breadcrumbs, bylines, dates, page chrome and notes blocks."""

from __future__ import annotations

import re

# "Home » A » B", "Home > A > B", "Home / A / B", "You are here: Home › A".
BREADCRUMB_SEPARATORS = "»>/›|→"
RE_BREADCRUMB = re.compile(
    r"^(?:you are here:?\s*)?(?:home|homepage|start|front page)\s*(?:[»>/›|→]|&gt;)\s*\S", re.IGNORECASE
)
RE_BREADCRUMB_SPLIT = re.compile(r"\s*(?:[»>›|→]|&gt;|\s/\s|/)\s*")

# A byline: "By Mazda Parsi", "By Jane Doe and John Roe", "Written by X", "Posted by X on <date>",
# "Author: X". The name part is 1-6 capitalised words joined by and/&/commas; the rest of the line
# may hold a role, an outlet or a date after a separator.
_NAME = r"(?:[A-Z][\w'’.-]*|[a-z]{1,3}(?=\s+[A-Z]))"  # capitalised word, or "de"/"van"/"bin" before one
_NAMES = rf"{_NAME}(?:\s+{_NAME}){{0,5}}(?:\s*(?:,|\band\b|&)\s*{_NAME}(?:\s+{_NAME}){{0,5}}){{0,4}}"
RE_BYLINE = re.compile(
    rf"^(?i:by|written by|posted by|words by|story by|reporting by|author:|authors:|by:)\s+(?P<names>{_NAMES})"
    r"(?P<rest>(?:\s*(?:[|•·,;–—-]|\bon\b|\bfor\b|\bin\b).*)?)$"
)  # names stay case-sensitive: "By contrast, ..." and "by the end of ..." are not bylines
# Wire-service bylines without "By": "Robert Burns, AP National Security Writer", "Jane Roe, Reuters".
RE_WIRE_BYLINE = re.compile(
    r"^(?P<names>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}(?: and [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})?),\s+"
    r"(?:(?:The )?(?:AP|Ap|Associated Press|Reuters|AFP|Agence France-Presse|Bloomberg|UPI)\b[\w\s]*?(?:[Ww]riter|[Cc]orrespondent|[Rr]eporter|[Ee]ditor)|"
    r"(?:AP|Associated Press|Reuters|AFP|Bloomberg|UPI))\.?$"
)
BYLINE_TAIL_MAX_WORDS = 6  # "By Jane Doe, Staff Writer" vs "By Monday, the minister said the plan was ready."
RE_AUTHOR_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")
BYLINE_MAX_WORDS = 14

# Dates: "November 1, 2010", "1 Nov 2010", "Nov. 1st, 2010", "2010-11-01", "11/01/2010".
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
RE_DATE_MDY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
RE_DATE_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
RE_DATE_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)")
RE_DATE_MY = re.compile(rf"\b{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b", re.I)
# A line that is only a date, optionally with a prefix, weekday and time ("Published: Mon, Nov 1, 2010 10:30 AM EST").
RE_DATE_LINE = re.compile(
    r"^(?:(?:published|posted|updated|last updated|date|dated|first published|modified)(?:\s+on)?\s*:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?P<date>[\w .,/-]{6,30}?)"
    r"(?:\s*(?:at|[|•·,–—-])?\s*\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\s*$",
    re.I,
)
# News dateline at a paragraph's start: "WASHINGTON (Reuters) - ", "LONDON, March 3 (AP) — ", "PARIS — ".
RE_DATELINE_PREFIX = re.compile(
    r"^(?P<dateline>[A-Z][A-Z .'-]{2,30}(?:,\s+[A-Z][A-Za-z.]+(?:\s+\d{1,2})?)?\s*(?:\([A-Za-z .&]{2,25}\))?\s*[-–—]+)\s+(?=\S)"
)

# Page chrome. RE_CHROME_LINE must match a whole (short) line ("Related", "Share", "3 Comments");
# RE_CHROME_PREFIX starts a short chrome line ("Tags: ...", "Read more: <title>", "Follow us on X").
# Each alternative is a phrase seen on real pages; bare words are whole-line only so that body lines
# such as "Recommended doses were..." or "Subscribers say..." stay body.
RE_CHROME_LINE = re.compile(
    r"^(?:related(?: (?:posts?|articles?|stories|content|coverage|reading|links))?|recommended(?: for you| stories| reading)?|"
    r"(?:most )?popular(?: posts| stories| now)?|trending(?: now| stories)?|share(?: this(?: article| story| post)?)?|shares?|"
    r"tweet(?: this)?|pin it|email|print(?: this)?(?: article| page)?|comments?(?: \(\d+\))?|(?:\d+|no|one) (?:comments?|responses?|replies)|"
    r"show comments|view comments|advertisement|sponsored(?: content| post| links)?|newsletter|subscribe(?: now| today)?|"
    r"see also|like this|loading\.\.\.|menu|search|back to top|next|previous|more|close|login|log in|sign in|register|"
    # photo galleries and players: "Image 1 of 8", "1 / 8", "Caption", "Back to Gallery", "Updated"
    r"(?:hide |show |toggle )?caption|image \d+ ?(?:of ?/?|/) ?\d+|\d+ ?/ ?\d+|(?:back to |view |open )?(?:photo )?gallery|"
    r"updated|enlarge this image|expand|collapse|play(?: video)?|watch(?: video| now)?|listen(?: now)?|fullscreen|full screen)"
    r"\s*[:.!…]*\s*$",
    re.IGNORECASE,
)
RE_CHROME_PREFIX = re.compile(
    r"^(?:you (?:may|might) (?:also )?(?:like|enjoy)|leave a (?:comment|reply)|cancel reply|post a comment|"
    r"add (?:a |your )?comment|join the (?:conversation|discussion)|related (?:posts?|articles?|stories|content|coverage|reading|links)\b|"
    r"related:|read (?:more|next|this next|also)\b|continue reading|keep reading|more (?:from|on this|like this|stories)\b|"
    r"share (?:this|on|via)\b|follow (?:us|me)\b|like us on|subscribe (?:to|for|now)\b|sign up (?:for|to|now)\b|"
    r"get (?:our|the) newsletter|tags?:|tagged(?: with)?:|topics?:|posted in\b|filed under\b|categor(?:y|ies):|"
    r"(?:previous|next) (?:post|article|story)\b|«|‹|←|back to top\b|skip to (?:content|main)\b|"
    r"copyright\s*(?:©|\(c\)|\d{4})|©|all rights reserved|click here\b|about the author\b|image (?:credit|source):?|"
    r"(?:photo|photograph|image|picture|video|credit)s?:|(?:photo|image|video) (?:by|courtesy)\b|file photo\b|"
    r"photo credit|reuse (?:this|permissions)|report (?:an? )?(?:error|typo)|privacy policy\b|terms of (?:use|service)\b|"
    r"this (?:website|site) uses cookies|we use cookies)",
    re.IGNORECASE,
)
# Chrome that heads a block of link titles ("You may also like" + post titles): absorb what follows.
RE_CHROME_BLOCK = re.compile(
    r"^(?:you (?:may|might) (?:also )?(?:like|enjoy)|related(?: (?:posts?|articles?|stories|content|coverage|reading|links))?|"
    r"more (?:from|on|in|like this|stories)|recommended(?: for you| stories| reading)?|(?:most )?popular(?: posts| stories| now)?|"
    r"trending(?: now| stories)?|read (?:next|this next)|share (?:this|on|via)|share|follow (?:us|me)|like this)\b",
    re.IGNORECASE,
)
# Cookie notices run long; they are chrome whatever their length. Both alternatives need notice
# vocabulary in the same sentence: "Oreo cookies" in a PolNeAR story is body text.
RE_COOKIE = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?site|site)\b[^.]{0,40}\buses? cookies\b|"
    r"\bcookies?\b[^.]{0,80}\b(?:consent|accept|browsing|your experience|cookie policy|privacy policy)",
    re.IGNORECASE,
)
CHROME_MAX_WORDS = 12  # a chrome line is short: "Posted in World, Politics" vs a body sentence starting "Subscribe..."
BLOCK_ITEM_MAX_WORDS = 16  # a related-post title under "You may also like"
# Under a notes heading, a new paragraph longer than this (without citation evidence) is body again.
NOTE_PARAGRAPH_MAX_WORDS = 40

# Notes / references headings, alone on their line.
RE_NOTES_HEADING = re.compile(
    r"^[#*_\s]*(?P<label>notes?|references?|sources?|footnotes?|endnotes?|bibliography|works cited|citations|"
    r"notes and references|references and notes|sources and notes|further reading|literature)[\s:*_]*$",
    re.IGNORECASE,
)
# A numbered note at a line's start: "[1] ..", "[5]Katzman", "1. ..", "1) ..", "¹ ..", "^1 ..".
RE_NOTE_BRACKET = re.compile(r"^\[(?P<n>\d{1,3})\]\s*(?=\S)")
RE_NOTE_NUMBER = re.compile(r"^(?P<n>\d{1,3})[.)]\s+(?=\S)")
RE_NOTE_SUPERSCRIPT = re.compile(r"^(?:\^(?P<n>\d{1,3})|(?P<sup>[¹²³⁴⁵⁶⁷⁸⁹⁰]+))\s*(?=\S)")
SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# Evidence that a numbered line is a citation rather than a list item in the body: a URL, a DOI,
# "Retrieved"/"Accessed", page or volume numbers, ibid., "Web.", or a year in citation position
# ("(2019)", ", 2019.", "2019:").
RE_CITATION_HINT = re.compile(
    r"https?://|www\.|\bdoi\b|\bretrieved\b|\baccessed\b|\bpp?\.\s*\d|\bvol\.|\bibid\b|\bop\. cit\b|\bweb\.|"
    r"\bet al\b|\(\s*(?:19|20)\d\d[a-z]?\s*\)|[,.]\s*(?:19|20)\d\d\s*[.:;]|[,.]\s*(?:19|20)\d\d\s*$|\bed(?:s|ited)?\.",
    re.IGNORECASE,
)
NOTE_MEAN_MAX_WORDS = 50  # reference entries are short; a numbered list of long sentences is body
# A "1." / "1)" numbered run without a heading counts as notes (not a list in the body, not a listicle's
# numbered section headings) only when at least this share of its entries carry citation evidence
# (RE_CITATION_HINT). Used by extract.regions and references.locate.
NUMBERED_CITATION_SHARE = 0.5

# Title: a short first line without a final period.
TITLE_MAX_WORDS = 25
TITLE_MAX_CHARS = 200
TITLE_SEARCH_LINES = 6  # the title is among the first few non-blank lines
