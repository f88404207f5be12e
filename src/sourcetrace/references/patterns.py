"""Compiled regexes and word lists of the references stage (loaded once at import)."""

from __future__ import annotations

import re

# ---------------------------------------------------------------- locating and splitting entries
# A heading line that opens a reference section.
RE_HEADING = re.compile(
    r"^[ \t]*(?:#+[ \t]*)?(?:\*\*)?(notes?|references?|sources?|footnotes?|endnotes?|bibliography|works cited|"
    r"citations?|further reading|literature)(?:\*\*)?[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# The number that opens a numbered entry at the start of a line: "[1]", "1.", "1)", "(1)", "¹".
RE_ENTRY_START = re.compile(
    r"^[ \t]*(?:\[(?P<br>\d{1,3})\]|\((?P<pa>\d{1,3})\)|(?P<dot>\d{1,3})[.)](?=\s)|(?P<sup>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)|\^(?P<caret>\d{1,3}))[ \t]*",
    re.MULTILINE,
)
RE_LINE = re.compile(r"[^\n]*\n?")

# ---------------------------------------------------------------- in-text markers
# "[2]", "[2, 3]", "[2–4]", "[2,5-7]": only digits, commas, dashes and spaces inside the brackets.
RE_BRACKET_MARKER = re.compile(r"\[(\d{1,3}(?:\s*[-–—,]\s*\d{1,3})*)\]")
RE_SUPERSCRIPT_MARKER = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?:[,⁻‐-][¹²³⁴⁵⁶⁷⁸⁹⁰]+)*")
RE_MARKER_PART = re.compile(r"(\d+)\s*(?:[-–—]\s*(\d+))?")
SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
# Markers citing more numbers than this are treated as a typo rather than expanded ("[1-999]").
MAX_RANGE = 30
# Author-date citations (APA, Harvard, Chicago author-date): "(Hart, 2019)", "(Moss & Chen 2020, p. 4)",
# "(Hart et al., 2019; State Water Board, 2022)", and in running text "Hart (2019)". An author is one
# to four capitalised words (organisations: "State Water Board").
_CITE_AUTHOR = r"[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,3}"
_CITE_AUTHORS = _CITE_AUTHOR + r"(?:\s(?:&|and)\s" + _CITE_AUTHOR + r"|\set\sal\.?)?"
_CITE_YEAR = r"(?:1[5-9]\d\d|20\d\d)[a-z]?"
RE_AUTHOR_DATE = re.compile(  # one citation inside parentheses: (author, year)
    r"(?P<authors>" + _CITE_AUTHORS + r"),?\s(?P<year>" + _CITE_YEAR + r")(?:,\s(?:pp?\.|at)\s?\d+(?:[–-]\d+)?)?"
)
RE_AUTHOR_DATE_PAREN = re.compile(
    r"\((?:see\s|e\.g\.,?\s|cf\.\s)?" + RE_AUTHOR_DATE.pattern + r"(?:;\s" + RE_AUTHOR_DATE.pattern.replace("?P<authors>", "?:").replace("?P<year>", "?:") + r")*\)"
)
RE_AUTHOR_DATE_NARRATIVE = re.compile(r"\b(?P<authors>" + _CITE_AUTHORS + r")\s\((?P<year>" + _CITE_YEAR + r")\)")
# Words that look like an author in "(March 2019)" or "(Winter 2020)" but are dates.
DATE_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "spring",
    "summer", "autumn", "fall", "winter", "since", "in", "from", "until", "before", "after", "circa", "ca",
}

# ---------------------------------------------------------------- URLs
# Share and "tweet this" buttons link to a platform's posting form, not to a source.
RE_SHARE_LINK = re.compile(
    r"^(?:https?:)?//(?:[\w-]+\.)*(?:twitter\.com/(?:share|intent)|x\.com/intent|facebook\.com/(?:sharer|dialog/share)|"
    r"linkedin\.com/(?:shareArticle|sharing)|reddit\.com/submit|pinterest\.com/pin/create|"
    r"api\.whatsapp\.com/send|wa\.me/\?|t\.me/share|tumblr\.com/(?:share|widgets/share)|"
    r"news\.ycombinator\.com/submitlink|getpocket\.com/(?:save|edit))",
    re.IGNORECASE,
)
RE_URL = re.compile(
    r"(?:(?:https?|ftp)://|www\.)[^\s<>\"“”]*"
    r"|(?<![@\w.-])(?:[a-z0-9-]+\.)+[a-z]{2,12}/[^\s<>\"“”]*",
    re.IGNORECASE,
)
RE_DANGLING_ANGLE = re.compile(r"<\s*$")
RE_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\.?$", re.IGNORECASE)
RE_IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
# Text right before a URL saying a path follows: "posted on the X website:", "available at".
# Words after which a reference gives the document's own address, so a bare host there was cut:
# "Available at", IEEE's "[Online]. Available:", "Retrieved from", "URL:", "online at".
RE_PATH_EXPECTED = re.compile(
    r"(?:website|available(?: online)?(?: at| from)?|retrieved from|posted (?:on|at)|\burl|online at)\W*$", re.IGNORECASE
)
URL_TRAILING = ".,;:)]}>'\"’”"

