"""The reference training script's labelling: what the CRF is taught is what fields.tag_tokens undoes."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "train_references.py"


@pytest.fixture(scope="module")
def train_references():
    spec = importlib.util.spec_from_file_location("train_references", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SEGMENTS = [("author", "Okafor, K."), ("title", "Tides of the north."), ("edition", "2nd ed."), ("date", "2019.")]


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [
        ("plain", ["author", "author", "title", "title", "title", "title", "edition", "edition", "date"]),
        ("b", ["B-author", "author", "B-title", "title", "title", "title", "B-edition", "edition", "B-date"]),
        ("be", ["B-author", "E-author", "B-title", "title", "title", "E-title", "B-edition", "E-edition", "B-date"]),
        ("be-common", ["B-author", "E-author", "B-title", "title", "title", "E-title", "edition", "edition", "B-date"]),
        ("bies", ["B-author", "E-author", "B-title", "title", "title", "E-title", "B-edition", "E-edition", "S-date"]),
    ],
)
def test_train_references_label_schemes(train_references, monkeypatch, scheme, expected):
    monkeypatch.setattr(train_references, "LABELS", scheme)
    tokens, tags = train_references.to_xy(SEGMENTS)
    assert tokens == "Okafor, K. Tides of the north. 2nd ed. 2019.".split()
    assert tags == expected


def test_train_references_committed_scheme_is_undone_by_the_tagger(train_references):
    """Every label the committed scheme makes maps back to its AnyStyle tag the way tag_tokens maps it."""
    _, tags = train_references.to_xy(SEGMENTS)
    plain = [tag for tag, text in SEGMENTS for _ in text.split()]
    assert [t[2:] if t[1:2] == "-" else t for t in tags] == plain
    assert train_references.LABELS == "be"


def test_train_references_access_notes_retagged_for_training_only(train_references):
    seqs = [[("title", "A page."), ("note", "Accessed 3 May 2020."), ("note", "Reprint of the 1901 edition.")]]
    out = train_references.retag_access_notes(seqs)
    assert [t for t, _ in out[0]] == ["title", "accessed", "note"]
    assert seqs[0][1][0] == "note"
