"""Run numpy's linear algebra on one thread, so results do not depend on how many threads a machine has.

A multithreaded BLAS splits a matrix product differently for each thread
count, and the sums then round differently in the last bit: enough to flip a
tie between two equal similarities. Inside the pipeline BLAS gets one thread
(threadpoolctl, the maintained way to set it at run time), so a briefing
comes out byte-identical in a process with two threads, a pool worker with
one, or a Ray actor.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Limit BLAS (OpenBLAS, MKL, BLIS) to one thread for the duration."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        yield
