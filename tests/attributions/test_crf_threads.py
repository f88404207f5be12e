"""The CRF finder is safe to call from several threads at once (the web app does)."""

from concurrent.futures import ThreadPoolExecutor

from sourcetrace.attributions import find_attributions, resolve_speakers
from sourcetrace.extract import extract_regions
from sourcetrace.ingest import ingest_text
from sourcetrace.tokenize import tokenize

TEXTS = [
    f'Mayor Ann Lee{i} said "the bridge will open in {2020 + i}." Critics argued that the cost was too high.\n\n'
    f'"We disagree," said council member Bo Park{i}, adding that the vote was fair.\n'
    for i in range(8)
]


def _spans(text, settings):
    article = ingest_text(text, settings)
    for stage in (extract_regions, tokenize, find_attributions, resolve_speakers):
        article = stage(article, settings)
    return [(a.kind, [(c.start, c.end) for c in a.content]) for a in article.attributions]


def test_crf_threads_give_serial_results(settings):
    serial = [_spans(t, settings) for t in TEXTS * 3]
    with ThreadPoolExecutor(4) as pool:
        threaded = list(pool.map(lambda t: _spans(t, settings), TEXTS * 3))
    assert threaded == serial and all(serial)
