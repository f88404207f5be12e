"""Builds the one compiled part, the reference tagger's Viterbi search (references/_viterbi.pyx).

Everything else is in pyproject.toml. The extension is optional: without a C compiler the install
still succeeds and the reference parser falls back to crfsuite's own (slower) tagger.
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
            self._skip(exc)

    def build_extension(self, ext):
        try:
            super().build_extension(ext)
        except Exception as exc:  # noqa: BLE001
            self._skip(exc)

    @staticmethod
    def _skip(exc):
        print(f"sourcetrace: the compiled reference tagger was not built ({exc}); crfsuite's is used",
              file=sys.stderr)


extensions = [Extension("sourcetrace.references._viterbi", ["src/sourcetrace/references/_viterbi.pyx"], optional=True)]
setup(ext_modules=cythonize(extensions, quiet=True) if cythonize else [], cmdclass={"build_ext": OptionalBuildExt})
