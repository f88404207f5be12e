"""Compiled patterns for the store's reports (speaker-name normalisation for alias merging)."""

from __future__ import annotations

import re

# Honorifics and job titles that precede a name ("Sen. Elizabeth Warren", "President Obama"): stripped
# before names are compared, so "Mr. Disney" and "Disney" are the same surname.
HONORIFICS = (
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "reverend",
    "sen", "senator", "rep", "representative", "gov", "governor", "president", "vice president", "pres",
    "secretary", "minister", "prime minister", "gen", "general", "col", "colonel", "capt", "captain", "lt",
    "sgt", "adm", "admiral", "judge", "justice", "mayor", "chancellor", "ambassador", "speaker", "chairman",
    "chairwoman", "chief", "director", "ayatollah", "sheikh", "king", "queen", "prince", "princess", "pope",
    "father", "sister", "brother", "rabbi", "imam", "former", "the",
)
RE_HONORIFIC = re.compile(
    r"^(?:(?:" + "|".join(sorted((re.escape(h) for h in HONORIFICS), key=len, reverse=True)) + r")\.?\s+)+",
    re.IGNORECASE,
)
# Name suffixes that are not the surname ("Martin Luther King Jr.").
RE_NAME_SUFFIX = re.compile(r",?\s+(?:jr|sr|ii|iii|iv|phd|md)\.?$", re.IGNORECASE)
RE_POSSESSIVE = re.compile(r"['’]s?$")
RE_SPACES = re.compile(r"\s+")
# A token that can be a person's name part: a capitalised word, an initial, or a particle.
RE_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|de|da|del|van|von|der|bin|al|el|la|le|di|du)$")
# Mentions that are pronouns are kept in speakers.aliases but never listed as a speaker's alias.
PRONOUNS = frozenset(
    "i me my we us our you he him his she her hers it its they them their one who this that".split()
)
