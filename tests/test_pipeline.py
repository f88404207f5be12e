"""pipeline.run checks stage contracts; audit_many records failures and goes on."""

from dataclasses import replace

import pytest

from sourcetrace.errors import InputError, PipelineError
from sourcetrace.model import Article, Failure, Region
from sourcetrace.pipeline import Stage, audit_many, failure_from, run


def _regions(article, settings):
    return replace(article, regions=(Region(0, len(article.text), "body"),))


def test_pipeline_runs_stages_in_order(settings):
    out = run(Article(text="abc"), settings, [Stage("r", _regions, (), ("regions",))])
    assert out.regions == (Region(0, 3, "body"),)


def test_pipeline_missing_requirement_raises(settings):
    with pytest.raises(PipelineError, match="requires regions"):
        run(Article(text="abc"), settings, [Stage("needs", _regions, ("regions",), ())])


@pytest.mark.parametrize(
    "bad",
    [lambda a, s: None, lambda a, s: replace(a, text="changed")],
)
def test_pipeline_stage_contract_violations_raise(settings, bad):
    with pytest.raises(PipelineError):
        run(Article(text="abc"), settings, [Stage("bad", bad)])


def test_pipeline_failure_from_keeps_code_and_one_line():
    failure = failure_from("doc1", "ingest", InputError("empty file x\nmore", code="empty"))
    assert (failure.code, failure.message, failure.stage) == ("empty", "empty file x", "ingest")
    assert len(failure.digest) == 12


def test_pipeline_failure_from_unexpected_is_internal():
    assert failure_from("d", "pipeline", KeyError("k")).code == "internal"


def test_pipeline_audit_many_records_and_goes_on(tmp_path, settings):
    good = tmp_path / "good.txt"
    good.write_text('The mayor said "we will build it." [1]\n\n[1] Smith, J. "Plans." Daily News, 2 May 2020.\n')
    missing = tmp_path / "missing.txt"
    results = list(audit_many([str(missing), str(good)], settings))
    assert isinstance(results[0], Failure) and results[0].code == "not-found"
    assert isinstance(results[1], Article) and results[1].attributions


def test_pipeline_deadline_stops_between_stages(settings):
    import time

    from sourcetrace.errors import PipelineError
    from sourcetrace.model import Article
    from sourcetrace.pipeline import Stage, run

    calls = []

    def first(article, settings):
        calls.append("first")
        return article

    def second(article, settings):
        calls.append("second")
        return article

    stages = (Stage("first", first), Stage("second", second))
    article = Article(text="Some text.")
    with pytest.raises(PipelineError) as info:
        run(article, settings, stages, deadline=time.monotonic() - 1)
    assert info.value.code == "timeout" and calls == []
    assert run(article, settings, stages, deadline=time.monotonic() + 60) is article and calls == ["first", "second"]


def test_pipeline_deadline_stops_a_document_inside_a_long_stage(settings):
    """A stage that checks the deadline in its loop stops mid-stage, in a worker thread as in Dask."""
    import threading
    import time

    from sourcetrace.limits import check_deadline

    done = []

    def long_stage(article, settings):
        for k in range(200):
            check_deadline("in long-stage")
            time.sleep(0.005)
            done.append(k)
        return article

    outcome = {}

    def worker():
        try:
            run(Article(text="Some text."), settings, (Stage("long", long_stage),), deadline=time.monotonic() + 0.05)
        except PipelineError as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(10)
    error = outcome["error"]
    assert error.code == "timeout" and "stopped in long-stage" in str(error)
    assert 0 < len(done) < 200
    check_deadline("in no document")  # the limit belonged to that document only


def test_pipeline_references_and_attributions_check_the_deadline(settings):
    """The two stages whose loops grow with the document stop inside when its deadline has passed."""
    import time

    from sourcetrace.limits import time_limit
    from sourcetrace.pipeline import default_stages

    text = ('Ana Ruiz said, "The wall will hold." [1]\n\nNotes\n'
            '[1] Ruiz, Ana. "The Wall." *Harbour Gazette*, 3 March 2009.\n')
    stages = {s.name: s for s in default_stages(settings)}
    article = run(Article(text=text), settings, (stages["extract"], stages["tokenize"]))
    for name, layer in (("attributions", "attributions"), ("references", "references")):
        with time_limit(time.monotonic() - 1):
            with pytest.raises(PipelineError, match=f"stopped in {name}") as info:
                stages[name].fn(article, settings)
            assert info.value.code == "timeout"
        assert getattr(stages[name].fn(article, settings), layer)  # no limit: the stage runs as usual
