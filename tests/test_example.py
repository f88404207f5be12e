"""End-to-end on the bundled example article (examples/article.txt, a copy of shared/seed/article.txt).

This checks real content of a real page; nothing in src/ may special-case it.
"""

from __future__ import annotations

import pytest

import sourcetrace
from sourcetrace.report.json import to_dict


@pytest.fixture(scope="module")
def seed(seed_path):
    return sourcetrace.audit(str(seed_path))


@pytest.fixture(scope="module")
def seed_json(seed):
    return to_dict(seed)


def _quote_containing(doc: dict, words: str) -> dict:
    found = [a for a in doc["attributions"] if any(words in c["text"] for c in a["content"])]
    assert found, f"no attribution contains {words!r}"
    return min(found, key=lambda a: sum(len(c["text"]) for c in a["content"]))


def _ref_label(doc: dict, ref_id: str) -> str:
    return next(r["label"] for r in doc["references"] if r["id"] == ref_id)


def test_example_document_metadata(seed_json):
    doc = seed_json["document"]
    assert doc["title"] == "MKO Has No Base Amongst Iranians"
    assert doc["authors"] == ["Mazda Parsi"]
    assert doc["section"] == ["Mujahedin Khalq Organization"]


def test_example_chrome_blocks(seed_json):
    chrome = " | ".join(c["text"] for c in seed_json["chrome"])
    for text in ("Home » Mujahedin Khalq Organization", "You may also like", "Leave a Comment"):
        assert text in chrome
    body = [r for r in seed_json["regions"] if r["kind"] == "body"]
    body_text = "".join(seed_json["text"][r["start"] : r["end"]] for r in body)
    assert "You may also like" not in body_text and "Leave a Comment" not in body_text
    assert "As President Ahmadinejad addressed" in body_text


def test_example_seven_references_and_markers(seed_json):
    labels = [r["label"] for r in seed_json["references"] if r["kind"] == "note"]
    assert labels == [str(n) for n in range(1, 8)]
    markers = {m["label"]: m["reference"] for m in seed_json["markers"]}
    assert sorted(markers, key=int) == [str(n) for n in range(1, 8)]
    for label, ref_id in markers.items():
        assert ref_id is not None and _ref_label(seed_json, ref_id) == label


def test_example_disney_quote_spans_two_paragraphs(seed_json):
    quote = _quote_containing(seed_json, "literally zero support")
    text = " ".join(c["text"] for c in quote["content"])
    assert "such an organization" in text
    assert quote["kind"] in ("direct", "mixed") and quote["speaker"] == "Patrick Disney"
    assert [_ref_label(seed_json, r) for r in quote["references"]] == ["6"]


def test_example_he_recalls_resolves_to_dashtestani(seed_json):
    quote = _quote_containing(seed_json, "half of Iranian territory")
    assert quote["speaker"] and "Dashtestani" in quote["speaker"]
    assert [_ref_label(seed_json, r) for r in quote["references"]] == ["4"]


def test_example_he_writes_resolves_to_abedin(seed_json):
    quote = _quote_containing(seed_json, "near-communist origins")
    assert quote["speaker"] == "Mahan Abedin"


def test_example_truncated_urls(seed_json):
    by_label = {r["label"]: [u["status"] for u in r["urls"]] for r in seed_json["references"]}
    for label in "123467":
        assert "truncated" in by_label[label], label
    assert "ok" in by_label["5"]
    flagged = {
        _ref_label(seed_json, rid)
        for f in seed_json["findings"]
        if f["code"] == "truncated-url"
        for rid in f["references"]
    }
    assert set("123467") <= flagged


def test_example_speaker_mismatch_on_safdari_only(seed_json):
    mismatched = {
        _ref_label(seed_json, rid)
        for f in seed_json["findings"]
        if f["code"] == "speaker-mismatch"
        for rid in f["references"]
    }
    assert "2" in mismatched
    assert not mismatched & {"4", "6", "7"}


def test_example_date_mismatch_on_1994_report(seed_json):
    hits = [f for f in seed_json["findings"] if f["code"] == "date-mismatch"]
    assert any(_ref_label(seed_json, r) == "5" for f in hits for r in f["references"])
    assert any("1994" in f["message"] for f in hits)


def test_example_abedin_first_quote_inherits_reference_7(seed_json):
    quote = _quote_containing(seed_json, "not fully appreciated")
    assert quote["link_method"] == "inherited"
    assert [_ref_label(seed_json, r) for r in quote["references"]] == ["7"]
    assert any(f["code"] == "inherited-source" and quote["id"] in f["attributions"] for f in seed_json["findings"])


def test_example_scare_quotes_are_not_statements(seed_json):
    terms = " ".join(t["text"] for t in seed_json["quoted_terms"])
    assert "human rights activist" in terms and "No to Ahmadinejad Committee" in terms
    for a in seed_json["attributions"]:
        for c in a["content"]:
            assert c["text"].strip("“”\"’‘ ,.") not in ("human rights activist", "No to Ahmadinejad Committee")


def test_example_colon_block_quote_is_the_state_department_report(seed_json):
    quote = _quote_containing(seed_json, "Exploiting Western opprobrium")
    assert quote["kind"] == "direct" and quote["cue"]["text"] == ":"
    assert "State Department report" in quote["source"]["text"]
    assert quote["link_method"] == "marker" and [_ref_label(seed_json, r) for r in quote["references"]] == ["5"]
