"""The reference model's tagger: the compiled sparse Viterbi search when it was built, else crfsuite's.

Both give the same label path (tests/references/test_decoder.py compares them on every training and
test string); the compiled one skips the zero-weight transitions crfsuite sums anyway (272 of 67 x 67
with the committed model) and tags ~2.8x faster (`bench/references.py --tagging`; BENCHMARKS.md,
"Fifth session").
"""

from __future__ import annotations

from array import array
from pathlib import Path

from .crfmodel import CrfWeights, check_file, read_weights

try:
    from ._viterbi import best_path
except ImportError:  # installed without a C compiler: crfsuite's tagger does the same search
    best_path = None

COMPILED = best_path is not None


class SparseTagger:
    """tag(items) -> labels, like pycrfsuite.Tagger.tag for items of attribute names (bytes)."""

    def __init__(self, path: str | Path):
        self._load(read_weights(path))

    @classmethod
    def from_weights(cls, weights: CrfWeights) -> SparseTagger:
        """A tagger over weights already in memory (scripts/bag_references.py averages several models)."""
        tagger = cls.__new__(cls)
        tagger._load(weights)
        return tagger

    def _load(self, weights: CrfWeights) -> None:
        self.labels = weights.labels
        n = len(self.labels)
        columns: list[list[tuple[int, float]]] = [[] for _ in range(n)]
        for k, w in enumerate(weights.transitions):
            if w != 0.0:
                columns[k % n].append((k // n, w))
        col_start, col_from, col_weight = array("i", [0]), array("i"), array("d")
        for col in columns:  # rows in ascending order already: k runs row by row
            col_from.extend(i for i, _ in col)
            col_weight.extend(w for _, w in col)
            col_start.append(len(col_from))
        self._args = (weights.attributes, weights.attr_start, weights.feature_label, weights.feature_weight,
                      weights.transitions, col_start, col_from, col_weight, n)

    def tag(self, items: list) -> list[str]:
        labels = self.labels
        return [labels[k] for k in best_path(items, *self._args)]


def open_tagger(path: str | Path):
    """A tagger for the crfsuite model at `path`: SparseTagger when compiled, else pycrfsuite.Tagger.

    Raises ModelFormatError for a file that is no whole crfsuite model: crfsuite itself crashes the
    process (segmentation fault) on a truncated one, so the fallback reads the file first too."""
    if COMPILED:
        return SparseTagger(path)
    return open_crfsuite(path)


def open_crfsuite(path: str | Path):
    """crfsuite's own pycrfsuite.Tagger for the model at `path`, opened only after `check_file`: crfsuite
    crashes the process (segmentation fault) on a truncated file instead of raising. Also used by the
    attributions CRF, which needs crfsuite's marginals."""
    check_file(path)
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger
