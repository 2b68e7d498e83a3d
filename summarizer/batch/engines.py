"""Where the units of work run: in this process, in a local process pool, or on Ray actors.

Every engine runs the same ``do_job`` with the model loaded once per worker,
so their files are byte-identical. An engine takes jobs and hands back
results as they finish, in any order; the driver (``batch.job``) decides
what to submit next.
"""

from __future__ import annotations

import os
import shutil
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from summarizer.batch.blocks import BlockCompute, BlockJob, BlockMapper, BlockResult, Shared, new_key, run_block
from summarizer.batch.work import Job, Result, do_job
from summarizer.embed.embedder import Encoder
from summarizer.errors import InputError
from summarizer.options import Options


@dataclass(frozen=True)
class WorkerConfig:
    """What a worker needs to build its encoder: the options, the cache, its torch threads, precision and device."""

    options: Options
    cache: bool
    cache_max_bytes: int
    threads: int
    precision: str = "auto"
    device: str = "auto"


class Engine(Protocol):
    """Runs jobs; ``next_result`` blocks until any submitted job is done and returns its result."""

    workers: int

    def submit(self, job: Job) -> None: ...

    def next_result(self) -> Result: ...

    def close(self, wait: bool = True) -> None: ...

    def share(self, value: Any) -> Shared: ...

    def unshare(self, shared: Shared) -> None: ...


def engine_mapper(engine: Engine) -> BlockMapper:
    """Run the blocks of a similarity pass as jobs on ``engine``, the matrix shared once."""

    def mapper(compute: BlockCompute, value: Any, blocks: Sequence[slice], params: tuple[Any, ...]) -> list[BlockResult]:
        shared = engine.share(value)
        try:
            for rows in blocks:
                engine.submit(BlockJob(compute, shared, rows, params))
            results = [engine.next_result() for _ in blocks]
        finally:
            engine.unshare(shared)
        return [result for result in results if isinstance(result, BlockResult)]

    return mapper


def build_encoder(config: WorkerConfig) -> Encoder:
    """The worker's model (loaded once), behind the on-disk cache unless it is off."""
    from summarizer.embed.embedder import Embedder

    embedder = Embedder(config.options.model, device=config.device, threads=config.threads, precision=config.precision)
    if not config.cache:
        return embedder
    from summarizer.embed.cache import CachedEmbedder, EmbeddingCache

    return CachedEmbedder(embedder, EmbeddingCache(max_bytes=config.cache_max_bytes))


class InlineEngine:
    """Runs each job in this process when its result is asked for."""

    workers = 1

    def __init__(self, config: WorkerConfig) -> None:
        self.config = config
        self.queue: deque[Job] = deque()
        self.encoder: Encoder | None = None

    def submit(self, job: Job) -> None:
        """Queue a job."""
        self.queue.append(job)

    def next_result(self) -> Result:
        """Run the oldest queued job."""
        job = self.queue.popleft()
        if isinstance(job, BlockJob):
            return run_block(job)  # no model needed
        if self.encoder is None:
            self.encoder = build_encoder(self.config)
        return do_job(job, self.config.options, self.encoder)

    def close(self, wait: bool = True) -> None:
        """Nothing to release."""

    def share(self, value: Any) -> Shared:
        """The value itself: the jobs run here."""
        return Shared(new_key(), value=value)

    def unshare(self, shared: Shared) -> None:
        """Nothing to release."""


_WORKER: tuple[WorkerConfig, Encoder] | None = None


def init_worker(config: WorkerConfig) -> None:
    """Pool initializer: build this process's encoder once, and exit when the driver dies (even by SIGKILL)."""
    from summarizer.errors import show_own_warnings

    show_own_warnings()
    global _WORKER
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the driver alone decides
    watch_parent(os.getppid())
    _WORKER = (config, build_encoder(config))


def watch_parent(parent: int, every: float = 1.0) -> None:
    """A daemon thread that ends this process once ``parent`` is gone, so a killed job leaves no orphans."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="summarizer-parent-watch", daemon=True).start()


def run_in_worker(job: Job) -> Result:
    """Run one job with this process's encoder."""
    assert _WORKER is not None, "init_worker was not called"
    config, encoder = _WORKER
    return do_job(job, config.options, encoder)


