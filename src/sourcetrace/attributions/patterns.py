"""Compiled regexes and word lists for attribution finding, loaded once at import."""

from __future__ import annotations

import re
from importlib import resources

# --- quotation marks --------------------------------------------------------------------------
# Opening-only, closing-only and ambiguous marks. „ and « open; » and ” close; straight marks and
# ’ / ‘ are decided from their neighbours (see direct.py).
DOUBLE_OPEN = frozenset("“„«")
DOUBLE_CLOSE = frozenset("”»")
DOUBLE_AMBIG = frozenset('"')
SINGLE_OPEN = frozenset("‘‚‹")
SINGLE_CLOSE = frozenset("’›")
SINGLE_AMBIG = frozenset("'")
QUOTE_CHARS = DOUBLE_OPEN | DOUBLE_CLOSE | DOUBLE_AMBIG | SINGLE_OPEN | SINGLE_CLOSE | SINGLE_AMBIG
# Two apostrophes stand for a double quotation mark in some wire copy (NYT: ''I think,'' he said).
RE_QUOTE_MARK = re.compile("''|[\"'“”„«»‘’‚‹›]")
# What the shared scorer (and PolNeAR) counts as the start of a direct quotation.
DIRECT_OPENERS = ("“", '"', "‘", "«", "„", "'")

