"""The AnyStyle XML data-set format (<dataset><sequence><tag>text</tag>...</sequence>...</dataset>).

One reference string per <sequence>, one (tag, text) segment per child element, in order; text directly
inside <sequence> is the untagged segment "O". Read and written exactly as the shared scorer
(../shared/eval/score_references.py) reads it: segment texts are kept as they are, so a data set
round-trips. Used for training data, `parse-ref --format anystyle-xml` and `eval references`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError

UNTAGGED = "O"  # text directly inside <sequence>, outside any segment

Sequence = list[tuple[str, str]]  # (tag, text) segments in order
# Characters XML 1.0 cannot hold (ElementTree would write them and the file would not parse).
_RE_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def read_anystyle_xml(path: str | Path) -> list[Sequence]:
    """The sequences of an AnyStyle XML file, each a list of (tag, text) segments in document order.

    A segment's nested elements contribute their text to it; blank segments are skipped; non-blank text
    directly inside <sequence> becomes an "O" segment. Raises InputError when the file cannot be parsed.
    """
    try:
        root = ET.parse(str(path)).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(f"cannot read AnyStyle XML {path}: {exc}") from None
    return sequences_of(root)


def parse_anystyle_xml(xml: str) -> list[Sequence]:
    """Like `read_anystyle_xml`, from a string. Raises InputError on malformed XML."""
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise InputError(f"cannot parse AnyStyle XML: {exc}") from None
    return sequences_of(root)


def sequences_of(root: ET.Element) -> list[Sequence]:
    """The (tag, text) segments of every <sequence> element under (or being) `root`."""
    elements = [root] if root.tag == "sequence" else list(root.iter("sequence"))
    dataset = []
    for seq in elements:
        segments: Sequence = []
        if seq.text and seq.text.strip():
            segments.append((UNTAGGED, seq.text))
        for child in seq:
            if isinstance(child.tag, str):  # comments and PIs have a callable tag
                text = "".join(child.itertext())
                if text.strip():
                    segments.append((child.tag, text))
            if child.tail and child.tail.strip():
                segments.append((UNTAGGED, child.tail))
        dataset.append(segments)
    return dataset


def _xml_text(text: str) -> str:
    """`text` without the characters XML cannot hold: the whitespace ones (vertical tab, form feed,
    separators) become a space so the tokens stay apart, the rest are dropped."""
    if not _RE_NOT_XML.search(text):
        return text
    return _RE_NOT_XML.sub(lambda m: " " if m.group().isspace() else "", text)


def to_anystyle_xml(dataset: Iterable[Sequence]) -> str:
    """AnyStyle XML for `dataset` (segments written in order, separated by nothing but newlines)."""
    root = ET.Element("dataset")
    root.text = "\n"
    for segments in dataset:
        seq = ET.SubElement(root, "sequence")
        seq.tail = "\n"
        for tag, text in segments:
            text = _xml_text(text)
            if tag == UNTAGGED:
                # Untagged text goes where ElementTree keeps inter-element text.
                if len(seq):
                    seq[-1].tail = (seq[-1].tail or "") + text
                else:
                    seq.text = (seq.text or "") + text
                continue
            ET.SubElement(seq, tag).text = text
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
