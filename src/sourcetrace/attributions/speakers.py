"""Speaker resolution: Article.attributions' sources -> Article.speakers, and Attribution.speaker ids.

Each source is read as a name ("Patrick Disney", "Mr. Trump"), an appositive ("Aaron Kall, the
director of debate at ..."), a pronoun ("He recalls"), a title ("the senator"), an organisation
("the State Department") or a group ("supporters"). Names merge to the fullest form in the article
(surname "Disney" -> "Patrick Disney"); pronouns and titles go to the last fitting person mentioned
before them. `speaker` stays None only when nothing fits.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Article, Attribution, Mention, Speaker
from ..settings import Settings
from .layout import body_spans
from .patterns import (
    CUE_FORMS,
    SPEECH_LEMMAS,
    RE_HONORIFIC,
    RE_NAME_RUN,
    RE_POSSESSIVE,
    DETERMINERS,
    DOCUMENT_HEADS,
    GROUP_HEADS,
    KNOWN_ORGANISATIONS,
    PLACE_NAMES,
    PLACES,
    NON_NAME_CAPS,
    ORG_HEADS,
    PERSON_PRONOUNS,
    PERSON_TITLES,
    PLURAL_PRONOUNS,
)

RE_SENTENCE_STOP = re.compile(r"[.!?;\n]")
TITLE_ABBREVIATIONS = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general"}
FEMALE = frozenset("mrs ms miss she her spokeswoman congresswoman chairwoman businesswoman actress woman mother wife daughter".split())
MALE = frozenset("mr he him his spokesman congressman chairman businessman actor man father husband son".split())
TITLE_WORDS = frozenset("inspector detective officer sergeant lieutenant captain colonel major governor".split())
ORG_NAME_WORDS = ORG_HEADS | frozenset("inc corp news times post journal press watch".split())
PLACES_AND_OUTLETS = PLACES | KNOWN_ORGANISATIONS  # one-word names that are nobody's personal name


@dataclass(slots=True)
class _Entity:
    name: str
    kind: str
    mentions: list[Mention] = field(default_factory=list)
    descriptions: set[str] = field(default_factory=set)
    gender: str = ""
    first: int = 0


def resolve_speakers(article: Article, settings: Settings) -> Article:
    """Return `article` with `speakers` (ids s1.. by first mention) and each Attribution.speaker set."""
    text = article.text
    bodies = body_spans(article)
    names = _name_runs(text, bodies)
    full_names = _full_names(names)
    entities: list[_Entity] = []
    by_key: dict[str, _Entity] = {}

    def entity(name: str, kind: str, at: int) -> _Entity:
        key = name.lower()
        ent = by_key.get(key)
        if ent is None:
            ent = _Entity(name=name, kind=kind, first=at)
            by_key[key] = ent
            entities.append(ent)
        return ent

    resolved: dict[str, _Entity] = {}
    pending: list[Attribution] = []
    documents: list[Attribution] = []
    # Pass 1: sources that name someone (or something) by themselves.
    for att in article.attributions:
        if att.source is None:
            continue
        src = text[att.source.start : att.source.end]
        if src.isupper() and att.cue is not None and text[att.cue.start : att.cue.end] == ":":
            src = src.title()  # a transcript's "WALLACE:" names the person Wallace, not an acronym
        kind, name, mention_kind, desc = _read_source(src)
        if kind == "noise":
            continue  # "There", "Tuesday": a misread span, no speaker
        if kind in ("pronoun", "title", "relative", "none"):
            pending.append(att)
            continue
        if kind == "unknown" and src.strip().lower().startswith(("the ", "that ", "this ")):
            documents.append(att)  # "the statement": perhaps the one a cue before introduced
            continue
        if kind == "person":
            full = _fullest(name, full_names, att.source.start)
            ent = entity(full, "person", att.source.start)
            ent.descriptions |= desc
            ent.gender = ent.gender or _gender(src)
        else:
            ent = entity(name, kind, att.source.start)
        ent.mentions.append(Mention(att.source.start, att.source.end, mention_kind))
        resolved[att.id] = ent
    # Other people the text names with an honorific ("Mr. Dashtestani") or as the subject of a cue
    # verb ("Cyrus Safdari of Iran Affairs suggests") can be what a pronoun points to even when the
    # finder missed them as a source.
    persons = [e for e in entities if e.kind == "person"]
    mentions = _person_mentions(text, names, persons)
    known_starts = {m[0] for m in mentions}
    for start, end, run in names:
        if start in known_starts:
            continue
        if RE_HONORIFIC.match(run) or _speaks(text, start, end, run):
            full = _fullest(RE_HONORIFIC.sub("", run), full_names, start)
            ent = by_key.get(full.lower()) or _Entity(name=full, kind="person", first=start, gender=_gender(run))
            if full.lower() not in by_key:
                by_key[full.lower()] = ent
                entities.append(ent)
            mentions.append((start, end, ent))
    mentions.sort(key=lambda m: m[0])
    # Pass 2: pronouns, relative "who" and titles go to the last fitting person before them.
    for att in pending:
        src = text[att.source.start : att.source.end]
        kind, name, mention_kind, desc = _read_source(src)
        ent = None
        if kind == "none":
            # "The governor called it X and promised Y": a source span of only "and" shares the subject
            # of the attribution just before it, when that one is close; otherwise nobody
            before = [a for a in article.attributions if a.id in resolved and a.source is not None
                      and a.source.start < att.source.start]
            if before and att.source.start - before[-1].source.start < COORDINATION_REACH:
                ent = resolved[before[-1].id]
        elif kind == "relative":
            # "a speaker, Sahand Khoshbaten, who calls himself": the name right before the comma;
            # "Officials, who spoke on condition of anonymity,": the group noun right before it
            named = _apposed_name(text, names, att.source.start)
            antecedent = text[max(0, att.source.start - 40) : att.source.start].split()
            group = antecedent[-1].strip(",").lower() if antecedent else ""
            if named is not None:
                ent = entity(_fullest(named, full_names, att.source.start), "person", att.source.start)
            elif group in GROUP_HEADS:
                ent = entity(antecedent[-1].strip(","), "group", att.source.start)
            else:
                ent = _before(mentions, att.source.start, "", None, window=200)
            if ent is None:
                # "supporters who think ...": the relative pronoun's antecedent is a group noun.
                before = text[max(0, att.source.start - 80) : att.source.start].split()
                for k in range(len(before) - 1, max(-1, len(before) - 5), -1):
                    word = before[k].lower().strip(",")
                    if word in GROUP_HEADS:
                        phrase = " ".join(w.strip(",") for w in before[max(0, k - 2) : k + 1])
                        ent = entity(_strip_det(phrase), "group", att.source.start)
                        break
        elif kind == "pronoun" and name in PLURAL_PRONOUNS:
            ent = _last_group(resolved, article.attributions, att.source.start)
        elif kind == "pronoun":
            ent = _before(mentions, att.source.start, PERSON_PRONOUNS.get(name, ""), None)
        else:
            ent = _before(mentions, att.source.start, _gender(src), desc)
            if ent is None:
                named = _titled_name(text, names, name, att.source.start)
                if named is not None:
                    full = _fullest(named, full_names, att.source.start)
                    ent = entity(full, "person", att.source.start)
                    ent.descriptions.add(name)
                else:
                    # Nobody in the article carries this title: the description is the speaker, a
                    # person ("a spokesman", "a reader") unless it is plural ("those surveyed")
                    described = _clean_span(src)
                    plural = described.lower().startswith(("those ", "these ")) or name.endswith("s") and not name.endswith("ss")
                    ent = entity(_strip_det(described), "group" if plural else "person", att.source.start)
        if ent is None:
            continue
        if ent.name.lower() not in by_key:
            by_key[ent.name.lower()] = ent
            entities.append(ent)
        ent.mentions.append(Mention(att.source.start, att.source.end, mention_kind))
        resolved[att.id] = ent
    # Pass 3: "... the state engineer said in a statement. '...,' the statement said": the statement is
    # the engineer's; a document no cue introduced is its own speaker.
    for att in documents:
        kind, name, mention_kind, _ = _read_source(text[att.source.start : att.source.end])
        ent = _issuer(text, article.attributions, resolved, att, name) or entity(name, kind, att.source.start)
        ent.mentions.append(Mention(att.source.start, att.source.end, mention_kind))
        resolved[att.id] = ent
    used_ids = {id(e) for e in resolved.values()}
    seen = {id(e): {m.start for m in e.mentions} for e in entities}
    # Name occurrences in the text are mentions too (the entity list shows where each one appears).
    for start, end, ent in mentions:
        if start in seen.get(id(ent), ()):
            continue
        if ent.mentions or id(ent) in used_ids:
            ent.mentions.append(Mention(start, end, "name" if " " in text[start:end].strip() else "surname"))
    used = [e for e in entities if id(e) in used_ids]
    used.sort(key=lambda e: min(m.start for m in e.mentions))
    ids = {id(e): f"s{n}" for n, e in enumerate(used, 1)}
    speakers = tuple(
        Speaker(id=ids[id(e)], name=e.name, mentions=tuple(sorted(set(e.mentions), key=lambda m: m.start)), kind=e.kind)
        for e in used
    )
    attributions = tuple(
        dataclasses.replace(a, speaker=ids[id(resolved[a.id])]) if a.id in resolved else a for a in article.attributions
    )
    return dataclasses.replace(article, speakers=speakers, attributions=attributions)


# How far back (characters) "the statement" looks for the cue that introduced it ("said in a statement").
DOCUMENT_REACH = 400


def _issuer(text: str, attributions, resolved: dict, att: Attribution, name: str):
    """The speaker whose earlier cue introduced the document a definite source names: "the statement"
    after "X said in a statement"; None when there is none close before it."""
    head = name.split()[-1].lower() if name else ""
    if not head:
        return None
    for other in reversed(attributions):
        if other.cue is None or other.id not in resolved or other.cue.start >= att.source.start:
            continue
        if att.source.start - other.cue.end > DOCUMENT_REACH:
            break
        if head in text[other.cue.start : other.cue.end + 30].lower().split(".")[0].split():
            return resolved[other.id]
    return None


def _speaks(text: str, start: int, end: int, run: str) -> bool:
    """A two-to-four-word name followed closely by a cue verb in the same sentence, and not inside
    a prepositional phrase ("Cyrus Safdari of Iran Affairs suggests": Safdari, not Iran Affairs)."""
    words = run.split()
    if not 2 <= len(words) <= 4 or any(RE_POSSESSIVE.sub("", w.lower()) in BODY_WORDS for w in words):
        return False
    before = text[max(0, start - 10) : start].lower().replace("*", " ").split()
    if before and before[-1] in ("the", "a", "an"):
        before = before[:-1]  # "a spokeswoman for the Fishermen's Cooperative, said"
    if before and before[-1] in ("of", "at", "from", "for", "with", "by", "in", "to"):
        return False
    after = RE_SENTENCE_STOP.split(text[end : end + 40], maxsplit=1)[0].lower().split()
    return any(CUE_FORMS.get(w.strip("*,")) in SPEECH_LEMMAS for w in after[:5])


def _name_runs(text: str, bodies: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    runs = []
    for a, b in bodies:
        for m in RE_NAME_RUN.finditer(text, a, b):
            run = m.group()
            words = run.split()
            # Drop a sentence-initial capitalised function word ("The Clinton campaign" -> "Clinton").
            start = m.start()
            while words and words[0].lower().strip(".") in NON_NAME_CAPS and not RE_HONORIFIC.match(run):
                start = text.index(words[1], start + len(words[0])) if len(words) > 1 else m.end()
                words = words[1:]
                run = " ".join(words)
            # "Secretary of State John F. Kerry": the word after "of" is the office's, not the name's
            if len(words) >= 3 and text[max(0, start - 3) : start] == "of " and not RE_HONORIFIC.match(run):
                start = text.index(words[1], start + len(words[0]))
                words = words[1:]
                run = " ".join(words)
            if words:
                runs.append((start, m.end(), run))
    return runs


def _read_source(src: str) -> tuple[str, str, str, set[str]]:
    """(kind, name, mention kind, description words) for a source span's text."""
    # Sources repeat a lot ("he", "officials", a name) within and across articles: read each text
    # once per process; the caller gets its own set.
    kind, name, mention_kind, desc = _read_source_cached(src)
    return kind, name, mention_kind, set(desc)


