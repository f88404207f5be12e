"""Builds the one compiled part, the reference tagger's Viterbi search (references/_viterbi.pyx).

Everything else is in pyproject.toml. The extension is optional: without a C compiler the install
still succeeds and the reference parser falls back to crfsuite's own (slower) tagger.
"""

from setuptools import Extension, setup

try:
    from Cython.Build import cythonize
except ImportError:  # building without Cython: the pure-Python fallback is used
    cythonize = None

extensions = [Extension("sourcetrace.references._viterbi", ["src/sourcetrace/references/_viterbi.pyx"], optional=True)]
setup(ext_modules=cythonize(extensions, quiet=True) if cythonize else [])
