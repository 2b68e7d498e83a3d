"""Where periods are processed: in this process, in a local process pool, or on a Ray cluster.

Every engine runs the same ``process_period`` with the model loaded once per
worker and the same number of torch threads per worker, so their files are
byte-identical. Results come back in completion order.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from summarizer.batch.work import PeriodResult, PeriodTask, process_period
from summarizer.embed.embedder import Encoder
from summarizer.errors import InputError
from summarizer.options import Options

ENGINES = ("local", "ray")


@dataclass(frozen=True)
class WorkerConfig:
    """What a worker needs to build its encoder: the options, the cache, its torch threads, precision and device."""

    options: Options
    cache: bool
    cache_max_bytes: int
    threads: int
    precision: str = "auto"
    device: str = "auto"


def build_encoder(config: WorkerConfig) -> Encoder:
    """The worker's model (loaded once), behind the on-disk cache unless it is off."""
    from summarizer.embed.embedder import Embedder

    embedder = Embedder(config.options.model, device=config.device, threads=config.threads, precision=config.precision)
    if not config.cache:
        return embedder
    from summarizer.embed.cache import CachedEmbedder, EmbeddingCache

    return CachedEmbedder(embedder, EmbeddingCache(max_bytes=config.cache_max_bytes))


_WORKER: tuple[WorkerConfig, Encoder] | None = None


def init_worker(config: WorkerConfig) -> None:
    """Pool initializer: build this process's encoder once, and exit when the driver dies (even by SIGKILL)."""
    global _WORKER
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


def run_in_worker(task: PeriodTask) -> PeriodResult:
    """Process one period with this process's encoder."""
    assert _WORKER is not None, "init_worker was not called"
    config, encoder = _WORKER
    return process_period(task, config.options, encoder)


def default_threads(workers: int) -> int:
    """Cores shared out among the workers, at least one each."""
    return max(1, (os.cpu_count() or 1) // max(workers, 1))


def run_local(tasks: Sequence[PeriodTask], config: WorkerConfig, workers: int) -> Iterator[PeriodResult]:
    """In this process (one worker) or a pool of ``workers`` processes, each with its own model."""
    if workers <= 1 or len(tasks) <= 1:
        encoder = build_encoder(config)
        for task in tasks:
            yield process_period(task, config.options, encoder)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(workers, len(tasks)), mp_context=context, initializer=init_worker, initargs=(config,)) as pool:
        futures = [pool.submit(run_in_worker, task) for task in tasks]
        for future in as_completed(futures):
            yield future.result()


class RayPeriodWorker:
    """A Ray actor holding one model; it processes periods one at a time."""

    def __init__(self, config: WorkerConfig) -> None:
        self.config = config
        self.encoder = build_encoder(config)

    def run(self, task: PeriodTask) -> PeriodResult:
        """Process one period."""
        return process_period(task, self.config.options, self.encoder)


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


def run_ray(tasks: Sequence[PeriodTask], config: WorkerConfig, workers: int, address: str | None) -> Iterator[PeriodResult]:
    """On a Ray cluster: ``workers`` actors, each with the model loaded once, fed periods as they free up."""
    connect_ray(address)
    import ray
    from ray.util import ActorPool

    if not tasks:
        return
    actor = ray.remote(num_cpus=config.threads)(RayPeriodWorker)
    actors = [actor.remote(config) for _ in range(max(1, min(workers, len(tasks))))]
    pool = ActorPool(actors)
    yield from pool.map_unordered(lambda worker, task: worker.run.remote(task), list(tasks))
