"""Regenerate docs/cli.md from the commands' --help (run after changing an option: `python scripts/make_cli_docs.py`)."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from click.testing import CliRunner

from sourcetrace.cli import cli

HEADER = """# CLI reference

Generated from `--help` by `python scripts/make_cli_docs.py`; tests/test_docs.py fails when it is stale.

Exit codes: 0 done; 1 done and `--fail-on` was hit; 2 usage error or input that cannot be audited
(codes in brackets: not-found, empty, binary, too-large, undecodable, no-article, refused-url, fetch-failed);
3 internal error; 4 batch finished but some documents failed.
"""


def commands(group: click.Group, prefix: list[str]):
    for name in sorted(group.commands):
        command = group.commands[name]
        if command.hidden:
            continue
        yield prefix + [name]
        if isinstance(command, click.Group):
            yield from commands(command, prefix + [name])


def render() -> str:
    runner = CliRunner()
    parts = [HEADER]
    for path in [[]] + list(commands(cli, [])):
        result = runner.invoke(cli, path + ["--help"], prog_name="sourcetrace", terminal_width=100)
        title = " ".join(["sourcetrace"] + path)
        parts.append(f"## `{title}`\n\n```\n{result.output.rstrip()}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
    target.write_text(render(), encoding="utf-8")
    sys.stderr.write(f"wrote {target}\n")
