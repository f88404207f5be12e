"""dominant-source: one speaker holds most of the quoted words.

Input: attributions (direct and mixed content), speakers. Output: at most one finding per article.
"""

from __future__ import annotations

from typing import Iterable

from .._names import RE_WORD
from ..model import Article, Finding
from ..settings import Settings
from .registry import finding

QUOTED_KINDS = ("direct", "mixed")


def quoted_words(article: Article) -> tuple[dict[str | None, int], int]:
    """Quoted words per speaker id (None = no speaker) and in total, over direct and mixed quotations."""
    per: dict[str | None, int] = {}
    for attr in article.attributions:
        if attr.kind not in QUOTED_KINDS:
            continue
        n = sum(len(RE_WORD.findall(article.text[s.start : s.end])) for s in attr.content)
        per[attr.speaker] = per.get(attr.speaker, 0) + n
    return per, sum(per.values())


def check_dominant(article: Article, settings: Settings) -> Iterable[Finding]:
    """Yield dominant-source when one speaker's share of quoted words exceeds checks.dominant_share."""
    share_limit = float(settings.get("checks", "dominant_share"))
    min_speakers = int(settings.get("checks", "dominant_min_speakers"))
    min_words = int(settings.get("checks", "dominant_min_words"))
    per, total = quoted_words(article)
    named = {k: v for k, v in per.items() if k is not None and v > 0}
    if total < min_words or len(named) < min_speakers:
        return
    top, words = max(named.items(), key=lambda kv: (kv[1], kv[0] or ""))
    share = words / total
    if share <= share_limit:
        return
    speaker = article.speaker(top)
    name = speaker.name if speaker else top
    attrs = [a for a in article.attributions if a.speaker == top and a.kind in QUOTED_KINDS and a.content]
    yield finding(
        "dominant-source",
        f"{name} has {words} of the {total} quoted words ({share:.0%}, limit {share_limit:.0%}) "
        f"among {len(named)} quoted speakers.",
        [min(a.content, key=lambda s: s.start) for a in attrs],
        attributions=[a.id for a in attrs],
    )