# ---------------------------------------------------------------- field normalisation
MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ]
    )
    for m in names
}
RE_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
RE_ISO_DATE = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)-(\d{1,2})(?:-(\d{1,2}))?(?!\d)")
RE_DAY = re.compile(r"(?<![\d-])(\d{1,2})(?:st|nd|rd|th)?(?![\d-])")
RE_MONTH_WORD = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?", re.IGNORECASE)
RE_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
RE_ET_AL = re.compile(r",?\s*\bet\.? al\b\.?", re.IGNORECASE)
RE_AUTHOR_SPLIT = re.compile(r"\s*(?:;|&|\band\b|,)\s*")
RE_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.?[\s-]*){1,4}$")
# "Terrorism Monitor. The Jamestown Foundation,": a name whose last word before the period is a full
# word (not an abbreviation such as "J." or "Natl."), then a capitalised publisher ending in ",".
RE_SITE_PUBLISHER = re.compile(r"^(\*?[A-Z][^.]*?[a-z]{3,}\*?\.\*?)\s+([A-Z][^.]*,)$")
# A title in quotation marks ("…", “…”, TeX's ``…'', «…»), up to its closing mark and the punctuation glued to it.
RE_QUOTED_TITLE = re.compile(r"(?:[\"“][^\"“”]+[\"”]|``[^`']+''|«[^«»]+»)[.,:;]?(?=\s)")
# Words that make a container a book, proceedings or website rather than a periodical.
RE_CONTAINER_WORDS = re.compile(r"^[Ii]n\b|\b(?:[Hh]omepage|[Ww]ebsite|[Bb]log|Proceedings|Conference|Handbook|Encyclopedia|Wikipedia)\b")
# Name words left before a quoted title ('Chern "Design for ..."', 'RICHARD; « Military Ethics »'): at most
# three capitalised words or initials (a word broken at a line end, "Vrijen- hoek,", too), then the quote.
RE_NAME_BEFORE_QUOTE = re.compile(r"""((?:(?:[A-Z][\w'’.]*-\s+[a-z]\w*|[A-Z][\w'’.-]*)[,;]?\s+){1,3})(?=[“"«]|``)""")
# Where a title goes on with the book it is in: "... Table-Fellowship,” in The Social World", "The
# Europeans, in Novels": a comma or closing quote, "in", a capital or an opening quote.
RE_TITLE_THEN_IN = re.compile(r"""(?:,|[»”"’]|'')(\s+)[Ii]n:?\s+(?=[A-ZÀ-ÞŒ«“"‘'*])""")
# The rest of a person's name that a segment boundary cut after an initial ("... Stories of J. | G. Ballard.",
# "... Presented to N. | R. Ker."): initials, then one family name ending the segment.
RE_NAME_TAIL = re.compile(r"(?:[A-Z]\.\s*)+[A-Z][\w'’-]+[.,:]?")
# A meeting's papers: cited whole after their editors, core.xml still tags them the container.
RE_PROCEEDINGS = re.compile(r"\b(?:[Pp]roc\.|[Pp]roceedings|[Cc]onference|[Ww]orkshop|[Ss]ymposium|[Cc]ongress|[Cc]olloquium)")
RE_FINAL_INITIAL = re.compile(r"(?:^|[\s.,-])[A-Z]\.$")
RE_VANCOUVER_INITIALS = re.compile(r"^[A-Z]{1,3}$")
RE_VOLUME_ISSUE = re.compile(r"(\d+)\s*\((\d+[-–/]?\d*)\)")
RE_NUMBER = re.compile(r"\d+(?:[-–]\d+)?")
RE_ACCESS_WORDS = re.compile(r"^\W*(?:last\s+)?(?:accessed|retrieved|viewed|visited|cited|consulted)\b:?", re.IGNORECASE)
# A bracketed description of what the item is (APA's "[Tweet]", "[Video file]"; IEEE's "[Online]"):
# core.xml tags it genre ("[Motion picture].").
RE_BRACKET_GENRE = re.compile(
    r"^\[(?:tweet|post|status update|photograph|video|video file|film|motion picture|documentary|podcast|"
    r"audio podcast|audio|blog post|data ?set|online|television broadcast|tv broadcast|"
    r"television series episode|press release|infographic|map|image|pdf|computer software|software|"
    r"editorial|letter to the editor|interview|lecture notes|slides|powerpoint slides|webinar|"
    r"doctoral dissertation|master'?s thesis|abstract|preprint|transcript|brochure|pamphlet|leaflet|poster|"
    r"fact ?sheet|speech|memo|memorandum|manuscript|obituary|review|comment|letter|sound recording)\][.,]?$",
    re.IGNORECASE,
)
# ("[Internet]" is not one: Vancouver puts it in the journal, "J Med Res [Internet].")
# Any other sentence-case description of two to four words in brackets is one too (APA 7 lets writers
# make them up: "[Audio podcast episode]", "[Fact sheet]"); a translated title is title-case or longer,
# and one capitalised word may be a place ("*Tyne Chronicle* [Newcastle]"), so single words need the list.
RE_BRACKET_DESCRIPTION = re.compile(r"^\[[A-Z][a-z]+(?:-[a-z]+)?(?: [a-z]+(?:-[a-z]+)?){1,3}\][.,]?$")
# A kind of document in parentheses after its title ("(Statistical Bulletin).", "(Fact sheet)."): only
# in parentheses, since "Psychological Bulletin," is a journal.
RE_PAREN_GENRE = re.compile(
    r"^\((?:[\w-]+ ){0,2}(?:bulletin|fact sheet|white paper|technical report|briefing note|issue brief|"
    r"policy brief|research report|consultation paper)(?: no\. ?[\w.-]+)?\)[.,]?$",
    re.IGNORECASE,
)
# Wikipedia's "(PDF)" after a title: core.xml tags it <medium>PDF</medium>.
RE_PDF_MARK = re.compile(r"^\((?:PDF|pdf)\)[.,]?$")
# A dataset's or software's "(Version 2)" / "(Version 2.1)": its edition.
RE_VERSION = re.compile(r"^\((?:version|ver\.|v\.)\s?[\w.]+\)[.,]?$", re.IGNORECASE)
# Where a scraped copy came from ("– via JSTOR.") and Wikipedia's archive notice ("Archived from the
# original on 2016-06-20."): notes, not access dates, though they follow or hold a date.
DASHES = frozenset({"-", "–", "—"})
RE_ARCHIVED = re.compile(r"^archived (?:\(pdf\) )?(?:from the original|at|on)\b", re.IGNORECASE)
# Chicago's "last modified June 2, 2020" ("last updated"): the phrase is a note, the date the work's.
MODIFIED_WORDS = frozenset({"modified", "updated", "revised"})
# "*Fare Share* (blog),": the mark after an outlet's name belongs to it (as one token, or, in the text,
# also the two words "(web log)").
OUTLET_MARK_WORDS = ("blog", "podcast", "newsletter")
RE_BLOG_MARK = re.compile(r"\s*[(\[](?:" + "|".join(OUTLET_MARK_WORDS + ("web log",)) + r")[)\]][.,:;]*", re.IGNORECASE)
RE_BLOG_TOKEN = re.compile(r"^[(\[](?:" + "|".join(OUTLET_MARK_WORDS) + r")[)\]][.,:;]*$", re.IGNORECASE)
# A newspaper's edition, MLA's "late ed.," / "natl. ed.,".
EDITION_WORDS = frozenset({"late", "early", "final", "national", "natl.", "city", "metro", "home", "morning",
                           "evening", "weekend", "sunday", "international", "intl.", "online", "print", "digital"})
