"""attributions.speakers: canonical speakers for sources (names, surnames, pronouns, titles, groups)."""

from __future__ import annotations

import pytest

from sourcetrace.attributions import resolve_speakers
from sourcetrace.model import Article, Attribution, Span


def _article(text: str, sources: list[str]) -> Article:
    """An Article whose attributions have the given source strings (each found after the last)."""
    atts = []
    pos = 0
    for n, src in enumerate(sources, 1):
        start = text.index(src, pos)
        end = start + len(src)
        atts.append(Attribution(id=f"q{n}", kind="indirect", content=(Span(end, end + 1),), source=Span(start, end)))
        pos = end
    return Article(text=text, attributions=tuple(atts))


def _only_speaker(text: str, source: str, settings) -> tuple[str, str]:
    """(kind, name) of the one speaker of a text whose one attribution has `source`."""
    speaker = resolve_speakers(_article(text, [source]), settings).speakers[0]
    return speaker.kind, speaker.name


def _speaker_names(text: str, sources: list[str], settings) -> list[str | None]:
    article = resolve_speakers(_article(text, sources), settings)
    return [article.speaker(a.speaker).name if a.speaker else None for a in article.attributions]


@pytest.mark.parametrize(
    ("text", "sources", "expected"),
    [
        # surname -> the full name seen earlier
        ("Patrick Disney wrote a column. Disney asserts that it is over.", ["Patrick Disney", "Disney"], ["Patrick Disney", "Patrick Disney"]),
        # honorific + surname
        ("Donald Trump spoke. Mr. Trump said it was great.", ["Donald Trump", "Mr. Trump"], ["Donald Trump", "Donald Trump"]),
        # pronoun -> last fitting named person before it
        ("One defector, Mr. Dashtestani, escaped. He recalls the camp.", ["He"], ["Dashtestani"]),
        ("Mahan Abedin believes it. Abedin contends more. He writes that it failed.", ["Mahan Abedin", "Abedin", "He"], ["Mahan Abedin"] * 3),
        # appositives: the name, not the description
        ("Aaron Kall, the director of debate at Michigan, said it.", ["Aaron Kall, the director of debate at Michigan"], ["Aaron Kall"]),
        ("The mayor, Paul Dunne, said it.", ["The mayor, Paul Dunne"], ["Paul Dunne"]),
        ("Another RT America host, Abby Martin, said it.", ["Another RT America host, Abby Martin,"], ["Abby Martin"]),
        ("Breitbart News host Alex Marlow said it.", ["Breitbart News host Alex Marlow"], ["Alex Marlow"]),
        # title -> the person written with that title earlier
        ("Senator Julia Marsh arrived late. The senator said no.", ["The senator"], ["Julia Marsh"]),
        # organisations and groups are speakers too
        ("According to the State Department, it is paid.", ["the State Department"], ["State Department"]),
        ("Supporters say it will work.", ["Supporters"], ["Supporters"]),
        # a document is its own source: never the person named in the sentence before it
        ('"It is dying," said Ines Park, a hydrologist. A state survey found that it doubled.',
         ["Ines Park, a hydrologist", "A state survey"], ["Ines Park", "state survey"]),
        ("Ann Lee spoke first. The report says it will fall.", ["Ann Lee", "The report"], ["Ann Lee", "report"]),
        ("A new Harbor Gazette-Metro poll shows him ahead.", ["A new Harbor Gazette-Metro poll"], ["Harbor Gazette-Metro poll"]),
        # organisations named in full, particles and all
        ("The walk-in drew 100,000, according to the event organizer Alliance to Reclaim Our Schools (AROS).",
         ["the event organizer Alliance to Reclaim Our Schools (AROS)"], ["Alliance to Reclaim Our Schools"]),
        ("The Centre for the Study of Terrorism says it grew.", ["The Centre for the Study of Terrorism"], ["Centre for the Study of Terrorism"]),
        ("The Tax Policy Center at the Urban Institute found it.", ["The Tax Policy Center at the Urban Institute"], ["Tax Policy Center"]),
        ("The Times on Saturday reported it.", ["The Times on Saturday"], ["Times"]),
        # a person: titles of office and long descriptions before the name are not the name
        ("Secretary of State John F. Kerry said so. Kerry left.", ["Secretary of State John F. Kerry", "Kerry"], ["John F. Kerry"] * 2),
        ("White House Press Secretary Josh Earnest said so. Earnest left.", ["White House Press Secretary Josh Earnest", "Earnest"],
         ["Josh Earnest"] * 2),
        ("John Smith of the University of Michigan said so.", ["John Smith of the University of Michigan"], ["John Smith"]),
        ("The Department of Homeland Security's Jeh Johnson said so.", ["The Department of Homeland Security's Jeh Johnson"], ["Jeh Johnson"]),
        ("Councilman Ed Park asked why.", ["Councilman Ed Park"], ["Ed Park"]),
        # a plural head is a group, not the capitalised word before it; unless it is someone's
        ("Local farmers told the paper so.", ["Local farmers"], ["Local farmers"]),
        # a party or nationality word describes: "A Democratic source" is no person called "Democratic"
        ("A Democratic source said the vote would fail.", ["A Democratic source"], ["Democratic source"]),
        ("Many of his supporters said so.", ["Many of his supporters"], ["Many of his supporters"]),
        # a party tag after the name is no name ("D-Nev" was the speaker)
        ("Senate Minority Leader Harry Reid (D-Nev.) said so. Reid left.", ["Senate Minority Leader Harry Reid (D-Nev.)", "Reid"],
         ["Harry Reid", "Harry Reid"]),
        ("Sen. Ted Cruz, R-Texas, said so.", ["Sen. Ted Cruz, R-Texas,"], ["Ted Cruz"]),
        ("Sen. Ted Cruz (Tex.) said so.", ["Sen. Ted Cruz (Tex.)"], ["Ted Cruz"]),
        ("9/11 widow Terry Strada said so.", ["9/11 widow Terry Strada"], ["Terry Strada"]),
        # party and nationality words describe; first names that end like them stay names
        ("One Republican presidential hopeful, Carly Fiorina, said so.", ["One Republican presidential hopeful, Carly Fiorina,"],
         ["Carly Fiorina"]),
        ("Republican Donald Trump spoke. Trump said so.", ["Republican Donald Trump", "Trump"], ["Donald Trump", "Donald Trump"]),
        ("Brian Christian said so.", ["Brian Christian"], ["Brian Christian"]),
        # an unnamed person is one person, a plural description a group
        ("A reader wrote that it was wrong.", ["A reader"], ["reader"]),
        # a cue verb caught in the span ("The mayor disagrees:") is not part of the speaker
        ('Mayor Ann Lee spoke. The mayor disagrees: "This road is our future."', ["Mayor Ann Lee", "The mayor disagrees"],
         ["Ann Lee", "Ann Lee"]),
        ("Mrs. Clinton's proposals would cost more, Ann Lee said. Mrs. Clinton's proposals say so.",
         ["Ann Lee", "Mrs. Clinton's proposals"], ["Ann Lee", "Clinton"]),
        # "she" is the spokeswoman, not the organisation named (and speaking) inside her description
        ("Maria Chen, a spokeswoman for the Fishermen's Cooperative, said they would appeal. Later she said more.",
         ["Maria Chen, a spokeswoman for the Fishermen's Cooperative,", "she"], ["Maria Chen", "Maria Chen"]),
        # a source span of only "and" shares the subject of the attribution just before it
        ('The governor called the delay "unacceptable" and promised an inquiry.', ["The governor", "and"],
         ["governor", "governor"]),
        # a relative clause as the source stands for the group noun before it
        ("Engineer Tom Ruiz warned of costs. Officials, who spoke on condition of anonymity, said it grew.",
         ["Engineer Tom Ruiz", "who spoke on condition of anonymity,"], ["Tom Ruiz", "Officials"]),
    ],
)
def test_speakers_resolve(text, sources, expected, settings):
    assert _speaker_names(text, sources, settings) == expected