# --- words ----------------------------------------------------------------------------------
PRONOUNS = frozenset("he she they it i we you him her them us".split())
PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
PLURAL_PRONOUNS = frozenset("they them we".split())
DETERMINERS = frozenset("the a an this that these those his her their its our my your".split())
# Heads of nominal descriptions that stand for a person ("the senator", "a spokeswoman").
PERSON_TITLES = frozenset(
    """president senator sen rep representative congressman congresswoman governor gov mayor
    secretary minister chairman chairwoman chair spokesman spokeswoman spokesperson director
    candidate nominee official aide adviser advisor strategist analyst professor author writer
    columnist reporter editor ceo executive founder leader manager lawyer attorney judge justice
    ambassador general commander officer chief speaker pollster economist historian expert
    businessman businesswoman billionaire mogul actor actress singer host anchor commentator
    researcher scholar activist organizer member lawmaker politician diplomat envoy defector
    veteran father mother wife husband son daughter woman man councilman councilwoman councillor
    councilor alderman commissioner sheriff superintendent prosecutor inspector detective engineer
    hydrologist scientist physician doctor nurse teacher farmer fisherman resident""".split()
)
# Heads that name an organisation ("the State Department", "the campaign").
ORG_HEADS = frozenset(
    """department ministry agency committee commission council campaign administration government
    party house senate congress court office bureau institute center centre foundation university
    association organization organisation company corporation firm group network newspaper times
    post journal magazine news cnn fbi cia pentagon kremlin union board team coalition network
    service services police army court times review monitor society""".split()
)
# Plural nouns for groups of people ("supporters", "officials say"), including plural demonyms
# ("Americans", "Europeans say").
GROUP_HEADS = frozenset(
    """supporters officials critics voters analysts experts republicans democrats people observers
    sources aides advisers advisors economists lawmakers members
    americans canadians mexicans brazilians europeans britons germans russians ukrainians
    israelis palestinians iranians iraqis syrians afghans pakistanis indians africans asians
    residents leaders activists protesters protestors conservatives liberals democrats polls
    scholars specialists academics historians insiders staffers delegates donors""".split()
)
# Outlets, platforms and pollsters often written as a bare name ("Politico reported", "Reuters said").
KNOWN_ORGANISATIONS = frozenset(
    """politico bloomberg reuters facebook youtube twitter google amazon apple microsoft cnn fox msnbc nbc abc
    cbs npr pbs bbc afp ap axios breitbart buzzfeed vox realclearpolitics fivethirtyeight gallup ipsos
    quinnipiac rasmussen pew yougov nielsen wikileaks instagram tiktok reddit medium substack""".split()
)
# Places that stand for their governments or people when they "say" or "warn" something ("Beijing warned",
# "Iowa voted"): the 50 US states and capitals, countries and capitals that news text names most.
PLACES = frozenset(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
    mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah
    vermont virginia washington wisconsin wyoming america britain england scotland wales ireland france
    germany italy spain russia china japan india pakistan iran iraq israel syria turkey egypt mexico canada
    brazil ukraine korea cuba venezuela afghanistan saudi libya yemen lebanon jordan qatar europe africa asia
    beijing moscow tehran london paris berlin brussels tokyo jerusalem kabul baghdad damascus ankara kiev
    kyiv havana ottawa delhi seoul pyongyang riyadh cairo geneva chicago philadelphia cleveland boston
    atlanta detroit miami houston dallas denver seattle baltimore charlotte""".split()
)
# Places of more than one word, for the same reason ("the United States said").
PLACE_NAMES = frozenset(
    name.strip()
    for name in """united states|united kingdom|u.s.|u.k.|new york|new jersey|new mexico|new hampshire|north carolina|
    south carolina|north dakota|south dakota|west virginia|rhode island|north korea|south korea|saudi arabia|
    new zealand|south africa|soviet union|european union|middle east|hong kong|washington, d.c.""".split("|")
)
# Nouns for documents and data that "find", "show" or "say" things ("a state survey found", "the
# report says"): the source is the document itself, never a person the text names nearby.
DOCUMENT_HEADS = frozenset(
    """report reports survey surveys study studies poll audit analysis review paper statement memo
    memorandum letter filing document documents data figures records article book investigation
    assessment estimate estimates census research findings release indictment complaint lawsuit
    ruling order transcript database index ad ads advertisement message website site page email e-mail
    video post tweet blog column editorial petition sign signs""".split()
)
# Sentence-initial words that are capitalised without being names.
NON_NAME_CAPS = frozenset(
    """the a an and but or so yet he she they it we i you this that these those there here
    in on at for with by from of to as if when while after before since because although
    though however meanwhile still also then now today yesterday tomorrow mr mrs ms dr
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december his her their its our my your
    what who which where why how not no yes one two three many some most all both later earlier
    last next first during under over even only just asked instead such every each another""".split()
)
HONORIFICS = frozenset("mr mrs ms miss dr prof sir lady lord rev".split())

# --- cue verbs ------------------------------------------------------------------------------


def _inflect(lemma: str) -> set[str]:
    """Regular -s / -ed / -ing forms of an English verb lemma (good enough for a lexicon)."""
    forms = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms.update({lemma + "d", lemma[:-1] + "ing"})
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.update({lemma[:-1] + "ied", lemma + "ing"})
    else:
        forms.update({lemma + "ed", lemma + "ing"})
    return forms


def _load_cues() -> dict[str, str]:
    text = resources.files("sourcetrace").joinpath("data/cue_verbs/en.txt").read_text("utf-8")
    forms: dict[str, str] = {}
    for line in text.splitlines():
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        lemma = words[0]
        for form in _inflect(lemma) | set(words[1:]):
            forms.setdefault(form, lemma)
    return forms


CUE_FORMS: dict[str, str] = _load_cues()
# The speech verbs that mark a quotation on their own ("said X", "X told", "X writes").
SPEECH_LEMMAS = frozenset(
    """say tell write add ask note explain continue argue recall insist claim declare state
    tweet post reply respond answer remark observe warn assert contend concede admit acknowledge
    suggest announce report joke quip boast recount comment testify emphasize stress
    caution counter charge allege maintain predict believe think recalls""".split()
)
# Auxiliaries and adverbs that may sit inside a multi-word cue ("has said", "also noted").
CUE_AUX = frozenset("has have had is was were are been be also later then further previously once again".split())

# A capitalised run: optional honorific/title abbreviation, then capitalised words and initials
# ("Mr. Dashtestani", "George W. Bush", "Mahan Abedin", "O’Brien"). Lowercase particles are left
# out on purpose: "Centre for the Study of Terrorism" is then several runs, not one long "name".
RE_NAME_RUN = re.compile(
    # (the lookahead makes every non-capital position fail at once: 3x faster on news text)
    r"\b(?=[A-Z])(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Rev|Sgt|Lt|Col|Capt)\.[ \t]+)?"
    r"[A-Z][\w’'\-]*[a-z][\w’'\-]*(?:[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z][\w’'\-]*[a-z][\w’'\-]*)*(?:,?[ \t]+Jr\.)?"
)
RE_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Prof|Rev|Sgt|Lt|Col|Capt)\.?\s+")
RE_POSSESSIVE = re.compile(r"[’']s$")