class PoolEngine:
    """A pool of ``workers`` processes (spawned, so no state leaks in), each with its own model."""

    def __init__(self, config: WorkerConfig, workers: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=init_worker, initargs=(config,))
        self.running: set[Any] = set()
        self.scratch: Path | None = None

    def submit(self, job: Job) -> None:
        """Send a job to the pool."""
        self.running.add(self.pool.submit(run_in_worker, job))

    def next_result(self) -> Result:
        """The result of a finished job (its error, if it failed)."""
        from concurrent.futures import FIRST_COMPLETED, wait

        done, _ = wait(self.running, return_when=FIRST_COMPLETED)
        future = next(iter(done))
        self.running.discard(future)
        result: Result = future.result()
        return result

    def close(self, wait: bool = True) -> None:
        """Drop queued jobs and stop the workers: after their current job, or at once (``wait`` False, on an interruption)."""
        if not wait:
            for process in list(getattr(self.pool, "_processes", {}).values()):  # the executor has no public terminate
                process.terminate()
        self.pool.shutdown(wait=wait, cancel_futures=True)
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)

    def share(self, value: Any) -> Shared:
        """A pickle file in a private temporary folder, read once by each worker."""
        import pickle
        import tempfile

        self.scratch = self.scratch or Path(tempfile.mkdtemp(prefix="summarizer-batch-"))
        key = new_key()
        path = self.scratch / f"{key}.pickle"
        path.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        return Shared(key, path=str(path))

    def unshare(self, shared: Shared) -> None:
        """Delete the file."""
        Path(shared.path).unlink(missing_ok=True)


class RayWorker:
    """A Ray actor holding one model; it runs jobs one at a time."""

    def __init__(self, config: WorkerConfig) -> None:
        self.config = config
        self.encoder = build_encoder(config)

    def run(self, job: Job) -> Result:
        """Run one job."""
        return do_job(job, self.config.options, self.encoder)


def connect_ray(address: str | None) -> None:
    """Join the cluster at ``address``, or start a local one on the loopback interface."""
    try:
        import ray
    except ImportError:
        raise InputError("--engine ray needs Ray: pip install 'summarizer[ray]'") from None
    if ray.is_initialized():
        return
    try:
        if address:
            ray.init(address=address, include_dashboard=False, log_to_driver=False, configure_logging=False)
        else:
            ray.init(_node_ip_address="127.0.0.1", include_dashboard=False, log_to_driver=False, configure_logging=False)
    except (ConnectionError, RuntimeError, ValueError) as error:
        raise InputError(f"cannot reach a Ray cluster at {address or 'a new local cluster'}: {str(error).splitlines()[0]}") from None


def ray_actor_count(wanted: int | None, threads: int) -> int:
    """Actors of ``threads`` CPUs each that the cluster can place at once (at most ``wanted``)."""
    import ray

    fits = max(1, int(ray.cluster_resources().get("CPU", 1)) // threads)
    return min(wanted, fits) if wanted else fits


class RayEngine:
    """Ray actors, each with the model loaded once, fed jobs as they free up."""

    def __init__(self, config: WorkerConfig, workers: int | None, address: str | None) -> None:
        connect_ray(address)
        import ray
        from ray.util import ActorPool

        self.workers = ray_actor_count(workers, config.threads)
        actor = ray.remote(num_cpus=config.threads)(RayWorker)
        self.pool = ActorPool([actor.remote(config) for _ in range(self.workers)])

    def submit(self, job: Job) -> None:
        """Hand a job to the next free actor (queued until one is)."""
        self.pool.submit(lambda worker, task: worker.run.remote(task), job)

    def next_result(self) -> Result:
        """The result of any finished job."""
        result: Result = self.pool.get_next_unordered()
        return result

    def close(self, wait: bool = True) -> None:
        """Leave the cluster running; the actors go with this driver."""

    def share(self, value: Any) -> Shared:
        """An object in the cluster's object store: every node's workers read it from there."""
        import ray

        return Shared(new_key(), ref=ray.put(value))

    def unshare(self, shared: Shared) -> None:
        """Let the object store drop it (the driver's reference goes with ``shared``)."""


def local_engine(config: WorkerConfig, workers: int) -> Engine:
    """In this process for one worker, else a process pool."""
    return InlineEngine(config) if workers <= 1 else PoolEngine(config, workers)


EngineFactory = Callable[[int], Engine]