@pytest.mark.parametrize(
    ("text", "source", "kind"),
    [
        ("The State Department said so.", "The State Department", "organization"),
        ("The Clinton campaign said so.", "The Clinton campaign", "organization"),
        ("Officials said so.", "Officials", "group"),
        ("Ann Lee said so.", "Ann Lee", "person"),
        ("The study found so.", "The study", "unknown"),
        ("Human Rights Watch said so.", "Human Rights Watch", "organization"),
        ("Local farmers told the paper so.", "Local farmers", "group"),
        ("Many said so.", "Many", "group"),
        ("Politico reported so.", "Politico", "organization"),
        ("Beijing warned so.", "Beijing", "organization"),
        ("The ad says so.", "The ad", "unknown"),
        ("GOP Candidates said so.", "GOP Candidates", "group"),
        ("About two-thirds of Republican voters said so.", "About two-thirds of Republican voters", "group"),
        ("73 percent said so.", "73 percent", "group"),
        ("Poll finds so.", "Poll", "unknown"),
        ("The United States said so.", "The United States", "organization"),
        ("Bloomberg reports so.", "Bloomberg reports", "organization"),
        ("Those surveyed said so.", "Those surveyed", "group"),
        ("A reader wrote so.", "A reader", "person"),
        ("Federal investigators said so.", "Federal investigators", "group"),
        ("The Council on Foreign Relations said so.", "The Council on Foreign Relations", "organization"),
    ],
)
def test_speakers_kind(text, source, kind, settings):
    article = resolve_speakers(_article(text, [source]), settings)
    assert article.speakers[0].kind == kind