# The platform a post or video is on, APA's "[Video]. TikTok.": its container.
PLATFORMS = frozenset({"twitter", "x", "tiktok", "youtube", "instagram", "facebook", "vimeo", "soundcloud",
                       "spotify", "reddit", "linkedin", "threads", "mastodon", "bluesky", "flickr", "twitch"})
# A film's makers as APA lists them, "Barron, D. (Producer), & Yates, D. (Director).": core.xml tags each
# name run by its role.
RE_FILM_ROLE = re.compile(r"^\((?:writer/)?(producers?|directors?)\)[.,;]?$", re.IGNORECASE)
NAME_TAGS = frozenset({"author", "editor", "producer", "director"})
# Chicago's "posted August 3, 2019": "posted" is a note when a date follows.
POSTED_WORDS = frozenset({"posted", "uploaded"})
# A podcast's episode number: APA's "(No. 58)" after the title, MLA's "episode 17,": the volume.
RE_EPISODE = re.compile(r"^(?:\(No\. \d+\)|episode \d+,?)[.,]?$", re.IGNORECASE)
# A DOI given as a doi.org link (APA 7) is the `doi`; core.xml tags the older "dx.doi.org" links `url`.
RE_DOI_LINK = re.compile(r"^<?https?://doi\.org/10\.", re.IGNORECASE)
# An organisation that publishes (an agency, archive, council) rather than a periodical: a `journal` run
# made only of such a body's words is its publisher, or its author when it opens the reference
# ("Wrenmouth Coastal Observatory.", "Amberlow Borough Council.").
BODY_WORDS = frozenset({
    "council", "observatory", "archive", "archives", "repository", "institute", "office", "ministry",
    "department", "agency", "trust", "foundation", "commission", "authority", "service", "library",
    "centre", "center", "board", "bureau", "directorate", "administration", "secretariat", "committee",
    "hospital", "police", "laboratory", "statistics", "survey", "registry", "inspectorate", "regulator",
})
PERIODICAL_WORDS = frozenset({
    "journal", "review", "news", "times", "post", "gazette", "herald", "magazine", "bulletin", "quarterly",
    "annals", "letters", "proceedings", "transactions", "studies", "report", "reports", "daily", "weekly",
    "monthly", "chronicle", "observer", "tribune", "record", "digest", "newsletter", "blog", "online",
    "today", "wire", "press", "notes", "series", "papers", "yearbook", "almanac",
})
# Vancouver's "[updated 2022 Aug 16; cited 2022 Sep 2]": one access phrase whose access date is the cited one.
RE_UPDATED_BRACKET = re.compile(r"^\[(?:" + "|".join(sorted(MODIFIED_WORDS)) + r")$", re.IGNORECASE)
RE_CITED_DATE = re.compile(r"\bcited\b(.*)$", re.IGNORECASE)
# Substrings one of fields._fix_marks's marks needs in the lower-cased string, made from the marks' own
# word lists: a few `in` tests cost a fraction of one regular expression with as many alternatives (~10
# against ~23 microseconds).
MARK_HINTS = (
    ("(pdf)", "(ver", "archived", "(no. ", "episode", "doi.org/", "producer", "director")
    + tuple(f"{d} via " for d in DASHES)
    + tuple(f"last {w}" for w in MODIFIED_WORDS)
    + tuple(f"[{w}" for w in MODIFIED_WORDS)
    + tuple(f"{w}{c}" for w in OUTLET_MARK_WORDS for c in ")]")
    + tuple(POSTED_WORDS)
    + tuple(f"{w} ed." for w in EDITION_WORDS)
    + tuple(f". {p}." for p in PLATFORMS)
)
# A kind of document spelled out in words, as core.xml tags it genre ("Press release.", "working paper,",
# "Report No. STAN-CS-92-1462,"): matched from a token that opens a new part of the string. Bare
# "Letter." / "Editorial." / "Speech," are left to the model: they are titles too.
RE_GENRE_PHRASE = re.compile(
    r"\(?(?:press release|news release|media (?:statement|release)|op-ed|letter to the editor|"
    r"(?:working|discussion|occasional|research|policy) (?:paper|brief)(?: no\.?)?(?: [\w.-]*\d[\w.-]*)?|"
    r"report no\. ?[\w.-]*\d[\w.-]*|statistical (?:release|bulletin) \d+)\)?[.,:]",
    re.IGNORECASE,
)
# Words one of the fixed phrases needs somewhere in the string: one search spares most strings the
# per-token pass of fields._fix_phrases. Searched in the lower-cased string: with re.IGNORECASE the
# search took ~25 microseconds a reference, about six times as long.
RE_FIX_HINT = re.compile(
    r"\[|accessed|retrieved|viewed|visited|cited|consulted|release|paper|brief|report no|statistical|op-ed|"
    r"letter to|statement|interview|exchange with|mails? with|call with|conversation with|correspondence with|testimony of|"
    r"(?:bulletin|fact sheet|technical report|research report)(?: no\. ?[\w.-]+)?\)"
)
# A fact-checker's "Email interview with NAME, ..." opening the reference: the phrase is the medium and
# the name after it (up to its comma) the author, the person who was interviewed.
RE_INTERVIEW_WITH = re.compile(
    r"(?:(?:e-?mail|phone|telephone|in-person|personal|zoom|video|text)\s+)?"
    r"(?:interview|exchange|call|conversation|e-?mails?|correspondence)s?\s+with\s+"
    r"|(?:e-?mail|phone|telephone|in-person|zoom|video)\s+interview,\s+",  # "Phone interview, NAME, ..."
    re.IGNORECASE,
)
# "Interview by X." after the interviewee: the issue's `medium`.
RE_INTERVIEW_BY = re.compile(r"(?:personal )?interview (?:by|conducted by|with the author)\b[^.]*\.", re.IGNORECASE)
# The tokens of an access date after "Accessed" / "Retrieved" / "[cited": "on 3 Oct. 2022", "January
# 15, 2010,", "2017 Apr 10]", "19-Oct-2017]"; the date ends at a token that holds its year.
RE_ACCESS_DATE_PART = re.compile(
    r"^\W*(?:on|\d{1,2}(?:st|nd|rd|th)?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)\W*$",
    re.IGNORECASE,
)
RE_ACCESS_YEAR = re.compile(
    r"^\W*(?:\d{1,2}[-/. ]?[A-Za-z]{0,9}\.?[-/. ]?)?(?:\d{1,2}[-/.]\d{1,2}[-/.])?(1[5-9]\d\d|20\d\d)(?:-\d{1,2}-\d{1,2})?\W*$"
)
RE_INTERNET = re.compile(r"\[(?:internet|online)\]", re.IGNORECASE)
NAME_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "la", "le", "du", "bin", "al", "el", "ter", "mac"}
# The small words a list of names may hold ("and", "et", "und", "y", particles, "et al."): after a lead
# name, any other lower-case word means the title has begun.
NAME_LIST_SMALL_WORDS = NAME_PARTICLES | {"and", "et", "al", "und", "y", "e", "en", "och", "og", "i", "ve", "jr", "sr"}
# A credit after a name stays in it, as core.xml keeps "(Ed.)" with editors ("Osei, Kwame, host.").
CREDIT_WORDS = frozenset({
    "host", "hosts", "co-host", "ed", "eds", "editor", "editors", "producer", "producers", "director", "narrator",
    "presenter", "interviewer", "translator", "trans", "comp", "compiler", "performer", "creator", "writer",
})
# Offices that open a job title after a name ("Governor of ...", "Minister for ...").
OFFICE_WORDS = frozenset({
    "governor", "mayor", "minister", "president", "director", "chair", "chairman", "chairwoman", "chief",
    "secretary", "spokesperson", "spokesman", "spokeswoman", "head", "commissioner", "senator", "member",
    "professor", "ceo", "founder", "deputy", "former", "executive", "manager", "leader", "ambassador",
})
ORG_WORDS = {
    "nations", "organization", "organisation", "department", "institute", "association", "society", "watch",
    "bank", "service", "commission", "center", "centre", "group", "foundation", "council", "committee",
    "university", "agency", "ministry", "news", "staff", "press", "office", "international", "fund",
    "corporation", "reporters", "borders", "journalists", "times", "post", "government", "bureau", "board",
    "writer", "editors", "editorial", "wikipedia", "unhcr", "who", "un",
    # more kinds of body that sign reports, statements and posts ("Growers Alliance.", "Valdera
    # Comptroller."); none is a common surname, since a name without a comma is tested against them
    "alliance", "coalition", "network", "union", "league", "federation", "party", "authority", "comptroller",
    "auditor", "commissioner", "ombudsman", "secretariat", "parliament", "assembly", "senate", "congress",
    "embassy", "consulate", "hospital", "clinic", "school", "college", "academy", "museum", "library",
    "archives", "laboratory", "laboratories", "program", "programme", "project", "initiative", "campaign",
    "forum", "partnership", "consortium", "institution", "company", "inc", "ltd", "llc", "corp", "media",
    "radio", "television", "magazine", "gazette", "herald", "tribune", "daily", "weekly", "statistics",
    "police", "administration", "directorate", "cooperative", "trust", "observatory", "census",
    # outlets and public bodies as fact-checkers list them ("Orange County Register, "...",", "Customs
    # and Border Protection,", "PolitiFact Wisconsin,")
    "register", "journal", "chronicle", "observer", "sentinel", "courier", "examiner", "dispatch",
    "bulletin", "telegraph", "intelligencer", "review", "mirror", "county", "city", "state", "states",
    "federal", "national", "republic", "reserve", "customs", "protection", "security", "affairs",
    "politifact", "factcheck",
}
# One word of a person's name after "interview with": capitalised, or a particle ("de", "van", "bin").
RE_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w’'.-]*|" + "|".join(sorted(NAME_PARTICLES)) + r"|al-\w+|ibn),?$")
# The last word of a newspaper's or news site's name ("Calder Daily Ledger", "Orange County Register").
OUTLET_LAST_WORDS = {
    "ledger", "times", "post", "herald", "tribune", "gazette", "journal", "register", "chronicle", "courier",
    "observer", "sentinel", "examiner", "dispatch", "bulletin", "telegraph", "news", "daily", "star",
    "mirror", "standard", "inquirer", "guardian", "record", "express", "press", "news-leader", "telegram",
}
# Any word of a newspaper's or wire's name: the nameplate words of the press, not a scholarly periodical's
# ("Studies", "Review" also name institutes). A fact-check's source list opens with the outlet ("Harbor
# Ledger, "Ferry fares to rise," March 3, 2021"; "Pan-Pacific Wire Service.").
NEWS_NAME_WORDS = frozenset(OUTLET_LAST_WORDS - {"review", "record", "bulletin"}) | {
    "wire", "newswire", "magazine", "weekly", "bugle", "globe", "argus", "clarion", "advertiser", "beacon",
    "monitor", "courant", "enquirer", "intelligencer",
    # other languages' nameplates ("Agence France-Presse", "Süddeutsche Zeitung", "Folha de S.Paulo")
    "presse", "zeitung", "nachrichten", "rundschau", "kurier", "tageblatt", "gazeta", "gazzetta", "giornale",
    "corriere", "courrier", "diario", "diário", "jornal", "folha", "noticias", "notícias", "periódico", "dziennik",
}
# A wire story's dateline: a place in capitals ("LONDON,", "N’DJAMENA,", "RIO DE JANEIRO,").
RE_DATELINE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ’'-]{3,}(?: [A-ZÀ-Þ][A-ZÀ-Þ’'-]*){0,2}[,.]?$")
# Splits a name into the words tested against ORG_WORDS ("Intelligencer/Wheeling News-Register").
RE_NAME_WORD_SPLIT = re.compile(r"[\s./-]+")
SOCIAL_SITES = {"twitter", "x", "facebook", "instagram", "youtube", "tiktok", "reddit", "linkedin", "telegram", "mastodon"}
# How fact-checkers list what they were told ("Email interview with X", "Phone call with X", "Emails
# with X"): the medium of an interview.
RE_INTERVIEW_MEDIUM = re.compile(r"interview|\be-?mails?\b|phone call|conversation with|exchange with", re.IGNORECASE)
# A genre naming a social-media post ("tweet,", "Facebook post,", "YouTube video,").
RE_POST_GENRE = re.compile(r"\btweet|\bpost\b|\b(?:" + "|".join(sorted(SOCIAL_SITES)) + r")\b", re.IGNORECASE)
# A plain sentence opening a title run right before a quoted or italic title: an organisation (or any
# author) the CRF read as part of the title, 'Port Authority of Valdera. "New Terminal Opens."'.
RE_PLAIN_LEAD = re.compile(r"([A-Z][^\"“”‘’*.]{1,80}\.)\s+(?=[\"“‘*])")
# "Family, Given." / "Family, Given M." opening a reference: one complete inverted name (MLA, Chicago)
_LEAD_FAMILY, _LEAD_GIVEN = r"[A-Z][\w'’-]+, ", r"[A-Z][\w'’-]+(?: [A-Z]\.|\.)"
RE_LEAD_NAME = re.compile(_LEAD_FAMILY + _LEAD_GIVEN + r"\s+")
# ... or "Family, I." / "Family, I. J." (initials only)
RE_LEAD_NAME_INITIALS = re.compile(_LEAD_FAMILY + "(?:" + _LEAD_GIVEN + r"|[A-Z]\.(?: ?[A-Z]\.)*)\s+")
# A person's name opening a source line, then a comma or an opening parenthesis: "Family, Given," or
# "Given [Middle] Family," (what follows may be their job: "Chinwe Ezeoke, Governor of Ubanta State,").
RE_LEAD_PERSON = re.compile(
    "(?:" + _LEAD_FAMILY + r"[A-Z][\w'’-]+(?: [A-Z]\.)?,|(?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’-]+(?:,|(?= \()))\s+(?=\(?[A-Za-z])"
)
# what may continue an author list after such a name: "and", "&", "et al.", an initial, another "Family,"
RE_NAME_LIST_GOES_ON = re.compile(r"(?:and\b|&|et al|[A-Z]\.|[A-Z][\w'’-]+, [A-Z])")
# Wikipedia's rendered back-link: "^" (or "^ a b" when the note is cited more than once) opens the
# reference where other styles put "12." or "[3]".
RE_CARET_LINK = re.compile(r"^\^\d*$")
RE_BACKLINK_LETTER = re.compile(r"^[a-z]$")
# A clock time next to the work's date ("4 September 2022, 06:41 local time.", "7:42 a.m. ET, Nov. 3,
# 2021"): part of the date. A range ("31:15–34:02,") is a place in a recording, not a time of day.
RE_CLOCK_HINT = re.compile(r":\d\d")  # a superset, cheap to search for (a literal first); RE_CLOCK decides
RE_CLOCK = re.compile(r"^\(?\d{1,2}:\d\d(?::\d\d)?(?:[ap]\.?m\.?)?\)?[.,;]?$", re.IGNORECASE)
RE_CLOCK_QUALIFIER = re.compile(
    r"^(?:[ap]\.?m\.?|[A-Z]{1,2}[SD]?T|UTC|GMT|CES?T|local|time\)?|\((?:local|[A-Z][a-z]+))[.,;]?$")
