"""attributions.reported: the rule finder's Source / Cue / Content spans."""

from __future__ import annotations

import pytest

from sourcetrace.attributions import find_attributions
from sourcetrace.model import Article
from sourcetrace.tokenize import tokenize


def triples(text: str, settings) -> list[tuple[str | None, str | None, str]]:
    s = settings.with_overrides({"attributions": {"finder": "rules"}})
    article = find_attributions(tokenize(Article(text=text), s), s)
    return [
        (
            article.text_of(a.source) if a.source else None,
            article.text_of(a.cue) if a.cue else None,
            " | ".join(article.text_of(c) for c in a.content),
        )
        for a in article.attributions
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ann Lee said the plan would fail.", [("Ann Lee", "said", "the plan would fail")]),
        ('"The plan will fail," said Ann Lee.', [("Ann Lee", "said", '"The plan will fail,"')]),
        ('"The plan will fail," Ann Lee said.', [("Ann Lee", "said", '"The plan will fail,"')]),
        ("According to Ann Lee, the plan will fail.", [("Ann Lee", "According to", "the plan will fail")]),
        ("The plan will fail, according to officials.", [("officials", "according to", "The plan will fail")]),
        ("Ann Lee told Newsweek that the plan would fail.", [("Ann Lee", "told", "that the plan would fail")]),
        ("Ann Lee has said the plan would fail.", [("Ann Lee", "has said", "the plan would fail")]),
        ('Ann Lee said: "It will fail."', [("Ann Lee", "said", '"It will fail."')]),
        ("The plan will fail, he said.", [("he", "said", "The plan will fail")]),
        # a time or channel after the cue is not what was said
        ("The plan will fail, the state engineer said on Tuesday.", [("the state engineer", "said", "The plan will fail")]),
        ("The plan will fail, a former city official said in a statement last week.",
         [("a former city official", "said", "The plan will fail")]),
        ("The engineer said on Tuesday that the plan would fail.", [("The engineer", "said", "that the plan would fail")]),
        (
            '"It will fail," said Ann Lee. "Nobody wants it."',
            [("Ann Lee", "said", '"It will fail," | "Nobody wants it."')],
        ),
        ("Lee said:\n\n\"It will fail.\"", [("Lee", "said", '"It will fail."')]),
    ],
)
def test_reported_rules(text, expected, settings):
    assert triples(text, settings) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The State Department report was long.",  # capitalised "State" is a name, not a cue
        "The weather was fine and the sea was calm.",
    ],
)
def test_reported_rules_no_attribution(text, settings):
    assert triples(text, settings) == []


def test_reported_a_footnote_marker_after_the_cue_is_no_content(settings):
    got = triples("The plan will fail, Ann Lee said.[2] Nobody objected.", settings)
    assert got == [("Ann Lee", "said", "The plan will fail")]
