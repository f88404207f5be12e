"""Docs stay in step with the code: the CLI reference and the finding-code catalogue."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _make_cli_docs():
    spec = importlib.util.spec_from_file_location("make_cli_docs", ROOT / "scripts" / "make_cli_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_cli_reference_is_current():
    current = (ROOT / "docs" / "cli.md").read_text("utf-8")
    assert current == _make_cli_docs().render(), "docs/cli.md is stale: run python scripts/make_cli_docs.py"


def test_docs_every_command_documented():
    module = _make_cli_docs()
    text = (ROOT / "docs" / "cli.md").read_text("utf-8")
    for path in module.commands(module.cli, []):
        assert f"`sourcetrace {' '.join(path)}`" in text


def test_docs_every_finding_code_documented():
    from sourcetrace.checks.registry import CODES

    text = (ROOT / "docs" / "checks.md").read_text("utf-8")
    for code in CODES:
        assert f"`{code}`" in text, f"finding code {code} missing from docs/checks.md"


def test_docs_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text("utf-8")
    first_block = readme.split("```")[1]
    assert "make audit" in first_block and "make test" in first_block
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "make test" in ci