def test_speakers_entity_lists_all_mentions(settings):
    text = "Patrick Disney wrote it. Disney asserts more. Later Disney said again."
    article = resolve_speakers(_article(text, ["Patrick Disney", "Disney"]), settings)
    assert len(article.speakers) == 1
    mentions = [text[m.start : m.end] for m in article.speakers[0].mentions]
    assert mentions == ["Patrick Disney", "Disney", "Disney"]


def test_speakers_a_misread_filler_names_nobody(settings):
    article = resolve_speakers(_article("Ann Lee spoke. There was more, it said.", ["Ann Lee", "There"]), settings)
    assert [article.speaker(a.speaker).name if a.speaker else None for a in article.attributions] == ["Ann Lee", None]


def test_speakers_none_without_source_or_antecedent(settings):
    text = "It was reported that taxes rise. He said so."
    article = resolve_speakers(_article(text, ["He"]), settings)
    assert article.attributions[0].speaker is None
    assert article.speakers == ()


@pytest.mark.parametrize(
    ("gap", "expected"),
    [
        (" The vote is next week.", "farmers"),  # "they" right after the group spoke: that group
        (" The vote is next week." * 80, None),  # two thousand characters later: no antecedent to trust
    ],
)
def test_speakers_plural_pronoun_needs_a_near_group(settings, gap, expected):
    text = f"Across the valley, the farmers say the quota is too low.{gap} They argue that the season is short."
    assert _speaker_names(text, ["the farmers", "They"], settings)[1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the relative pronoun points to the name right before its comma, not to an earlier speaker
        ("Senator Ann Wells spoke first. A young speaker, Sam Okoro, who calls himself a reformer, spoke next.", "Sam Okoro"),
        # no name right before "who": the last person mentioned nearby
        ("Senator Ann Wells spoke first, and she is the one who calls herself a reformer.", "Ann Wells"),
    ],
)
def test_speakers_relative_who_takes_the_apposed_name(settings, text, expected):
    sources = ["Senator Ann Wells", "who"]
    assert _speaker_names(text, sources, settings)[1] == expected


@pytest.mark.parametrize("source", ["You’re", "I'm", "They’ve"])
def test_speakers_pronoun_contraction_is_no_name(settings, source):
    text = f"Nobody warned us. {source} told it hits you at once."
    assert _speaker_names(text, [source], settings) == [None]


@pytest.mark.parametrize(
    ("source", "kind", "name"),
    [("No Iranian", "group", "Iranians"), ("Every Republican", "group", "Republicans"), ("No Chinese", "group", "Chinese"),
     ("Mr. Iranian", "person", "Iranian")],
)
def test_speakers_quantified_demonym_is_a_group(settings, source, kind, name):
    assert _only_speaker(f"It was a long day. {source} would agree with that motto.", source, settings) == (kind, name)


@pytest.mark.parametrize(
    ("source", "kind", "name"),
    [
        # a plural common noun before a place is the head: the place did not speak
        ("Security experts in the United States", "group", "Security experts in the United States"),
        ("protest organizers in Cleveland", "group", "protest organizers in Cleveland"),
        ("Latino voters in Florida", "group", "Latino voters in Florida"),
        ("the 10,000 people in the arena", "group", "10,000 people in the arena"),
        ("some Republican leaders in the state", "group", "some Republican leaders in the state"),
        # a singular title before a place is read as before: someone described, not the place
        ("the far-right leader in France", "person", "far-right leader in France"),
        # a person's name takes no article: one capitalised word after "the" is an outlet or body ...
        ("The Hill", "organization", "Hill"),
        ("the Fed", "organization", "Fed"),
        ("The Census", "organization", "Census"),
        ("the Times", "organization", "Times"),
        # ... or, in the plural, a family or a people; a title stays a title
        ("the Clintons", "group", "Clintons"),
        ("The Saudis", "group", "Saudis"),
        ("The President", "person", "President"),
        # one plural word that no surname looks like is a group; a surname in -s stays a person
        ("Millennials", "group", "Millennials"),
        ("Environmentalists", "group", "Environmentalists"),
        ("Evans", "person", "Evans"),
        # a person in apposition is still the person
        ("The party chairman, Kelly Armstrong", "person", "Kelly Armstrong"),
    ],
)
def test_speakers_places_and_articles_name_nobody(settings, source, kind, name):
    assert _only_speaker(f"It was a long day. {source} said the vote would be close.", source, settings) == (kind, name)
