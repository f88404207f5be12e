"""The CLI: exit codes, stdout carries data only, errors are one line on stderr."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from sourcetrace.cli import cli
from sourcetrace.references import parse_anystyle_xml


@pytest.fixture
def runner():
    return CliRunner()


def _one_line_error(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sourcetrace: error:"), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def test_cli_audit_json_contract(runner, seed_path):
    result = runner.invoke(cli, ["audit", "--json", str(seed_path)])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["schema"] == "sourcetrace/1"
    assert set(doc) >= {"document", "text", "chrome", "attributions", "references", "markers", "findings"}
    for layer in ("attributions",):
        for item in doc[layer]:
            for c in item["content"]:
                assert doc["text"][c["start"] : c["end"]] == c["text"]


def test_cli_audit_text_report_default(runner, seed_path):
    result = runner.invoke(cli, ["audit", str(seed_path)])
    assert result.exit_code == 0 and "Patrick Disney" in result.stdout and result.stderr == ""


def test_cli_audit_stdin(runner):
    result = runner.invoke(cli, ["audit", "--json", "-"], input='The mayor said "we will build it."\n')
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["attributions"]


def test_cli_fail_on_exits_1(runner, seed_path):
    result = runner.invoke(cli, ["audit", "--fail-on", "warning", "--format", "markdown", str(seed_path)])
    assert result.exit_code == 1 and result.stdout.strip()


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"", "empty"), (b"   \n\n", "empty"), (bytes(range(256)) * 40, "binary")],
)
def test_cli_bad_input_exits_2(runner, tmp_path, content, code):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(cli, ["audit", str(path)])
    assert result.exit_code == 2 and f"[{code}]" in _one_line_error(result)


def test_cli_missing_file_exits_2(runner, tmp_path):
    result = runner.invoke(cli, ["audit", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2 and "[not-found]" in _one_line_error(result)


def test_cli_too_large_exits_2(runner, tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 5_000_000)  # 25 MB > the 20 MiB default cap
    result = runner.invoke(cli, ["audit", str(path)])
    assert result.exit_code == 2 and "[too-large]" in _one_line_error(result)


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/x", "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data"])
def test_cli_private_url_refused(runner, url):
    result = runner.invoke(cli, ["audit", url])
    assert result.exit_code == 2 and "[refused-url]" in _one_line_error(result)


def test_cli_brat_writes_one_ann_per_input(runner, tmp_path, seed_path):
    other = tmp_path / "other.txt"
    other.write_text('The mayor said "we will build it."\n')
    out = tmp_path / "pred"
    result = runner.invoke(cli, ["audit", "--format", "brat", "--out", str(out), str(seed_path), str(other)])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["article.ann", "other.ann"]
    assert "\tContent " in (out / "other.ann").read_text() or "Content " in (out / "other.ann").read_text()


def test_cli_html_report_is_written(runner, tmp_path, seed_path):
    out = tmp_path / "r.html"
    result = runner.invoke(cli, ["audit", "--format", "html", "--out", str(out), str(seed_path)])
    assert result.exit_code == 0 and out.read_text().lstrip().lower().startswith("<!doctype html")


def test_cli_parse_ref_json(runner):
    ref = 'Disney, Patrick. "The Middle East Channel." *Foreign Policy*. The Slate Group, 22 September 2010. Web. 1 Nov 2010.'
    result = runner.invoke(cli, ["parse-ref", ref])
    assert result.exit_code == 0, result.stderr
    fields = json.loads(result.stdout)["fields"]
    assert fields["authors"][0]["family"] == "Disney" and fields["date"] == "2010-09-22"


def test_cli_parse_ref_reads_a_file_named_as_the_argument(runner, tmp_path):
    # `parse-ref --format anystyle-xml FILE`: one <sequence> per line, a blank line included
    refs = tmp_path / "refs.txt"
    refs.write_text("Smith, J. (2001). A title. Oxford: Clarendon Press.\n\nDoe, Jane. \"Rivers.\" *Valley Monitor* 3 May 2012.\n", "utf-8")
    result = runner.invoke(cli, ["parse-ref", "--format", "anystyle-xml", str(refs)])
    assert result.exit_code == 0, result.stderr
    sequences = parse_anystyle_xml(result.stdout)
    assert len(sequences) == 3 and sequences[1] == []
    assert " ".join(text for _, text in sequences[0]).split() == "Smith, J. (2001). A title. Oxford: Clarendon Press.".split()
    assert str(refs) not in result.stdout
    as_json = runner.invoke(cli, ["parse-ref", str(refs)])
    assert [json.loads(line)["fields"]["authors"][0]["family"] for line in as_json.stdout.splitlines()] == ["Smith", "Doe"]


def test_cli_parse_ref_dash_reads_stdin(runner):
    result = runner.invoke(cli, ["parse-ref", "--format", "anystyle-xml", "-"], input="Smith, J. (2001). A title.\n\nDoe, J. 2002.\n")
    assert result.exit_code == 0, result.stderr
    assert len(parse_anystyle_xml(result.stdout)) == 3


def test_cli_parse_ref_bad_input_is_one_line(runner, tmp_path):
    latin1 = tmp_path / "refs.txt"
    latin1.write_bytes("Müller, K. Straße. 2001.\n".encode("latin-1"))
    for args in (["parse-ref", str(latin1)], ["parse-ref", "--file", str(latin1)]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 2 and "not UTF-8" in _one_line_error(result)
    assert runner.invoke(cli, ["parse-ref", "  "]).exit_code == 2


def test_cli_parse_ref_empty_file_is_an_error(runner, tmp_path):
    blank = tmp_path / "refs.txt"
    for content in ("", "\n \n\t\n"):
        blank.write_text(content, "utf-8")
        for args in (["parse-ref", str(blank)], ["parse-ref", "--format", "anystyle-xml", "--file", str(blank)]):
            result = runner.invoke(cli, args)
            assert result.exit_code == 2 and "holds no reference" in _one_line_error(result)
    assert runner.invoke(cli, ["parse-ref", "-"], input="").exit_code == 2


def test_cli_parse_ref_xml_is_well_formed_with_control_characters(runner, tmp_path):
    refs = tmp_path / "refs.txt"
    refs.write_text("Smith,\x0bJ. A & B <i>. \x01Press, 2001.\n", "utf-8")
    result = runner.invoke(cli, ["parse-ref", "--format", "anystyle-xml", str(refs)])
    assert result.exit_code == 0, result.stderr
    (segments,) = parse_anystyle_xml(result.stdout)
    assert " ".join(text for _, text in segments).split() == ["Smith,", "J.", "A", "&", "B", "<i>.", "Press,", "2001."]


def test_cli_usage_error_exits_2(runner):
    assert runner.invoke(cli, ["audit"]).exit_code == 2


def test_cli_batch_query_export(runner, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text('Mayor Ann Lee said "we will build the bridge." Lee added that costs were fine.\n')
    (corpus / "b.txt").write_text('"Taxes will fall," said Ann Lee on Monday.\n')
    (corpus / "c.txt").write_bytes(b"")
    db = tmp_path / "c.duckdb"
    result = runner.invoke(cli, ["batch", str(corpus), "--db", str(db), "-j", "1", "--quiet"])
    assert result.exit_code == 4, result.stderr  # c.txt is empty: recorded as failed, the rest goes on
    assert "2 audited, 1 failed" in result.stderr and result.stdout == ""
    again = runner.invoke(cli, ["batch", str(corpus), "--db", str(db), "-j", "1", "--quiet"])
    assert "0 audited" in again.stderr and "3 already stored" in again.stderr
    top = runner.invoke(cli, ["query", "top-speakers", "--db", str(db), "--format", "json"])
    assert top.exit_code == 0, top.stderr
    rows = json.loads(top.stdout)
    assert any("Ann Lee" in json.dumps(row) for row in rows)
    out = tmp_path / "parquet"
    exported = runner.invoke(cli, ["export", "--db", str(db), "--parquet", str(out)])
    assert exported.exit_code == 0 and any(p.suffix == ".parquet" for p in out.iterdir())


def test_cli_query_unknown_report_exits_2(runner, tmp_path):
    db = tmp_path / "x.duckdb"
    db.write_bytes(b"")
    assert runner.invoke(cli, ["query", "nope", "--db", str(db)]).exit_code == 2


def test_cli_eval_attributions_agrees_with_shared_scorer(runner, tmp_path, shared_dir):
    import shutil
    import subprocess
    import sys

    dev = shared_dir / "data" / "polnear" / "dev"
    gold = tmp_path / "gold"
    (gold / "text").mkdir(parents=True)
    (gold / "attributions").mkdir()
    for text in sorted((dev / "text").glob("*.txt"))[:6]:
        shutil.copy(text, gold / "text")
        for ann in (dev / "attributions").glob(f"{text.stem}_*.ann"):
            shutil.copy(ann, gold / "attributions")
    pred = tmp_path / "pred"
    result = runner.invoke(cli, ["eval", "attributions", str(gold), "--save-pred", str(pred), "--json"])
    assert result.exit_code == 0, result.stderr
    ours = json.loads(result.stdout)["metrics"]
    shared_json = tmp_path / "shared.json"
    subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score_attributions.py"), str(gold), str(pred), "--json", str(shared_json)],
        check=True, capture_output=True,
    )
    theirs = json.loads(shared_json.read_text())["metrics"]
    assert ours == theirs and ours["relation"]["f1"] > 0


def test_cli_check_links_against_local_server(runner, tmp_path, serve_http):
    import http.server

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_HEAD(self):
            self.send_response(200 if self.path == "/ok" else 404)
            self.end_headers()

        do_GET = do_HEAD

        def log_message(self, *args):
            pass

    with serve_http(Handler) as port:
        base = f"http://127.0.0.1:{port}"
        article = tmp_path / "a.txt"
        article.write_text(
            'Lee said "the bridge will open."[1] Park said "it will not."[2]\n\n'
            f"[1] Lee, Ann. \"Bridge plans.\" City News, 2 May 2020. {base}/ok\n"
            f"[2] Park, Bo. \"No bridge.\" City News, 3 May 2020. {base}/gone\n"
        )
        result = runner.invoke(cli, ["audit", "--json", "--check-links", "--allow-private", str(article)])
        assert result.exit_code == 0, result.stderr
        doc = json.loads(result.stdout)
        statuses = {r["label"]: [u["status"] for u in r["urls"]] for r in doc["references"]}
        assert statuses == {"1": ["live"], "2": ["dead"]}
        assert any(f["code"] == "dead-url" for f in doc["findings"])
        refused = runner.invoke(cli, ["audit", "--json", "--check-links", str(article)])
        assert refused.exit_code == 0
        assert "dead" not in {u["status"] for r in json.loads(refused.stdout)["references"] for u in r["urls"]}

