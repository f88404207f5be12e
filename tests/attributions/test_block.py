"""attributions.block: a paragraph-long quotation after a lead-in paragraph ending with a colon."""

from __future__ import annotations

import pytest

from sourcetrace.ingest.source import ingest_text
from sourcetrace.pipeline import audit
from sourcetrace.settings import Settings

QUOTE = '"Harbour dues rose by a third in two years, and the smaller boats left first. The council was told so twice."'


def _block(article):
    return [a for a in article.attributions if a.cue and article.text[a.cue.start : a.cue.end] == ":"]


@pytest.mark.parametrize(
    ("lead", "source"),
    [
        ("The 2019 harbour authority review is blunt about the causes:", "The 2019 harbour authority review"),
        ("On March 3, 2021, Mayor Ellen Brookes made the following statement:", "Mayor Ellen Brookes"),
        ("A second audit, a year later, gives the same picture:", "A second audit"),
        ("Consider the following:", None),
    ],
)
def test_block_colon_lead_in_makes_a_direct_attribution(lead, source):
    text = f"Harbour fees\n\nThe town's fishing fleet has shrunk.\n\n{lead}\n\n{QUOTE} [1]\n\nNotes\n[1] Harbour Review 2019, p. 4.\n"
    article = audit(ingest_text(text, Settings()), Settings())
    # one attribution of the whole quotation: the block rule's (cue ":"), or the model's when it reads
    # the lead-in's verb phrase as the cue ("is blunt about"); either way the lead-in's subject speaks
    start = text.index(QUOTE)
    found = [a for a in article.attributions if any(c.start <= start < c.end for c in a.content)]
    assert len(found) == 1
    a = found[0]
    assert a.kind == "direct" and (a.method == "rules" or a.cue.end <= start)
    if a.method == "rules":
        assert article.text[a.cue.start : a.cue.end] == ":"
    assert article.text[a.content[0].start : a.content[-1].end] == QUOTE
    assert (article.text[a.source.start : a.source.end] if a.source else None) == source
    assert [link.reference for link in article.links if link.attribution == a.id] == ["r1"]


@pytest.mark.parametrize(
    "body",
    [
        # no colon: a quotation standing alone is not introduced by the paragraph before
        "The review is blunt about the causes.\n\n" + QUOTE,
        # the quotation does not open the paragraph, or is only part of it
        "The review is blunt about the causes:\n\nIt says that " + QUOTE,
        "The review is blunt about the causes:\n\n" + QUOTE + " That is the heart of the matter, and the "
        "council has not answered it in any of the four meetings held since the review came out.",
    ],
)
def test_block_needs_a_colon_and_a_whole_paragraph_quotation(body):
    article = audit(ingest_text(f"Harbour fees\n\nThe town's fishing fleet has shrunk.\n\n{body}\n", Settings()), Settings())
    assert _block(article) == []


def test_block_does_not_duplicate_a_cued_lead_in():
    text = f"Harbour fees\n\nThe fleet has shrunk.\n\nHarbour master Tom Reyes said:\n\n{QUOTE}\n"
    article = audit(ingest_text(text, Settings()), Settings())
    covering = [a for a in article.attributions if any(c.start <= text.index(QUOTE) < c.end for c in a.content)]
    assert len(covering) == 1
    assert article.text[covering[0].cue.start : covering[0].cue.end] != ":"
