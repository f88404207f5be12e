"""brat standoff reading and PolNeAR-layout gold directories."""

from __future__ import annotations

from pathlib import Path

import pytest

from sourcetrace.errors import InputError
from sourcetrace.eval.brat import (
    AnnRelation,
    corpus_sha256,
    gold_ann_files,
    gold_documents,
    parse_ann,
    read_ann,
    read_text,
)


@pytest.mark.parametrize(
    "ann, expected",
    [
        (
            "T1\tSource 0 2\tHe\nT2\tCue 3 7\tsaid\nT3\tContent 9 20\tx\nT4\tAttribution 3 7\tsaid\n"
            "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
            [AnnRelation(((0, 2),), ((3, 7),), ((9, 20),), False, "E1")],
        ),
        # discontinuous span; Content2 joins Content; roles may come before their T lines
        (
            "E1\tAttribution:T9 Content:T1 Content2:T2 Cue:T3\n"
            "T1\tContent 10 20;30 40\ta b\nT2\tContent 50 60\tc\nT3\tCue 0 4\tsaid\n",
            [AnnRelation((), ((0, 4),), ((10, 20), (30, 40), (50, 60)), False, "E1")],
        ),
        # no-source trigger; a role pointing at no T line is skipped
        (
            "T1\tCue 0 4\tsaid\nT2\tContent 5 9\tthat\nE1\tAttribution-no-source:T1 Cue:T1 Content:T2 Source:T7\n",
            [AnnRelation((), ((0, 4),), ((5, 9),), False, "E1")],
        ),
        # orphan Source span, ignored types, notes, an event with no usable role
        (
            "T1\tSource 0 4\tJohn\nT2\tDiscuss 5 9\tx\n#1\tAnnotatorNotes T2\tnote\nE1\tAttribution:T2\n",
            [AnnRelation(((0, 4),), (), (), True, "T1")],
        ),
        # the first argument of an E line is the trigger even when it names a role
        (
            "T1\tContent 0 4\tx\nT2\tCue 5 9\ty\nE1\tContent:T1 Cue:T2\n",
            [AnnRelation((), ((5, 9),), (), False, "E1"), AnnRelation((), (), ((0, 4),), True, "T1")],
        ),
        # CRLF line ends, a T line without stored text, a continuation line of a multi-line text
        (
            "T1\tContent 0 9\r\nmore text\r\nT2\tCue 10 14\tsaid\r\nE1\tAttribution:T2 Cue:T2 Content:T1  \r\n",
            [AnnRelation((), ((10, 14),), ((0, 9),), False, "E1")],
        ),
        ("", []),
    ],
)
def test_brat_read_ann_relations(ann, expected):
    assert read_ann(ann) == expected


@pytest.mark.parametrize(
    "ann, text, expected",
    [
        ("T1\tSource 0 2\tHe\n", "He said", 0),
        ("T1\tSource 0 2\tShe\n", "He said", 1),
        ("T1\tSource 0 2;3 7\tnot checked\n", "He said", 0),  # discontinuous: never compared
        ("T1\tSource 0 2\n", "He said", 0),  # no stored text
    ],
)
def test_brat_counts_text_mismatches(ann, text, expected):
    assert parse_ann(ann).text_mismatches(text) == expected


def make_gold(root: Path, files: dict[str, str]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, "utf-8")
    return root


def test_brat_gold_dir_takes_first_annotator(tmp_path):
    gold = make_gold(
        tmp_path,
        {
            "text/a_b.txt": "x",
            "text/c.txt": "y",
            "attributions/a_b_zed.ann": "",
            "attributions/a_b_abe.ann": "",
            "attributions/c_1.ann": "",
            "attributions/nounderscore.ann": "",
            "attributions/c_0.txt": "",
        },
    )
    assert gold_ann_files(gold) == {"a_b": gold / "attributions/a_b_abe.ann", "c": gold / "attributions/c_1.ann"}
    docs = gold_documents(gold)
    assert [(d.name, d.ann_path.name) for d in docs] == [("a_b", "a_b_abe.ann"), ("c", "c_1.ann")]


def test_brat_gold_dir_without_attributions_raises(tmp_path):
    make_gold(tmp_path, {"text/a.txt": "x"})
    with pytest.raises(InputError, match="attributions"):
        gold_documents(tmp_path)


def test_brat_read_text_keeps_crlf(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("a\r\nb\u00e9".encode("utf-8"))
    assert read_text(path) == "a\r\nb\u00e9"


def test_brat_corpus_sha_changes_with_any_scored_file(tmp_path):
    gold = make_gold(tmp_path, {"text/a.txt": "x", "attributions/a_1.ann": "T1\tCue 0 1\tx\n"})
    first = corpus_sha256(gold)
    assert first == corpus_sha256(gold)
    (gold / "attributions/a_1.ann").write_text("T1\tCue 0 1\tx\n\n", "utf-8")
    second = corpus_sha256(gold)
    assert second != first
    (gold / "attributions/a_0.ann").write_text("T1\tCue 0 1\tx\n\n", "utf-8")  # a new first annotator
    assert corpus_sha256(gold) != second
