"""speaker-mismatch and date-mismatch on hand-built Articles: what fires and, above all, what must not."""

from __future__ import annotations

import pytest

from checks.checks_build import Q, R, build
from sourcetrace.checks.mismatch import check_dates, check_speakers

DISNEY = R('[2] Disney, Patrick. "The Middle East Channel." *Foreign Policy*. The Slate Group, 22 September 2010. Web.',
           "2", (("Disney", "Patrick"),), "The Middle East Channel.", "Foreign Policy", "The Slate Group", "2010-09-22", "Web")
INTERVIEW = R("[2] Dashtestani, Mahmoud. *Nejat Society*. Interview by Habilian Association. 09 October 2010. Web.",
              "2", (("Dashtestani", "Mahmoud"),), None, "Nejat Society", None, "2010-10-09", "Interview by Habilian Association")
ABOUT = R('[2] Reed, Anna. "An interview with Carla Moreno." *Delta Weekly* 3 May 2011.',
          "2", (("Reed", "Anna"),), "An interview with Carla Moreno.", "Delta Weekly", None, "2011-05-03")
NEWSWEEK = R('[2] Iskoff, Michael. "A Baghdad Connection." *Newsweek* 26 September 2002. Web.',
             "2", (("Iskoff", "Michael"),), "A Baghdad Connection.", "Newsweek", None, "2002-09-26", "Web")
NYT_LINK = R("[2] https://www.nytimes.com/2020/01/21/health/virus.html", "2", (), None, "nytimes.com",
             urls=(("https://www.nytimes.com/2020/01/21/health/virus.html", "ok"),))
TPC_LINK = R("[2] https://www.taxpolicycenter.org/taxvox/tariffs", "2", (), None, "taxpolicycenter.org",
             urls=(("https://www.taxpolicycenter.org/taxvox/tariffs", "ok"),))
MAYOR = R('[2] Office of the Mayor. "Statement on the Budget Delay." City of Valdera, 4 March 2021.',
          "2", (("Office of the Mayor", ""),), "Statement on the Budget Delay.", "City of Valdera", None, "2021-03-04")
DEA_STORY = R('[2] Lund, Ada. "Drug Enforcement Administration Warns of Counterfeit Pills." *Harbor Gazette* 2 May 2021.',
              "2", (("Lund", "Ada"),), "Drug Enforcement Administration Warns of Counterfeit Pills.", "Harbor Gazette", None,
              "2021-05-02")
CBO_STORY = R('[2] Lund, Ada. "CBO Scores the Harbor Bill." *Harbor Gazette* 2 May 2021.',
              "2", (("Lund", "Ada"),), "CBO Scores the Harbor Bill.", "Harbor Gazette", None, "2021-05-02")
NO_AUTHOR = R('[2] "Rally in the park." *Harbor Gazette* 27 September 2010. Web.',
              "2", (), "Rally in the park.", "Harbor Gazette", None, "2010-09-27", "Web")


def _speaker_findings(sentence: str, quote: str, source: str, name: str, ref: R, kind: str = "person"):
    text = sentence + "\n\n" + ref.raw
    article = build(
        text,
        quotes=[Q(quote, source, None, "s1")],
        speakers=[("s1", name, kind)],
        refs=[ref],
        markers=["2"],
        links=[(1, "2", "marker", "2")],
    )
    return list(check_speakers(article, None))


@pytest.mark.parametrize(
    ("sentence", "quote", "source", "name", "ref"),
    [
        # a quote of Safdari cited to a piece by Disney
        ('Cyrus Safdari of *Iran Affairs* says that "the only group they could tie him to was the MEK."[2]',
         '"the only group they could tie him to was the MEK."', "Cyrus Safdari of *Iran Affairs*", "Cyrus Safdari", DISNEY),
        # the author's own outlet named, but the reference is someone else's piece there
        ('Laura Whitcombe of *Foreign Policy* wrote that "the plan was flawed."[2]',
         '"the plan was flawed."', "Laura Whitcombe of *Foreign Policy*", "Laura Whitcombe", DISNEY),
        # "told Newsweek" while the reference is a Foreign Policy piece by the speaker
        ('Patrick Disney told *Newsweek* that "the group has no support."[2]',
         '"the group has no support."', "Patrick Disney", "Patrick Disney", DISNEY),
        # no author on the reference, and the speaker's outlet is not the reference's
        ('Cyrus Safdari of *Iran Affairs* says "it was a farce."[2]',
         '"it was a farce."', "Cyrus Safdari of *Iran Affairs*", "Cyrus Safdari", NO_AUTHOR),
        # ... nor spelled in its domain
        ('Cyrus Safdari of *Iran Affairs* says "it was a farce."[2]',
         '"it was a farce."', "Cyrus Safdari of *Iran Affairs*", "Cyrus Safdari", NYT_LINK),
    ],
)
def test_mismatch_speaker_fires(sentence, quote, source, name, ref):
    found = _speaker_findings(sentence, quote, source, name, ref)
    assert [f.code for f in found] == ["speaker-mismatch"]
    assert found[0].references == ("r1",) and found[0].attributions == ("q1",)
    assert name.split()[-1] in found[0].message


