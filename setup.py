"""Builds the compiled parts of the reference parser: its Viterbi search (references/_viterbi.pyx) and
Cython builds of two of its pure-Python modules.

Everything else is in pyproject.toml. All are optional: without a C compiler the install still
succeeds, and the parser runs as plain Python with crfsuite's own (slower) tagger.
"""

import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

try:
    from Cython.Build import cythonize
except ImportError:  # building without Cython: the pure-Python fallback is used
    cythonize = None


class OptionalBuildExt(build_ext):
    """A failed compile is a warning, not a failed install (Extension(optional=True) alone is not
    honoured by every install path, editable installs among them)."""

    def run(self):
        try:
            super().run()
        except Exception as exc:  # noqa: BLE001 - any compiler failure
            self._skip("the compiled modules", exc)

    def build_extension(self, ext):
        try:
            super().build_extension(ext)
        except Exception as exc:  # noqa: BLE001
            self._skip(ext.name, exc)

    @staticmethod
    def _skip(what, exc):
        print(f"sourcetrace: {what} not compiled ({exc}); the plain-Python path is used", file=sys.stderr)


REFS = "src/sourcetrace/references/"
extensions = [
    # the sparse Viterbi search (Cython)
    Extension("sourcetrace.references._viterbi", [REFS + "_viterbi.pyx"], optional=True),
    # the reference parser's two per-token Python modules, compiled as they are (about a third faster;
    # references/_compiled.py keeps an edited .py from being shadowed by an older build)
    Extension("sourcetrace.references.features", [REFS + "features.py"], optional=True),
    Extension("sourcetrace.references.fields", [REFS + "fields.py"], optional=True),
]
setup(
    ext_modules=cythonize(extensions, quiet=True, compiler_directives={"annotation_typing": False})
    if cythonize else [],
    cmdclass={"build_ext": OptionalBuildExt},
)
