"""attributions.assemble: labelled runs -> relations."""

from __future__ import annotations

import pytest

from sourcetrace.attributions.assemble import assemble, inverted_sources, runs
from sourcetrace.attributions.layout import build_view
from sourcetrace.model import Article
from sourcetrace.tokenize import tokenize_text


def _view(text: str):
    return build_view(Article(text=text, tokens=tokenize_text(text)))


def _label(view, spec: dict[str, str]) -> list[str]:
    """Labels from {"phrase": "S"|"C"|"T"}: each phrase's tokens get B-/I- of that type."""
    labels = ["O"] * len(view)
    for phrase, typ in spec.items():
        start = view.text.index(phrase)
        toks = [i for i in range(len(view)) if start <= view.starts[i] < start + len(phrase)]
        for k, t in enumerate(toks):
            labels[t] = ("B-" if k == 0 else "I-") + typ
    return labels


def _texts(view, relations):
    def span(a, b):
        return view.text[view.starts[a] : view.ends[b]]

    return [
        (
            [span(*s) for s in r.sources],
            span(*r.cue),
            [span(*c) for c in r.contents],
        )
        for r in relations
    ]


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["O", "B-S", "I-S", "B-C", "O"], [("S", 1, 2), ("C", 3, 3)]),
        (["B-T", "I-T", "B-T", "I-T"], [("T", 0, 1), ("T", 2, 3)]),
        (["O", "O"], []),
    ],
)
def test_assemble_runs(labels, expected):
    assert runs(labels) == expected


def test_assemble_joins_quote_halves_around_cue():
    view = _view('"It will fail," said Ann Lee. "Nobody wants it."')
    labels = _label(view, {'"It will fail,"': "T", "said": "C", "Ann Lee": "S", '"Nobody wants it."': "T"})
    assert _texts(view, assemble(view, labels)) == [(["Ann Lee"], "said", ['"It will fail,"', '"Nobody wants it."'])]


def test_assemble_shares_source_with_participle_cue():
    view = _view("Trump said taxes would fall, adding that growth would rise.")
    labels = _label(
        view, {"Trump": "S", "said": "C", "taxes would fall": "T", "adding": "C", "that growth would rise": "T"}
    )
    assert _texts(view, assemble(view, labels)) == [
        (["Trump"], "said", ["taxes would fall"]),
        (["Trump"], "adding", ["that growth would rise"]),
    ]


def test_assemble_colon_lead_in_across_paragraphs():
    view = _view('Lee continued:\n\n"It will fail. Nobody wants it."')
    labels = _label(view, {"Lee": "S", "continued": "C", '"It will fail. Nobody wants it."': "T"})
    assert _texts(view, assemble(view, labels)) == [(["Lee"], "continued", ['"It will fail. Nobody wants it."'])]


def test_assemble_stray_words_of_another_sentence_are_no_content():
    view = _view('The board approved the expansion. "This is the best deal," Mayor Lisa Grant told reporters.')
    labels = _label(view, {"expansion": "T", '"This is the best deal,"': "T", "Mayor Lisa Grant": "S", "told": "C"})
    assert _texts(view, assemble(view, labels)) == [(["Mayor Lisa Grant"], "told", ['"This is the best deal,"'])]
    # a longer run there, or a quotation, still joins (PolNeAR's contents sit in the next sentence often)
    view = _view('The plan will cost far more than promised. That is what Lee told reporters.')
    labels = _label(view, {"The plan will cost far more than promised": "T", "Lee": "S", "told": "C"})
    assert _texts(view, assemble(view, labels)) == [(["Lee"], "told", ["The plan will cost far more than promised"])]


def test_assemble_drops_cue_without_content():
    view = _view("Lee declined to comment.")
    labels = _label(view, {"Lee": "S", "declined": "C"})
    assert assemble(view, labels) == []


@pytest.mark.parametrize(
    ("text", "run", "expected"),
    [
        # the name after the cue of a quotation, labelled content by mistake, becomes the source
        ('"The river is dying," said hydrologist Ines Park. Then she left.', "hydrologist Ines Park", "S"),
        ('"It is over," said the new director, Ann Lee.', "the new director, Ann Lee", "S"),
        # not: no capitalised word, the run does not end the sentence, the run is quoted, too long
        ('"It is over," said that it was late. Then she left.', "that it was late", "T"),
        ('"It is over," said Ann Lee and more that follows here.', "Ann Lee and", "T"),
        ('"It is over," said "Ann Lee."', '"Ann Lee."', "T"),
        ('"It is over," said one of the many people at the meeting on Main Street.',
         "one of the many people at the meeting on Main Street", "T"),
    ],
)
def test_assemble_inverted_source_after_quotation(text, run, expected):
    view = _view(text)
    quote = text[: text.index(",") + 2]
    labels = inverted_sources(view, _label(view, {quote: "T", "said": "C", run: "T"}))
    start = text.index(run)
    assert {labels[i][2:] for i in range(len(view)) if start <= view.starts[i] < start + len(run)} == {expected}
    assert {labels[i][2:] for i in range(len(view)) if view.starts[i] < len(quote)} == {"T"}


def test_assemble_title_source_and_name_content_become_one_source():
    # the CRF labels '"...," said Mayor Ann Lee on Tuesday.' as cue, source "Mayor", content "Ann Lee on Tuesday"
    text = '"It is over," said Mayor Ann Lee on Tuesday.'
    view = _view(text)
    labels = inverted_sources(view, _label(view, {'"It is over,"': "T", "said": "C", "Mayor": "S", "Ann Lee on Tuesday": "T"}))
    by_word = dict(zip(view.words, labels))
    assert [by_word[w][2:] or "O" for w in ("Mayor", "Ann", "Lee")] == ["S", "S", "S"]
    assert by_word["Mayor"] == "B-S" and by_word["on"] == by_word["Tuesday"] == "O"


@pytest.mark.parametrize(
    ("text", "subject", "cue", "expected"),
    [
        # the subject of a passive cue without an agent is what is reported: content
        ("Mr. Quiros was accused of using the money for himself.", "Mr. Quiros", "was accused of", "T"),
        ("He has been harshly criticized for the policies.", "He", "has been harshly criticized", "T"),
        # not with an agent ("by"), not before an infinitive ("is expected to endorse"), not an active cue
        ("The plan was praised by the mayor.", "The plan", "was praised", "S"),
        ("The Times is expected to endorse her.", "The Times", "is expected", "S"),
        ("The mayor said the plan works.", "The mayor", "said", "S"),
        ("Trump was quoted as saying the plan works.", "Trump", "was quoted as", "S"),
    ],
)
def test_assemble_passive_subject_is_content(text, subject, cue, expected):
    from sourcetrace.attributions.assemble import passive_subjects

    view = _view(text)
    rest = text[text.index(cue) + len(cue) + 1 : -1]
    labels = passive_subjects(view, _label(view, {subject: "S", cue: "C", rest: "T"}))
    start = text.index(subject)
    assert {labels[i][2:] for i in range(len(view)) if start <= view.starts[i] < start + len(subject)} == {expected}