@lru_cache(maxsize=20_000)
def _read_source_cached(src: str) -> tuple[str, str, str, frozenset[str]]:
    kind, name, mention_kind, desc = _read_source_uncached(src)
    return kind, name, mention_kind, frozenset(desc)


# A party or state tag after a politician's name: "(R-Texas)", "I-Vt.", "D-Calif", "(Tex.)"
RE_PARTY_TAG = re.compile(r"\s*\(?\b[RDI]-[A-Z][A-Za-z.]*\)?|\s*\([A-Z][a-z]{1,4}\.\)")
# How a count of people starts: "About two-thirds of Republican voters", "Nearly half", "Hundreds of ..."
COUNT_NOUNS = frozenset("hundreds thousands dozens millions".split())  # alone, a group; leading, a count
QUANTITY_LEADS = COUNT_NOUNS | frozenset("about nearly almost roughly around over more fewer less half most majority "
                                         "minority a-third two-thirds".split())
# Alone as a source: indefinite people ("nobody", "one") are a group the text does not name; fillers and
# times ("There", "Nearly", "Tuesday") are a misread span and name nobody at all.
INDEFINITE_WORDS = frozenset("one two three four five none everyone everybody anyone nobody someone somebody".split())
NOBODY_WORDS = frozenset("there about more nearly night tonight today yesterday tuesday monday wednesday "
                         "thursday friday saturday sunday".split())


