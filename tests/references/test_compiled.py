"""references/_compiled.py: an edited .py is used instead of an older compiled build of it."""

from __future__ import annotations

import os
import sys

import pytest

from sourcetrace.references._compiled import prefer_source_if_newer


def _package(tmp_path, source_newer: bool):
    pkg = tmp_path / "stalepkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "mod.py").write_text("WHERE = 'source'\n")
    built = pkg / "mod.cpython-311-x86_64-linux-gnu.so"
    built.write_bytes(b"stands in for the compiled copy; never imported")
    old, new = 1_000_000_000, 1_000_000_100
    os.utime(pkg / "mod.py", (new, new) if source_newer else (old, old))
    os.utime(built, (old, old) if source_newer else (new, new))
    return built


def test_an_edited_source_replaces_the_older_build(tmp_path):
    built = _package(tmp_path, source_newer=True)
    try:
        with pytest.warns(RuntimeWarning, match="older than mod.py"):
            prefer_source_if_newer("stalepkg.mod", str(built))
        assert sys.modules["stalepkg.mod"].WHERE == "source"
    finally:
        sys.modules.pop("stalepkg.mod", None)


def test_a_fresh_build_is_kept(tmp_path, recwarn):
    built = _package(tmp_path, source_newer=False)
    prefer_source_if_newer("stalepkg.mod", str(built))
    assert "stalepkg.mod" not in sys.modules
    assert not recwarn.list


def test_the_source_module_itself_is_left_alone(tmp_path, recwarn):
    _package(tmp_path, source_newer=True)
    prefer_source_if_newer("stalepkg.mod", str(tmp_path / "stalepkg/mod.py"))
    assert "stalepkg.mod" not in sys.modules
    assert not recwarn.list