@pytest.mark.parametrize(
    ("sentence", "quote", "source", "name", "ref", "kind"),
    [
        # the speaker is the author
        ('Patrick Disney of *Foreign Policy* asserts that "the MEK has zero support."[2]',
         '"the MEK has zero support."', "Patrick Disney of *Foreign Policy*", "Patrick Disney", DISNEY, "person"),
        # surname only, with a title
        ('Mr. Disney asserts that "the MEK has zero support."[2]', '"the MEK has zero support."', "Mr. Disney", "Mr. Disney", DISNEY, "person"),
        # an interview of the speaker, conducted by an organisation
        ('He recalls, "I was never asked a question."[2]', '"I was never asked a question."', "He", "Mr. Dashtestani", INTERVIEW, "person"),
        # the speaker is the subject named in the title
        ('Carla Moreno said "the river is dying."[2]', '"the river is dying."', "Carla Moreno", "Carla Moreno", ABOUT, "person"),
        # the text says the cited outlet reported the speaker
        ('In an article published by *Newsweek*, Martin Indyk said that "that was about all we had."[2]',
         '"that was about all we had."', "Martin Indyk", "Martin Indyk", NEWSWEEK, "person"),
        ('Martin Indyk told the *Newsweek* reporter that "that was about all we had."[2]',
         '"that was about all we had."', "Martin Indyk", "Martin Indyk", NEWSWEEK, "person"),
        # "told Newsweek" inside the quotation itself can clear, never raise, a finding
        ('Martin Indyk said that "that was about all we had, Indyk told *Newsweek*."[2]',
         '"that was about all we had, Indyk told *Newsweek*."', "Martin Indyk", "Martin Indyk", NEWSWEEK, "person"),
        # no author and no outlet named: cannot tell
        ('Jane Roe said "it was a farce."[2]', '"it was a farce."', "Jane Roe", "Jane Roe", NO_AUTHOR, "person"),
        # "told Congress" is not an outlet
        ('Patrick Disney told Congress that "the MEK has zero support."[2]', '"the MEK has zero support."', "Patrick Disney", "Patrick Disney", DISNEY, "person"),
        # an organisation whose name appears in the reference
        ('The Slate Group said "we stand by the piece."[2]', '"we stand by the piece."', "The Slate Group", "The Slate Group", DISNEY, "organization"),
        # the same organisation, named the other way round ("the mayor's office" / "Office of the Mayor")
        ('The mayor\'s office wrote that "the delay will cost millions."[2]', '"the delay will cost millions."',
         "The mayor's office", "mayor's office", MAYOR, "organization"),
        # the organisation named in the reference by its acronym, or spelled out where the text has the acronym
        ('The DEA said "the pills are deadly."[2]', '"the pills are deadly."', "The DEA", "the DEA", DEA_STORY, "organization"),
        ('The Congressional Budget Office said "costs rise."[2]', '"costs rise."', "The Congressional Budget Office",
         "Congressional Budget Office", CBO_STORY, "organization"),
        # a document as the source ("a federal report found"): the text does not say whose it is
        ('A federal report found that "the river is dying."[2]', '"the river is dying."',
         "A federal report", "federal report", DISNEY, "unknown"),
        # a group: the cited authors may be among them ("Some engineers argue ... (Moss & Chen, 2020)")
        ('Some engineers argue that "walls move the problem."[2]', '"walls move the problem."',
         "Some engineers", "Some engineers", DISNEY, "group"),
        # a speaker with no usable name
        ('They said "we stand by the piece."[2]', '"we stand by the piece."', "They", "they", DISNEY, "person"),
        # the speaker's outlet spelled in the cited site's domain, in full or by initials
        ('Sui-Lee Wee of *The New York Times*. All said "the couple was quarantined."[2]', '"the couple was quarantined."',
         "Sui-Lee Wee of *The New York Times*", "Sui-Lee Wee", NYT_LINK, "person"),
        ('Howard Gleckman of the Urban-Brookings *Tax Policy Center* wrote "tariffs are taxes."[2]', '"tariffs are taxes."',
         "Howard Gleckman of the Urban-Brookings *Tax Policy Center*", "Howard Gleckman", TPC_LINK, "person"),
    ],
)
def test_mismatch_speaker_does_not_fire(sentence, quote, source, name, ref, kind):
    assert _speaker_findings(sentence, quote, source, name, ref, kind) == []


def test_mismatch_speaker_ignores_unlinked_and_claims():
    text = 'Cyrus Safdari said "it was a farce." The budget doubled.[2]\n\n' + DISNEY.raw
    article = build(
        text,
        quotes=[Q('"it was a farce."', "Cyrus Safdari", None, "s1")],
        speakers=[("s1", "Cyrus Safdari", "person")],
        refs=[DISNEY],
        markers=["2"],
        links=[(None, "2", "marker", "2", "The budget doubled.")],
    )
    assert list(check_speakers(article, None)) == []