def _clean_span(src: str) -> str:
    """A source span without a party tag ("(R-Ga.)"), edge commas, or a cue verb the span caught after a
    title or outlet ("The mayor disagrees", "Bloomberg reports")."""
    s = RE_PARTY_TAG.sub("", src).strip().strip(",")
    words = s.split()
    if (len(words) >= 2 and words[-1].islower() and words[-1].endswith("s") and CUE_FORMS.get(words[-1])
            and (words[-2].lower() in PERSON_TITLES or words[-2].lower() in KNOWN_ORGANISATIONS)):
        s = " ".join(words[:-1])
    return s


def _read_source_uncached(src: str) -> tuple[str, str, str, set[str]]:
    s = _clean_span(src)
    low = s.lower()
    if not any(w.strip(",;:.") not in NOT_A_NAME for w in low.split()):
        return "none", "", "", set()
    # "You’re", "I’m", "They’ve": a pronoun with its verb, not a capitalised name
    low = re.sub(r"[’'](?:re|m|ve|ll|d|s)$", "", low) if " " not in low else low
    if low in PERSON_PRONOUNS or low in ("i", "we", "they", "them", "you", "it"):
        return "pronoun", low, "pronoun", set()
    parts = low.split()
    first_word = parts[0] if parts else ""
    if len(parts) == 1:
        bare = low.strip(".’'").removesuffix("’s").removesuffix("'s")
        if bare in INDEFINITE_WORDS or bare in COUNT_NOUNS or bare in ("those", "these", "others"):
            return "group", bare, "group", set()
        if bare in NOBODY_WORDS or bare in QUANTITY_LEADS:
            return "noise", "", "", set()
        if bare in AFFILIATION_WORDS:
            return "group", s.strip(".’'"), "group", set()  # "Democratic", "Republican" alone: a party's people
        if bare in PLACES_AND_OUTLETS:
            return "organization", s.strip(".’'"), "name", set()  # "Politico reported", "Beijing warned"
        if len(bare) >= 7 and bare.endswith(("ians", "als", "ists")):
            return "group", s.strip(".’'"), "group", set()  # "Millennials", "Lobbyists": no surname ends so
        if low.strip(".") in DOCUMENT_HEADS:
            return "unknown", s.strip("."), "group", set()  # "Poll"
    elif first_word in QUANTITY_LEADS or re.fullmatch(r"\d[\d,.]*%?", first_word):
        return "group", s, "group", set()  # "About two-thirds of Republican primary voters"
    if first_word in QUANTIFIER_PRONOUNS and (len(parts) == 1 or parts[1:] in (["of", "them"], ["of", "us"], ["of", "whom"], ["of", "those"])):
        return "group", first_word, "group", set()  # "many", "some of them": a group the text does not name
    if low in ("who", "whom", "whose", "which", "that") or first_word in ("who", "whom", "whose"):
        # "who spoke on condition of anonymity": a relative clause stands for what it follows
        return "relative", first_word, "pronoun", set()
    head, _, rest = s.partition(",")
    if rest[:3].isdigit() and head[-1:].isdigit():  # "the almost 43,000 voters": a number, not a comma
        head, _, rest = s.partition(", ") if ", " in s else (s, "", "")
    # "the Hill", "the Fed", "the Clintons": a person's name takes no article, so one capitalised word
    # after "the" is an organisation or outlet, or in the plural a family or people
    words = head.split()
    if len(words) == 2 and words[0].lower() == "the" and RE_ONE_CAPITALISED.match(words[1]):
        word = words[1].rstrip(".’'")
        low_word = word.lower()
        if low_word in ORG_NAME_WORDS:  # "the Times", "the Post"
            return "organization", word, "name", set()
        if word.endswith("s") and not word.endswith(("ss", "us")):
            return "group", word, "group", set()  # "the Clintons", "the Saudis"
        if low_word not in PERSON_TITLES:  # "The President", "the Senator" are read as before
            return "organization", word, "name", set()  # "the Hill", "the Vatican", "The Tennessean"
    # "Security experts in the United States", "protest organizers in Cleveland": a plural common noun
    # before a place is the head; the place names nobody who spoke
    m = RE_PLURAL_BEFORE_PLACE.search(head)
    if m:
        kind, name, form, desc = _read_source_uncached(head[: m.end(1)])
        if kind == "group":
            return kind, _strip_det(head).removesuffix(" and").removesuffix(" or"), form, desc
        if kind == "title":
            return kind, name, form, desc
    named = _named_body(head)
    if named is not None:
        return named
    # "Cyrus Safdari of Iran Affairs", "Patrick Disney at Foreign Policy": the person comes first.
    m = re.match(r"^(.*?[A-Z][\w’'\-]*)\s+(?:of|at|from|with)\s+\S", head)
    if m and RE_NAME_RUN.search(m.group(1)) and not (head.split()[-1][:1].islower()):
        rest = head[m.end(1) :] + " " + rest
        head = m.group(1)
    desc = {w.lower().strip(".") for w in re.findall(r"[A-Za-z.]+", rest)} & PERSON_TITLES
    words = head.split()
    if words and words[0].lower() in GROUP_HEADS:
        return "group", head, "group", set()
    # "No Iranian", "Every Republican", "An American": a quantifier and a demonym or party, not a name
    if len(words) == 2 and words[0].lower() in _QUANTIFIERS and RE_DEMONYM.match(words[1]):
        # named in the plural where English has one, so "No Iranian" and "Iranians" are one group
        plural = words[1] if words[1].endswith(("ese", "ish", "ch")) else words[1] + "s"
        return "group", plural, "group", set()
    runs = [m.group() for m in RE_NAME_RUN.finditer(head)]
    runs = [r for r in (_strip_function_words(r) for r in runs) if r]
    # party and nationality words ("One Republican presidential hopeful") are no names; "the Republican"
    # alone stands for someone the text called that
    if len(words) == 2 and words[0].lower() in DETERMINERS and words[1].lower() in AFFILIATION_WORDS:
        return "title", words[1].lower(), "title", {words[1].lower()}
    runs = [r for r in runs if r.lower() not in AFFILIATION_WORDS]
    ends_in_title = bool(words) and RE_POSSESSIVE.sub("", words[-1].lower()) in PERSON_TITLES
    if (not runs or ends_in_title) and rest.strip():
        # "the mayor, Paul Dunne": a description, then the name as an appositive.
        after = _strip_function_words(next((m.group() for m in RE_NAME_RUN.finditer(rest.strip())), ""))
        if after and rest.strip().startswith(after.split()[0]):
            title = RE_POSSESSIVE.sub("", words[-1].lower()) if words else ""
            return "person", after, "name", desc | ({title} & PERSON_TITLES)
    runs = [r for r in (_strip_function_words(r) for r in runs) if r]
    last_low = words[-1].lower().strip(".,’'s") if words else ""
    lead = {w.lower().strip(".") for w in words}
    desc |= {TITLE_ABBREVIATIONS.get(w, w) for w in lead} & (PERSON_TITLES | set(TITLE_ABBREVIATIONS.values()))
    if words and words[-1][:1].islower():
        # The noun phrase ends in a common noun: "the State Department's spokesman", "supporters".
        head_noun = RE_POSSESSIVE.sub("", words[-1].lower())
        # a plural head ("Local farmers", "Clinton supporters") is a group whatever capitals precede it,
        # unless it belongs to someone ("Mrs. Clinton's proposals" are hers: read as before)
        owned = any(RE_POSSESSIVE.search(w) for w in words[:-1])
        if head_noun in GROUP_HEADS or (head_noun.endswith("s") and not head_noun.endswith("ss")
                                        and head_noun not in PERSON_TITLES and (not runs or not owned)):
            return "group", _strip_det(head), "group", set()
        if head_noun in ORG_HEADS:
            return "organization", _strip_det(head), "group", set()
        if head_noun in DOCUMENT_HEADS:
            # a document, neither person nor group; "a new Washington Post-ABC News poll" is named from
            # its publisher on: "Washington Post-ABC News poll"
            first_cap = next((k for k, w in enumerate(words) if w[:1].isupper() and w.lower() not in DETERMINERS), None)
            return "unknown", " ".join(words[first_cap:]) if first_cap is not None else _strip_det(head), "group", set()
        # "A Democratic source", "a Republican aide": party and nationality words describe, they name nobody
        describing = all(w.strip(",").lower() in AFFILIATION_WORDS for w in words[:-1] if w[:1].isupper() and w.lower() not in DETERMINERS)
        if head_noun in PERSON_TITLES or not runs or describing:
            return "title", head_noun, "title", desc | {head_noun}
    if not runs:
        return "group", _strip_det(head), "group", set()
    name = runs[-1]
    name_words = [RE_POSSESSIVE.sub("", w).lower() for w in name.split()]
    if any(w in ORG_NAME_WORDS for w in name_words) or last_low in ORG_HEADS:
        return "organization", _strip_det(name), "name", set()
    last_word = name.split()[-1].lower()
    if name.lower() in GROUP_HEADS or name.endswith("s") and (last_word in GROUP_HEADS or last_word[:-1] in PERSON_TITLES):
        return "group", name, "group", set()  # "GOP Candidates": a title in the plural
    if name.lower() in PLACE_NAMES and len(words) <= len(name.split()) + 1:
        return "organization", name, "name", set()  # "the United States": its government
    if len(name.split()) == 1 and last_word in PLACES_AND_OUTLETS:
        if len(words) <= 2:
            return "organization", name, "name", set()  # "the Kremlin", "Iowa": the place or outlet itself
        titles = [w.lower().strip(",") for w in words if w.lower().strip(",") in PERSON_TITLES]
        if titles:  # "the far-right leader in France": a person described, not France
            return "title", titles[-1], "title", desc | {titles[-1]}
    if len(RE_HONORIFIC.sub("", name).split()) == 1:
        return "person", name, "surname", desc
    return "person", name, "name", desc


