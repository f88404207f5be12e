"""attributions.crf: the committed model loads and tags; post-processing of its labels."""

from __future__ import annotations

from sourcetrace.attributions.crf import model_path, snap_quotes, tag
from sourcetrace.attributions.layout import build_view
from sourcetrace.attributions.reported import rule_labels
from sourcetrace.model import Article
from sourcetrace.tokenize import tokenize_text


def _view(text: str):
    return build_view(Article(text=text, tokens=tokenize_text(text)))


def test_crf_model_is_installed_and_small():
    path = model_path()
    assert path is not None and path.name == "attributions.crfsuite"
    assert path.stat().st_size < 20 * 2**20
    assert (path.parent / "README.md").is_file()


def test_crf_tags_every_token_with_confidences():
    view = _view('"We will win," said Ann Lee, the campaign manager.')
    labels, confidences = tag(view, rule_labels(view))
    assert len(labels) == len(confidences) == len(view)
    assert all(0.0 <= c <= 1.0 for c in confidences)
    words = dict(zip(view.words, labels))
    assert words["said"].endswith("-C")
    assert words["Lee"].endswith("-S")
    assert words["win"].endswith("-T")


def test_crf_ignores_footnote_markers():
    view = _view('He recalls, "I was never asked a question."[4] The camp is large.')
    labels, _ = tag(view, rule_labels(view))
    marker = [lab for w, lab in zip(view.words, labels) if w in ("[", "4", "]")]
    assert marker == ["O", "O", "O"]


def test_crf_snap_quotes_makes_whole_quotation_content():
    view = _view('"We will win this," said Lee.')
    labels = ["O", "B-T", "I-T", "O", "I-T", "O", "O", "B-C", "B-S", "O"]
    snap_quotes(view, labels)
    assert labels[:7] == ["B-T"] + ["I-T"] * 6  # marks included
    assert labels[7:9] == ["B-C", "B-S"]


def test_a_truncated_model_is_a_model_error_not_a_crash(tmp_path):
    # pycrfsuite's Tagger.open ends the process (segmentation fault) on a cut-off file
    import pytest

    from sourcetrace.attributions.crf import _tagger
    from sourcetrace.errors import ModelError

    bad = tmp_path / "attributions.crfsuite"
    bad.write_bytes(model_path().read_bytes()[:5000])
    with pytest.raises(ModelError, match="header says"):
        _tagger(str(bad))