REPORT_1992 = R("[5] Katzman, Kenneth. The People's Mojahedin Organization of Iran. Congressional Research Service. Washington, Nov 1992.",
                "5", (("Katzman", "Kenneth"),), "The People's Mojahedin Organization of Iran", None, "Congressional Research Service", "1992-11")


def _date_findings(text: str, quote: str | None, settings, claim: str | None = None, ref: R = REPORT_1992):
    text = text + "\n\n" + ref.raw
    quotes = [Q(quote)] if quote else []
    link = (1, "5", "marker", "5") if quote else (None, "5", "marker", "5", claim)
    article = build(text, quotes=quotes, refs=[ref], markers=["5"], links=[link])
    return list(check_dates(article, settings))


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ('The US State Department report on the MKO in 1994 is a clear guideline:\n\n"The group has little support among Iranians." [5]',
         '"The group has little support among Iranians."'),
        ('The 1994 report is blunt: "The group has little support among Iranians." [5]', '"The group has little support among Iranians."'),
        ('A report published in March 1995 states that "the group has little support." [5]', '"the group has little support."'),
        ('In the study (1990), analysts write "the group has little support." [5]', '"the group has little support."'),
    ],
)
def test_mismatch_date_fires(text, quote, settings):
    found = _date_findings(text, quote, settings)
    assert [f.code for f in found] == ["date-mismatch"]
    assert "1992" in found[0].message and found[0].references == ("r1",)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # the year belongs to an event, not to the cited item
        ('The report on the war in 1981 says "the group has little support." [5]', '"the group has little support."'),
        ('Since the 1953 coup, the report says, "the group has little support." [5]', '"the group has little support."'),
        ('Martin Indyk, who served as assistant secretary of State in 1997, said that "the group has little support." [5]',
         '"the group has little support."'),
        # years inside the quotation describe what the source says, not the source
        ('The report says "the group fled from Iran in 1981 and its 1994 report was wrong." [5]',
         '"the group fled from Iran in 1981 and its 1994 report was wrong."'),
        # same year
        ('The 1992 report is blunt: "the group has little support." [5]', '"the group has little support."'),
        # two different years for items: ambiguous
        ('The 1994 report and the 1996 study agree: "the group has little support." [5]', '"the group has little support."'),
        # no year at all
        ('The report is blunt: "the group has little support." [5]', '"the group has little support."'),
        # a year in an unrelated earlier sentence with no colon lead-in
        ('The 1994 report was ignored. Analysts still say "the group has little support." [5]', '"the group has little support."'),
    ],
)
def test_mismatch_date_does_not_fire(text, quote, settings):
    assert _date_findings(text, quote, settings) == []


def test_mismatch_date_quiet_when_reference_mentions_year(settings):
    ref = R("[5] Katzman, Kenneth. Report on Iran (updated 1994). Congressional Research Service, Nov 1992.",
            "5", (("Katzman", "Kenneth"),), "Report on Iran", None, None, "1992-11")
    assert _date_findings('The 1994 report is blunt: "the group has little support." [5]', '"the group has little support."', settings, ref=ref) == []


def test_mismatch_date_on_cited_claim(settings):
    text = "A 2001 study found that the liner cracked within a decade.[5]"
    found = _date_findings(text, None, settings, claim=text)
    assert [f.code for f in found] == ["date-mismatch"] and found[0].attributions == ()


def test_mismatch_date_tolerance_setting(settings):
    lenient = settings.with_overrides({"checks": {"date_tolerance_years": 2}})
    assert _date_findings('The 1994 report is blunt: "the group has little support." [5]', '"the group has little support."', lenient) == []


def test_mismatch_speaker_organisation_acronym_of_another_body_fires():
    # "the CBO" against a story whose only capitalised name is another body's ("Congressional Research Service")
    crs = R('[2] Lund, Ada. "Congressional Research Service Scores the Harbor Bill." *Harbor Gazette* 2 May 2021.',
            "2", (("Lund", "Ada"),), "Congressional Research Service Scores the Harbor Bill.", "Harbor Gazette", None,
            "2021-05-02")
    found = _speaker_findings('The CBO said "costs rise."[2]', '"costs rise."', "The CBO", "the CBO", crs, "organization")
    assert [f.code for f in found] == ["speaker-mismatch"]
    assert _speaker_findings('The CBO said "costs rise."[2]', '"costs rise."', "The CBO", "the CBO",
                             R('[2] Lund, Ada. "Congressional Budget Office Scores the Harbor Bill." *Harbor Gazette* 2 May 2021.',
                               "2", (("Lund", "Ada"),), "Congressional Budget Office Scores the Harbor Bill.",
                               "Harbor Gazette", None, "2021-05-02"), "organization") == []