RE_ONE_CAPITALISED = re.compile(r"^[A-Z][a-z]+[.’']?$")
# A plural common noun, then a preposition of place: the noun phrase's head ends before it.
RE_PLURAL_BEFORE_PLACE = re.compile(
    r"\b([a-z][a-z-]*[^s\W]s|people|men|women|children|police)\s+(?:in|from|across|around|outside|throughout|inside)\s"
)


# A capitalised phrase whose words may be joined by lower-case particles: "Alliance to Reclaim Our
# Schools", "Centre for the Study of Terrorism", "Secretary of State John Kerry".
RE_CAPITALISED_PHRASE = re.compile(
    r"[A-Z][\w’'&.-]*(?:\s+(?:(?:of|for|the|on|to|and|&|de|du|des|la|le)\s+)*[A-Z][\w’'&.-]*)*"
)
# "The Times on Saturday", "the Council in March": the day or month is no part of the name
RE_TRAILING_DAY = re.compile(
    r"\s+(?:on|in|the|of)\s+(?:the\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
    r"March|April|May|June|July|August|September|October|November|December)\b.*$"
)
BODY_WORDS = ORG_NAME_WORDS | frozenset(
    """alliance bank center centre institute institution university college school hospital foundation
    cooperative co-op
    association federation league coalition union network council commission authority agency
    ministry department office bureau committee organization organisation corporation company group
    party fund trust project program programme initiative forum society""".split()
)


