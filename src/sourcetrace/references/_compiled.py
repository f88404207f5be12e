"""A compiled copy of a pure-Python module must not outlive its source.

setup.py compiles features.py and fields.py with Cython (the same source, a third faster; the import
system prefers the .so beside the .py). Each calls `prefer_source_if_newer(__name__, __file__)` last:
when the running copy is the compiled one, in a source checkout, and its .py was edited since the
build, the .py is loaded in its place, with a warning, so an edit is never silently ignored.
"""

from __future__ import annotations

import importlib.util
import sys
import warnings
from pathlib import Path


def prefer_source_if_newer(name: str, file: str) -> None:
    if file.endswith(".py"):
        return
    # only in a source checkout (src/sourcetrace/references/ under the directory holding setup.py): an
    # installed wheel writes the build and the source together, in no particular order
    if not (Path(file).parents[3] / "setup.py").is_file():
        return
    source = Path(file).with_name(name.rpartition(".")[2] + ".py")
    if not source.is_file() or source.stat().st_mtime <= Path(file).stat().st_mtime:
        return
    warnings.warn(f"{Path(file).name} is older than {source.name}: using the source "
                  "(rebuild with `pip install -e .` or `make`)", RuntimeWarning, stacklevel=2)
    spec = importlib.util.spec_from_file_location(name, source)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # the import statement that loaded the stale copy returns this one
    spec.loader.exec_module(module)
