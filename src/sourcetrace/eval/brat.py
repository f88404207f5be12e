"""brat standoff reader: .ann text -> attribution relations as raw character fragments.

Also finds the documents of a PolNeAR-layout gold directory (GOLD/text/NAME.txt and
GOLD/attributions/NAME_ANNOTATOR.ann). Spans stay raw here; attributions.py normalises them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .patterns import RE_ANN_EVENT, RE_ANN_TEXTBOUND, RE_ROLE_INDEX

# The three PolNeAR span types; other text-bound types (Attribution triggers, Discuss, Discard) are ignored.
SPAN_TYPES = ("Source", "Cue", "Content")

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class TextBound:
    """One `T` line: its type, its (possibly discontinuous) fragments and the text brat stored, if any."""

    id: str
    type: str
    fragments: Fragments
    text: str | None = None


@dataclass(frozen=True, slots=True)
class AnnRelation:
    """One attribution: the raw fragments of its Source, Cue and Content roles (empty = role absent).

    `orphan` marks a Source/Cue/Content `T` line that no `E` line uses: it counts for span-level
    scores only, never as a relation.
    """

    source: Fragments = ()
    cue: Fragments = ()
    content: Fragments = ()
    orphan: bool = False
    id: str = ""

    def role(self, span_type: str) -> Fragments:
        """The fragments of `span_type` ("Source", "Cue" or "Content")."""
        return {"Source": self.source, "Cue": self.cue, "Content": self.content}[span_type]


@dataclass(frozen=True, slots=True)
class Standoff:
    """A parsed .ann file: text-bound annotations by id and the events' (role, T id) lists in file order."""

    textbounds: dict[str, TextBound]
    events: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]

    def text_mismatches(self, text: str) -> int:
        """How many single-fragment `T` lines store a text that differs from `text` at their offsets."""
        bad = 0
        for tb in self.textbounds.values():
            if tb.text is not None and len(tb.fragments) == 1:
                start, end = tb.fragments[0]
                bad += text[start:end] != tb.text
        return bad


def parse_ann(ann: str) -> Standoff:
    """Parse the text of a brat .ann file; lines that are neither `T` nor `E` lines are skipped.

    A `T` id seen twice keeps its last definition (and its first position). Event roles lose their
    trailing digits (`Content2` -> `Content`); the first argument of an `E` line is its trigger.
    """
    textbounds: dict[str, TextBound] = {}
    events: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    # Split on "\n" only: brat offsets count every other character, including a stray "\r" or U+2028.
    for line in ann.split("\n"):
        line = line.rstrip("\r")
        m = RE_ANN_TEXTBOUND.match(line)
        if m:
            tid, ttype, offsets, ttext = m.groups()
            nums = [int(x) for x in offsets.replace(";", " ").split()]
            frags = tuple(zip(nums[::2], nums[1::2]))
            textbounds[tid] = TextBound(tid, ttype, frags, ttext)
            continue
        m = RE_ANN_EVENT.match(line)
        if m:
            roles = []
            for k, arg in enumerate(m.group(2).split()):
                if ":" not in arg or k == 0:  # k == 0 is the trigger ("Attribution:T4")
                    continue
                role, ref = arg.split(":", 1)
                roles.append((RE_ROLE_INDEX.sub("", role), ref))
            events.append((m.group(1), tuple(roles)))
    return Standoff(textbounds, tuple(events))


def relations_of(standoff: Standoff) -> list[AnnRelation]:
    """The attribution relations of a parsed file: events in file order, then orphan spans by T number.

    All Source (Cue, Content) roles of one event are unioned; an event with none of the three roles is
    dropped; the trigger type (`Attribution` / `Attribution-no-source`) is ignored.
    """
    tbs = standoff.textbounds
    relations: list[AnnRelation] = []
    referenced: set[str] = set()
    for eid, roles in standoff.events:
        parts: dict[str, list[tuple[int, int]]] = {t: [] for t in SPAN_TYPES}
        for role, ref in roles:
            if role in parts and ref in tbs:
                parts[role].extend(tbs[ref].fragments)
                referenced.add(ref)
        if any(parts.values()):
            relations.append(
                AnnRelation(tuple(parts["Source"]), tuple(parts["Cue"]), tuple(parts["Content"]), False, eid)
            )
    for tid in sorted(tbs, key=lambda x: int(x[1:])):
        tb = tbs[tid]
        if tb.type in SPAN_TYPES and tid not in referenced:
            roles_kw = {tb.type.lower(): tb.fragments}
            relations.append(AnnRelation(orphan=True, id=tid, **roles_kw))
    return relations


def read_ann(ann: str) -> list[AnnRelation]:
    """The relations (and orphan spans) of the brat standoff text `ann`; see `relations_of`."""
    return relations_of(parse_ann(ann))


def read_text(path: str | Path) -> str:
    """A UTF-8 text file read without newline translation, so offsets match brat's."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One article of a PolNeAR-layout directory: its name, text file and chosen annotation file."""

    name: str
    text_path: Path
    ann_path: Path | None  # None when no annotator file exists: the article has no gold relations


def gold_ann_files(gold_dir: str | Path) -> dict[str, Path]:
    """NAME -> GOLD/attributions/NAME_ANNOTATOR.ann, taking the annotator id that sorts first.

    Raises InputError when GOLD/attributions is missing.
    """
    ann_dir = Path(gold_dir) / "attributions"
    if not ann_dir.is_dir():
        raise InputError(f"{ann_dir} is not a directory; a PolNeAR-layout gold dir has text/ and attributions/")
    annotators: dict[str, list[str]] = {}
    for fn in sorted(p.name for p in ann_dir.iterdir()):
        if fn.endswith(".ann") and "_" in fn:
            name, annotator = fn[:-4].rsplit("_", 1)
            annotators.setdefault(name, []).append(annotator)
    return {name: ann_dir / f"{name}_{min(ids)}.ann" for name, ids in annotators.items()}


def gold_documents(gold_dir: str | Path) -> list[GoldDocument]:
    """The articles of a gold dir, one per GOLD/text/*.txt, sorted by file name.

    Raises InputError when GOLD/text or GOLD/attributions is missing.
    """
    text_dir = Path(gold_dir) / "text"
    if not text_dir.is_dir():
        raise InputError(f"{text_dir} is not a directory; a PolNeAR-layout gold dir has text/ and attributions/")
    anns = gold_ann_files(gold_dir)
    names = sorted(p.name for p in text_dir.iterdir() if p.name.endswith(".txt"))
    return [GoldDocument(fn[:-4], text_dir / fn, anns.get(fn[:-4])) for fn in names]


def corpus_sha256(gold_dir: str | Path) -> str:
    """SHA-256 over the scored files (text/*.txt, then the chosen .ann files), in sorted order.

    Each file contributes its path relative to `gold_dir`, a NUL, its bytes and a NUL, so renaming,
    adding, removing or editing any scored file changes the digest.
    """
    root = Path(gold_dir)
    docs = gold_documents(root)
    paths = [d.text_path for d in docs] + sorted(d.ann_path for d in docs if d.ann_path is not None)
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