def _named_body(head: str) -> tuple[str, str, str, set[str]] | None:
    """An organisation named in full ("the event organizer Alliance to Reclaim Our Schools (AROS)" ->
    "Alliance to Reclaim Our Schools") or a person after a title of office ("Secretary of State John
    Kerry" -> "John Kerry"); None when the source is neither."""
    phrases = [RE_TRAILING_DAY.sub("", m.group()).rstrip(".") for m in RE_CAPITALISED_PHRASE.finditer(head)]
    phrases = [p for p in phrases if " " in p]
    # the head noun phrase comes first: "The Tax Policy Center at the Urban Institute" is the Center
    phrase = next((p for p in phrases if any(w.lower() in BODY_WORDS or w.lower() in PERSON_TITLES for w in p.split())), None)
    if phrase is None:
        return None
    words = phrase.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    if len(words) < 2:
        return None
    owner = next((k for k, w in enumerate(words[:-1]) if RE_POSSESSIVE.search(w)), None)
    if owner is not None:
        # "the Department of Homeland Security's Jeh Johnson": a person of the organisation
        person = _strip_function_words(" ".join(words[owner + 1 :]))
        if len(person.split()) < 2:
            return None  # "Trump's Twitter", "the Department's spokesman": read as before
        return "person", person, "name", set()
    lows = [w.lower() for w in words]
    if lows[0] in PERSON_TITLES and "of" in lows:
        # "Secretary of State John Kerry": a title of office, then the name (its last two words)
        after = words[lows.index("of") + 1 :]
        if len(after) >= 3 and all(w[:1].isupper() for w in after[-2:]):
            take = 3 if len(after) >= 4 and re.fullmatch(r"[A-Z]\.", after[-2]) else 2  # "John F. Kerry"
            return "person", " ".join(after[-take:]), "name", {lows[0]}
        return None
    particles = [k for k, w in enumerate(lows) if w in ("of", "for", "to", "on", "and", "&", "at")]
    if not particles or not any(w in BODY_WORDS for w in lows):
        return None  # a plain capitalised run is read as before (it is one name run already)
    lead = lows[: particles[0]]
    if len(lead) >= 2 and not any(w in BODY_WORDS for w in lead):
        return None  # "John Smith of the University of Michigan": a person first
    return "organization", " ".join(words), "name", set()