# A title's translation right after the quoted original ("“Il porto” [The port nobody wanted]." or
# «La mina» (The mine nobody wanted to close),): part of the title, as core.xml tags it.
RE_TRANSLATION_HINT = re.compile(r"[”\"»’'」》][.,]? [\[(][A-Z]")
CLOSING_QUOTES = "”\"»’'」》"
ARTICLES = frozenset({"The", "A", "An"})
# A footnote's signal before the source it names ("See also", "Cf.", "Quoted in"): a note, as the
# hand-written files tag it. "See," alone may be a surname, so only "See, e.g.,".
RE_LEAD_HINT = re.compile(r"^(?:\S+\s+)?(?:See\b|Cf\.|(?:As )?(?:[Qq]uoted|[Cc]ited) in\b|Ibid\b|Id\.)")
# "Ibid.," / "Id. at" / "Ibid.; see also" repeating the previous note: a `note`; pinpoint pages may follow.
RE_IBID = re.compile(r"(?:Ibid(?:em)?\.?|Id\.)(?:,|;(?: [Ss]ee also:?| [Cc]f\.)?)? ")
RE_PINPOINT = re.compile(r"^(?:at|pp?\.|secs?\.|paras?\.?|[A-Z*]?\d+(?:[–-]\d+)?[,.;]?|[A-Z],?)$")
RE_LEAD_SIGNAL = re.compile(r"(?:See(?: also:?|, e\.g\.,|:)?|Cf\.|(?:As )?(?:[Qq]uoted|[Cc]ited) in) ")
# A date written in numbers ("12/04/2021,", "24.02.2023,"): the work's date, never a volume or pages.
RE_NUMERIC_DATE_HINT = re.compile(r"\d[./](?:1[5-9]|20)\d\d")  # a superset: RE_NUMERIC_DATE decides per token
RE_NUMERIC_DATE = re.compile(r"^\(?\d{1,2}([./])\d{1,2}\1(?:1[5-9]|20)\d\d\)?[.,;:]?$")
# Where else a work appears ("Reprinted in", "To appear in", "Also in", "Special Issue"): substring tests
# before _later_publication_note.
LATER_HINTS = ("reprint", "appear", "also in", "special issue")
# What the author was told, and how: "email to the author", "phone interview by the author", "text
# message to the reporter" (the issue's `medium`), after the person's name and role.
PERSONAL_HINTS = ("author", "reporter", "writer")  # substring tests: ~0.7 against ~6 microseconds for a regex
RE_PERSONAL_COMM = re.compile(
    r"(?:(?:phone|telephone|e-?mail|text|whatsapp|signal|zoom|video|in-person|personal)\s+)?"
    r"(?:interview|message|conversation|call|e-?mail|exchange|correspondence)(?:\s+message)?\s+"
    r"(?:by|to|with)\s+(?:the\s+)?(?:author|reporter|writer)s?\b[,.;]?",
    re.IGNORECASE,
)
# A translator's credit: a cue ("Trans.", "tr.", "translated by", "Trad fr. par", "Übersetzt von") and
# the names after it, or names and a trailing "(trans.)" / APA's "(H. Silverman, Trans.)".
TRANSLATOR_HINTS = ("rans", "Tr", "tr.", "rad", "bers", "łum", "ev.")  # one of them is in every credit: cheap first
_TRANSLATOR_ABBREVIATIONS = r"[Tt]rans|[Tt]ransl|[Tt]r|[Tt]rad|[Üü]bers|[Uu]bers|[Tt]łum|[Çç]ev"  # with a period
_TRANSLATOR_WORDS = r"[Tt]ranslated|[Tt]raduit|[Tt]raduction|[Tt]radução|[Tt]raducción|[Tt]raduzione|[Üü]bersetzt|[Uu]bersetzt"
RE_TRANSLATOR_HINT = re.compile(
    r"\b(?:" + _TRANSLATOR_ABBREVIATIONS + r")\.|\b[Tt]rad\b|\b(?:" + _TRANSLATOR_WORDS + r") \w"
)
RE_TRANSLATOR_CUE = re.compile(
    r"^\(?(?:" + _TRANSLATOR_ABBREVIATIONS + r")\.?$|^\(?(?:" + _TRANSLATOR_WORDS + r")$"
)
RE_TRANSLATOR_TAIL = re.compile(r"^\(?(?:[Tt]rans|[Tt]ransl|[Tt]r|[Tt]rad)\.\)?[.,;:]*$")
# Abbreviated words of a journal's name that a cue such as "Phil. Trans." or "Trans." may precede
# ("Trans. R. Soc.", "Trans. Amer. Math. Soc."): with their period they are not a translator's name.
JOURNAL_ABBREVIATIONS = frozenset({
    "soc", "amer", "math", "phys", "chem", "roy", "anal", "mach", "intell", "eng", "sci", "proc", "inst",
    "acad", "nat", "natl", "int", "ser", "res", "rev", "lett", "biol", "med", "geol", "philos", "hist", "lond",
    "trans", "commun", "syst", "appl", "comput", "electr", "ind", "inf", "mech", "struct", "j",
})
# Editors named first: "Snyder, C. R. (Ed.).", "BACQUE M.-H (dir.),", "Huf, Christina & Irmtraud Schnell Hrsg.";
# unbracketed, "dir." is a film's director ("Dir. Hal Ashby") and "Ed." may be a given name ("Koch, Ed.").
RE_EDITOR_MARK = re.compile(r"^\((?:[Ee]ds?|[Hh]rsg|[Hh]gg?|[Dd]irs?|[Cc]oord|[Éé]ds?|[Ee]ditors?)\.?\)[.,:;]*$")
RE_EDITOR_WORD = re.compile(r"^(?:[Ee]ds?|[Hh]rsg|[Hh]gg?|[Éé]ds|[Ee]ditors?)\.?[,:;]*$")
# A journal's volume and issue: "9(1),", "40 (2):", "Vol. 24, No. 111,", "v. 435, n. 7039".
RE_VOLUME_AND_ISSUE = re.compile(r"\d+\s?\(\d[^)]*\)|(?:[Vv]ol\.|[Vv]\.)\s?\d+,?\s(?:[Nn]o\.|[Nn]\.|[Ii]ssue)\s?\d")
# A platform and the kind of post written together ("Telegram post,", "TikTok video,", "[Facebook post]."):
# one `genre`, as the hand-written conventions have it.
RE_PLATFORM_KIND = re.compile(
    r"\[?(?:(?:" + "|".join(sorted(PLATFORMS | SOCIAL_SITES | {"whatsapp", "signal", "bluesky", "threads", "weibo", "wechat",
                                                              "vk", "substack", "discord"})) + r") )?"
    r"(?:post|video|reel|story|livestream|live stream|status|message|thread|tweet|short)s?\]?[,.:;]?", re.IGNORECASE)
