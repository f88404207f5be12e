"""report.brat: PolNeAR-style standoff output."""

from __future__ import annotations

import re

from sourcetrace.model import Article, Attribution, Span
from sourcetrace.report.brat import fragments, to_brat

RE_T = re.compile(r"^T(\d+)\t(\w+) ([\d ;]+)\t(.*)$")


def _parse(ann: str, text: str):
    spans, events = {}, []
    for line in ann.splitlines():
        m = RE_T.match(line)
        if m:
            frags = [tuple(map(int, p.split())) for p in m.group(3).split(";")]
            assert m.group(4) == " ".join(text[a:b] for a, b in frags)
            assert "\n" not in m.group(4)
            spans["T" + m.group(1)] = (m.group(2), frags)
        else:
            assert line.startswith("E"), line
            events.append(dict(arg.split(":") for arg in line.split("\t")[1].split()))
    return spans, events


def test_brat_writes_source_cue_content_and_event():
    text = '"We will win," said Ann Lee.'
    article = Article(
        text=text,
        attributions=(Attribution(id="q1", kind="direct", content=(Span(0, 14),), source=Span(20, 27), cue=Span(15, 19)),),
    )
    spans, events = _parse(to_brat(article), text)
    assert len(events) == 1
    event = events[0]
    assert spans[event["Source"]] == ("Source", [(20, 27)])
    assert spans[event["Cue"]] == ("Cue", [(15, 19)])
    assert spans[event["Content"]] == ("Content", [(0, 14)])
    assert spans[event["Attribution"]][1] == [(15, 19)]


def test_brat_splits_spans_at_newlines():
    text = 'Park said "the trust raised money.\n\nWe will spend it."'
    content = Span(10, len(text))
    assert fragments(text, content) == [(10, 34), (36, len(text))]
    article = Article(
        text=text, attributions=(Attribution(id="q1", kind="direct", content=(content,), source=Span(0, 4), cue=Span(5, 9)),)
    )
    spans, events = _parse(to_brat(article), text)
    assert spans[events[0]["Content"]][1] == [(10, 34), (36, len(text))]


def test_brat_attribution_without_source_or_cue():
    text = "It was reported that taxes will rise."
    article = Article(text=text, attributions=(Attribution(id="q1", kind="indirect", content=(Span(21, 36),)),))
    spans, events = _parse(to_brat(article), text)
    assert set(events[0]) == {"Attribution", "Content"}


def test_brat_empty_article():
    assert to_brat(Article(text="Nothing quoted.")) == ""