# How far (characters) a coordinated "and promised" reaches back for its subject's attribution.
COORDINATION_REACH = 150
# Function words that name nobody on their own (a source span of only these, e.g. "and", is noise).
NOT_A_NAME = frozenset("and or but nor the a an of to in on at by for with from as".split()) | {""}
# Party and nationality adjectives: they describe a person or group, they are nobody's name ("Brian"
# and "Ryan" end like demonyms, so this is a list, not a pattern).
AFFILIATION_WORDS = frozenset(
    """democratic republican democrat gop conservative liberal progressive libertarian independent american
    british english french german italian spanish russian chinese japanese indian pakistani iranian iraqi
    israeli palestinian syrian turkish egyptian mexican canadian brazilian ukrainian korean european african
    asian arab muslim jewish catholic evangelical""".split()
)
QUANTIFIER_PRONOUNS = frozenset("many some several others most few both all each".split())
_QUANTIFIERS = frozenset("no every any each an a one some many most few".split())
# Demonyms and party members: "Iranian", "Chinese", "British", "Iraqi", "Republican", "Democrat".
RE_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|an|ese|ish|i|ic|er|rat)$")


@lru_cache(maxsize=50_000)  # pure and called for every name run of every article
def _strip_function_words(run: str) -> str:
    words = run.split()
    while words and words[0].lower().strip(".") in NON_NAME_CAPS and not RE_HONORIFIC.match(run):
        words = words[1:]
    # "Senator Julia Marsh", "Inspector Ravi Shah": a leading title is a description, not the name;
    # so is a longer one ending in a title word, when a full name follows ("City Attorney Brad Holm")
    while len(words) > 1 and (words[0].lower() in PERSON_TITLES or words[0].lower() in TITLE_WORDS):
        words = words[1:]
    titled = [k for k, w in enumerate(words[:-2]) if w.lower() in PERSON_TITLES]
    if titled:
        words = words[titled[-1] + 1 :]
    # "Republican Donald Trump": a party word before a person's name (not "Republican National Committee")
    while len(words) > 2 and words[0].lower() in AFFILIATION_WORDS and not any(w.lower() in BODY_WORDS for w in words):
        words = words[1:]
    return " ".join(words)


def _strip_det(s: str) -> str:
    words = s.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words) or s


@lru_cache(maxsize=50_000)  # pure and called for every name run of every article
def _surname(name: str) -> str:
    words = RE_HONORIFIC.sub("", name).replace(", Jr.", "").replace(" Jr.", "").split()
    return RE_POSSESSIVE.sub("", words[-1]) if words else name


def _full_names(names: list[tuple[int, int, str]]) -> dict[str, list[tuple[int, str]]]:
    """Multi-word person-like names by surname: {"Disney": [(start, "Patrick Disney")]}."""
    index: dict[str, list[tuple[int, str]]] = {}
    for start, _, run in names:
        run = _strip_function_words(RE_POSSESSIVE.sub("", RE_HONORIFIC.sub("", run)))
        words = run.split()
        owners = [k for k, w in enumerate(words[:-1]) if RE_POSSESSIVE.search(w)]
        if owners:  # "Security's Jeh Johnson": the name is what follows the owner
            words = words[owners[-1] + 1 :]
            run = " ".join(words)
        if len(words) < 2 or len(words) > 4 or any(w.lower() in ORG_NAME_WORDS for w in words):
            continue
        index.setdefault(_surname(run), []).append((start, run))
    return index


def _fullest(name: str, full_names: dict[str, list[tuple[int, str]]], at: int) -> str:
    """The longest name in the article ending in `name`'s surname, preferring ones before `at`."""
    bare = RE_HONORIFIC.sub("", RE_POSSESSIVE.sub("", name))
    surname = _surname(bare)
    best = bare
    best_key = (len(bare.split()) > 1, 0)
    for start, run in full_names.get(surname, ()):
        key = (True, (1 if start < at else 0) * 10 + len(run.split()))
        if key > best_key:
            best, best_key = run, key
    return best


