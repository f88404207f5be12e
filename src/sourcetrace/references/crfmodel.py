"""Read the weights of a crfsuite model file (crf1d, "lCRF"/"FOMC", as python-crfsuite writes it).

`pycrfsuite.Tagger.info()` prints the weights with six decimals, too coarse to reproduce crfsuite's
best path exactly, so the binary file is read here: a header of chunk offsets; a FEAT chunk of
(type, source, destination, float64 weight) records, type 0 a state feature (attribute -> label) and
type 1 a transition (label -> label); two CQDB string stores (labels, attributes) whose "backward"
array maps an id to its record; and an AFRF chunk listing each attribute's features in the order
crfsuite sums them. All integers are little-endian.
"""

from __future__ import annotations

import struct
from array import array
from dataclasses import dataclass
from pathlib import Path

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_FEATURE = struct.Struct("<IIId")
STATE, TRANSITION = 0, 1


class ModelFormatError(ValueError):
    """The file is not a crfsuite crf1d model this reader understands."""


@dataclass(frozen=True)
class CrfWeights:
    labels: tuple[str, ...]
    attributes: dict[bytes, int]  # attribute name (UTF-8) -> attribute id
    # state features of attribute a: labels feature_label[attr_start[a]:attr_start[a + 1]], same for weights
    attr_start: array  # "i", one more than there are attributes
    feature_label: array  # "i"
    feature_weight: array  # "d"
    transitions: array  # "d", labels x labels, row = from, column = to


def _strings(data: bytes, offset: int) -> list[bytes]:
    """The keys of the CQDB store at `offset`, in id order."""
    magic, _size, _flag, _order, count, backward = struct.unpack_from("<4sIIIII", data, offset)
    if magic != b"CQDB":
        raise ModelFormatError("no CQDB string store where the header says")
    out = []
    for k, rec in enumerate(struct.unpack_from(f"<{count}I", data, offset + backward)):
        ident, size = struct.unpack_from("<II", data, offset + rec)
        if ident != k:
            raise ModelFormatError("CQDB ids out of order")
        out.append(data[offset + rec + 8 : offset + rec + 8 + size - 1])  # the key ends with a NUL byte
    return out


def check_file(path: str | Path) -> None:
    """Raise ModelFormatError unless `path` starts like a whole crfsuite model: pycrfsuite's
    Tagger.open crashes the process (segmentation fault) on a truncated file instead of raising."""
    with open(path, "rb") as f:
        head = f.read(_HEADER.size)
        f.seek(0, 2)
        _header(head, f.tell())


def _header(head: bytes, length: int) -> tuple:
    """The header fields of a model file of `length` bytes that starts with `head`; ModelFormatError
    unless it is a crf1d model whose header gives that very length."""
    if len(head) < _HEADER.size:
        raise ModelFormatError("file too short for a crfsuite model")
    fields = _HEADER.unpack_from(head, 0)
    magic, size, kind = fields[:3]
    if magic != b"lCRF" or kind != b"FOMC":
        raise ModelFormatError("not a crfsuite crf1d model")
    if size != length:
        raise ModelFormatError(f"model file holds {length} bytes, its header says {size}")
    return fields


def read_weights(path: str | Path) -> CrfWeights:
    data = Path(path).read_bytes()
    try:
        return _parse(data)
    except (struct.error, IndexError) as exc:  # offsets or counts that point outside the file
        raise ModelFormatError(f"damaged crfsuite model: {exc}") from None


def _parse(data: bytes) -> CrfWeights:
    (_magic, _size, _kind, _version, _nfeat, nlabels, nattrs, off_features, off_labels, off_attrs,
     _off_labelrefs, off_attrrefs) = _header(data, len(data))
    chunk, _csize, nfeatures = struct.unpack_from("<4sII", data, off_features)
    if chunk != b"FEAT":
        raise ModelFormatError("no feature chunk where the header says")
    features = list(_FEATURE.iter_unpack(data[off_features + 12 : off_features + 12 + nfeatures * _FEATURE.size]))
    labels = tuple(s.decode("utf-8") for s in _strings(data, off_labels))
    attrs = _strings(data, off_attrs)
    if len(labels) != nlabels or len(attrs) != nattrs:
        raise ModelFormatError("label or attribute count differs from the header")
    # the compiled search indexes arrays with these ids unchecked: a damaged file must stop here
    if any(dst >= nlabels or ftype not in (STATE, TRANSITION) or ftype == TRANSITION and src >= nlabels
           or ftype == STATE and src >= nattrs for ftype, src, dst, _ in features):
        raise ModelFormatError("a feature refers to a label or attribute the model does not have")
    transitions = array("d", bytes(8 * nlabels * nlabels))
    for ftype, src, dst, weight in features:
        if ftype == TRANSITION:
            transitions[src * nlabels + dst] = weight
    chunk, _csize, nrefs = struct.unpack_from("<4sII", data, off_attrrefs)
    if chunk != b"AFRF" or nrefs != nattrs:
        raise ModelFormatError("no attribute reference chunk where the header says")
    attr_start, feature_label, feature_weight = array("i", [0]), array("i"), array("d")
    for ref in struct.unpack_from(f"<{nattrs}I", data, off_attrrefs + 12):
        (count,) = struct.unpack_from("<I", data, ref)
        for fid in struct.unpack_from(f"<{count}I", data, ref + 4):
            ftype, _src, dst, weight = features[fid]
            if ftype == STATE:
                feature_label.append(dst)
                feature_weight.append(weight)
        attr_start.append(len(feature_label))
    return CrfWeights(labels, {a: k for k, a in enumerate(attrs)}, attr_start, feature_label, feature_weight,
                      transitions)
