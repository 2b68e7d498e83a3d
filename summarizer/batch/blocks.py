"""Blocks of rows of one computation over a shared value, run as jobs on any engine.

A computation whose time grows with the square of its rows (story
clustering's similarity pass, ``story_graph.neighbour_rows``) is cut into
blocks of rows. Each block depends only on the shared value and its rows, so the
blocks can run anywhere: the computation travels with each job as a reference
to a module-level function (pickled by name), the value is shared once per pass (``Shared``: the
object itself in this process, a file for a local process pool, the object
store on Ray, so a cluster's nodes need no shared disk), every worker reads it
once, and the driver puts the blocks back in row order. The result is the same
whichever engine ran which block.
"""

from __future__ import annotations

import itertools
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

_counter = itertools.count()


@dataclass(frozen=True)
class Shared:
    """A value every worker can read: itself (``value``), a pickle file (``path``) or a Ray object (``ref``)."""

    key: str
    value: Any = None
    path: str = ""
    ref: Any = None


BlockCompute = Callable[..., tuple[np.ndarray, ...]]  # compute(shared value, rows, *params): a module-level function


@dataclass(frozen=True)
class BlockJob:
    """One block of rows of a computation over a shared value, with the computation's other parameters."""

    compute: BlockCompute
    shared: Shared
    rows: slice
    params: tuple[Any, ...] = ()


@dataclass(frozen=True)
class BlockResult:
    """A block's nearest-neighbour edges (heads, tails, scores)."""

    rows: slice
    arrays: tuple[np.ndarray, ...] = field(default=())


_READ: dict[str, Any] = {}


def resolve(shared: Shared) -> tuple[Any, Any, Any]:
    """The shared value, read once per process."""
    if shared.key not in _READ:
        if shared.ref is not None:
            import ray

            matrix = ray.get(shared.ref)
        elif shared.path:
            matrix = pickle.loads(Path(shared.path).read_bytes())
        else:
            matrix = shared.value
        _READ.clear()  # one pass at a time: the previous matrix is done with
        _READ[shared.key] = matrix
    return _READ[shared.key]


def run_block(job: BlockJob) -> BlockResult:
    """Compute one block."""
    return BlockResult(job.rows, job.compute(resolve(job.shared), job.rows, *job.params))


def new_key() -> str:
    """A key for the next shared matrix (unique within this driver)."""
    return f"pass-{next(_counter)}"


BlockMapper = Callable[[BlockCompute, Any, Sequence[slice], tuple[Any, ...]], list[BlockResult]]


def in_process(compute: BlockCompute, value: Any, blocks: Sequence[slice], params: tuple[Any, ...]) -> list[BlockResult]:
    """Every block, here, in order."""
    shared = Shared(new_key(), value=value)
    return [run_block(BlockJob(compute, shared, rows, params)) for rows in blocks]