def _apposed_name(text: str, names, at: int) -> str | None:
    """A person-like name (two to four capitalised words) that ends right before `at` but for a comma:
    what a relative "who" there refers to."""
    for start, end, run in reversed(names):
        if end > at:
            continue
        if text[end:at].strip() not in (",", ""):
            return None
        run = _strip_function_words(RE_POSSESSIVE.sub("", RE_HONORIFIC.sub("", run)))
        words = run.split()
        if 2 <= len(words) <= 4 and not any(w.lower() in ORG_NAME_WORDS for w in words):
            return run
        return None
    return None


def _titled_name(text: str, names, title: str, at: int) -> str | None:
    """The last name before `at` written with `title` ("Senator Julia Marsh", "Kall, the director")."""
    best = None
    keys = (title, *[k for k, v in TITLE_ABBREVIATIONS.items() if v == title])
    for start, end, run in names:
        if start >= at:
            break
        window = text[max(0, start - 40) : end + 40].lower()
        if not any(k in window for k in keys):
            continue
        words = run.split()
        head = text[max(0, start - 40) : start].lower().split()
        # only within the name's own sentence: "Ines Park, a hydrologist. A state survey found" does
        # not make her the survey
        tail = RE_SENTENCE_STOP.split(text[end : end + 40], maxsplit=1)[0].lower().replace(",", " ").split()
        if run.lower() in PLACES_AND_OUTLETS:
            continue  # "in Iowa, the candidate": a place is nobody's name
        if (
            words[0].lower().rstrip(".") in keys
            or (head and head[-1].strip(",") == title)
            or (len(tail) > 1 and tail[0] in ("the", "a", "an") and title in tail[1:5])
        ):
            best = _strip_function_words(RE_HONORIFIC.sub("", run))
    return best or None


@lru_cache(maxsize=50_000)  # pure and called for every name run of every article
def _gender(src: str) -> str:
    words = {w.lower().strip(".") for w in re.findall(r"[A-Za-z.]+", src)}
    if words & FEMALE:
        return "f"
    if words & MALE:
        return "m"
    return ""


def _person_mentions(text: str, names, persons: list[_Entity]) -> list[tuple[int, int, _Entity]]:
    """Every name run that is one of the known persons (by full name or surname)."""
    by_surname: dict[str, _Entity] = {}
    for e in persons:
        by_surname.setdefault(_surname(e.name), e)
    found = []
    for start, end, run in names:
        bare = RE_POSSESSIVE.sub("", RE_HONORIFIC.sub("", run))
        ent = by_surname.get(_surname(bare))
        if ent is not None:
            found.append((start, end, ent))
    return found


def _before(mentions, at: int, gender: str, desc: set[str] | None, window: int = 5000) -> _Entity | None:
    """The person mentioned last before `at` that fits `gender` and (if given) has a description."""
    for start, _, ent in reversed(mentions):
        if start >= at:
            continue
        if at - start > window:
            return None
        if ent.kind != "person":
            continue
        if gender and ent.gender and ent.gender != gender:
            continue
        if desc is not None and not (desc & ent.descriptions):
            continue
        return ent
    return None


# How far back "they" may look for the group or organisation it stands for: about two paragraphs.
PLURAL_WINDOW = 1500


def _last_group(resolved: dict[str, _Entity], attributions, at: int) -> _Entity | None:
    """The group or organisation that was the source of the last attribution before `at`, if it is
    close enough for "they" to point back to it."""
    best = None
    for att in attributions:
        ent = resolved.get(att.id)
        if ent is None or att.source is None or att.source.start >= at or at - att.source.start > PLURAL_WINDOW:
            continue
        if ent.kind in ("group", "organization"):
            best = ent
    return best
