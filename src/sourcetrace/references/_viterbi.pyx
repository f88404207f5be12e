# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False, cdivision=True
"""The best label path of a linear-chain CRF, as crfsuite's crf1d tagger finds it, for sparse transitions.

crfsuite scores every (previous label, label) pair per token: 67 labels make 4,489 sums a token, most of
the reference parser's time. A trained model keeps only a few hundred non-zero transition weights (L1),
so here each label's best predecessor is the better of (a) its non-zero transitions and (b) the best
previous label whose transition weight is zero: nearly always one of the previous token's best four. Ties go to
the lower label id, as in crfsuite, so the path is crfsuite's own (tests compare them string by string).
"""

from cpython.mem cimport PyMem_Malloc, PyMem_Free
from cpython.dict cimport PyDict_GetItem
from cpython.object cimport PyObject

cdef enum:
    TOP = 4  # how many of the previous token's best labels are kept for (b)


def best_path(list items, dict attributes, const int[::1] attr_start, const int[::1] feature_label,
              const double[::1] feature_weight, const double[::1] transitions, const int[::1] col_start,
              const int[::1] col_from, const double[::1] col_weight, int n_labels):
    """Label ids of the best path for `items` (one iterable of attribute names, bytes, per token).

    col_start / col_from / col_weight: the non-zero transitions into each label, sorted by the label
    they come from."""
    cdef Py_ssize_t T = len(items)
    cdef int L = n_labels
    if T == 0:
        return []
    cdef double* state = <double*> PyMem_Malloc(T * L * sizeof(double))
    cdef int* back = <int*> PyMem_Malloc(T * L * sizeof(int))
    cdef double* score = <double*> PyMem_Malloc(2 * L * sizeof(double))
    if not state or not back or not score:
        PyMem_Free(state); PyMem_Free(back); PyMem_Free(score)
        raise MemoryError()
    cdef Py_ssize_t t
    cdef int i, j, k, r, a, n, best_i
    cdef int top[TOP]
    cdef double best, s
    cdef double* prev
    cdef double* curr
    cdef double* st
    cdef PyObject* found
    cdef list path
    try:
        # state scores: the weights of each token's known attributes, summed in crfsuite's order
        for t in range(T * L):
            state[t] = 0.0
        for t in range(T):
            st = state + t * L
            for name in items[t]:
                found = PyDict_GetItem(attributes, name)
                if found is NULL:
                    if type(name) is not bytes:  # a str name would silently match nothing
                        raise TypeError(f"attribute names are bytes, not {type(name).__name__}")
                    continue
                a = <int> <object> found
                for r in range(attr_start[a], attr_start[a + 1]):
                    st[feature_label[r]] += feature_weight[r]
        prev = score
        curr = score + L
        for j in range(L):
            prev[j] = state[j]
        for t in range(1, T):
            # the previous token's TOP best labels, best first, the lower id first among equals
            n = 0
            for i in range(L):
                if n == TOP and not prev[i] > prev[top[TOP - 1]]:
                    continue
                k = n if n < TOP else TOP - 1
                while k > 0 and prev[i] > prev[top[k - 1]]:
                    top[k] = top[k - 1]
                    k -= 1
                top[k] = i
                if n < TOP:
                    n += 1
            st = state + t * L
            for j in range(L):
                # (b) the best previous label with no transition weight into j: one of the best few,
                # or, when all of those have a weight into j, a scan of all labels
                best_i = -1
                for k in range(n):
                    if transitions[top[k] * L + j] == 0.0:
                        best_i = top[k]
                        break
                if best_i < 0:
                    for i in range(L):
                        if transitions[i * L + j] == 0.0 and (best_i < 0 or prev[i] > prev[best_i]):
                            best_i = i
                best = prev[best_i] if best_i >= 0 else -1.7976931348623157e308
                # (a) the non-zero transitions into j
                for r in range(col_start[j], col_start[j + 1]):
                    i = col_from[r]
                    s = prev[i] + col_weight[r]
                    if s > best or (s == best and i < best_i):
                        best = s
                        best_i = i
                back[t * L + j] = best_i
                curr[j] = best + st[j]
            prev, curr = curr, prev
        best_i = 0
        best = -1.7976931348623157e308
        for i in range(L):
            if best < prev[i]:
                best = prev[i]
                best_i = i
        path = [0] * T
        path[T - 1] = best_i
        for t in range(T - 1, 0, -1):
            best_i = back[t * L + best_i]
            path[t - 1] = best_i
        return path
    finally:
        PyMem_Free(state)
        PyMem_Free(back)
        PyMem_Free(score)