# A title's translation in brackets right after the quoted title: ' [Rains leave 3,000 homeless].'
RE_BRACKETED_TRANSLATION = re.compile(r"\s*\[[^\[\]]{3,200}\][.,:;]?(?=\s|$)")
RE_LANGUAGE_TAIL = re.compile(r"\s\(in [A-Z][a-z]+\)[.,;:]?\s*$")  # " (in Portuguese)," ending a segment
RE_TESTIMONY_OF = re.compile(r"(?:(?:[Ww]ritten|[Pp]repared)\s+)?[Tt]estimony\s+of\s+")  # then a name, as after "interview with"
# A signal after a ";" that chains another work into a footnote: "; see also", "; cf.", "; and".
RE_CHAIN_SIGNAL = re.compile(r"(?:[Ss]ee(?: also:?|, e\.g\.,|:)?|[Cc]f\.|and|(?:[Aa]s )?(?:[Qq]uoted|[Cc]ited) in) ")
# What follows a broadcast or podcast programme, never a periodical: its broadcaster ("Radio Westfalen Eins,",
# "Channel West,", "Noordzee Audio,") or an episode number ("episode 47,", "series 4, episode 2.").
RE_BROADCASTER = re.compile(r"\b(?:[Rr]adio|RADIO|TV|[Tt]elevision|[Cc]hannel|[Bb]roadcast(?:ing)?|FM|[Aa]udio|[Pp]odcasts?)\b")
RE_EPISODE_NUMBER = re.compile(r"\b(?:[Ee]pisode|[Ee]p\.|[Ss]eries|[Ss]eason)\s")
RE_PLACE_WORD = re.compile(r"^[A-ZÀ-Þ][\w’'-]+,$")  # "Oaxaca," / "Gdańsk,": a one-word place in a list
