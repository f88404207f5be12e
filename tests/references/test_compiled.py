"""references/_compiled.py: in a source checkout, an edited .py is used instead of an older build of it."""

from __future__ import annotations

import os
import sys

import pytest

from sourcetrace.references._compiled import prefer_source_if_newer


def _package(root, source_newer: bool, checkout: bool = True):
    """root/src/stalepkg/sub/mod.py and a stand-in build beside it, as in this repository's layout;
    `checkout`: root holds a setup.py (a source checkout), else it is an installed package."""
    pkg = root / "src/stalepkg/sub"
    pkg.mkdir(parents=True)
    if checkout:
        (root / "setup.py").write_text("")
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
            prefer_source_if_newer("stalepkg.sub.mod", str(built))
        assert sys.modules["stalepkg.sub.mod"].WHERE == "source"
    finally:
        sys.modules.pop("stalepkg.sub.mod", None)


def test_a_fresh_build_is_kept(tmp_path, recwarn):
    built = _package(tmp_path, source_newer=False)
    prefer_source_if_newer("stalepkg.sub.mod", str(built))
    assert "stalepkg.sub.mod" not in sys.modules
    assert not recwarn.list


def test_an_installed_package_keeps_its_build(tmp_path, recwarn):
    # pip writes a wheel's .so and .py in any order: outside a checkout the times mean nothing
    built = _package(tmp_path, source_newer=True, checkout=False)
    prefer_source_if_newer("stalepkg.sub.mod", str(built))
    assert "stalepkg.sub.mod" not in sys.modules
    assert not recwarn.list


def test_the_source_module_itself_is_left_alone(tmp_path, recwarn):
    _package(tmp_path, source_newer=True)
    prefer_source_if_newer("stalepkg.sub.mod", str(tmp_path / "src/stalepkg/sub/mod.py"))
    assert "stalepkg.sub.mod" not in sys.modules
    assert not recwarn.list
