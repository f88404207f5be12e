"""The compiled sparse Viterbi search gives crfsuite's own label path, and the model reader its weights."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pycrfsuite
import pytest

from sourcetrace.errors import ModelError
from sourcetrace.references import decoder, fields
from sourcetrace.references.anystyle import read_anystyle_xml
from sourcetrace.references.crfmodel import ModelFormatError, read_weights
from sourcetrace.references import features
from sourcetrace.references.features import sequence_features

TRAINING = Path(fields.__file__).parent.parent / "data/training"
CORE = Path(__file__).resolve().parents[3] / "shared/data/anystyle/core.xml"

needs_compiled = pytest.mark.skipif(not decoder.COMPILED, reason="references/_viterbi was not compiled")


def test_compiled_parts_were_built():
    # `make test` installs with the extensions; only an install without a C compiler lacks them, and
    # then the parser is just slower. Set SOURCETRACE_ALLOW_PURE=1 to accept that.
    if os.environ.get("SOURCETRACE_ALLOW_PURE") == "1":
        pytest.skip("SOURCETRACE_ALLOW_PURE=1: running without the compiled parts is accepted")
    assert decoder.COMPILED, "the compiled reference tagger is missing: reinstall with a C compiler"
    for module in (features, fields):
        assert not module.__file__.endswith(".py"), f"{module.__name__} runs uncompiled: reinstall"


def _crfsuite(path) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def test_weights_match_what_crfsuite_reports():
    path = fields.model_path()
    tagger = _crfsuite(path)
    weights, info = read_weights(path), tagger.info()
    assert list(weights.labels) == tagger.labels()  # both in label-id order
    label = {name: k for k, name in enumerate(weights.labels)}
    attrs = {name.decode(): k for name, k in weights.attributes.items()}
    assert len(weights.feature_weight) == len(info.state_features)
    for (attr, lab), w in info.state_features.items():
        a = attrs[attr]
        span = range(weights.attr_start[a], weights.attr_start[a + 1])
        found = [weights.feature_weight[r] for r in span if weights.feature_label[r] == label[lab]]
        assert found == [pytest.approx(w, abs=1e-6)]
    n = len(weights.labels)
    nonzero = {(weights.labels[k // n], weights.labels[k % n]): w for k, w in enumerate(weights.transitions) if w}
    assert nonzero.keys() == info.transitions.keys()
    assert all(nonzero[k] == pytest.approx(w, abs=1e-6) for k, w in info.transitions.items())


def _strings() -> list[str]:
    paths = sorted(TRAINING.glob("references-web*.xml")) + ([CORE] if CORE.exists() else [])
    return [" ".join(t for _, x in segs for t in x.split()) for p in paths for segs in read_anystyle_xml(p)]


@needs_compiled
def test_same_path_as_crfsuite_on_every_training_and_test_string():
    path = fields.model_path()
    fast, slow = decoder.SparseTagger(path), _crfsuite(path)
    strings = _strings()
    assert len(strings) > 800
    differ = [s for s in strings if fast.tag(sequence_features(s.split())) != slow.tag(sequence_features(s.split()))]
    assert differ == []


@needs_compiled
def test_ties_go_to_the_lower_label_as_in_crfsuite():
    # tokens with no known attribute score 0 for every label: only transitions decide, ties everywhere
    path = fields.model_path()
    fast, slow = decoder.SparseTagger(path), _crfsuite(path)
    rng = random.Random(3)
    known = [b"bias", b"year", b"url", b"cap", b"initial", b"pos=0", b"oq", b"cq", b"unknown-attribute"]
    for length in (1, 2, 3, 7, 40):
        for _ in range(30):
            items = [tuple(rng.sample(known, rng.randint(0, 2))) for _ in range(length)]
            assert fast.tag(items) == slow.tag(items)
        assert fast.tag([()] * length) == slow.tag([()] * length)


@needs_compiled
def test_a_small_model_trained_here(tmp_path):
    # a model of another shape (few labels, negative transitions) through the same reader and search
    trainer = pycrfsuite.Trainer(verbose=False)
    rng = random.Random(7)
    words = ["a", "b", "c", "d", "e"]
    for _ in range(60):
        xs = [[f"w={rng.choice(words)}"] for _ in range(rng.randint(1, 8))]
        ys = ["X" if x[0] in ("w=a", "w=b") else "Y" if x[0] == "w=c" else "Z" for x in xs]
        trainer.append(xs, ys)
    trainer.set_params({"c1": 0.0, "c2": 0.1, "max_iterations": 50, "feature.possible_transitions": True})
    model = tmp_path / "small.crfsuite"
    trainer.train(str(model))
    fast, slow = decoder.SparseTagger(model), _crfsuite(model)
    for _ in range(200):
        items = [[f"w={rng.choice(words + ['zz'])}".encode()] for _ in range(rng.randint(1, 12))]
        assert fast.tag(items) == slow.tag(items)
    assert fast.tag([]) == []


def test_a_damaged_model_is_a_clear_error(tmp_path):
    good = fields.model_path().read_bytes()
    for name, data in (("empty", b""), ("text", b"not a model at all" * 10), ("cut", good[: len(good) // 3])):
        bad = tmp_path / f"{name}.crfsuite"
        bad.write_bytes(data)
        with pytest.raises(ModelFormatError):
            read_weights(bad)
        with pytest.raises(ModelError):
            fields.tag_tokens(["Smith,", "J."], path=bad)


@needs_compiled
def test_attribute_names_must_be_bytes():
    tagger = decoder.SparseTagger(fields.model_path())
    with pytest.raises(TypeError, match="bytes"):
        tagger.tag([["bias"]])


def test_a_feature_pointing_outside_the_labels_is_refused(tmp_path):
    # flip one state feature's label id to one past the last label: the search would write out of bounds
    import struct

    data = bytearray(fields.model_path().read_bytes())
    header = struct.unpack_from("<4sI4sIIIIIIIII", data, 0)
    nlabels, off_features = header[5], header[7]
    struct.pack_into("<I", data, off_features + 12 + 8, nlabels)  # first feature's destination
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(bytes(data))
    with pytest.raises(ModelFormatError, match="does not have"):
        read_weights(bad)
