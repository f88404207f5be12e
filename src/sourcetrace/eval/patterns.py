"""Compiled patterns of the evaluation package (brat standoff lines)."""

from __future__ import annotations

import re

# `T3<TAB>Content 115 290;300 310<TAB>text`: id, type, fragments, optional stored text.
RE_ANN_TEXTBOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t(.*))?$")
# `E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`: id, then trigger and role arguments.
RE_ANN_EVENT = re.compile(r"^(E\d+)\t(.*)$")
# PolNeAR numbers repeated roles (`Content2`); the digits carry no meaning for scoring.
RE_ROLE_INDEX = re.compile(r"\d+$")
