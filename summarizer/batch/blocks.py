"""The similarity pass of story clustering as jobs: blocks of rows of a sparse product, run on any engine.

Story clustering's one pass over blocks of rows (``story_graph.neighbour_block``)
is the part of cutting a large period whose time grows with the square of its
articles. Each block depends only on the evidence rows (``x`` and the weighted ``u``), so the
blocks can run anywhere: the pair of matrices is shared once per pass (``Shared``: the
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


@dataclass(frozen=True)
class BlockJob:
    """One block of rows of the similarity pass over a shared pair of evidence matrices."""

    shared: Shared
    rows: slice
    intercept: float
    floor: float
    k: int


@dataclass(frozen=True)
class BlockResult:
    """A block's nearest-neighbour edges (heads, tails, scores)."""

    rows: slice
    arrays: tuple[np.ndarray, ...] = field(default=())


_READ: dict[str, tuple[Any, Any, Any]] = {}


def resolve(shared: Shared) -> tuple[Any, Any, Any]:
    """The shared content rows ``x``, the transpose of the weighted rows ``u`` (as CSR) and the time part, read once per process."""
    if shared.key not in _READ:
        if shared.ref is not None:
            import ray

            matrix = ray.get(shared.ref)
        elif shared.path:
            matrix = pickle.loads(Path(shared.path).read_bytes())
        else:
            matrix = shared.value
        _READ.clear()  # one pass at a time: the previous matrix is done with
        x, u, time = matrix
        _READ[shared.key] = (x, u.T.tocsr(), time)
    return _READ[shared.key]


def run_block(job: BlockJob) -> BlockResult:
    """Compute one block."""
    from summarizer.batch.story_graph import neighbour_block

    x, u_transposed, time = resolve(job.shared)
    return BlockResult(job.rows, neighbour_block(x, u_transposed, time, job.rows, job.intercept, job.floor, job.k))


def new_key() -> str:
    """A key for the next shared matrix (unique within this driver)."""
    return f"pass-{next(_counter)}"


BlockMapper = Callable[[Any, Sequence[slice], float, float, int], list[BlockResult]]


def in_process(matrix: Any, blocks: Sequence[slice], intercept: float, floor: float, k: int) -> list[BlockResult]:
    """Every block, here, in order."""
    shared = Shared(new_key(), value=matrix)
    return [run_block(BlockJob(shared, rows, intercept, floor, k)) for rows in blocks]
