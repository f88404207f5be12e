"""speaker-mismatch / date-mismatch: does the cited reference fit what the text says about it?

Input: attributions, speakers, references, links. Output: a finding per link whose reference is
by someone else than the quoted speaker (or from another outlet than the text names), or dated to
another year than the text gives for the cited item. Both err on not firing: no finding without a
clear name, outlet or year on each side.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from .._names import names_by_acronym, words
from ..model import Article, Attribution, Finding, Reference, Span, Speaker
from ..settings import Settings
from ._text import TextIndex, attribution_frame, fold, quote_excerpt, reference_label, surname, text_index
from .patterns import (
    EVENT_WORDS,
    GENERIC_ORG_WORDS,
    OUTLET_WORDS,
    RE_AFFILIATION,
    RE_HOST,
    RE_REPORTING_OUTLET,
    RE_YEAR,
    RE_YEAR_AFTER_ITEM,
    RE_YEAR_BEFORE_ITEM,
)
from .registry import finding

# Words of an outlet name that say nothing on their own when matching it against a reference.
_OUTLET_STOP = frozenset("the of and on a an".split())


# --- shared --------------------------------------------------------------------------------------
def _linked_pairs(article: Article) -> Iterator[tuple[Attribution | None, Span | None, Reference, str | None]]:
    """(attribution, claim span, reference, marker id) once per distinct attribution/claim and reference."""
    attrs = {a.id: a for a in article.attributions}
    seen: set[tuple] = set()
    for link in article.links:
        ref = article.reference(link.reference)
        attr = attrs.get(link.attribution) if link.attribution else None
        if ref is None or (link.attribution and (attr is None or not attr.content)):
            continue
        key = (link.attribution, (link.claim.start, link.claim.end) if link.claim else None, ref.id)
        if key in seen:
            continue
        seen.add(key)
        yield attr, link.claim, ref, link.marker


def _ref_evidence(article: Article, ref: Reference) -> Span:
    return Span(ref.start, ref.end)


def _author_list(ref: Reference) -> str:
    return "; ".join(a.display() for a in ref.fields.authors)


def _hosts(ref: Reference) -> list[str]:
    hosts = []
    for url in ref.urls:
        m = RE_HOST.match(url.url or "")
        if m:
            hosts.append(m.group("host").lower().removeprefix("www."))
    return hosts


def _outlet_name(raw_name: str) -> tuple[str, bool]:
    """(clean name, emphasised?) for an outlet captured from the text ("*Newsweek *" -> "Newsweek")."""
    emphasised = "*" in raw_name
    name = " ".join(raw_name.replace("*", " ").split())
    name = name.split(". ")[0]  # "New York Times. All" ran into the next sentence
    if name.lower().startswith("the "):
        name = name[4:]
    return name.rstrip(".,;:"), emphasised


def _outlet_like(name: str, emphasised: bool) -> bool:
    return emphasised or any(w in OUTLET_WORDS for w in words(name))


def _outlet_matches(name: str, ref: Reference, raw: str) -> bool:
    """True when every significant word of the outlet appears in the reference, or its squashed form in a URL host."""
    sig = [w for w in words(name) if w not in _OUTLET_STOP]
    if not sig:
        return False
    raw_words = set(words(raw))
    if all(w in raw_words for w in sig):
        return True
    squashed = "".join(sig)
    hosts = [host.replace("-", "").replace(".", "") for host in _hosts(ref)]
    if any(squashed in host for host in hosts):
        return True
    labels = [host.split(".")[0].replace("-", "") for host in _hosts(ref)]
    return any(_name_in_label(sig, label) for label in labels)


def _name_in_label(sig: list[str], label: str) -> bool:
    """True when a site's domain label spells part of an outlet's name, each word in full or by its
    initial: "nytimes" (New York Times), "taxpolicycenter" (... Tax Policy ...), "bbc" (British
    Broadcasting Corporation)."""
    if len(sig) >= 3 and "".join(w[0] for w in sig) == label:
        return True
    for size in range(2, min(4, len(sig)) + 1):
        for start in range(len(sig) - size + 1):
            run = sig[start : start + size]
            for mask in range(1, 1 << size):  # bit k set: word k in full (at least one word in full)
                spelled = "".join(w if mask >> k & 1 else w[0] for k, w in enumerate(run))
                if len(spelled) >= 5 and spelled in label:
                    return True
    return False


def _ref_outlet(ref: Reference) -> str | None:
    f = ref.fields
    return f.container or f.publisher or (_hosts(ref)[0] if _hosts(ref) else None)


# --- speaker-mismatch ------------------------------------------------------------------------------
def check_speakers(article: Article, settings: Settings) -> Iterable[Finding]:
    """Yield speaker-mismatch findings (see module docstring)."""
    index = text_index(article)
    for attr, _claim, ref, marker in _linked_pairs(article):
        if attr is None:
            continue
        speaker = article.speaker(attr.speaker)
        if speaker is None:
            continue
        why = _speaker_problem(article, index, attr, speaker, ref)
        if why is None:
            continue
        evidence = [attr.source or min(attr.content, key=lambda s: s.start)]
        marker_obj = next((m for m in article.markers if m.id == marker), None)
        if marker_obj is not None:
            evidence.append(Span(marker_obj.start, marker_obj.end))
        evidence.append(_ref_evidence(article, ref))
        yield finding(
            "speaker-mismatch",
            f"{attr.id} ({quote_excerpt(article, attr)}) is by {speaker.name} and cited to "
            f"{reference_label(article, ref.id)}, {why}",
            evidence,
            attributions=[attr.id],
            references=[ref.id],
            markers=[marker] if marker else [],
        )


def _speaker_problem(
    article: Article, index: TextIndex, attr: Attribution, speaker: Speaker, ref: Reference
) -> str | None:
    """Why the reference does not fit the speaker, or None when it fits or we cannot tell."""
    text = article.text
    raw = text[ref.start : ref.end]
    frame = " ".join(text[s.start : s.end] for s in attribution_frame(index, article, attr))
    quoted = " ".join(text[s.start : s.end] for s in attr.content)
    # 1. The text says the cited outlet reported the speaker ("told Newsweek", "published by Newsweek"):
    #    a journalist's piece quoting the speaker is then the expected reference. Quote content counts
    #    here ("..., Indyk told Newsweek."), since it can only clear a finding, never raise one.
    reporting = [_outlet_name(m.group("name")) for m in RE_REPORTING_OUTLET.finditer(frame + " " + quoted)]
    if any(_outlet_matches(name, ref, raw) for name, _ in reporting if name):
        return None
    framed_outlets = [
        (name, emph) for name, emph in (_outlet_name(m.group("name")) for m in RE_REPORTING_OUTLET.finditer(frame))
        if name and _outlet_like(name, emph)
    ]
    ref_outlet = _ref_outlet(ref)
    if framed_outlets and (ref.fields.container or ref.fields.publisher):
        name = framed_outlets[0][0]
        return (
            f"but the text names {name} as where it appeared while the reference is from {ref_outlet}."
        )
    families = [fold(a.family) for a in ref.fields.authors if a.family]
    subject_text = " ".join(
        v for v in (ref.fields.title, ref.fields.medium, ref.fields.note, ref.fields.type) if v
    )
    if speaker.kind == "person":
        last = surname(speaker.name)
        if last is None:
            return None
        if families:
            if any(last in words(f) for f in families):
                return None
            if last in words(subject_text) or last in words(ref.fields.container or ""):
                return None  # an interview with / statement of the speaker, or their own outlet
            return (
                f"whose author is {_author_list(ref)}; \"{last.title()}\" appears neither among its authors "
                "nor in its title or description."
            )
        if last in words(raw):
            return None
        affiliations = _affiliations(article, attr)
        if affiliations and (ref.fields.container or ref.fields.publisher):
            if not any(_outlet_matches(name, ref, raw) for name in affiliations):
                return (
                    f"which names no author and is from {ref_outlet}, while the text places "
                    f"{speaker.name} at {affiliations[0]}."
                )
        return None
    if speaker.kind in ("unknown", "group"):
        # a document ("a state survey") does not say whose it is; a group ("some engineers", "critics")
        # is made of people, and the cited authors may well be among them
        return None
    # An organisation or group: only a reference with named people as authors can clearly be someone
    # else's, and then only when no distinctive word of the organisation's name appears in it.
    # "the mayor's office" is the "Office of the Mayor": compare words without the possessive
    significant = [w.removesuffix("'s") for w in words(speaker.name) if w not in GENERIC_ORG_WORDS and len(w) > 2]
    if not significant or not families:
        return None
    raw_words = set(words(raw))
    if any(w in raw_words for w in significant) or names_by_acronym(speaker.name, raw):
        return None
    return f"whose author is {_author_list(ref)} and which does not mention {speaker.name}."


def _affiliations(article: Article, attr: Attribution) -> list[str]:
    """Outlets the source is placed at ("Cyrus Safdari of *Iran Affairs*"), outlet-shaped ones only."""
    if attr.source is None:
        return []
    text = article.text
    found = []
    window = text[attr.source.start : min(len(text), attr.source.end + 60)]
    for m in RE_AFFILIATION.finditer(window):
        if m.start() > attr.source.end - attr.source.start + 1:
            break
        name, emph = _outlet_name(m.group("name"))
        if name and _outlet_like(name, emph):
            found.append(name)
    return found


# --- date-mismatch ---------------------------------------------------------------------------------
def check_dates(article: Article, settings: Settings) -> Iterable[Finding]:
    """Yield date-mismatch findings (see module docstring)."""
    tolerance = int(settings.get("checks", "date_tolerance_years"))
    index = text_index(article)
    for attr, claim, ref, marker in _linked_pairs(article):
        ref_year = _year(ref.fields.date)
        if ref_year is None:
            continue
        if attr is not None:
            spans = attribution_frame(index, article, attr)
        elif claim is not None:
            spans = [claim] + _claim_lead_in(article, index, claim)
        else:
            continue
        mentions = list(_item_years(article, spans))
        years = {year for year, _ in mentions}
        if len(years) != 1:
            continue  # no year for the cited item, or several: ambiguous, say nothing
        year = years.pop()
        raw = article.text[ref.start : ref.end]
        if abs(year - ref_year) <= tolerance or str(year) in raw:
            continue  # the reference itself mentions that year (an edition, a reprint, a "See also")
        span = mentions[0][1]
        phrase = " ".join(article.text[span.start : span.end].split())
        yield finding(
            "date-mismatch",
            f"the text dates the cited item to {year} (\"{phrase}\") but {reference_label(article, ref.id)} "
            f"is dated {ref.fields.date}.",
            [span, _ref_evidence(article, ref)],
            attributions=[attr.id] if attr else [],
            references=[ref.id],
            markers=[marker] if marker else [],
        )


def _year(date: str | None) -> int | None:
    m = RE_YEAR.search(date or "")
    return int(m.group(1)) if m else None


def _item_years(article: Article, spans: list[Span]) -> Iterator[tuple[int, Span]]:
    """(year, phrase span) for each year the text gives for a citable item inside `spans`."""
    for span in spans:
        chunk = article.text[span.start : span.end]
        for pattern in (RE_YEAR_BEFORE_ITEM, RE_YEAR_AFTER_ITEM):
            for m in pattern.finditer(chunk):
                if EVENT_WORDS & set(words(m.group("gap") or "")):
                    continue  # "report on the war in 1981": the year belongs to the war
                yield int(m.group("year")), Span(span.start + m.start(), span.start + m.end())


def _claim_lead_in(article: Article, index: TextIndex, claim: Span) -> list[Span]:
    """For a cited claim inside a block quotation, the sentence that introduces it with a colon."""
    paragraph = index.paragraph(claim.start)
    opener = article.text[paragraph.start : paragraph.start + 1]
    probes = [claim.start]
    if opener and opener in "\"“‘'":
        probes.append(paragraph.start)
    out = []
    for probe in probes:
        lead = index.previous_sentence(probe)
        if lead is not None and article.text[lead.start : lead.end].rstrip().endswith(":"):
            out.append(lead)
    return out
